//! SyntaxErrors raised after parsing, located the way CPython's compiler
//! stages locate them.
//!
//! The symbol table and the future-statement checker report errors through
//! `PyErr_RangedSyntaxLocationObject` / `PyErr_SyntaxLocationObject`, which
//! take the AST's column (a UTF-8 *byte* offset) plus one as `offset`,
//! without converting it to characters: on a line with non-ASCII text
//! before the error, CPython's `offset` counts bytes, and kaa matches it.
//! The `text` attribute is the source line (CPython reads it back from the
//! file named by `filename`; for `<string>` it is `None`, which a caller
//! compiling a string can apply by clearing `text`).

use kaa_parser::{ErrorKind, SyntaxError};

/// Where an error points: CPython's four location numbers, already in the
/// form the SyntaxError attributes take (`offset`s 1-based, 0 for `None`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ErrorSpan {
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
}

impl ErrorSpan {
    /// The span of an AST location (`LOCATION(x)` + 1 on both columns, as
    /// `PyErr_RangedSyntaxLocationObject(..., col_offset + 1, ...,
    /// end_col_offset + 1)` is called throughout symtable.c).
    pub fn of(loc: kaa_parser::ast::Loc) -> ErrorSpan {
        ErrorSpan {
            lineno: loc.lineno,
            offset: loc.col_offset.saturating_add(1),
            end_lineno: loc.end_lineno,
            end_offset: loc.end_col_offset.saturating_add(1),
        }
    }
}

/// A SyntaxError at `span` whose `text` is line `span.lineno` of `source`.
pub(crate) fn syntax_error(source: &str, msg: String, span: ErrorSpan) -> SyntaxError {
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg,
        lineno: span.lineno,
        offset: span.offset,
        end_lineno: span.end_lineno,
        end_offset: span.end_offset,
        text: source_line(source, span.lineno),
    }
}

/// Line `lineno` (1-based) of `source` as CPython reads it back for a
/// SyntaxError's `text`: universal newlines, the line ending written as a
/// single `\n` (absent on a last line without one). `None` past the end.
fn source_line(source: &str, lineno: u32) -> Option<String> {
    if lineno == 0 {
        return None;
    }
    let mut rest = source;
    let mut current = 1u32;
    loop {
        let end = rest.find(['\n', '\r']);
        if current == lineno {
            return Some(match end {
                Some(i) => format!("{}\n", &rest[..i]),
                None if rest.is_empty() => return None,
                None => rest.to_string(),
            });
        }
        let i = end?;
        let skip = if rest[i..].starts_with("\r\n") { 2 } else { 1 };
        rest = &rest[i + skip..];
        current += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::source_line;

    #[test]
    fn lines_as_cpython_reads_them() {
        assert_eq!(source_line("a\nb\n", 1).as_deref(), Some("a\n"));
        assert_eq!(source_line("a\nb", 2).as_deref(), Some("b"));
        assert_eq!(source_line("a\r\nb  \r\nc", 2).as_deref(), Some("b  \n"));
        assert_eq!(source_line("a\rb", 2).as_deref(), Some("b"));
        assert_eq!(source_line("a\n", 2), None);
        assert_eq!(source_line("a", 0), None);
    }
}
