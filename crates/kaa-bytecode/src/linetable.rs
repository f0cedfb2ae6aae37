//! The location table (`co_linetable`, PEP 657, CPython 3.11's format;
//! Objects/locations.md): decoding to `co_lines()` and `co_positions()` as
//! Objects/codeobject.c does, and the encoder the compiler uses, choosing
//! entry forms as Python/compile.c's `write_location_info_entry`.
//!
//! Each entry covers 1 to 8 code units. Its first byte has bit 7 set, the
//! entry code in bits 3-6 and the length minus one in bits 0-2.

/// Entry code 0-9: same line, column = code*8 + high nibble of the next byte.
const SHORT0: u8 = 0;
/// Entry codes 10-12: line delta 0-2, then column and end column bytes.
const ONE_LINE0: u8 = 10;
/// Entry code 13: a signed line delta and no columns.
const NO_COLUMNS: u8 = 13;
/// Entry code 14: line delta, end line delta, column+1, end column+1.
const LONG: u8 = 14;
/// Entry code 15: no location.
const NONE: u8 = 15;

/// One `co_lines()` item: code bytes `start..end` belong to `line` (None
/// for no line, as CPython gives for negative lines).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineRange {
    /// First byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The line, if any.
    pub line: Option<i32>,
}

/// One `co_positions()` item (`dis.Positions`): None where CPython has -1.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Positions {
    /// `lineno`.
    pub lineno: Option<i32>,
    /// `end_lineno`.
    pub end_lineno: Option<i32>,
    /// `col_offset` (UTF-8 bytes).
    pub col_offset: Option<i32>,
    /// `end_col_offset`.
    pub end_col_offset: Option<i32>,
}

/// A cursor over the table. Reads past the end give 0 (CPython trusts the
/// table and reads on; kaa never leaves the buffer).
struct Reader<'a> {
    table: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn at_end(&self) -> bool {
        self.pos >= self.table.len()
    }

    fn byte(&mut self) -> u8 {
        let b = self.table.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }

    /// Unsigned varint: 6-bit chunks, least significant first, 0x40 = more.
    fn varint(&mut self) -> u32 {
        let mut b = self.byte();
        let mut val = (b & 63) as u32;
        let mut shift = 0u32;
        while b & 64 != 0 {
            b = self.byte();
            shift = shift.saturating_add(6);
            if shift < 32 {
                val |= ((b & 63) as u32) << shift;
            }
        }
        val
    }

    /// Signed varint: the low bit is the sign.
    fn signed_varint(&mut self) -> i32 {
        let uval = self.varint();
        if uval & 1 != 0 {
            ((uval >> 1) as i32).wrapping_neg()
        } else {
            (uval >> 1) as i32
        }
    }
}

/// One decoded entry: its length in code units and what it says.
struct Entry {
    units: usize,
    /// The line (-1 for none) and the running line after the entry.
    line: i32,
    end_line: i32,
    column: i32,
    end_column: i32,
}

/// Decodes the entry at the cursor (`advance_with_locations`), updating the
/// running line `computed`. With `skip`, then moves to the next byte with
/// bit 7 set, as `advance` (co_lines) does; the two only differ on
/// malformed tables.
fn next_entry(r: &mut Reader<'_>, computed: &mut i32, skip: bool) -> Entry {
    let first = r.byte();
    let code = (first >> 3) & 15;
    let units = (first & 7) as usize + 1;
    let (line, end_line, column, end_column) = match code {
        NONE => (-1, -1, -1, -1),
        LONG => {
            *computed = computed.wrapping_add(r.signed_varint());
            let line = *computed;
            let end_line = line.wrapping_add(r.varint() as i32);
            let column = (r.varint() as i32).wrapping_sub(1);
            let end_column = (r.varint() as i32).wrapping_sub(1);
            (line, end_line, column, end_column)
        }
        NO_COLUMNS => {
            *computed = computed.wrapping_add(r.signed_varint());
            (*computed, *computed, -1, -1)
        }
        10..=12 => {
            *computed = computed.wrapping_add((code - ONE_LINE0) as i32);
            let column = r.byte() as i32;
            let end_column = r.byte() as i32;
            (*computed, *computed, column, end_column)
        }
        _ => {
            let second = r.byte();
            let column = ((code as i32) << 3) | (second >> 4) as i32;
            (*computed, *computed, column, column + (second & 15) as i32)
        }
    };
    if skip {
        while r.table.get(r.pos).is_some_and(|b| b & 128 == 0) {
            r.pos += 1;
        }
    }
    Entry {
        units,
        line,
        end_line,
        column,
        end_column,
    }
}

/// `co_lines()`: one range per table entry, in bytes; negative lines are
/// None (`lineiter_next`).
pub fn co_lines(table: &[u8], firstlineno: i32) -> Vec<LineRange> {
    let mut r = Reader { table, pos: 0 };
    let mut computed = firstlineno;
    let mut offset = 0usize;
    let mut out = Vec::new();
    while !r.at_end() {
        let e = next_entry(&mut r, &mut computed, true);
        let end = offset + e.units * 2;
        out.push(LineRange {
            start: offset,
            end,
            line: (e.line >= 0).then_some(e.line),
        });
        offset = end;
    }
    out
}

/// `co_positions()`: one item per code unit the table covers; each -1 is
/// None (`positionsiter_next`).
pub fn co_positions(table: &[u8], firstlineno: i32) -> Vec<Positions> {
    let opt = |v: i32| (v != -1).then_some(v);
    let mut r = Reader { table, pos: 0 };
    let mut computed = firstlineno;
    let mut out = Vec::new();
    while !r.at_end() {
        let e = next_entry(&mut r, &mut computed, false);
        let p = Positions {
            lineno: opt(e.line),
            end_lineno: opt(e.end_line),
            col_offset: opt(e.column),
            end_col_offset: opt(e.end_column),
        };
        out.extend(std::iter::repeat_n(p, e.units));
    }
    out
}

/// A source location for the encoder: -1 means "none", as in CPython's
/// `struct instr` (`i_lineno`, `i_end_lineno`, `i_col_offset`,
/// `i_end_col_offset`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Location {
    /// First line; negative for "no location".
    pub lineno: i32,
    /// Last line (-1 when unknown).
    pub end_lineno: i32,
    /// Start column in UTF-8 bytes (-1 when unknown).
    pub col_offset: i32,
    /// End column (-1 when unknown).
    pub end_col_offset: i32,
}

/// Builds a location table one instruction at a time, as CPython 3.11's
/// assembler does (`assemble_emit_location`).
#[derive(Clone, Debug)]
pub struct LineTableWriter {
    table: Vec<u8>,
    lineno: i32,
}

impl LineTableWriter {
    /// A writer for a code object whose `co_firstlineno` is `firstlineno`.
    pub fn new(firstlineno: i32) -> LineTableWriter {
        LineTableWriter {
            table: Vec::new(),
            lineno: firstlineno,
        }
    }

    /// Adds an instruction of `units` code units (EXTENDED_ARGs and caches
    /// included) at `loc`; instructions longer than 8 units take several
    /// entries.
    pub fn push(&mut self, mut units: u32, loc: Location) {
        while units > 8 {
            self.entry(8, loc);
            units -= 8;
        }
        if units > 0 {
            self.entry(units, loc);
        }
    }

    /// The finished `co_linetable`.
    pub fn finish(self) -> Vec<u8> {
        self.table
    }

    fn first_byte(&mut self, code: u8, units: u32) {
        self.table
            .push(0x80 | (code << 3) | ((units - 1) as u8 & 7));
    }

    fn varint(&mut self, mut val: u32) {
        while val >= 64 {
            self.table.push(0x40 | (val & 63) as u8);
            val >>= 6;
        }
        self.table.push(val as u8);
    }

    fn signed_varint(&mut self, val: i32) {
        let uval = if val < 0 {
            (val.unsigned_abs() << 1) | 1
        } else {
            (val as u32) << 1
        };
        self.varint(uval);
    }

    /// `write_location_info_entry`: the shortest form that holds `loc`.
    fn entry(&mut self, units: u32, loc: Location) {
        if loc.lineno < 0 {
            self.first_byte(NONE, units);
            return;
        }
        let line_delta = loc.lineno.wrapping_sub(self.lineno);
        let (col, end_col) = (loc.col_offset, loc.end_col_offset);
        if col < 0 || end_col < 0 {
            if loc.end_lineno == loc.lineno || loc.end_lineno == -1 {
                self.first_byte(NO_COLUMNS, units);
                self.signed_varint(line_delta);
                self.lineno = loc.lineno;
                return;
            }
        } else if loc.end_lineno == loc.lineno {
            if line_delta == 0 && col < 80 && end_col - col < 16 && end_col >= col {
                self.first_byte(SHORT0 + (col >> 3) as u8, units);
                self.table.push((((col & 7) << 4) | (end_col - col)) as u8);
                return;
            }
            if (0..3).contains(&line_delta) && col < 128 && end_col < 128 {
                self.first_byte(ONE_LINE0 + line_delta as u8, units);
                self.table.push(col as u8);
                self.table.push(end_col as u8);
                self.lineno = loc.lineno;
                return;
            }
        }
        self.first_byte(LONG, units);
        self.signed_varint(line_delta);
        self.varint(loc.end_lineno.wrapping_sub(loc.lineno) as u32);
        self.varint(col.wrapping_add(1) as u32);
        self.varint(end_col.wrapping_add(1) as u32);
        self.lineno = loc.lineno;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `def f(): x = 1; ...` from python3: `f.__code__.co_linetable`.
    #[test]
    fn decodes_a_cpython_table() {
        let table = [
            0x80, 0x00, 0xd8, 0x08, 0x09, 0x80, 0x41, 0xd8, 0x08, 0x09, 0x80, 0x41, 0xd8, 0x0b,
            0x0c, 0x88, 0x71, 0x89, 0x35, 0x80, 0x4c,
        ];
        let lines: Vec<_> = co_lines(&table, 2)
            .iter()
            .map(|r| (r.start, r.end, r.line))
            .collect();
        assert_eq!(
            lines,
            [
                (0, 2, Some(2)),
                (2, 4, Some(3)),
                (4, 6, Some(3)),
                (6, 8, Some(4)),
                (8, 10, Some(4)),
                (10, 12, Some(5)),
                (12, 14, Some(5)),
                (14, 18, Some(5)),
                (18, 20, Some(5))
            ]
        );
        let p = co_positions(&table, 2);
        assert_eq!(p.len(), 10);
        assert_eq!(
            p[7],
            Positions {
                lineno: Some(5),
                end_lineno: Some(5),
                col_offset: Some(11),
                end_col_offset: Some(16)
            }
        );
    }

    #[test]
    fn truncated_tables_do_not_panic() {
        for table in [
            &[0xf0u8][..],
            &[0xf0, 0x41],
            &[0x80],
            &[0xd0],
            &[0xff, 0x7f],
        ] {
            let _ = co_lines(table, 1);
            let _ = co_positions(table, i32::MAX);
        }
    }
}
