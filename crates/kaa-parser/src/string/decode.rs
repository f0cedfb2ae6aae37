//! Escape decoding of string and bytes literal bodies, as CPython 3.11's
//! `decode_unicode_with_escapes` (Parser/string_parser.c) feeding
//! `_PyUnicode_DecodeUnicodeEscapeInternal`, and `_PyBytes_DecodeEscape`.
//!
//! Invalid escapes (`\d`, `\8`, octal values above 0o377) are only a
//! DeprecationWarning in 3.11: they are kept literally and never fail.

use super::unicode_name;

/// A str value being built: UTF-8 until a lone surrogate forces code points.
#[derive(Clone, Debug, PartialEq)]
pub enum StrBuf {
    /// No lone surrogates (the common case).
    Utf8(String),
    /// Holds at least one lone surrogate (`'\ud800'`).
    Wide(Vec<u32>),
}

impl StrBuf {
    /// An empty value.
    pub fn new() -> StrBuf {
        StrBuf::Utf8(String::new())
    }

    /// True when the value has no code points.
    pub fn is_empty(&self) -> bool {
        match self {
            StrBuf::Utf8(s) => s.is_empty(),
            StrBuf::Wide(v) => v.is_empty(),
        }
    }

    /// Appends text.
    pub fn push_str(&mut self, s: &str) {
        match self {
            StrBuf::Utf8(buf) => buf.push_str(s),
            StrBuf::Wide(v) => v.extend(s.chars().map(|c| c as u32)),
        }
    }

    /// Appends one code point (a lone surrogate switches to the wide form).
    pub fn push_cp(&mut self, cp: u32) {
        match self {
            StrBuf::Utf8(buf) => match char::from_u32(cp) {
                Some(c) => buf.push(c),
                None => {
                    let mut v: Vec<u32> = buf.chars().map(|c| c as u32).collect();
                    v.push(cp);
                    *self = StrBuf::Wide(v);
                }
            },
            StrBuf::Wide(v) => v.push(cp),
        }
    }

    /// Appends another value (`PyUnicode_AppendAndDel`).
    pub fn append(&mut self, other: StrBuf) {
        match other {
            StrBuf::Utf8(s) => {
                if self.is_empty() {
                    *self = StrBuf::Utf8(s);
                } else {
                    self.push_str(&s);
                }
            }
            StrBuf::Wide(w) => match self {
                StrBuf::Utf8(buf) => {
                    let mut v: Vec<u32> = buf.chars().map(|c| c as u32).collect();
                    v.extend(w);
                    *self = StrBuf::Wide(v);
                }
                StrBuf::Wide(v) => v.extend(w),
            },
        }
    }
}

impl Default for StrBuf {
    fn default() -> StrBuf {
        StrBuf::new()
    }
}

/// Decodes the body of a non-raw str literal (or one literal piece of an
/// f-string). On failure returns the message CPython reports, e.g.
/// "(unicode error) 'unicodeescape' codec can't decode bytes in position
/// 0-1: truncated \xXX escape".
pub fn decode_unicode(body: &str) -> Result<StrBuf, String> {
    if !body.as_bytes().contains(&b'\\') {
        return Ok(StrBuf::Utf8(body.to_string()));
    }
    let mut out = StrBuf::Utf8(String::with_capacity(body.len()));
    match unicode_escape(body.as_bytes(), &mut out) {
        Ok(()) => Ok(out),
        Err(mut err) => {
            if !body.is_ascii() {
                // CPython decodes a copy where every non-ASCII character is
                // spelled `\UXXXXXXXX` (and a backslash before one becomes
                // `\u005c`): error positions count in that copy.
                let expanded = expand_non_ascii(body);
                let mut scratch = StrBuf::new();
                if let Err(e) = unicode_escape(expanded.as_bytes(), &mut scratch) {
                    err = e;
                }
            }
            Err(err.message())
        }
    }
}

/// CPython's transformation of a literal body before unicode-escape decoding.
fn expand_non_ascii(body: &str) -> String {
    let mut out = String::with_capacity(body.len() * 2);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            out.push('\\');
            match chars.peek() {
                None => {
                    out.push_str("u005c");
                    break;
                }
                Some(&n) if !n.is_ascii() => out.push_str("u005c"),
                Some(_) => {}
            }
            continue;
        }
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\U{:08x}", c as u32));
        }
    }
    out
}

/// A UnicodeDecodeError of the 'unicodeescape' codec.
struct EscapeError {
    start: usize,
    end: usize,
    reason: &'static str,
    byte: u8,
}

impl EscapeError {
    /// The SyntaxError message: `_Pypegen_raise_decode_error` wraps
    /// `str(UnicodeDecodeError)` as "(unicode error) ...".
    fn message(&self) -> String {
        if self.end == self.start + 1 {
            format!(
                "(unicode error) 'unicodeescape' codec can't decode byte 0x{:02x} in position {}: {}",
                self.byte, self.start, self.reason
            )
        } else {
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                self.start,
                self.end - 1,
                self.reason
            )
        }
    }
}

fn hex_value(b: u8) -> Option<u32> {
    match b {
        b'0'..=b'9' => Some((b - b'0') as u32),
        b'a'..=b'f' => Some((b - b'a' + 10) as u32),
        b'A'..=b'F' => Some((b - b'A' + 10) as u32),
        _ => None,
    }
}

/// The unicode-escape decoder over a UTF-8 body (positions are byte offsets
/// of `b`). A backslash followed by a non-ASCII character or by nothing
/// stays a backslash, as CPython's `\u005c` rewriting makes it.
fn unicode_escape(b: &[u8], out: &mut StrBuf) -> Result<(), EscapeError> {
    let n = b.len();
    let mut i = 0;
    while i < n {
        // Copy the run up to the next backslash in one go.
        let run = b[i..].iter().position(|&c| c == b'\\').unwrap_or(n - i);
        if run > 0 {
            // Backslashes are ASCII, so the run ends on a char boundary.
            out.push_str(std::str::from_utf8(&b[i..i + run]).unwrap_or_default());
            i += run;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            out.push_cp(0x5c);
            break;
        };
        if c >= 0x80 {
            out.push_cp(0x5c);
            continue;
        }
        i += 1;
        let err = |end: usize, reason: &'static str| EscapeError {
            start,
            end,
            reason,
            byte: b'\\',
        };
        match c {
            b'\n' => {}
            b'\\' => out.push_cp(0x5c),
            b'\'' => out.push_cp(0x27),
            b'"' => out.push_cp(0x22),
            b'b' => out.push_cp(0x08),
            b'f' => out.push_cp(0x0c),
            b't' => out.push_cp(0x09),
            b'n' => out.push_cp(0x0a),
            b'r' => out.push_cp(0x0d),
            b'v' => out.push_cp(0x0b),
            b'a' => out.push_cp(0x07),
            b'0'..=b'7' => {
                // Up to three octal digits; values above 0o377 are kept
                // (a DeprecationWarning in 3.11).
                let mut ch = (c - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            ch = (ch << 3) + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push_cp(ch);
            }
            b'x' | b'u' | b'U' => {
                let (count, reason) = match c {
                    b'x' => (2, "truncated \\xXX escape"),
                    b'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut ch: u32 = 0;
                for _ in 0..count {
                    match b.get(i).and_then(|&d| hex_value(d)) {
                        Some(v) => {
                            ch = (ch << 4) | v;
                            i += 1;
                        }
                        None => return Err(err(i.min(n), reason)),
                    }
                }
                if ch > 0x10ffff {
                    return Err(err(i, "illegal Unicode character"));
                }
                out.push_cp(ch);
            }
            b'N' => {
                let malformed = "malformed \\N character escape";
                if b.get(i) != Some(&b'{') {
                    return Err(err(i.min(n), malformed));
                }
                i += 1;
                let name_start = i;
                let Some(close) = b[i..].iter().position(|&c| c == b'}') else {
                    return Err(err(n, malformed));
                };
                i += close;
                if close == 0 {
                    return Err(err(i, malformed));
                }
                let name = &b[name_start..i];
                i += 1;
                match unicode_name::lookup(name) {
                    Some(cp) => out.push_cp(cp),
                    None => return Err(err(i, "unknown Unicode character name")),
                }
            }
            _ => {
                // An invalid escape keeps its backslash.
                out.push_cp(0x5c);
                out.push_cp(c as u32);
            }
        }
    }
    Ok(())
}

/// Decodes the body of a non-raw bytes literal (`_PyBytes_DecodeEscape`).
/// The body is ASCII (checked by the caller). On failure returns CPython's
/// message, "(value error) invalid \x escape at position N".
pub fn decode_bytes(body: &[u8]) -> Result<Vec<u8>, String> {
    let n = body.len();
    let mut out = Vec::with_capacity(n);
    let mut i = 0;
    while i < n {
        let c = body[i];
        if c != b'\\' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = body.get(i) else {
            return Err("(value error) Trailing \\ in string".to_string());
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b't' => out.push(b'\t'),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b'v' => out.push(0x0b),
            b'a' => out.push(0x07),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match body.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = (v << 3) + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                // Values above 0o377 wrap (C `char` store), with a warning.
                out.push(v as u8);
            }
            b'x' => {
                let hi = body.get(i).and_then(|&d| hex_value(d));
                let lo = body.get(i + 1).and_then(|&d| hex_value(d));
                match (hi, lo) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(format!(
                            "(value error) invalid \\x escape at position {}",
                            i - 2
                        ))
                    }
                }
            }
            _ => {
                out.push(b'\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}
