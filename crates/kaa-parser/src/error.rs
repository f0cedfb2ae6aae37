//! SyntaxError and its subclasses as the parser reports them.

use std::fmt;

/// Which exception class CPython would raise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
    /// Not a SyntaxError: CPython raises these from the parser too
    /// (e.g. "source code string cannot contain null bytes" is a ValueError
    /// for `compile()`, a SyntaxError for files).
    ValueError,
    /// Too deep a nesting of expressions ("too many nested parentheses" is a
    /// SyntaxError; exhausting the parser stack is a MemoryError/RecursionError).
    RecursionError,
    MemoryError,
    /// A bad source encoding declaration or undecodable bytes.
    UnicodeDecodeError,
}

impl ErrorKind {
    /// The Python class name.
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::SyntaxError => "SyntaxError",
            ErrorKind::IndentationError => "IndentationError",
            ErrorKind::TabError => "TabError",
            ErrorKind::ValueError => "ValueError",
            ErrorKind::RecursionError => "RecursionError",
            ErrorKind::MemoryError => "MemoryError",
            ErrorKind::UnicodeDecodeError => "UnicodeDecodeError",
        }
    }
}

/// A syntax error with CPython's fields.
///
/// `offset` and `end_offset` are 1-based *character* columns (as
/// `SyntaxError.offset` in CPython 3.11); 0 means unknown. `text` is the
/// whole source line, including its newline when the source had one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub msg: String,
    pub lineno: u32,
    pub offset: u32,
    pub end_lineno: u32,
    pub end_offset: u32,
    pub text: Option<String>,
}

impl SyntaxError {
    /// A SyntaxError with no position (yet).
    pub fn new(kind: ErrorKind, msg: impl Into<String>) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            lineno: 0,
            offset: 0,
            end_lineno: 0,
            end_offset: 0,
            text: None,
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {} (line {})",
            self.kind.name(),
            self.msg,
            self.lineno
        )
    }
}

impl std::error::Error for SyntaxError {}

/// The `offset`/`end_offset` value standing for CPython's -1 (e.g. the
/// `end_offset` of "unexpected EOF while parsing"): `-1i32 as u32`.
pub const OFFSET_MINUS_ONE: u32 = u32::MAX;
