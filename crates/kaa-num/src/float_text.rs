//! `float(text)`, `float.hex()` and `float.fromhex()`, as CPython 3.11's
//! `PyFloat_FromString` (`_PyUnicode_TransformDecimalAndSpaceToASCII`,
//! `_Py_string_to_number_with_underscores`, `_PyOS_ascii_strtod`) and
//! Objects/floatobject.c `float_hex`/`float_fromhex`.

use num_bigint::BigUint;

use crate::error::NumError;
use crate::float_arith::round_to_f64;
use crate::int_text::transform_to_ascii;

/// `float(s)` for a str: surrounding whitespace, Unicode digits,
/// underscores between digits, inf/infinity/nan in any case with a sign.
pub fn parse_float(s: &str) -> Result<f64, NumError> {
    let buf = transform_to_ascii(s.chars().map(u32::from));
    parse_float_ascii(&buf).ok_or_else(|| cannot_convert("float", &kaa_repr::repr_str(s)))
}

/// `float(s)` for a str given as code points (lone surrogates).
pub fn parse_float_wide(cps: &[u32]) -> Result<f64, NumError> {
    let buf = transform_to_ascii(cps.iter().copied());
    parse_float_ascii(&buf).ok_or_else(|| cannot_convert("float", &kaa_repr::repr_code_points(cps)))
}

/// `float(b)` for bytes/bytearray (ASCII only).
pub fn parse_float_bytes(b: &[u8]) -> Result<f64, NumError> {
    parse_float_ascii(b).ok_or_else(|| cannot_convert("float", &kaa_repr::repr_bytes(b)))
}

/// "could not convert string to float: 'x'" (`repr` already made).
pub(crate) fn cannot_convert(what: &str, repr: &str) -> NumError {
    NumError::Value(format!("could not convert string to {what}: {repr}"))
}

/// `Py_ISSPACE`.
pub(crate) fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `_Py_string_to_number_with_underscores`: the text without its
/// underscores, or None when an underscore is not between two digits.
pub(crate) fn remove_underscores(s: &[u8]) -> Option<Vec<u8>> {
    if !s.contains(&b'_') {
        return Some(s.to_vec());
    }
    let mut out = Vec::with_capacity(s.len());
    let mut prev = 0u8;
    for &c in s {
        if c == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !c.is_ascii_digit() {
                return None;
            }
            out.push(c);
        }
        prev = c;
    }
    if prev == b'_' {
        return None;
    }
    Some(out)
}

/// `float_from_string_inner` after the underscore pass: the whole buffer,
/// stripped of whitespace, must be one float.
fn parse_float_ascii(buf: &[u8]) -> Option<f64> {
    let buf = remove_underscores(buf)?;
    let mut s = 0;
    let mut e = buf.len();
    while s < e && is_ascii_space(buf[s]) {
        s += 1;
    }
    while e > s && is_ascii_space(buf[e - 1]) {
        e -= 1;
    }
    let (x, used) = strtod(&buf[s..e])?;
    (used == e - s).then_some(x)
}

/// `PyOS_string_to_double(s, &end, NULL)`: the longest prefix of `s` that is
/// a float (no leading space), and its length; None if there is none.
/// Overflow gives an infinity, underflow a (signed) zero.
pub(crate) fn strtod(s: &[u8]) -> Option<(f64, usize)> {
    let mut i = 0;
    let negative = match s.first() {
        Some(b'-') => {
            i = 1;
            true
        }
        Some(b'+') => {
            i = 1;
            false
        }
        _ => false,
    };
    let start = i;
    let digits_before = count_digits(&s[i..]);
    i += digits_before;
    let mut digits_after = 0;
    if s.get(i) == Some(&b'.') {
        digits_after = count_digits(&s[i + 1..]);
        if digits_before + digits_after > 0 {
            i += 1 + digits_after;
        }
    }
    if digits_before + digits_after == 0 {
        return parse_inf_or_nan(s);
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(s.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        let n = count_digits(&s[j.min(s.len())..]);
        if n > 0 {
            i = j + n;
        }
    }
    let text = std::str::from_utf8(&s[start..i]).ok()?;
    let v: f64 = text.parse().ok()?;
    Some((if negative { -v } else { v }, i))
}

/// The number of leading ASCII digits.
fn count_digits(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// `_Py_parse_inf_or_nan`: "inf", "infinity", "nan" in any case with an
/// optional sign ('-nan' is a NaN with the sign bit set).
fn parse_inf_or_nan(s: &[u8]) -> Option<(f64, usize)> {
    let (negative, mut i) = match s.first() {
        Some(b'-') => (true, 1),
        Some(b'+') => (false, 1),
        _ => (false, 0),
    };
    let starts = |i: usize, word: &[u8]| {
        s.len() >= i + word.len() && s[i..i + word.len()].eq_ignore_ascii_case(word)
    };
    let v = if starts(i, b"inf") {
        i += 3;
        if starts(i, b"inity") {
            i += 5;
        }
        f64::INFINITY
    } else if starts(i, b"nan") {
        i += 3;
        f64::NAN
    } else {
        return None;
    };
    Some((if negative { -v } else { v }, i))
}

/// `float.hex()`: '0x1.8000000000000p+0', '-0x0.0p+0', 'inf', 'nan'.
pub fn float_hex(x: f64) -> String {
    if !x.is_finite() {
        return kaa_repr::repr_float(x);
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, exp) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{mant:013x}p{exp:+}")
}

/// `float.fromhex(s)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' exp]`
/// or inf/nan, surrounded by whitespace; correctly rounded (half-even).
pub fn float_fromhex(s: &str) -> Result<f64, NumError> {
    let invalid = || NumError::value("invalid hexadecimal floating-point string");
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && is_ascii_space(b[i]) {
        i += 1;
    }
    let value = if let Some((v, n)) = parse_inf_or_nan(&b[i..]) {
        i += n;
        v
    } else {
        let negative = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        if b.get(i) == Some(&b'0') && matches!(b.get(i + 1), Some(b'x' | b'X')) {
            i += 2;
        }
        let hex = |c: Option<&u8>| c.is_some_and(u8::is_ascii_hexdigit);
        let int_start = i;
        while hex(b.get(i)) {
            i += 1;
        }
        let mut digits: Vec<u8> = b[int_start..i].to_vec();
        let mut fdigits: i64 = 0;
        if b.get(i) == Some(&b'.') {
            i += 1;
            let f_start = i;
            while hex(b.get(i)) {
                i += 1;
            }
            digits.extend_from_slice(&b[f_start..i]);
            fdigits = (i - f_start) as i64;
        }
        if digits.is_empty() {
            return Err(invalid());
        }
        let mut exp: i64 = 0;
        if matches!(b.get(i), Some(b'p' | b'P')) {
            i += 1;
            let exp_start = i;
            if matches!(b.get(i), Some(b'+' | b'-')) {
                i += 1;
            }
            if !b.get(i).is_some_and(u8::is_ascii_digit) {
                return Err(invalid());
            }
            while b.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            // strtol saturates.
            let text = std::str::from_utf8(&b[exp_start..i]).unwrap_or("0");
            exp = text.parse::<i64>().unwrap_or(if text.starts_with('-') {
                i64::MIN
            } else {
                i64::MAX
            });
        }
        let values: Vec<u8> = digits
            .iter()
            .map(|&c| (c as char).to_digit(16).unwrap_or(0) as u8)
            .collect();
        let mant = BigUint::from_radix_be(&values, 16).unwrap_or_default();
        let exp2 = exp.saturating_sub(fdigits.saturating_mul(4));
        let v = round_to_f64(&mant, exp2, false).ok_or_else(|| {
            NumError::overflow("hexadecimal value too large to represent as a float")
        })?;
        if negative {
            -v
        } else {
            v
        }
    };
    while i < b.len() && is_ascii_space(b[i]) {
        i += 1;
    }
    if i != b.len() {
        return Err(invalid());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        assert_eq!(parse_float(" 1_0.5e1 "), Ok(105.0));
        assert!(parse_float("-nan").unwrap().is_nan());
        assert_eq!(parse_float("-Infinity"), Ok(f64::NEG_INFINITY));
        assert!(parse_float("1__0").is_err());
        assert!(parse_float("0x10").is_err());
        assert_eq!(float_hex(1.5), "0x1.8000000000000p+0");
        assert_eq!(float_fromhex("0x1.8p0"), Ok(1.5));
    }
}
