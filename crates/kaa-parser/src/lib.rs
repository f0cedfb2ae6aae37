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

/// How parse errors count columns, which depends on how the source arrived.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ParseOptions {
    pub mode: Mode,
    /// Report parser errors in character columns (CPython does when its
    /// tokenizer knows the encoding: `str` input, a BOM or a coding
    /// declaration); otherwise in UTF-8 byte columns.
    pub char_offsets: bool,
    /// The source is a script file: error texts are its lines (CPython
    /// re-reads them from the file), not the tokenizer's buffer.
    pub from_file: bool,
    /// The file starts with a UTF-8 BOM (which those re-read lines keep).
    pub bom: bool,
}

/// Parses source bytes as `compile(bytes)` / `ast.parse(bytes)` / an import
/// do (honouring a BOM and a coding declaration).
pub fn parse_bytes(source: &[u8], mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let decoded = source::decode_source(source)?;
    let opts = ParseOptions {
        mode,
        char_offsets: decoded.char_offsets,
        from_file: false,
        bom: false,
    };
    parser::parse_with(&decoded.text, opts)
}

/// A warning the front end emits while reading source (CPython's tokenizer
/// warns with SyntaxWarning, e.g. "invalid decimal literal" for `1if x`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// The warning class: "SyntaxWarning".
    pub category: &'static str,
    pub message: String,
    pub lineno: u32,
}

/// `parse_file`, also giving the warnings CPython prints while reading the
/// source (before any error), in order.
pub fn parse_file_with_warnings(
    source: &[u8],
    filename: &str,
    mode: Mode,
) -> (Result<ast::Mod, SyntaxError>, Vec<Warning>) {
    let decoded = match source::decode_file(source, filename) {
        Ok(d) => d,
        Err(e) => return (Err(e), Vec::new()),
    };
    let bom = source.starts_with(b"\xef\xbb\xbf");
    let opts = ParseOptions {
        mode,
        char_offsets: decoded.char_offsets,
        from_file: true,
        bom,
    };
    parser::parse_with_warnings(&decoded.text, opts)
}

/// `parse`, also giving the warnings (see `parse_file_with_warnings`).
pub fn parse_with_warnings(
    source: &str,
    mode: Mode,
) -> (Result<ast::Mod, SyntaxError>, Vec<Warning>) {
    let opts = ParseOptions {
        mode,
        char_offsets: true,
        from_file: false,
        bom: false,
    };
    parser::parse_with_warnings(source, opts)
}

/// Parses a script file's bytes as `python3 FILE` does (the file reader's
/// own encoding errors, which name `filename`).
pub fn parse_file(source: &[u8], filename: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let decoded = source::decode_file(source, filename)?;
    let bom = source.starts_with(b"\xef\xbb\xbf");
    let opts = ParseOptions {
        mode,
        char_offsets: decoded.char_offsets,
        from_file: true,
        bom,
    };
    parser::parse_with(&decoded.text, opts)
}

/// Parses already-decoded source text (`compile(str)`).
pub fn parse(source: &str, mode: Mode) -> Result<ast::Mod, SyntaxError> {
    let opts = ParseOptions {
        mode,
        char_offsets: true,
        from_file: false,
        bom: false,
    };
    parser::parse_with(source, opts)
}
