//! The exception table (`co_exceptiontable`, CPython 3.11): decoding as
//! `dis._parse_exception_table` does, encoding as Python/compile.c's
//! `assemble_emit_exception_table_entry`, and the handler lookup of
//! Python/ceval.c's `get_exception_handler`.
//!
//! Each entry is four varints: start, length and target (in code units)
//! and `depth << 1 | lasti`. Varints are 6-bit chunks, most significant
//! first, with 0x40 on every chunk but the last; an entry's first byte also
//! has 0x80.

/// One entry, in byte offsets as `dis` shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionTableEntry {
    /// First covered byte offset.
    pub start: u32,
    /// End of the covered range (exclusive); `dis` prints `end - 2`.
    pub end: u32,
    /// The handler's byte offset.
    pub target: u32,
    /// The stack depth to unwind to.
    pub depth: u32,
    /// Whether the offset of the raising instruction is pushed too.
    pub lasti: bool,
}

/// Reads one varint (`dis._parse_varint`); None at the end of the table.
/// Values wrap at 32 bits (dis uses unbounded ints; only hostile tables
/// overflow).
fn varint(table: &[u8], pos: &mut usize) -> Option<u32> {
    let mut b = *table.get(*pos)?;
    *pos += 1;
    let mut val = (b & 63) as u32;
    while b & 64 != 0 {
        b = *table.get(*pos)?;
        *pos += 1;
        val = (val << 6) | (b & 63) as u32;
    }
    Some(val)
}

/// `dis._parse_exception_table`: every complete entry; a truncated last
/// entry is dropped. The 0x80 entry-start bits are not checked.
pub fn parse(table: &[u8]) -> Vec<ExceptionTableEntry> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(e) = entry_at(table, &mut pos) {
        out.push(e);
    }
    out
}

fn entry_at(table: &[u8], pos: &mut usize) -> Option<ExceptionTableEntry> {
    let start = varint(table, pos)?.wrapping_mul(2);
    let length = varint(table, pos)?.wrapping_mul(2);
    let target = varint(table, pos)?.wrapping_mul(2);
    let dl = varint(table, pos)?;
    Some(ExceptionTableEntry {
        start,
        end: start.wrapping_add(length),
        target,
        depth: dl >> 1,
        lasti: dl & 1 != 0,
    })
}

/// The handler for the instruction at code unit `index`: the first entry
/// whose range holds it (entries are sorted by start), as ceval's
/// `get_exception_handler` finds it.
pub fn find_handler(table: &[u8], index: u32) -> Option<ExceptionTableEntry> {
    let unit = index.wrapping_mul(2);
    let mut pos = 0;
    while let Some(e) = entry_at(table, &mut pos) {
        if e.start > unit {
            return None;
        }
        if e.end > unit {
            return Some(e);
        }
    }
    None
}

/// Appends one varint item; `msb` (0x80) marks an entry's first byte
/// (`assemble_emit_exception_table_item`).
fn push_item(out: &mut Vec<u8>, value: u32, msb: u8) {
    let mut msb = msb;
    for shift in [24u32, 18, 12, 6] {
        if value >= 1 << shift {
            out.push((((value >> shift) & 0x3f) as u8) | 0x40 | msb);
            msb = 0;
        }
    }
    out.push((value & 0x3f) as u8 | msb);
}

/// Encodes entries (byte offsets, as [`parse`] gives them) into a
/// `co_exceptiontable`. Offsets must be even and below 2**31.
pub fn encode(entries: &[ExceptionTableEntry]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        push_item(&mut out, e.start / 2, 0x80);
        push_item(&mut out, e.end.wrapping_sub(e.start) / 2, 0);
        push_item(&mut out, e.target / 2, 0);
        push_item(&mut out, (e.depth << 1) | e.lasti as u32, 0);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let entries = vec![
            ExceptionTableEntry {
                start: 44,
                end: 90,
                target: 92,
                depth: 0,
                lasti: false,
            },
            ExceptionTableEntry {
                start: 92,
                end: 126,
                target: 300_000,
                depth: 70,
                lasti: true,
            },
        ];
        let table = encode(&entries);
        assert_eq!(parse(&table), entries);
        assert_eq!(find_handler(&table, 22), Some(entries[0]));
        assert_eq!(find_handler(&table, 45), None);
        assert_eq!(find_handler(&table, 46), Some(entries[1]));
        assert_eq!(parse(&table[..table.len() - 1]), entries[..1]);
    }
}
