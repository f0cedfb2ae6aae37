//! Source bytes to text, as CPython 3.11's tokenizer does it: newline
//! translation, the UTF-8 BOM, PEP 263 coding declarations (`decode_str` and
//! `check_coding_spec` in tokenizer.c), and CPython's handling of bytes that
//! are not UTF-8.
//!
//! Two entry points differ as CPython's two readers do: [`decode_source`] is
//! `compile(bytes)` / `ast.parse(bytes)` / importing a module (a string
//! tokenizer); [`decode_file`] is `python script.py` (a file tokenizer).

mod codec_tables;
mod codecs;
mod lazy_utf8;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use crate::error::{ErrorKind, SyntaxError, OFFSET_MINUS_ONE};

/// Decoded source text and how CPython would go on treating it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, newlines translated to `\n`, BOM removed.
    pub text: String,
    /// CPython's `tok->encoding` is set (a BOM or a coding declaration was
    /// seen): parser errors then count columns in characters, not bytes
    /// (see `tokenizer::TokenizeOptions::char_offsets`).
    pub char_offsets: bool,
}

/// Decodes source bytes as `compile(bytes, ..., "exec")` does.
pub fn decode(source: &[u8]) -> Result<String, SyntaxError> {
    decode_source(source).map(|d| d.text)
}

/// Decodes source bytes as `compile(bytes, ..., "exec")` (and so `import`)
/// does: the text to tokenize, or the SyntaxError CPython raises first.
///
/// Without a declared encoding CPython does not check UTF-8 up front: bytes
/// that are not UTF-8 only fail inside an identifier or a string literal, so
/// they are kept in comments (as U+FFFD).
pub fn decode_source(source: &[u8]) -> Result<Decoded, SyntaxError> {
    // source_as_string(): checked before anything else.
    if source.contains(&0) {
        return Err(SyntaxError::new(
            ErrorKind::SyntaxError,
            "source code string cannot contain null bytes",
        ));
    }
    let bytes = translate_newlines(source);
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    match coding_spec(body) {
        Some(cs) => {
            if bom {
                if cs != "utf-8" {
                    return Err(init_error(format!("encoding problem: {cs} with BOM")));
                }
            } else if cs != "utf-8" {
                let Some(codec) = codecs::lookup(&cs) else {
                    return Err(init_error(format!("unknown encoding: {cs}")));
                };
                let text = codecs::decode(codec, body).map_err(init_error)?;
                return Ok(Decoded {
                    text,
                    char_offsets: true,
                });
            }
            lazy_utf8::decode(body, true)
        }
        None => lazy_utf8::decode(body, bom),
    }
}

/// Decodes a script's bytes as `python script.py` does (CPython's file
/// tokenizer): undeclared non-UTF-8 bytes are an error anywhere ("Non-UTF-8
/// code starting with ..."), a declared codec failing is "encoding problem:
/// NAME", and null bytes are left for the tokenizer to report at their line.
pub fn decode_file(source: &[u8], filename: &str) -> Result<Decoded, SyntaxError> {
    let bytes = translate_newlines(source);
    let (bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, &bytes[..]),
    };
    let spec = coding_spec_with_line(body);
    // ensure_utf8() checks each line read while no encoding is known: every
    // line without a BOM or declaration, else line 1 before a declaration on
    // line 2.
    let checked_lines = match (bom, &spec) {
        (true, _) => 0,
        (false, None) => usize::MAX,
        (false, Some((_, line))) => line - 1,
    };
    for (i, line) in body.split(|&b| b == b'\n').take(checked_lines).enumerate() {
        if let Err(e) = std::str::from_utf8(line) {
            let bad = line[e.valid_up_to()];
            return Err(init_error_no_location(format!(
                "Non-UTF-8 code starting with '\\x{bad:02x}' in file {filename} on line {}, \
                 but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                i + 1
            )));
        }
    }
    match &spec {
        Some((cs, _)) if bom && cs != "utf-8" => Err(init_error_no_location(format!(
            "encoding problem: {cs} with BOM"
        ))),
        Some((cs, _)) if cs != "utf-8" => {
            let problem = || init_error_no_location(format!("encoding problem: {cs}"));
            let codec = codecs::lookup(cs).ok_or_else(problem)?;
            let text = codecs::decode(codec, body).map_err(|_| problem())?;
            Ok(Decoded {
                text,
                char_offsets: true,
            })
        }
        _ => lazy_utf8::decode(body, bom || spec.is_some()),
    }
}

/// Translates `\r\n` and lone `\r` to `\n` (CPython's `translate_newlines`,
/// applied to all source, `compile(str)` included).
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

/// [`normalize_newlines`] for bytes.
fn translate_newlines(s: &[u8]) -> Cow<'_, [u8]> {
    if !s.contains(&b'\r') {
        return Cow::Borrowed(s);
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let b = s[i];
        i += 1;
        if b == b'\r' {
            out.push(b'\n');
            if s.get(i) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(b);
        }
    }
    Cow::Owned(out)
}

/// The PEP 263 declaration of a source, if any, normalized as CPython's
/// `get_normal_name` does: on line 1, or on line 2 when line 1 holds only
/// whitespace and/or a comment.
fn coding_spec(body: &[u8]) -> Option<String> {
    coding_spec_with_line(body).map(|(cs, _)| cs)
}

/// The PEP 263 declaration and its line.
fn coding_spec_with_line(body: &[u8]) -> Option<(String, usize)> {
    let mut lines = body.split(|&b| b == b'\n');
    let line1 = lines.next()?;
    if let Some(cs) = line_coding_spec(line1) {
        return Some((cs, 1));
    }
    // check_coding_spec(): anything but a comment on line 1 ends the search.
    let code = line1
        .iter()
        .take_while(|&&b| b != b'#')
        .any(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'));
    if code {
        return None;
    }
    line_coding_spec(lines.next()?).map(|cs| (cs, 2))
}

/// `get_coding_spec` for one line (without its newline): a comment line
/// matching `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` (ASCII `\w`).
fn line_coding_spec(line: &[u8]) -> Option<String> {
    let hash = line
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    if line[hash] != b'#' {
        return None;
    }
    let mut i = hash;
    while let Some(at) = find(&line[i..], b"coding") {
        let mut t = i + at + 6;
        i = i + at + 1;
        if !matches!(line.get(t), Some(b':' | b'=')) {
            continue;
        }
        t += 1;
        while matches!(line.get(t), Some(b' ' | b'\t')) {
            t += 1;
        }
        let begin = t;
        while matches!(line.get(t), Some(&b) if b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
        {
            t += 1;
        }
        if t > begin {
            return Some(normal_name(&String::from_utf8_lossy(&line[begin..t])));
        }
    }
    None
}

/// The first occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// `get_normal_name`: "utf-8" and "iso-8859-1" for the spellings of UTF-8
/// and Latin-1 CPython recognizes (judged on the first 12 characters,
/// lowercased, `_` as `-`); any other name unchanged.
fn normal_name(s: &str) -> String {
    let buf: String = s
        .chars()
        .take(12)
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    if buf == "utf-8" || buf.starts_with("utf-8-") {
        "utf-8".to_string()
    } else if ["latin-1", "iso-8859-1", "iso-latin-1"].contains(&buf.as_str())
        || ["latin-1-", "iso-8859-1-", "iso-latin-1-"]
            .iter()
            .any(|p| buf.starts_with(p))
    {
        "iso-8859-1".to_string()
    } else {
        s.to_string()
    }
}

/// The SyntaxError `_PyPegen_raise_tokenizer_init_error` makes from a
/// decoding failure: line 0, offset -1, no text.
fn init_error(msg: impl Into<String>) -> SyntaxError {
    let mut e = SyntaxError::new(ErrorKind::SyntaxError, msg);
    e.offset = OFFSET_MINUS_ONE;
    e
}

/// A SyntaxError with no location at all (CPython's `None`s).
fn init_error_no_location(msg: String) -> SyntaxError {
    SyntaxError::new(ErrorKind::SyntaxError, msg)
}
