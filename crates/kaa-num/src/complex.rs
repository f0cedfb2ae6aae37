//! complex parsing and arithmetic as CPython 3.11's
//! Objects/complexobject.c: `complex(text)`, `_Py_c_quot` (division),
//! `complex_pow` (`c_powi` for small integral exponents, `_Py_c_pow`
//! otherwise) and `_Py_c_abs`.

use crate::error::NumError;
use crate::float_text::{cannot_convert, is_ascii_space, remove_underscores, strtod};
use crate::int_text::transform_to_ascii;

/// A complex value as (real, imag).
pub type Complex = (f64, f64);

/// `complex(s)`: `<float>`, `<float>j`, `<float><signed-float>j`,
/// `<float><sign>j`, `<sign>j`, `j`, optionally in parentheses, with
/// whitespace around; "complex() arg is a malformed string".
pub fn parse_complex(s: &str) -> Result<Complex, NumError> {
    let buf = transform_to_ascii(s.chars().map(u32::from));
    let Some(buf) = remove_underscores(&buf) else {
        return Err(cannot_convert("complex", &kaa_repr::repr_str(s)));
    };
    parse_complex_ascii(&buf).ok_or_else(|| NumError::value("complex() arg is a malformed string"))
}

/// `complex_from_string_inner`.
fn parse_complex_ascii(b: &[u8]) -> Option<Complex> {
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let got_bracket = at(i) == b'(';
    if got_bracket {
        i += 1;
        while is_ascii_space(at(i)) {
            i += 1;
        }
    }
    let (mut x, mut y) = (0.0, 0.0);
    let is_j = |c: u8| c == b'j' || c == b'J';
    if let Some((z, n)) = strtod(&b[i..]) {
        i += n;
        if at(i) == b'+' || at(i) == b'-' {
            x = z;
            if let Some((v, n)) = strtod(&b[i..]) {
                y = v;
                i += n;
            } else {
                y = if at(i) == b'+' { 1.0 } else { -1.0 };
                i += 1;
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        } else if is_j(at(i)) {
            i += 1;
            y = z;
        } else {
            x = z;
        }
    } else {
        if at(i) == b'+' || at(i) == b'-' {
            y = if at(i) == b'+' { 1.0 } else { -1.0 };
            i += 1;
        } else {
            y = 1.0;
        }
        if !is_j(at(i)) {
            return None;
        }
        i += 1;
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if got_bracket {
        if at(i) != b')' {
            return None;
        }
        i += 1;
        while is_ascii_space(at(i)) {
            i += 1;
        }
    }
    (i == b.len()).then_some((x, y))
}

/// `_Py_c_quot`: None for division by zero (errno EDOM).
fn c_quot(a: Complex, b: Complex) -> Option<Complex> {
    let (abs_br, abs_bi) = (b.0.abs(), b.1.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bi >= abs_br {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

/// `a / b` for complex numbers: "complex division by zero".
pub fn complex_div(a: Complex, b: Complex) -> Result<Complex, NumError> {
    c_quot(a, b).ok_or_else(|| NumError::zero_div("complex division by zero"))
}

/// `_Py_c_prod`.
fn c_prod(a: Complex, b: Complex) -> Complex {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// `_Py_c_pow`: None where errno ends up EDOM (0 to a negative or complex
/// power, or an infinite phase).
fn c_pow(a: Complex, b: Complex) -> Option<Complex> {
    if b.0 == 0.0 && b.1 == 0.0 {
        return Some((1.0, 0.0));
    }
    if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            return None;
        }
        return Some((0.0, 0.0));
    }
    let vabs = a.0.hypot(a.1);
    let mut len = vabs.powf(b.0);
    let at = a.1.atan2(a.0);
    let mut phase = at * b.0;
    if b.1 != 0.0 {
        len /= (at * b.1).exp();
        phase += b.1 * vabs.ln();
    }
    // libm's cos/sin of an infinity set errno to EDOM, which CPython
    // reports as this same ZeroDivisionError.
    if phase.is_infinite() {
        return None;
    }
    Some((len * phase.cos(), len * phase.sin()))
}

/// `c_powu`: repeated squaring for a positive integral exponent.
fn c_powu(x: Complex, n: i64) -> Complex {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// `c_powi`: integral exponents up to 100 in size by multiplication.
fn c_powi(x: Complex, n: i64) -> Option<Complex> {
    if !(-100..=100).contains(&n) {
        c_pow(x, (n as f64, 0.0))
    } else if n > 0 {
        Some(c_powu(x, n))
    } else {
        c_quot((1.0, 0.0), c_powu(x, -n))
    }
}

/// `a ** b` for complex numbers: "0.0 to a negative or complex power"
/// (ZeroDivisionError), "complex exponentiation" (OverflowError).
pub fn complex_pow(a: Complex, b: Complex) -> Result<Complex, NumError> {
    let int_exponent = b.0 as i64;
    let p = if b.1 == 0.0 && b.0 == int_exponent as f64 {
        c_powi(a, int_exponent)
    } else {
        c_pow(a, b)
    };
    let p = p.ok_or_else(|| NumError::zero_div("0.0 to a negative or complex power"))?;
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(NumError::overflow("complex exponentiation"));
    }
    Ok(p)
}

/// `abs(z)` (`_Py_c_abs`): an infinite part gives inf even with a NaN;
/// "absolute value too large" when finite parts overflow.
pub fn complex_abs(z: Complex) -> Result<f64, NumError> {
    if z.0.is_infinite() || z.1.is_infinite() {
        return Ok(f64::INFINITY);
    }
    if z.0.is_nan() || z.1.is_nan() {
        return Ok(f64::NAN);
    }
    let r = z.0.hypot(z.1);
    if r.is_infinite() {
        return Err(NumError::overflow("absolute value too large"));
    }
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(parse_complex(" (1+2j) "), Ok((1.0, 2.0)));
        assert_eq!(parse_complex("-j"), Ok((0.0, -1.0)));
        assert!(parse_complex("1+2").is_err());
        assert_eq!(complex_div((1.0, 0.0), (0.0, 2.0)), Ok((0.0, -0.5)));
        assert!(complex_pow((0.0, 0.0), (-1.0, 0.0)).is_err());
    }
}
