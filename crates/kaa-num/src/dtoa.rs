//! `PyOS_double_to_string`: a float as text in the 'e', 'f', 'g' and 'r'
//! styles with CPython 3.11's layout rules (`format_float_short`). The
//! digits are exact and correctly rounded (half-even on the exact binary
//! value, as `_Py_dg_dtoa`): Rust's `{:.*e}`/`{:.*}` give exactly those, and
//! the shortest round-trip digits come from `kaa_repr::repr_float`.

/// The `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: a '+' before non-negative numbers.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integers get ".0" ('r', and 'g' from none type).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the '#' form (keep the point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the 'z' option (a negative zero loses its sign).
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`, `code` one of
/// e E f F g G r (precision ignored for 'r').
pub(crate) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let lower_code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        // CPython ignores the sign of a NaN.
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        out.push(if negative {
            '-'
        } else if flags.sign {
            '+'
        } else {
            return push_str_ret(out, if upper { "INF" } else { "inf" });
        });
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let ax = x.abs();
    // The dtoa mode: 'e' asks for precision+1 significant digits, 'g' for
    // precision (at least 1), 'f' for precision digits after the point.
    let mut precision = precision;
    let (digits, decpt) = match lower_code {
        'e' => {
            precision += 1;
            significant_digits(ax, precision)
        }
        'g' => {
            precision = precision.max(1);
            significant_digits(ax, precision)
        }
        'f' => fixed_digits(ax, precision),
        _ => shortest_digits(ax),
    };
    if flags.no_neg_0 && negative && digits == "0" {
        negative = false;
    }
    let digits = digits.as_bytes();
    let nd = digits.len() as i64;
    let mut decpt = decpt;
    let prec = precision as i64;
    let mut use_exp = false;
    let mut vdigits_end = nd;
    match lower_code {
        'e' => {
            use_exp = true;
            vdigits_end = prec;
        }
        'f' => vdigits_end = decpt + prec,
        'g' => {
            let limit = if flags.add_dot_0 { prec - 1 } else { prec };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = prec;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    if !use_exp && flags.add_dot_0 {
        vdigits_end = vdigits_end.max(decpt + 1);
    } else {
        vdigits_end = vdigits_end.max(decpt);
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    let push_zeros = |out: &mut String, n: i64| {
        for _ in 0..n.max(0) {
            out.push('0');
        }
    };
    // Zero padding on the left of the digits.
    if decpt <= 0 {
        push_zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        push_zeros(&mut out, -decpt);
    } else {
        push_zeros(&mut out, -vdigits_start);
    }
    // The digits, with the decimal point inside them if it falls there.
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    if 0 < decpt && decpt <= nd {
        let d = decpt as usize;
        out.push_str(&text(&digits[..d]));
        out.push('.');
        out.push_str(&text(&digits[d..]));
    } else {
        out.push_str(&text(digits));
    }
    // Zeros on the right.
    if nd < decpt {
        push_zeros(&mut out, decpt - nd);
        out.push('.');
        push_zeros(&mut out, vdigits_end - decpt);
    } else {
        push_zeros(&mut out, vdigits_end - nd);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        let e = exp.unsigned_abs();
        if e < 10 {
            out.push('0');
        }
        out.push_str(&e.to_string());
    }
    out
}

/// Appends `s` and returns the string (for the unsigned infinity case).
fn push_str_ret(mut out: String, s: &str) -> String {
    out.push_str(s);
    out
}

/// `x = 0.DIGITS * 10**decpt` with `n >= 1` significant digits, correctly
/// rounded, trailing zeros removed (`_Py_dg_dtoa` mode 2). Zero is ("0", 1).
pub(crate) fn significant_digits(ax: f64, n: usize) -> (String, i64) {
    let s = format!("{:.*e}", n.saturating_sub(1), ax);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i64 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(char::is_ascii_digit).collect();
    normalise(digits, exp + 1)
}

/// `x` rounded to `n` digits after the point, as digits and decimal point
/// position (`_Py_dg_dtoa` mode 3). Zero is ("0", 1).
pub(crate) fn fixed_digits(ax: f64, n: usize) -> (String, i64) {
    let s = format!("{:.*}", n, ax);
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let decpt = int.len() as i64;
    normalise(format!("{int}{frac}"), decpt)
}

/// The shortest round-tripping digits of `x` (`_Py_dg_dtoa` mode 0), taken
/// from `repr(x)` so the digit choice lives in one place (kaa_repr).
pub(crate) fn shortest_digits(ax: f64) -> (String, i64) {
    let r = kaa_repr::repr_float(ax);
    let (mant, exp) = match r.split_once('e') {
        Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
        None => (r.as_str(), 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    normalise(format!("{int}{frac}"), int.len() as i64 + exp)
}

/// Strips leading zeros (moving the point) and trailing zeros.
fn normalise(digits: String, decpt: i64) -> (String, i64) {
    let trimmed = digits.trim_start_matches('0');
    let decpt = decpt - (digits.len() - trimmed.len()) as i64;
    let trimmed = trimmed.trim_end_matches('0');
    if trimmed.is_empty() {
        ("0".to_string(), 1)
    } else {
        (trimmed.to_string(), decpt)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, code: char, p: usize) -> String {
        double_to_string(x, code, p, DtoaFlags::default())
    }

    #[test]
    fn layouts() {
        assert_eq!(f(2.675, 'f', 2), "2.67");
        assert_eq!(f(0.5, 'f', 0), "0");
        assert_eq!(f(1.5, 'e', 3), "1.500e+00");
        assert_eq!(f(1e16, 'r', 0), "1e+16");
        assert_eq!(f(123456789.0, 'g', 6), "1.23457e+08");
        assert_eq!(f(0.0001, 'g', 6), "0.0001");
        assert_eq!(f(-0.0, 'f', 1), "-0.0");
        assert_eq!(f(f64::INFINITY, 'F', 1), "INF");
        let r = DtoaFlags {
            add_dot_0: true,
            ..DtoaFlags::default()
        };
        assert_eq!(double_to_string(1.0, 'r', 0, r), "1.0");
    }
}
