//! str.encode / bytes.decode for the codecs CPython implements in C and uses
//! everywhere: utf-8, ascii, latin-1, with the error handlers strict, ignore,
//! replace, backslashreplace, xmlcharrefreplace, surrogateescape and
//! surrogatepass, and CPython 3.11's Unicode{En,De}codeError ranges and
//! reasons (Objects/unicodeobject.c, Objects/stringlib/codecs.h, Python/codecs.c).

use crate::{Str, StrBuilder, StrError, UnicodeDecodeError, UnicodeEncodeError};

/// A codec kaa-str implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// 'utf-8'.
    Utf8,
    /// 'ascii'.
    Ascii,
    /// 'latin-1' (iso-8859-1).
    Latin1,
    /// 'utf-16': a BOM, then native (little-endian) order; decoding reads the BOM.
    Utf16,
    /// 'utf-16-le'.
    Utf16Le,
    /// 'utf-16-be'.
    Utf16Be,
    /// 'utf-32': a BOM, then native (little-endian) order; decoding reads the BOM.
    Utf32,
    /// 'utf-32-le'.
    Utf32Le,
    /// 'utf-32-be'.
    Utf32Be,
    /// 'cp1252' (Windows Latin-1, a charmap codec: errors name 'charmap').
    Cp1252,
}

impl Codec {
    /// The name CPython reports in Unicode errors ('utf-8', 'ascii', 'latin-1', ...).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16 => "utf-16",
            Codec::Utf16Le => "utf-16-le",
            Codec::Utf16Be => "utf-16-be",
            Codec::Utf32 => "utf-32",
            Codec::Utf32Le => "utf-32-le",
            Codec::Utf32Be => "utf-32-be",
            Codec::Cp1252 => "charmap",
        }
    }

    /// Bytes per code unit (1 for the byte codecs, 2 for UTF-16, 4 for UTF-32).
    fn unit_size(self) -> usize {
        match self {
            Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => 2,
            Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => 4,
            _ => 1,
        }
    }

    /// True for the big-endian UTF-16/32 codecs.
    fn big_endian(self) -> bool {
        matches!(self, Codec::Utf16Be | Codec::Utf32Be)
    }

    /// Finds the codec for an encoding name as `codecs.lookup` does
    /// (lower case, spaces and hyphens as '_', `encodings.normalize_encoding`,
    /// then `encodings.aliases`); None for names kaa-str does not implement.
    pub fn lookup(name: &str) -> Option<Codec> {
        let lowered: String = name
            .chars()
            .map(|c| match c {
                ' ' | '-' => '_',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        // normalize_encoding: runs of other characters become one '_'.
        let mut norm = String::new();
        let mut punct = false;
        for c in lowered.chars() {
            if crate::unicode::is_alnum(u32::from(c)) || c == '.' {
                if punct && !norm.is_empty() {
                    norm.push('_');
                }
                if c.is_ascii() {
                    norm.push(c);
                }
                punct = false;
            } else {
                punct = true;
            }
        }
        let find = |n: &str| -> Option<Codec> {
            Some(match n {
                "utf_8" | "u8" | "utf" | "utf8" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
                    Codec::Utf8
                }
                "ascii" | "646" | "ansi_x3.4_1968" | "ansi_x3.4_1986" | "ansi_x3_4_1968"
                | "cp367" | "csascii" | "ibm367" | "iso646_us" | "iso_646.irv_1991"
                | "iso_ir_6" | "us" | "us_ascii" => Codec::Ascii,
                "latin_1" | "8859" | "cp819" | "csisolatin1" | "ibm819" | "iso8859"
                | "iso8859_1" | "iso_8859_1" | "iso_8859_1_1987" | "iso_ir_100" | "l1"
                | "latin" | "latin1" => Codec::Latin1,
                "utf_16" | "u16" | "utf16" => Codec::Utf16,
                "utf_16_le" | "utf_16le" | "unicodelittleunmarked" => Codec::Utf16Le,
                "utf_16_be" | "utf_16be" | "unicodebigunmarked" => Codec::Utf16Be,
                "utf_32" | "u32" | "utf32" => Codec::Utf32,
                "utf_32_le" | "utf_32le" => Codec::Utf32Le,
                "utf_32_be" | "utf_32be" => Codec::Utf32Be,
                "cp1252" | "windows_1252" | "1252" => Codec::Cp1252,
                _ => return None,
            })
        };
        find(&norm).or_else(|| find(&norm.replace('.', "_")))
    }
}

/// An error handler, by its registered name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    SurrogateEscape,
    SurrogatePass,
    NameReplace,
}

/// Looks up an error handler; CPython does so only when an error occurs.
fn handler(errors: &str) -> Result<Handler, StrError> {
    Ok(match errors {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        "namereplace" => Handler::NameReplace,
        _ => {
            return Err(StrError::Lookup(format!(
                "unknown error handler name '{errors}'"
            )))
        }
    })
}

/// The backslashreplace text of `cp`: `\xNN`, `\uNNNN` or `\UNNNNNNNN`.
fn backslash_text(cp: u32) -> String {
    if cp <= 0xFF {
        format!("\\x{cp:02x}")
    } else if cp <= 0xFFFF {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Appends the UTF-8 form of `cp` (surrogates included, as surrogatepass does).
fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Appends one 16-bit unit in the codec's byte order.
fn push_u16(out: &mut Vec<u8>, codec: Codec, u: u16) {
    if codec.big_endian() {
        out.extend_from_slice(&u.to_be_bytes());
    } else {
        out.extend_from_slice(&u.to_le_bytes());
    }
}

/// Appends one 32-bit unit in the codec's byte order.
fn push_u32(out: &mut Vec<u8>, codec: Codec, u: u32) {
    if codec.big_endian() {
        out.extend_from_slice(&u.to_be_bytes());
    } else {
        out.extend_from_slice(&u.to_le_bytes());
    }
}

/// Appends `cp` in the codec (the caller has checked it is encodable, or
/// that surrogatepass lets a surrogate through).
fn emit(out: &mut Vec<u8>, codec: Codec, cp: u32) {
    match codec {
        Codec::Utf8 => push_utf8(out, cp),
        Codec::Ascii | Codec::Latin1 => out.push(cp as u8),
        Codec::Cp1252 => out.extend(crate::charmap::cp1252_encode(cp)),
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            if cp >= 0x10000 {
                let v = cp - 0x10000;
                push_u16(out, codec, 0xD800 | (v >> 10) as u16);
                push_u16(out, codec, 0xDC00 | (v & 0x3FF) as u16);
            } else {
                push_u16(out, codec, cp as u16);
            }
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => push_u32(out, codec, cp),
    }
}

/// Appends ASCII replacement text in the codec.
fn emit_text(out: &mut Vec<u8>, codec: Codec, text: &str) {
    for b in text.bytes() {
        emit(out, codec, u32::from(b));
    }
}

impl Str {
    /// `str.encode(encoding, errors)`; LookupError("unknown encoding: x")
    /// for encodings kaa-str does not implement (the VM may try its own).
    pub fn encode(&self, encoding: &str, errors: &str) -> Result<Vec<u8>, StrError> {
        let codec = Codec::lookup(encoding)
            .ok_or_else(|| StrError::Lookup(format!("unknown encoding: {encoding}")))?;
        self.encode_with(codec, errors)
            .map_err(|e| wrap_registry_error(e, encoding, "encoding"))
    }

    /// UTF-8 with lone surrogates U+DC80..U+DCFF turned back into bytes (os/stdio paths).
    pub fn encode_utf8_surrogateescape(&self) -> Result<Vec<u8>, StrError> {
        self.encode_with(Codec::Utf8, "surrogateescape")
    }

    /// Encodes with a known codec.
    pub fn encode_with(&self, codec: Codec, errors: &str) -> Result<Vec<u8>, StrError> {
        let mut out = Vec::with_capacity(self.len() * codec.unit_size() + 4);
        // 'utf-16' and 'utf-32' start with a BOM in native (little-endian) order.
        match codec {
            Codec::Utf16 => out.extend_from_slice(&[0xFF, 0xFE]),
            Codec::Utf32 => out.extend_from_slice(&[0xFF, 0xFE, 0, 0]),
            Codec::Utf8 | Codec::Ascii | Codec::Latin1 => {
                if let Some(a) = self.as_ascii_str() {
                    return Ok(a.as_bytes().to_vec());
                }
            }
            _ => {}
        }
        // Code points the codec cannot represent directly.
        let bad = |cp: u32| match codec {
            Codec::Ascii => cp >= 0x80,
            Codec::Latin1 => cp >= 0x100,
            Codec::Cp1252 => crate::charmap::cp1252_encode(cp).is_none(),
            _ => (0xD800..0xE000).contains(&cp),
        };
        let reason = match codec {
            Codec::Ascii => "ordinal not in range(128)",
            Codec::Latin1 => "ordinal not in range(256)",
            Codec::Cp1252 => "character maps to <undefined>",
            _ => "surrogates not allowed",
        };
        let fail = |start: usize, end: usize| {
            StrError::UnicodeEncode(Box::new(UnicodeEncodeError {
                encoding: codec.name().into(),
                object: self.clone(),
                start,
                end,
                reason: reason.into(),
            }))
        };
        // UTF-16/32 call the handler once per surrogate; the others once per run.
        let runs = codec.unit_size() == 1;
        let n = self.len();
        let mut i = 0;
        while i < n {
            let cp = self.get(i).unwrap_or(0);
            if !bad(cp) {
                emit(&mut out, codec, cp);
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            while runs && end < n && self.get(end).is_some_and(bad) {
                end += 1;
            }
            let run = (start..end).map(|k| self.get(k).unwrap_or(0));
            match handler(errors)? {
                Handler::Strict => return Err(fail(start, end)),
                Handler::Ignore => {}
                Handler::Replace => emit_text(&mut out, codec, &"?".repeat(end - start)),
                Handler::BackslashReplace => {
                    run.for_each(|c| emit_text(&mut out, codec, &backslash_text(c)))
                }
                Handler::XmlCharRefReplace => {
                    run.for_each(|c| emit_text(&mut out, codec, &format!("&#{c};")))
                }
                Handler::SurrogateEscape => {
                    // One raw byte per code point: UTF-16/32 reject its odd size.
                    if !runs {
                        return Err(fail(start, end));
                    }
                    for (k, c) in (start..end).zip(run) {
                        if !(0xDC80..=0xDCFF).contains(&c) {
                            // The handler raises the original error from here.
                            return Err(fail(k, end));
                        }
                        out.push((c - 0xDC00) as u8);
                    }
                }
                Handler::SurrogatePass => {
                    if matches!(codec, Codec::Ascii | Codec::Latin1 | Codec::Cp1252) {
                        return Err(fail(start, end));
                    }
                    run.for_each(|c| emit(&mut out, codec, c));
                }
                Handler::NameReplace => {
                    return Err(StrError::Lookup(
                        "kaa does not implement the 'namereplace' error handler".into(),
                    ))
                }
            }
            i = end;
        }
        Ok(out)
    }
}

/// Decodes `bytes` (`bytes.decode(encoding, errors)`, `str(b, encoding)`);
/// LookupError("unknown encoding: x") for encodings kaa-str does not implement.
pub fn decode(bytes: &[u8], encoding: &str, errors: &str) -> Result<Str, StrError> {
    // CPython returns '' for empty bytes before looking the codec up.
    if bytes.is_empty() {
        return Ok(Str::new());
    }
    let codec = Codec::lookup(encoding)
        .ok_or_else(|| StrError::Lookup(format!("unknown encoding: {encoding}")))?;
    decode_with(bytes, codec, errors).map_err(|e| wrap_registry_error(e, encoding, "decoding"))
}

/// True for the names CPython's PyUnicode_Decode / PyUnicode_AsEncodedString
/// dispatch to C directly (lower case, '_' as '-'); other names go through
/// the codec registry.
fn is_fast_path_name(encoding: &str) -> bool {
    let lower: String = encoding
        .chars()
        .map(|c| {
            if c == '_' {
                '-'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect();
    matches!(
        lower.as_str(),
        "utf-8"
            | "utf8"
            | "utf-16"
            | "utf16"
            | "utf-32"
            | "utf32"
            | "ascii"
            | "us-ascii"
            | "latin1"
            | "latin-1"
            | "iso-8859-1"
            | "iso8859-1"
    )
}

/// Errors raised inside a codec found through the registry are re-raised as
/// "{encoding|decoding} with 'NAME' codec failed (Class: message)" with the
/// same class (`_PyErr_TrySetFromCause`); Unicode errors pass unchanged.
fn wrap_registry_error(e: StrError, encoding: &str, what: &str) -> StrError {
    if is_fast_path_name(encoding) {
        return e;
    }
    let wrap =
        |m: &str, class: &str| format!("{what} with '{encoding}' codec failed ({class}: {m})");
    match &e {
        StrError::Lookup(m) => StrError::Lookup(wrap(m, "LookupError")),
        StrError::Type(m) => StrError::Type(wrap(m, "TypeError")),
        StrError::Value(m) => StrError::Value(wrap(m, "ValueError")),
        _ => e,
    }
}

/// Why a UTF-8 sequence starting at `i` is invalid, and where the error
/// range ends (CPython's `utf8_decode` error codes).
fn utf8_error(s: &[u8], i: usize) -> (&'static str, usize) {
    const END: &str = "unexpected end of data";
    const START: &str = "invalid start byte";
    const CONT: &str = "invalid continuation byte";
    let n = s.len();
    let cont = |k: usize| s.get(k).is_some_and(|&b| (0x80..0xC0).contains(&b));
    let at = |k: usize| s.get(k).copied().unwrap_or(0);
    let b0 = at(i);
    let left = n - i;
    match b0 {
        0xC2..=0xDF => {
            if left < 2 {
                (END, n)
            } else {
                (CONT, i + 1)
            }
        }
        0xE0..=0xEF => {
            if left < 2 {
                return (END, n);
            }
            let c2 = at(i + 1);
            let bad2 = !cont(i + 1) || (if c2 < 0xA0 { b0 == 0xE0 } else { b0 == 0xED });
            if bad2 {
                (CONT, i + 1)
            } else if left < 3 {
                (END, n)
            } else {
                (CONT, i + 2)
            }
        }
        0xF0..=0xF4 => {
            if left < 2 {
                return (END, n);
            }
            let c2 = at(i + 1);
            let bad2 = !cont(i + 1) || (if c2 < 0x90 { b0 == 0xF0 } else { b0 == 0xF4 });
            if bad2 {
                (CONT, i + 1)
            } else if left < 3 {
                (END, n)
            } else if !cont(i + 2) {
                (CONT, i + 2)
            } else if left < 4 {
                (END, n)
            } else {
                (CONT, i + 3)
            }
        }
        _ => (START, i + 1),
    }
}

/// One decoding error: the codec name to report, the byte range and why.
struct DecodeFault {
    encoding: &'static str,
    start: usize,
    end: usize,
    reason: &'static str,
}

/// Applies the error handler to a decoding error: appends the replacement
/// and returns where decoding resumes, or the exception to raise.
/// `pass` decodes a surrogate at `start` for surrogatepass: (code point, bytes).
fn on_decode_error(
    b: &mut StrBuilder,
    bytes: &[u8],
    f: &DecodeFault,
    errors: &str,
    pass: Option<(u32, usize)>,
) -> Result<usize, StrError> {
    let fail = || {
        StrError::UnicodeDecode(Box::new(UnicodeDecodeError {
            encoding: f.encoding.into(),
            object: bytes.to_vec(),
            start: f.start,
            end: f.end,
            reason: f.reason.into(),
        }))
    };
    let run = bytes.get(f.start..f.end).unwrap_or(&[]);
    match handler(errors)? {
        Handler::Strict => Err(fail()),
        Handler::Ignore => Ok(f.end),
        Handler::Replace => {
            b.push(0xFFFD);
            Ok(f.end)
        }
        Handler::BackslashReplace => {
            for &c in run {
                b.push_rust_str(&format!("\\x{c:02x}"));
            }
            Ok(f.end)
        }
        Handler::SurrogateEscape => {
            // Bytes >= 0x80 become U+DC80..U+DCFF; decoding resumes after them.
            let consumed = run.iter().take_while(|&&c| c >= 0x80).count();
            if consumed == 0 {
                return Err(fail());
            }
            for &c in run.iter().take(consumed) {
                b.push(0xDC00 + u32::from(c));
            }
            Ok(f.start + consumed)
        }
        Handler::SurrogatePass => match pass {
            Some((cp, len)) => {
                b.push(cp);
                Ok(f.start + len)
            }
            None => Err(fail()),
        },
        Handler::XmlCharRefReplace | Handler::NameReplace => Err(StrError::Type(
            "don't know how to handle UnicodeDecodeError in error callback".into(),
        )),
    }
}

/// Decodes with a known codec.
pub fn decode_with(bytes: &[u8], codec: Codec, errors: &str) -> Result<Str, StrError> {
    match codec {
        Codec::Latin1 => return Ok(Str::from_latin1(bytes)),
        Codec::Cp1252 => return decode_cp1252(bytes, errors),
        Codec::Utf8 | Codec::Ascii => {}
        Codec::Utf16 | Codec::Utf16Le | Codec::Utf16Be => {
            return decode_utf16(bytes, codec, errors)
        }
        Codec::Utf32 | Codec::Utf32Le | Codec::Utf32Be => {
            return decode_utf32(bytes, codec, errors)
        }
    }
    if bytes.is_ascii() {
        return Ok(Str::from_string(
            String::from_utf8_lossy(bytes).into_owned(),
        ));
    }
    let mut b = StrBuilder::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or(&[]);
        let valid = match codec {
            Codec::Ascii => rest.iter().position(|&c| c >= 0x80).unwrap_or(rest.len()),
            _ => match std::str::from_utf8(rest) {
                Ok(_) => rest.len(),
                Err(e) => e.valid_up_to(),
            },
        };
        if let Ok(s) = std::str::from_utf8(rest.get(..valid).unwrap_or(&[])) {
            b.push_rust_str(s);
        }
        i += valid;
        if i >= bytes.len() {
            break;
        }
        let (reason, end) = match codec {
            Codec::Ascii => ("ordinal not in range(128)", i + 1),
            _ => utf8_error(bytes, i),
        };
        // surrogatepass: an encoded surrogate ED A0..BF 80..BF decodes to itself.
        let pass = match (codec, bytes.get(i..i + 3)) {
            (Codec::Utf8, Some(&[0xED, c2 @ 0xA0..=0xBF, c3 @ 0x80..=0xBF])) => Some((
                0xD000 | (u32::from(c2 & 0x3F) << 6) | u32::from(c3 & 0x3F),
                3,
            )),
            _ => None,
        };
        let fault = DecodeFault {
            encoding: codec.name(),
            start: i,
            end,
            reason,
        };
        i = on_decode_error(&mut b, bytes, &fault, errors, pass)?;
    }
    Ok(b.finish())
}

/// Reads the unit of `size` bytes at `pos` in the given byte order.
fn read_unit(bytes: &[u8], pos: usize, size: usize, le: bool) -> Option<u32> {
    let raw = bytes.get(pos..pos + size)?;
    let mut v = 0u32;
    if le {
        for &c in raw.iter().rev() {
            v = (v << 8) | u32::from(c);
        }
    } else {
        for &c in raw {
            v = (v << 8) | u32::from(c);
        }
    }
    Some(v)
}

/// UTF-16 decoding (`PyUnicode_DecodeUTF16Stateful`): errors name the byte
/// order found ('utf-16-le'/'utf-16-be'), as CPython reports them.
fn decode_utf16(bytes: &[u8], codec: Codec, errors: &str) -> Result<Str, StrError> {
    let (mut pos, le) = match (codec, bytes.get(..2)) {
        (Codec::Utf16, Some(&[0xFF, 0xFE])) => (2, true),
        (Codec::Utf16, Some(&[0xFE, 0xFF])) => (2, false),
        (Codec::Utf16Be, _) => (0, false),
        _ => (0, true),
    };
    let encoding = if le { "utf-16-le" } else { "utf-16-be" };
    let n = bytes.len();
    let mut b = StrBuilder::with_capacity(n / 2);
    while pos < n {
        let fault = |start: usize, end: usize, reason: &'static str| DecodeFault {
            encoding,
            start,
            end,
            reason,
        };
        let f = match read_unit(bytes, pos, 2, le) {
            None => fault(pos, n, "truncated data"),
            Some(u) if !(0xD800..0xE000).contains(&u) => {
                b.push(u);
                pos += 2;
                continue;
            }
            Some(u) if u >= 0xDC00 => fault(pos, pos + 2, "illegal encoding"),
            Some(u) => match read_unit(bytes, pos + 2, 2, le) {
                None => fault(pos, n, "unexpected end of data"),
                Some(u2) if (0xDC00..0xE000).contains(&u2) => {
                    b.push(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00));
                    pos += 4;
                    continue;
                }
                Some(_) => fault(pos, pos + 2, "illegal UTF-16 surrogate"),
            },
        };
        let pass = read_unit(bytes, pos, 2, le)
            .filter(|u| (0xD800..0xE000).contains(u))
            .map(|u| (u, 2));
        pos = on_decode_error(&mut b, bytes, &f, errors, pass)?;
    }
    Ok(b.finish())
}

/// UTF-32 decoding (`PyUnicode_DecodeUTF32Stateful`).
fn decode_utf32(bytes: &[u8], codec: Codec, errors: &str) -> Result<Str, StrError> {
    let (mut pos, le) = match (codec, bytes.get(..4)) {
        (Codec::Utf32, Some(&[0xFF, 0xFE, 0, 0])) => (4, true),
        (Codec::Utf32, Some(&[0, 0, 0xFE, 0xFF])) => (4, false),
        (Codec::Utf32Be, _) => (0, false),
        _ => (0, true),
    };
    let encoding = if le { "utf-32-le" } else { "utf-32-be" };
    let n = bytes.len();
    let mut b = StrBuilder::with_capacity(n / 4);
    while pos < n {
        let fault = |start: usize, end: usize, reason: &'static str| DecodeFault {
            encoding,
            start,
            end,
            reason,
        };
        let f = match read_unit(bytes, pos, 4, le) {
            None => fault(pos, n, "truncated data"),
            Some(c) if c > 0x10FFFF => fault(pos, pos + 4, "code point not in range(0x110000)"),
            Some(c) if (0xD800..0xE000).contains(&c) => fault(
                pos,
                pos + 4,
                "code point in surrogate code point range(0xd800, 0xe000)",
            ),
            Some(c) => {
                b.push(c);
                pos += 4;
                continue;
            }
        };
        let pass = read_unit(bytes, pos, 4, le)
            .filter(|u| (0xD800..0xE000).contains(u))
            .map(|u| (u, 4));
        pos = on_decode_error(&mut b, bytes, &f, errors, pass)?;
    }
    Ok(b.finish())
}

/// cp1252 decoding (`PyUnicode_DecodeCharmap`): an undefined byte is an
/// error of the 'charmap' codec, "character maps to <undefined>".
fn decode_cp1252(bytes: &[u8], errors: &str) -> Result<Str, StrError> {
    let mut b = StrBuilder::with_capacity(bytes.len());
    let mut pos = 0;
    while pos < bytes.len() {
        let byte = bytes.get(pos).copied().unwrap_or(0);
        match crate::charmap::cp1252_decode(byte) {
            Some(cp) => {
                b.push(cp);
                pos += 1;
            }
            None => {
                let f = DecodeFault {
                    encoding: "charmap",
                    start: pos,
                    end: pos + 1,
                    reason: "character maps to <undefined>",
                };
                pos = on_decode_error(&mut b, bytes, &f, errors, None)?;
            }
        }
    }
    Ok(b.finish())
}
