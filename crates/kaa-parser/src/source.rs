//! Source bytes to text: the UTF-8 BOM, PEP 263 coding declarations and
//! newline translation, as CPython 3.11's tokenizer does them.
//! (Being written.)

use std::borrow::Cow;

use crate::error::{ErrorKind, SyntaxError};

/// Decodes a source file's bytes as CPython's tokenizer does.
pub fn decode(source: &[u8]) -> Result<String, SyntaxError> {
    let source = source.strip_prefix(b"\xef\xbb\xbf").unwrap_or(source);
    let text = String::from_utf8(source.to_vec())
        .map_err(|_| SyntaxError::new(ErrorKind::SyntaxError, "invalid utf-8"))?;
    Ok(normalize_newlines(&text).into_owned())
}

/// Translates `\r\n` and lone `\r` to `\n` (CPython's `translate_newlines`).
pub fn normalize_newlines(s: &str) -> Cow<'_, str> {
    if !s.as_bytes().contains(&b'\r') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('\r') {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(r) = rest.strip_prefix('\n') {
            rest = r;
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}
