//! Identifier validation, as CPython 3.11's `verify_identifier`: PEP 3131
//! (XID_Start/XID_Continue, plus `_` first) over Unicode 14.0.0, the
//! database CPython 3.11 ships.

use super::{Fail, Lexer};
use crate::unicode_tables::PRINTABLE;

/// Code points `unicode-ident` (a newer Unicode) accepts as XID_Start that
/// Unicode 14.0.0 does not (sorted, inclusive ranges).
static NEWER_XID_START: &[(u32, u32)] = &[];

/// Code points `unicode-ident` accepts as XID_Continue that Unicode 14.0.0
/// does not (sorted, inclusive ranges).
static NEWER_XID_CONTINUE: &[(u32, u32)] = &[];

/// True when `c` lies in one of the sorted inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let c = c as u32;
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < c {
                std::cmp::Ordering::Less
            } else if lo > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// `_PyUnicode_IsXidStart` (Unicode 14.0.0).
pub(super) fn is_xid_start(c: char) -> bool {
    unicode_ident::is_xid_start(c) && !in_ranges(NEWER_XID_START, c)
}

/// `_PyUnicode_IsXidContinue` (Unicode 14.0.0).
pub(super) fn is_xid_continue(c: char) -> bool {
    unicode_ident::is_xid_continue(c) && !in_ranges(NEWER_XID_CONTINUE, c)
}

/// `Py_UNICODE_ISPRINTABLE` (Unicode 14.0.0).
pub(super) fn is_printable(c: char) -> bool {
    in_ranges(PRINTABLE, c)
}

/// `_PyUnicode_ScanIdentifier`: the byte offset and value of the first
/// character that cannot be part of the identifier `word`.
fn first_invalid(word: &str) -> Option<(usize, char)> {
    let mut chars = word.char_indices();
    let (_, first) = chars.next()?;
    if !is_xid_start(first) && first != '_' {
        return Some((0, first));
    }
    chars.find(|&(_, c)| !is_xid_continue(c))
}

impl Lexer<'_> {
    /// `verify_identifier`: checks the non-ASCII identifier `start..pos`; on
    /// failure the error points just past the offending character.
    pub(super) fn verify_identifier(&mut self, start: usize) -> Result<(), Fail> {
        let word = self.text.get(start..self.pos).unwrap_or("");
        let Some((at, ch)) = first_invalid(word) else {
            return Ok(());
        };
        self.pos = start + at + ch.len_utf8();
        let code = ch as u32;
        let msg = if is_printable(ch) {
            format!("invalid character '{ch}' (U+{code:04X})")
        } else {
            format!("invalid non-printable character U+{code:04X}")
        };
        Err(self.syntax_error(msg))
    }
}
