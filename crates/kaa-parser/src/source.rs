//! Source bytes to text: the UTF-8 BOM and PEP 263 coding declarations.
//! (Being written.)

use crate::error::{ErrorKind, SyntaxError};

/// Decodes a source file's bytes as CPython's tokenizer does.
pub fn decode(source: &[u8]) -> Result<String, SyntaxError> {
    let source = source.strip_prefix(b"\xef\xbb\xbf").unwrap_or(source);
    String::from_utf8(source.to_vec())
        .map_err(|_| SyntaxError::new(ErrorKind::SyntaxError, "invalid utf-8"))
}
