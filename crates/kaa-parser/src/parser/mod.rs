//! The parser (being written).
use crate::ast::Mod;
use crate::{Mode, SyntaxError};

pub fn parse(_source: &str, _mode: Mode) -> Result<Mod, SyntaxError> {
    Err(SyntaxError::new(crate::ErrorKind::SyntaxError, "parser not written yet"))
}
