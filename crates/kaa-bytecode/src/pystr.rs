//! `PyStr`: a Python str as code objects hold it (names, filenames, string
//! constants), including strings with lone surrogates, which Rust's `str`
//! cannot hold; and the UTF-8 "surrogatepass" codec marshal uses for them.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

/// An immutable Python str. Text without lone surrogates is kept as UTF-8;
/// text with them as code points (so `"\ud800\udc00"`, two code points,
/// stays distinct from `"\U00010000"`, one).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PyStr(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    /// Valid Unicode.
    Utf8(Arc<str>),
    /// Holds at least one surrogate (U+D800..U+DFFF).
    Wide(Arc<[u32]>),
}

fn is_surrogate(cp: u32) -> bool {
    (0xd800..=0xdfff).contains(&cp)
}

impl PyStr {
    /// A str holding `s`.
    pub fn new(s: &str) -> PyStr {
        PyStr(Repr::Utf8(Arc::from(s)))
    }

    /// A str of these code points; None if one is above U+10FFFF.
    pub fn from_code_points(cps: &[u32]) -> Option<PyStr> {
        if cps.iter().any(|&c| c > 0x10ffff) {
            return None;
        }
        if cps.iter().any(|&c| is_surrogate(c)) {
            return Some(PyStr(Repr::Wide(Arc::from(cps))));
        }
        Some(PyStr::new(
            &cps.iter()
                .filter_map(|&c| char::from_u32(c))
                .collect::<String>(),
        ))
    }

    /// The text, unless it holds lone surrogates.
    pub fn as_str(&self) -> Option<&str> {
        match &self.0 {
            Repr::Utf8(s) => Some(s),
            Repr::Wide(_) => None,
        }
    }

    /// The code points.
    pub fn code_points(&self) -> Vec<u32> {
        match &self.0 {
            Repr::Utf8(s) => s.chars().map(|c| c as u32).collect(),
            Repr::Wide(cps) => cps.to_vec(),
        }
    }

    /// `len()`: the number of code points.
    pub fn len(&self) -> usize {
        match &self.0 {
            Repr::Utf8(s) => s.chars().count(),
            Repr::Wide(cps) => cps.len(),
        }
    }

    /// Whether the str is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `str.isascii()`.
    pub fn is_ascii(&self) -> bool {
        match &self.0 {
            Repr::Utf8(s) => s.is_ascii(),
            Repr::Wide(_) => false,
        }
    }

    /// The largest code point (0 for the empty string).
    pub fn max_code_point(&self) -> u32 {
        match &self.0 {
            Repr::Utf8(s) => s.chars().map(|c| c as u32).max().unwrap_or(0),
            Repr::Wide(cps) => cps.iter().copied().max().unwrap_or(0),
        }
    }

    /// `s.encode('utf-8', 'surrogatepass')`: surrogates as 3-byte sequences.
    pub fn to_utf8_surrogatepass(&self) -> Cow<'_, [u8]> {
        match &self.0 {
            Repr::Utf8(s) => Cow::Borrowed(s.as_bytes()),
            Repr::Wide(cps) => {
                let mut out = Vec::with_capacity(cps.len() * 3);
                for &cp in cps.iter() {
                    push_utf8(&mut out, cp);
                }
                Cow::Owned(out)
            }
        }
    }

    /// `bytes.decode('utf-8', 'surrogatepass')`, failing with the
    /// UnicodeDecodeError CPython raises.
    pub fn from_utf8_surrogatepass(bytes: &[u8]) -> Result<PyStr, Utf8DecodeError> {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return Ok(PyStr::new(s));
        }
        let mut cps = Vec::with_capacity(bytes.len());
        let mut i = 0;
        while i < bytes.len() {
            match decode_one(bytes, i) {
                Ok((cp, n)) => {
                    cps.push(cp);
                    i += n;
                }
                Err(err) => match surrogate_at(bytes, i) {
                    // The surrogatepass handler: a 3-byte encoded surrogate
                    // at the error position decodes; anything else fails
                    // with the decoder's own error.
                    Some(cp) => {
                        cps.push(cp);
                        i += 3;
                    }
                    None => return Err(err),
                },
            }
        }
        Ok(PyStr::from_code_points(&cps).unwrap_or_else(|| PyStr::new("")))
    }

    /// The text with each lone surrogate replaced by U+FFFD (for output).
    pub fn to_string_lossy(&self) -> Cow<'_, str> {
        match &self.0 {
            Repr::Utf8(s) => Cow::Borrowed(s),
            Repr::Wide(cps) => Cow::Owned(
                cps.iter()
                    .map(|&c| char::from_u32(c).unwrap_or('\u{fffd}'))
                    .collect(),
            ),
        }
    }
}

/// Appends the UTF-8 form of a code point (surrogates included, as
/// 'surrogatepass' writes them).
fn push_utf8(out: &mut Vec<u8>, cp: u32) {
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xc0 | (cp >> 6) as u8, 0x80 | (cp & 0x3f) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[
            0xe0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]);
    } else {
        out.extend_from_slice(&[
            0xf0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3f) as u8,
            0x80 | ((cp >> 6) & 0x3f) as u8,
            0x80 | (cp & 0x3f) as u8,
        ]);
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xc0 == 0x80
}

/// The surrogate encoded at `i` (`PyCodec_SurrogatePassErrors`' test).
fn surrogate_at(s: &[u8], i: usize) -> Option<u32> {
    let b = s.get(i..i + 3)?;
    if b[0] & 0xf0 != 0xe0 || !is_continuation(b[1]) || !is_continuation(b[2]) {
        return None;
    }
    let cp = ((b[0] as u32 & 0x0f) << 12) | ((b[1] as u32 & 0x3f) << 6) | (b[2] as u32 & 0x3f);
    is_surrogate(cp).then_some(cp)
}

/// Decodes the character at `i`, or the error CPython's UTF-8 decoder
/// (Objects/stringlib/codecs.h) reports there, with its byte range.
fn decode_one(s: &[u8], i: usize) -> Result<(u32, usize), Utf8DecodeError> {
    let at = |k: usize| s.get(i + k).copied().unwrap_or(0);
    let rest = s.len() - i;
    let ch = at(0);
    let err = |reason: &'static str, len: usize| Utf8DecodeError {
        byte: ch,
        start: i,
        end: i + len,
        reason,
    };
    let end_of_data = Utf8DecodeError {
        byte: ch,
        start: i,
        end: s.len(),
        reason: "unexpected end of data",
    };
    const START: &str = "invalid start byte";
    const CONT: &str = "invalid continuation byte";
    if ch < 0x80 {
        return Ok((ch as u32, 1));
    }
    if ch < 0xc2 {
        return Err(err(START, 1));
    }
    if ch < 0xe0 {
        if rest < 2 {
            return Err(end_of_data);
        }
        if !is_continuation(at(1)) {
            return Err(err(CONT, 1));
        }
        return Ok((((ch as u32 & 0x1f) << 6) | (at(1) as u32 & 0x3f), 2));
    }
    if ch < 0xf0 {
        let ch2 = at(1);
        // E0 needs A0..BF next (no overlong forms); ED needs 80..9F (no
        // surrogates: those are errors the surrogatepass handler decodes).
        let bad2 = !is_continuation(ch2) || if ch2 < 0xa0 { ch == 0xe0 } else { ch == 0xed };
        if rest < 3 {
            if rest >= 2 && bad2 {
                return Err(err(CONT, 1));
            }
            return Err(end_of_data);
        }
        if bad2 {
            return Err(err(CONT, 1));
        }
        if !is_continuation(at(2)) {
            return Err(err(CONT, 2));
        }
        let cp = ((ch as u32 & 0x0f) << 12) | ((ch2 as u32 & 0x3f) << 6) | (at(2) as u32 & 0x3f);
        return Ok((cp, 3));
    }
    if ch < 0xf5 {
        let ch2 = at(1);
        // F0 needs 90..BF next (no overlong forms); F4 needs 80..8F.
        let bad2 = !is_continuation(ch2) || if ch2 < 0x90 { ch == 0xf0 } else { ch == 0xf4 };
        if rest < 4 {
            if rest >= 2 && bad2 {
                return Err(err(CONT, 1));
            }
            if rest >= 3 && !is_continuation(at(2)) {
                return Err(err(CONT, 2));
            }
            return Err(end_of_data);
        }
        if bad2 {
            return Err(err(CONT, 1));
        }
        if !is_continuation(at(2)) {
            return Err(err(CONT, 2));
        }
        if !is_continuation(at(3)) {
            return Err(err(CONT, 3));
        }
        let cp = ((ch as u32 & 0x07) << 18)
            | ((ch2 as u32 & 0x3f) << 12)
            | ((at(2) as u32 & 0x3f) << 6)
            | (at(3) as u32 & 0x3f);
        return Ok((cp, 4));
    }
    Err(err(START, 1))
}

/// The UnicodeDecodeError of a failed `bytes.decode('utf-8', ...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Utf8DecodeError {
    /// The first byte of the bad sequence.
    pub byte: u8,
    /// Where the bad sequence starts.
    pub start: usize,
    /// Where it ends (exclusive).
    pub end: usize,
    /// CPython's reason text ("invalid start byte", ...).
    pub reason: &'static str,
}

impl fmt::Display for Utf8DecodeError {
    /// `str(UnicodeDecodeError)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.end == self.start + 1 {
            write!(
                f,
                "'utf-8' codec can't decode byte 0x{:02x} in position {}: {}",
                self.byte, self.start, self.reason
            )
        } else {
            write!(
                f,
                "'utf-8' codec can't decode bytes in position {}-{}: {}",
                self.start,
                self.end.saturating_sub(1),
                self.reason
            )
        }
    }
}

impl fmt::Debug for PyStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::repr::repr_pystr(self))
    }
}

impl fmt::Display for PyStr {
    /// The text, with lone surrogates shown as U+FFFD.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_lossy())
    }
}

impl From<&str> for PyStr {
    fn from(s: &str) -> PyStr {
        PyStr::new(s)
    }
}

impl From<String> for PyStr {
    fn from(s: String) -> PyStr {
        PyStr(Repr::Utf8(Arc::from(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(b: &[u8]) -> String {
        match PyStr::from_utf8_surrogatepass(b) {
            Ok(s) => format!("ok {s:?}"),
            Err(e) => e.to_string(),
        }
    }

    /// Messages checked against python3's `b.decode('utf-8', 'surrogatepass')`.
    #[test]
    fn decode_errors_as_cpython() {
        assert_eq!(
            err(b"\xff"),
            "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"
        );
        assert_eq!(
            err(b"a\xe2\x82"),
            "'utf-8' codec can't decode bytes in position 1-2: unexpected end of data"
        );
        assert_eq!(
            err(b"\xe2\x28\xa1"),
            "'utf-8' codec can't decode byte 0xe2 in position 0: invalid continuation byte"
        );
        assert_eq!(
            err(b"\xf0\x90\x28"),
            "'utf-8' codec can't decode bytes in position 0-1: invalid continuation byte"
        );
        assert_eq!(err(b"\xed\xa0\x80x"), "ok '\\ud800x'");
        assert_eq!(
            err(b"\xed\xa0"),
            "'utf-8' codec can't decode byte 0xed in position 0: invalid continuation byte"
        );
    }

    #[test]
    fn surrogates_round_trip() {
        let s = PyStr::from_code_points(&[0xd800, 0xdc00, 0x41]).unwrap();
        assert_eq!(s.len(), 3);
        assert!(s.as_str().is_none());
        let b = s.to_utf8_surrogatepass();
        assert_eq!(&*b, b"\xed\xa0\x80\xed\xb0\x80A");
        assert_eq!(PyStr::from_utf8_surrogatepass(&b).unwrap(), s);
        assert_eq!(PyStr::from_code_points(&[0x41]).unwrap(), PyStr::new("A"));
    }
}
