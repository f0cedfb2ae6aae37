//! The codecs a PEP 263 declaration may name: CPython's `utf_8`, `ascii`,
//! `latin_1` and its single-byte `charmap` codecs, looked up by name as
//! `codecs.lookup` does, with CPython's decoding error messages.

use super::codec_tables::{NAMES, TABLES};

/// A source codec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Codec {
    /// `utf_8` (and `utf_8_sig`: a BOM is already gone).
    Utf8,
    /// `ascii`.
    Ascii,
    /// `latin_1`: bytes map to U+0000..U+00FF.
    Latin1,
    /// A `charmap` codec: the characters of bytes 0x80..=0xFF (U+FFFE for
    /// undefined ones).
    Table(&'static str),
}

/// `codecs.lookup(name)` among the supported codecs: the name is normalized
/// as `_Py_normalize_encoding` does (lowercase, runs of other characters than
/// ASCII letters, digits and `.` become one `_`), then looked up among the
/// `encodings.aliases` and module names.
pub(super) fn lookup(name: &str) -> Option<Codec> {
    let mut norm = String::with_capacity(name.len());
    let mut punct = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() || c == '.' {
            if punct && !norm.is_empty() {
                norm.push('_');
            }
            punct = false;
            norm.push(c.to_ascii_lowercase());
        } else {
            punct = true;
        }
    }
    let find = |n: &str| {
        NAMES
            .binary_search_by(|(k, _)| k.cmp(&n))
            .ok()
            .map(|i| NAMES[i].1)
    };
    let module = find(&norm).or_else(|| find(&norm.replace('.', "_")))?;
    Some(match module {
        "utf_8" | "utf_8_sig" => Codec::Utf8,
        "ascii" => Codec::Ascii,
        "latin_1" => Codec::Latin1,
        m => Codec::Table(TABLES.iter().find(|(k, _)| *k == m)?.1),
    })
}

/// Decodes `bytes` strictly; the error is `str()` of CPython's
/// UnicodeDecodeError.
pub(super) fn decode(codec: Codec, bytes: &[u8]) -> Result<String, String> {
    match codec {
        Codec::Utf8 => match std::str::from_utf8(bytes) {
            Ok(s) => Ok(s.to_string()),
            Err(e) => Err(utf8_error_message(bytes, e.valid_up_to(), e.error_len())),
        },
        Codec::Ascii => match bytes.iter().position(|&b| b >= 0x80) {
            None => Ok(String::from_utf8_lossy(bytes).into_owned()),
            Some(p) => Err(format!(
                "'ascii' codec can't decode byte 0x{:02x} in position {p}: ordinal not in range(128)",
                bytes[p]
            )),
        },
        Codec::Latin1 => Ok(bytes.iter().map(|&b| char::from(b)).collect()),
        Codec::Table(table) => {
            let high: Vec<char> = table.chars().collect();
            let mut out = String::with_capacity(bytes.len());
            for (p, &b) in bytes.iter().enumerate() {
                let c = if b < 0x80 { Some(char::from(b)) } else { high.get(usize::from(b - 0x80)).copied() };
                match c {
                    Some(c) if c != '\u{FFFE}' => out.push(c),
                    _ => {
                        return Err(format!(
                            "'charmap' codec can't decode byte 0x{b:02x} in position {p}: character maps to <undefined>"
                        ))
                    }
                }
            }
            Ok(out)
        }
    }
}

/// `str()` of the UnicodeDecodeError CPython's UTF-8 decoder raises for the
/// invalid sequence at `start` (`len`: its length, None when the data ends
/// inside it).
pub(crate) fn utf8_error_message(bytes: &[u8], start: usize, len: Option<usize>) -> String {
    let lead = bytes.get(start).copied().unwrap_or(0);
    let (end, reason) = match len {
        None => (bytes.len(), "unexpected end of data"),
        Some(n) => {
            let invalid_start = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
            (
                start + n,
                if invalid_start {
                    "invalid start byte"
                } else {
                    "invalid continuation byte"
                },
            )
        }
    };
    if end <= start + 1 {
        format!("'utf-8' codec can't decode byte 0x{lead:02x} in position {start}: {reason}")
    } else {
        format!(
            "'utf-8' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    }
}
