//! kaa's front end: Python 3.11 source text to an AST shaped like CPython's
//! `ast` module, or the SyntaxError CPython would raise.
//!
//! The pipeline is `source` (bytes to text: BOM, PEP 263 declaration) ->
//! `tokenizer` (tokens with positions) -> `parser` (a PEG parser following
//! CPython's `Grammar/python.gram`, rule for rule) -> `ast`.
#![forbid(unsafe_code)]

pub mod ast;
pub mod constant;
pub mod dump;
pub mod error;
pub mod parser;
pub mod pyrepr;
pub mod source;
pub mod string;
pub mod token;
pub mod tokenizer;
pub mod unicode_tables;

pub use error::{ErrorKind, SyntaxError};

/// What kind of source is being parsed (`compile()`'s mode argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: `exec`.
    Exec,
    /// A single expression: `eval`.
    Eval,
    /// One interactive statement: `single`.
    Single,
    /// A function type comment: `func_type`.
    FuncType,
}

impl Mode {
    /// Parses `compile()`'s mode name.
    pub fn from_name(name: &str) -> Option<Mode> {
        Some(match name {
            "exec" => Mode::Exec,
            "eval" => Mode::Eval,
            "single" => Mode::Single,
            "func_type" => Mode::FuncType,
            _ => return None,
        })
    }
}

/// Parses source bytes (honouring a BOM and a coding declaration).
pub fn parse_bytes(source: &[u8], mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let text = source::decode(source)?;
    parse(&text, mode)
}

/// Parses already-decoded source text.
pub fn parse(source: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    parser::parse(source, mode)
}
