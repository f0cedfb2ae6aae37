//! Strict decoding of `co_exceptiontable` (as ceval's
//! `get_exception_handler` reads it, binary search on the entry-start bit
//! included) and the well-formedness of `co_linetable` (PEP 657 entries,
//! Objects/locations.md).

use super::decode::Decoded;
use super::{at, whole, Problem};
use crate::code::CodeObject;
use crate::opcode::Opcode;

/// One checked exception table entry, as instruction indices.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    /// The handler's first instruction.
    pub(crate) target: usize,
    /// The stack depth to unwind to.
    pub(crate) depth: u64,
    /// Whether the raising offset is pushed too.
    pub(crate) lasti: bool,
}

/// The checked table: the entries, and for each instruction the entry
/// covering it.
pub(crate) struct Handlers {
    pub(crate) entries: Vec<Handler>,
    pub(crate) covering: Vec<Option<u32>>,
}

/// Reads one varint of the exception table (6-bit chunks, most significant
/// first, 0x40 = more); `first` says whether it opens an entry, whose first
/// byte must have 0x80 (no other byte may).
fn varint(table: &[u8], pos: &mut usize, first: bool) -> Result<u64, Problem> {
    let mut value: u64 = 0;
    for chunk in 0.. {
        let Some(&b) = table.get(*pos) else {
            return Err(whole("exception table entry is truncated"));
        };
        let opens = chunk == 0 && first;
        if (b & 0x80 != 0) != opens {
            return Err(whole(format!(
                "exception table: misplaced entry-start bit at byte {}",
                *pos
            )));
        }
        *pos += 1;
        value = (value << 6) | u64::from(b & 0x3f);
        if value > u64::from(u32::MAX) {
            return Err(whole("exception table value is too large"));
        }
        if b & 0x40 == 0 {
            break;
        }
    }
    Ok(value)
}

/// Decodes and checks `co_exceptiontable` against the instructions.
pub(crate) fn exception_table(code: &CodeObject, d: &Decoded) -> Result<Handlers, Problem> {
    let table = &code.exceptiontable;
    let len = code.code.len() as u64;
    let mut entries = Vec::new();
    let mut covering: Vec<Option<u32>> = vec![None; d.ins.len()];
    let mut pos = 0;
    let mut prev_end = 0u64;
    while pos < table.len() {
        let start = varint(table, &mut pos, true)? * 2;
        let length = varint(table, &mut pos, false)? * 2;
        let target = varint(table, &mut pos, false)? * 2;
        let dl = varint(table, &mut pos, false)?;
        let end = start + length;
        let entry = entries.len();
        let here = |m: String| {
            at(
                start as usize,
                format!("exception table entry {entry}: {m}"),
            )
        };
        if length == 0 || end > len {
            return Err(here(format!(
                "range {start}..{end} is empty or past the code"
            )));
        }
        if start < prev_end {
            return Err(here("entries overlap or are out of order".into()));
        }
        if start < d.body_start as u64 {
            return Err(here("covers the prologue".into()));
        }
        prev_end = end;
        let (Some(first), Some(last)) = (
            d.at_offset(start),
            if end == len {
                Some(d.ins.len())
            } else {
                d.at_offset(end)
            },
        ) else {
            return Err(here(format!("range {start}..{end} splits an instruction")));
        };
        let Some(target_index) = d.at_offset(target) else {
            return Err(here(format!(
                "handler {target} is not an instruction start"
            )));
        };
        if target < d.body_start as u64
            || d.ins
                .get(target_index)
                .is_some_and(|i| i.op == Opcode::CALL)
        {
            return Err(here(format!("handler {target} is not a valid target")));
        }
        let depth = dl >> 1;
        let lasti = dl & 1 != 0;
        if depth + 1 + u64::from(lasti) > u64::from(code.stacksize) {
            return Err(here(format!(
                "handler depth {depth} exceeds co_stacksize {}",
                code.stacksize
            )));
        }
        let entry_index = u32::try_from(entry).map_err(|_| here("too many entries".into()))?;
        for slot in covering.get_mut(first..last).unwrap_or_default() {
            *slot = Some(entry_index);
        }
        entries.push(Handler {
            target: target_index,
            depth,
            lasti,
        });
    }
    Ok(Handlers { entries, covering })
}

/// Checks that `co_linetable` is a run of complete entries. How much code
/// it covers is not checked: CPython's readers stop at the end of the
/// table (positions past it are None).
pub(crate) fn check_linetable(table: &[u8]) -> Result<(), Problem> {
    let mut pos = 0;
    while let Some(&first) = table.get(pos) {
        let bad = |m: &str| whole(format!("co_linetable: {m} at byte {pos}"));
        if first & 0x80 == 0 {
            return Err(bad("entry without its start bit"));
        }
        let entry = pos;
        pos += 1;
        let code = (first >> 3) & 15;
        // Payload: the number of plain bytes, then of varints.
        let (bytes, varints) = match code {
            15 => (0, 0),
            14 => (0, 4),
            13 => (0, 1),
            10..=12 => (2, 0),
            _ => (1, 0),
        };
        for _ in 0..bytes {
            match table.get(pos) {
                Some(b) if b & 0x80 == 0 => pos += 1,
                _ => {
                    return Err(whole(format!(
                        "co_linetable: truncated entry at byte {entry}"
                    )))
                }
            }
        }
        for _ in 0..varints {
            // Unsigned varints: 6-bit chunks, least significant first.
            let mut chunks = 0;
            loop {
                match table.get(pos) {
                    Some(b) if b & 0x80 == 0 => {
                        pos += 1;
                        chunks += 1;
                        if chunks > 6 {
                            return Err(whole(format!(
                                "co_linetable: overlong number at byte {entry}"
                            )));
                        }
                        if b & 0x40 == 0 {
                            break;
                        }
                    }
                    _ => {
                        return Err(whole(format!(
                            "co_linetable: truncated entry at byte {entry}"
                        )))
                    }
                }
            }
        }
    }
    Ok(())
}
