//! Python's `repr()` of str, bytes, float and complex, character for
//! character as CPython 3.11 writes them (`unicode_repr`, `bytes_repr`,
//! `float_repr`, `complex_repr`): shared by the AST dump, the disassembler
//! and (to come) the VM.
#![forbid(unsafe_code)]

use std::fmt::Write;

mod printable;

pub use printable::in_ranges;
use printable::PRINTABLE;

/// repr() samples produced by python3 (tools/gen_repr_samples.py).
#[cfg(test)]
mod samples;

/// `str.isprintable()` for one code point (CPython's `Py_UNICODE_ISPRINTABLE`,
/// Unicode 14.0.0). Lone surrogates are not printable.
pub fn is_printable(cp: u32) -> bool {
    if cp < 0x7f {
        return cp >= 0x20;
    }
    in_ranges(PRINTABLE, cp)
}

/// The quote `repr()` puts around a str or bytes: `"` only when the text
/// holds `'` but no `"`.
fn choose_quote(has_single: bool, has_double: bool) -> char {
    if has_single && !has_double {
        '"'
    } else {
        '\''
    }
}

/// Appends one code point as `unicode_repr` writes it inside the quotes.
fn push_repr_cp(out: &mut String, cp: u32, quote: char) {
    match cp {
        0x5c => out.push_str("\\\\"),
        0x09 => out.push_str("\\t"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        _ if cp == quote as u32 => {
            out.push('\\');
            out.push(quote);
        }
        // ASCII control characters and DEL.
        _ if cp < 0x20 || cp == 0x7f => {
            let _ = write!(out, "\\x{cp:02x}");
        }
        _ if cp < 0x7f => out.push(cp as u8 as char),
        _ if is_printable(cp) => match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => {
                let _ = write!(out, "\\u{cp:04x}");
            }
        },
        _ if cp <= 0xff => {
            let _ = write!(out, "\\x{cp:02x}");
        }
        _ if cp <= 0xffff => {
            let _ = write!(out, "\\u{cp:04x}");
        }
        _ => {
            let _ = write!(out, "\\U{cp:08x}");
        }
    }
}

/// `repr()` of a str.
pub fn repr_str(s: &str) -> String {
    let quote = choose_quote(s.contains('\''), s.contains('"'));
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    // Fast path: copy runs that need no escaping.
    let mut rest = s;
    while !rest.is_empty() {
        let plain = rest
            .bytes()
            .position(|b| !(0x20..0x7f).contains(&b) || b == b'\\' || b == quote as u8)
            .unwrap_or(rest.len());
        out.push_str(&rest[..plain]);
        rest = &rest[plain..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            push_repr_cp(&mut out, c as u32, quote);
            rest = chars.as_str();
        }
    }
    out.push(quote);
    out
}

/// `repr()` of a str given as code points (it may hold lone surrogates,
/// which print as `\udXXX`).
pub fn repr_code_points(cps: &[u32]) -> String {
    let quote = choose_quote(cps.contains(&0x27), cps.contains(&0x22));
    let mut out = String::with_capacity(cps.len() + 2);
    out.push(quote);
    for &cp in cps {
        push_repr_cp(&mut out, cp, quote);
    }
    out.push(quote);
    out
}

/// `repr()` of a bytes object.
pub fn repr_bytes(b: &[u8]) -> String {
    let quote = choose_quote(b.contains(&b'\''), b.contains(&b'"'));
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if c == quote as u8 => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            _ => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// The shortest digits that round-trip `x` (finite, non-negative) and the
/// decimal point position: `x = 0.DIGITS * 10**decpt` (`_Py_dg_dtoa` mode 0).
fn shortest_digits(x: f64) -> (String, i32) {
    // Rust's `{:e}` prints the shortest round-tripping digits, but when two
    // such strings are equally near `x` it may pick the upper one, where
    // `_Py_dg_dtoa` gives the correctly rounded (half-even) one. Rounding
    // `x` itself to that many digits (exact, half-even) settles it.
    let shortest = format!("{x:e}");
    let n = shortest
        .split_once('e')
        .map_or(0, |(m, _)| m.chars().filter(char::is_ascii_digit).count());
    let rounded = format!("{:.*e}", n.saturating_sub(1), x);
    let s = if rounded.parse::<f64>() == Ok(x) {
        rounded
    } else {
        shortest
    };
    let (mant, exp) = s.split_once('e').unwrap_or((s.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| c.is_ascii_digit()).collect();
    let digits = digits.trim_end_matches('0');
    if digits.is_empty() {
        return ("0".to_string(), 1);
    }
    (digits.to_string(), exp + 1)
}

/// `PyOS_double_to_string(x, 'r', 0, flags)`: repr-style formatting.
/// `add_dot_0` is `Py_DTSF_ADD_DOT_0`, `sign` is `Py_DTSF_SIGN`.
fn format_r(x: f64, add_dot_0: bool, sign: bool) -> String {
    let mut out = String::new();
    if x.is_nan() {
        // CPython never prints a sign for a NaN (`-nan` too is 'nan').
        if sign {
            out.push('+');
        }
        out.push_str("nan");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    } else if sign {
        out.push('+');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let (digits, decpt) = shortest_digits(x.abs());
    let nd = digits.len() as i32;
    // format_float_short: exponent form when decpt <= -4 or decpt > 16.
    if decpt <= -4 || decpt > 16 {
        out.push_str(&digits[..1]);
        if nd > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        let e = decpt - 1;
        let _ = write!(out, "e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
    } else if decpt <= 0 {
        out.push_str("0.");
        for _ in 0..-decpt {
            out.push('0');
        }
        out.push_str(&digits);
    } else if decpt >= nd {
        out.push_str(&digits);
        for _ in 0..decpt - nd {
            out.push('0');
        }
        if add_dot_0 {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    }
    out
}

/// `repr()` of a float: shortest round-trip digits ('1e+16', '0.0001', '-0.0').
pub fn repr_float(f: f64) -> String {
    format_r(f, true, false)
}

/// `repr()` of a complex: `1j`, `(1+2j)`, `(-0-1j)`, `(nan+infj)`.
pub fn repr_complex(real: f64, imag: f64) -> String {
    // complex_repr: a real part of +0.0 is left out, with no parentheses.
    if real == 0.0 && real.is_sign_positive() {
        format!("{}j", format_r(imag, false, false))
    } else {
        format!(
            "({}{}j)",
            format_r(real, false, false),
            format_r(imag, false, true)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `repr(float)` for specials, powers of ten and random bit patterns
    /// (samples.rs, produced by python3).
    #[test]
    fn floats() {
        for &(bits, want) in samples::FLOATS {
            assert_eq!(repr_float(f64::from_bits(bits)), want, "{bits:#x}");
        }
    }

    /// `repr(complex)` for all pairs of special parts and random ones.
    #[test]
    fn complexes() {
        for &(re, im, want) in samples::COMPLEXES {
            assert_eq!(repr_complex(f64::from_bits(re), f64::from_bits(im)), want);
        }
    }

    /// `repr(str)` of random code point strings (with lone surrogates: the
    /// wide form; without: both forms).
    #[test]
    fn strs() {
        for &(cps, want) in samples::STRS {
            assert_eq!(repr_code_points(cps), want, "{cps:x?}");
            let s: Option<String> = cps.iter().map(|&c| char::from_u32(c)).collect();
            if let Some(s) = s {
                assert_eq!(repr_str(&s), want, "{cps:x?}");
            }
        }
    }

    /// `repr(bytes)` of random byte strings.
    #[test]
    fn bytes() {
        for &(b, want) in samples::BYTES {
            assert_eq!(repr_bytes(b), want, "{b:?}");
        }
    }

    /// Spot checks of the printable table against `str.isprintable()`
    /// (python3), including both ends of several ranges.
    #[test]
    fn printable_spots() {
        let yes = [
            0x20, 0x7e, 0xa1, 0xac, 0xae, 0x377, 0x37a, 0x4e00, 0x9fff, 0xac00, 0xd7a3, 0xfffd,
            0x1f600, 0x20000, 0x2a6df, 0x3134a, 0x1d172, 0x16fe4, 0xe0100, 0xe01ef,
        ];
        let no = [
            0x0, 0x1f, 0x7f, 0x80, 0xa0, 0xad, 0x378, 0x600, 0x61c, 0x200b, 0x2028, 0x3000, 0xd800,
            0xdfff, 0xe000, 0xfeff, 0xfff0, 0xffff, 0x1d173, 0xe0001, 0x10ffff, 0x110000,
        ];
        for cp in yes {
            assert!(is_printable(cp), "{cp:#x} should be printable");
        }
        for cp in no {
            assert!(!is_printable(cp), "{cp:#x} should not be printable");
        }
    }

    /// Every code point of Unicode against python3's `str.isprintable()`,
    /// summarised by python3 as: the count, the sum of the printable code
    /// points, and an FNV-1a hash over the 0x110000 yes/no answers:
    ///
    /// ```text
    /// h = 0xcbf29ce484222325
    /// for c in range(0x110000):
    ///     h ^= chr(c).isprintable(); h = (h * 0x100000001b3) % 2**64
    /// ```

    #[test]
    fn printable_exhaustive() {
        let (mut count, mut sum, mut h) = (0u32, 0u64, 0xcbf2_9ce4_8422_2325u64);
        for cp in 0..0x110000u32 {
            let p = is_printable(cp);
            h ^= p as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
            if p {
                count += 1;
                sum += cp as u64;
            }
        }
        assert_eq!(
            (count, sum, h),
            (144516, 14867683184, 0xbef2_72e9_32b3_5f59)
        );
    }
}
