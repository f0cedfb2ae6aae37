//! `int(text, base)` and `str(int)`: CPython 3.11's `PyLong_FromString`
//! (after `_PyUnicode_TransformDecimalAndSpaceToASCII`) and
//! `long_to_decimal_string`, with the integer string conversion length
//! limit of CVE-2020-10735 (`sys.set_int_max_str_digits`).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, Zero};

use crate::error::NumError;
use crate::int::Int;
use crate::unicode_digits::{decimal_value, is_space};

/// `sys.int_info.default_max_str_digits`: the default digit limit.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// `int(s, base)` for a str: Unicode spaces and decimal digits allowed,
/// underscores between digits, base 0 prefixes. `base` is the Python
/// argument clamped to i64; `max_str_digits` is the interpreter's
/// `sys.get_int_max_str_digits()` (0: no limit).
pub fn parse_int(s: &str, base: i64, max_str_digits: usize) -> Result<Int, NumError> {
    let base = check_base(base)?;
    let buf = transform_to_ascii(s.chars().map(u32::from));
    parse_ascii(&buf, base, max_str_digits)?
        .ok_or_else(|| invalid_literal(base, &truncate_chars(&kaa_repr::repr_str(s), 200)))
}

/// `int(s, base)` for a str given as code points (strs with lone
/// surrogates, which can only fail to parse).
pub fn parse_int_wide(cps: &[u32], base: i64, max_str_digits: usize) -> Result<Int, NumError> {
    let base = check_base(base)?;
    let buf = transform_to_ascii(cps.iter().copied());
    parse_ascii(&buf, base, max_str_digits)?.ok_or_else(|| {
        invalid_literal(base, &truncate_chars(&kaa_repr::repr_code_points(cps), 200))
    })
}

/// `int(b, base)` for bytes/bytearray: ASCII only; the message shows the
/// repr cut to 200 characters.
pub fn parse_int_bytes(b: &[u8], base: i64, max_str_digits: usize) -> Result<Int, NumError> {
    let base = check_base(base)?;
    parse_ascii(b, base, max_str_digits)?
        .ok_or_else(|| invalid_literal(base, &truncate_chars(&kaa_repr::repr_bytes(b), 200)))
}

/// `str(i)` / `repr(i)`: decimal digits with a '-' sign, subject to the
/// digit limit ("Exceeds the limit (4300 digits) for integer string
/// conversion; use sys.set_int_max_str_digits() to increase the limit").
pub fn int_to_decimal(v: &BigInt, max_str_digits: usize) -> Result<String, NumError> {
    check_str_digits(v, max_str_digits)?;
    Ok(v.to_string())
}

/// `bin(i)`, `oct(i)`, `hex(i)` (radix 2, 8, 16; any radix 2..=36 works):
/// lower-case digits after an optional `0b`/`0o`/`0x` prefix, sign first
/// (`-0x1f`). Power-of-two radixes have no digit limit.
pub fn int_to_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let mut out = String::new();
    if v.is_negative() {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    out.push_str(&v.magnitude().to_str_radix(radix.clamp(2, 36)));
    out
}

/// The digit-limit check of `str(int)` (and 'd'/'n' formatting): an error
/// when `|v|` has more than `max_str_digits` decimal digits.
pub(crate) fn check_str_digits(v: &BigInt, max_str_digits: usize) -> Result<(), NumError> {
    if max_str_digits == 0 {
        return Ok(());
    }
    let bits = v.bits();
    // Decimal digits of a `bits`-bit number lie in
    // [floor((bits-1)*log10(2))+1, floor(bits*log10(2))+1].
    let log10_2 = std::f64::consts::LOG10_2;
    let upper = (bits as f64 * log10_2).floor() as u64 + 1;
    if upper <= max_str_digits as u64 {
        return Ok(());
    }
    let lower = ((bits.saturating_sub(1)) as f64 * log10_2).floor() as u64 + 1;
    let too_long = if lower > max_str_digits as u64 + 1 {
        true
    } else {
        v.magnitude().to_string().len() > max_str_digits
    };
    if too_long {
        return Err(NumError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )));
    }
    Ok(())
}

/// CPython: "int() base must be >= 2 and <= 36, or 0".
fn check_base(base: i64) -> Result<u32, NumError> {
    if base == 0 || (2..=36).contains(&base) {
        Ok(base as u32)
    } else {
        Err(NumError::value("int() base must be >= 2 and <= 36, or 0"))
    }
}

/// "invalid literal for int() with base 10: 'x'" (`repr` already made).
fn invalid_literal(base: u32, repr: &str) -> NumError {
    NumError::value(format!(
        "invalid literal for int() with base {base}: {repr}"
    ))
}

/// The first `n` characters of `s` (`%.200R` truncates the repr).
pub(crate) fn truncate_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: Unicode whitespace becomes
/// ' ', Unicode decimal digits their ASCII digit, any other non-ASCII code
/// point '?' (which no parser accepts).
pub(crate) fn transform_to_ascii(cps: impl Iterator<Item = u32>) -> Vec<u8> {
    cps.map(|cp| {
        if cp < 127 {
            cp as u8
        } else if is_space(cp) {
            b' '
        } else if let Some(d) = decimal_value(cp) {
            b'0' + d as u8
        } else {
            b'?'
        }
    })
    .collect()
}

/// `Py_ISSPACE`: ASCII whitespace.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// The value of an ASCII digit or letter (`_PyLong_DigitValue`), 37 for
/// anything else.
fn digit_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => u32::from(b - b'0'),
        b'a'..=b'z' => u32::from(b - b'a') + 10,
        b'A'..=b'Z' => u32::from(b - b'A') + 10,
        _ => 37,
    }
}

/// `PyLong_FromString` over the whole buffer: `Ok(None)` is a syntax error
/// (the caller words it), `Err` the digit-limit error.
fn parse_ascii(buf: &[u8], base: u32, max_str_digits: usize) -> Result<Option<Int>, NumError> {
    let mut i = 0;
    let at = |i: usize| buf.get(i).copied().unwrap_or(0);
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let negative = match at(i) {
        b'+' => {
            i += 1;
            false
        }
        b'-' => {
            i += 1;
            true
        }
        _ => false,
    };
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(i), at(i + 1)) {
            (b'0', b'x' | b'X') => 16,
            (b'0', b'o' | b'O') => 8,
            (b'0', b'b' | b'B') => 2,
            (b'0', _) => {
                // An "old" C-style octal literal: invalid unless zero.
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1)),
            (16, b'x' | b'X') | (8, b'o' | b'O') | (2, b'b' | b'B')
        )
    {
        i += 2;
        // One underscore is allowed right after the prefix.
        if at(i) == b'_' {
            i += 1;
        }
    }
    // Digits with single underscores between them.
    let mut digits: Vec<u8> = Vec::new();
    let mut prev_underscore = false;
    if at(i) == b'_' {
        return Ok(None);
    }
    while i < buf.len() {
        let b = buf[i];
        if b == b'_' {
            if prev_underscore {
                return Ok(None);
            }
            prev_underscore = true;
        } else {
            let d = digit_value(b);
            if d >= base {
                break;
            }
            digits.push(d as u8);
            prev_underscore = false;
        }
        i += 1;
    }
    if prev_underscore || digits.is_empty() {
        return Ok(None);
    }
    // The digit limit applies to bases that are not powers of two.
    if !base.is_power_of_two() && max_str_digits > 0 && digits.len() > max_str_digits {
        return Err(NumError::value(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        )));
    }
    while i < buf.len() && is_ascii_space(buf[i]) {
        i += 1;
    }
    if i != buf.len() {
        return Ok(None);
    }
    let value = digits_to_int(&digits, base, negative);
    if error_if_nonzero && value != Int::Small(0) {
        return Ok(None);
    }
    Ok(Some(value))
}

/// The integer whose base-`base` digit values (most significant first) are
/// `digits`.
fn digits_to_int(digits: &[u8], base: u32, negative: bool) -> Int {
    let mut small: u64 = 0;
    let mut fits = true;
    for &d in digits {
        match small
            .checked_mul(u64::from(base))
            .and_then(|v| v.checked_add(u64::from(d)))
        {
            Some(v) => small = v,
            None => {
                fits = false;
                break;
            }
        }
    }
    if fits {
        let v = i128::from(small);
        return Int::from(if negative { -v } else { v });
    }
    let mag = BigUint::from_radix_be(digits, base).unwrap_or_else(BigUint::zero);
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Int::from(BigInt::from_biguint(sign, mag))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str, base: i64) -> Result<Int, NumError> {
        parse_int(s, base, DEFAULT_MAX_STR_DIGITS)
    }

    #[test]
    fn basics() {
        assert_eq!(p(" -12_3 ", 10), Ok(Int::Small(-123)));
        assert_eq!(p("0x_1f", 0), Ok(Int::Small(31)));
        assert_eq!(p("0_0", 0), Ok(Int::Small(0)));
        assert!(p("09", 0).is_err());
        assert!(p("1__2", 10).is_err());
        assert_eq!(p("\u{0661}\u{0662}", 10), Ok(Int::Small(12)));
        assert_eq!(
            p("x", 10).unwrap_err().message(),
            "invalid literal for int() with base 10: 'x'"
        );
        assert_eq!(int_to_radix(&BigInt::from(-31), 16, true), "-0x1f");
    }
}
