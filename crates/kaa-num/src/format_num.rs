//! `int.__format__`, `float.__format__`, `complex.__format__` and
//! `str.__format__` with a non-empty spec, as CPython 3.11's
//! Python/formatter_unicode.c (`format_long_internal`,
//! `format_float_internal`, `format_complex_internal`,
//! `format_string_internal`).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::dtoa::{double_to_string, DtoaFlags};
use crate::error::NumError;
use crate::float_arith::int_to_float;
use crate::format_spec::{
    calc_padding, check_width, layout_number, parse_format_spec, split_float_text, unknown_code,
    Align, FormatSpec, Grouping, NumberParts, Sign, SpecKind,
};
use crate::int_text::{check_str_digits, int_to_decimal};

/// `format(v, spec)` for an int whose type is called `type_name` ('int',
/// 'bool', a subclass name). `max_str_digits` is
/// `sys.get_int_max_str_digits()` (decimal output is limited). An empty spec
/// gives `str(v)` in decimal: for a bool the VM must print `True`/`False`.
pub fn format_int(
    spec: &str,
    v: &BigInt,
    type_name: &str,
    max_str_digits: usize,
) -> Result<String, NumError> {
    if spec.is_empty() {
        return int_to_decimal(v, max_str_digits);
    }
    let f = parse_format_spec(spec, SpecKind::Int, type_name)?;
    check_width(f.width)?;
    match f.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long(&f, v, max_str_digits),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => format_float_spec(&f, int_to_float(v)?),
        Some(t) => Err(unknown_code(t, type_name)),
        None => format_long(&f, v, max_str_digits),
    }
}

/// `format(x, spec)` for a float (type name for the "Unknown format code"
/// message). An empty spec gives `repr(x)`.
pub fn format_float(spec: &str, x: f64, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(kaa_repr::repr_float(x));
    }
    let f = parse_format_spec(spec, SpecKind::Float, type_name)?;
    check_width(f.width)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => format_float_spec(&f, x),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// `format(complex(re, im), spec)`. An empty spec gives `repr`.
pub fn format_complex(spec: &str, re: f64, im: f64, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(kaa_repr::repr_complex(re, im));
    }
    let f = parse_format_spec(spec, SpecKind::Complex, type_name)?;
    check_width(f.width)?;
    match f.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => format_complex_spec(&f, re, im),
        Some(t) => Err(unknown_code(t, type_name)),
    }
}

/// `format(s, spec)` for a str.
pub fn format_str(spec: &str, s: &str, type_name: &str) -> Result<String, NumError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let layout = str_layout(spec, s.chars().count(), type_name)?;
    let mut out = String::with_capacity(s.len() + layout.left + layout.right);
    out.extend(std::iter::repeat_n(layout.fill, layout.left));
    out.extend(s.chars().take(layout.keep));
    out.extend(std::iter::repeat_n(layout.fill, layout.right));
    Ok(out)
}

/// How to format a str of `char_count` code points: keep the first
/// `keep`, put `left` fills before and `right` after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StrLayout {
    /// Code points of the str to keep (the precision truncates).
    pub keep: usize,
    /// The fill character.
    pub fill: char,
    /// Fill characters before.
    pub left: usize,
    /// Fill characters after.
    pub right: usize,
}

/// The layout `format(s, spec)` gives a str of `char_count` code points
/// (for strs the VM cannot pass as `&str`).
pub fn str_layout(spec: &str, char_count: usize, type_name: &str) -> Result<StrLayout, NumError> {
    let f = parse_format_spec(spec, SpecKind::Str, type_name)?;
    check_width(f.width)?;
    match f.ty {
        Some('s') => {}
        Some(t) => return Err(unknown_code(t, type_name)),
        None => return Err(unknown_code('\0', type_name)),
    }
    match f.sign {
        Some(Sign::Space) => {
            return Err(NumError::value(
                "Space not allowed in string format specifier",
            ))
        }
        Some(_) => {
            return Err(NumError::value(
                "Sign not allowed in string format specifier",
            ))
        }
        None => {}
    }
    if f.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if f.alternate {
        return Err(NumError::value(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if f.align == Align::AfterSign {
        return Err(NumError::value(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let keep = f.precision.map_or(char_count, |p| p.min(char_count));
    let (left, right) = calc_padding(keep, f.width, f.align);
    Ok(StrLayout {
        keep,
        fill: f.fill,
        left,
        right,
    })
}

/// The grouping separator and group size for a presentation type.
fn separator(f: &FormatSpec) -> Option<(char, usize)> {
    // 'n' uses the C locale: no grouping.
    if f.ty == Some('n') {
        return None;
    }
    match f.grouping? {
        Grouping::Comma => Some((',', 3)),
        Grouping::Underscore if matches!(f.ty, Some('b' | 'o' | 'x' | 'X')) => Some(('_', 4)),
        Grouping::Underscore => Some(('_', 3)),
    }
}

/// `format_long_internal`: b c d o x X n.
fn format_long(f: &FormatSpec, v: &BigInt, max_str_digits: usize) -> Result<String, NumError> {
    if f.precision.is_some() {
        return Err(NumError::value(
            "Precision not allowed in integer format specifier",
        ));
    }
    if f.no_neg_zero {
        return Err(NumError::value(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if f.ty == Some('c') {
        if f.sign.is_some() {
            return Err(NumError::value(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if f.alternate {
            return Err(NumError::value(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let x = v
            .to_i64()
            .ok_or_else(|| NumError::overflow("Python int too large to convert to C long"))?;
        let ch = u32::try_from(x)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))?;
        let ch = char::from_u32(ch).ok_or_else(|| {
            NumError::value("kaa: format(i, 'c') of a lone surrogate is not supported yet")
        })?;
        let text = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &text,
        };
        return Ok(layout_number(
            &parts, None, f.fill, f.align, f.width, None, false,
        ));
    }
    let (radix, prefix) = match f.ty {
        Some('b') => (2, "0b"),
        Some('o') => (8, "0o"),
        Some('x' | 'X') => (16, "0x"),
        _ => (10, ""),
    };
    if radix == 10 {
        check_str_digits(v, max_str_digits)?;
    }
    let digits = v.magnitude().to_str_radix(radix);
    let parts = NumberParts {
        negative: v.is_negative(),
        prefix: if f.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(layout_number(
        &parts,
        f.sign,
        f.fill,
        f.align,
        f.width,
        separator(f),
        f.ty == Some('X'),
    ))
}

/// The `PyOS_double_to_string` call of `format_float_internal` and
/// `format_complex_internal`: the presentation type mapped to a dtoa code
/// and precision, and the flags.
fn dtoa_args(
    f: &FormatSpec,
    default_precision: usize,
) -> Result<(char, usize, DtoaFlags), NumError> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    let mut flags = DtoaFlags {
        alt: f.alternate,
        no_neg_0: f.no_neg_zero,
        ..DtoaFlags::default()
    };
    let mut code = match f.ty {
        None => {
            flags.add_dot_0 = true;
            'r'
        }
        Some('n') => 'g',
        Some('%') => 'f',
        Some(t) => t,
    };
    let default_precision = if f.ty.is_none() { 0 } else { default_precision };
    let precision = match f.precision {
        None => default_precision,
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
    };
    Ok((code, precision, flags))
}

/// `format_float_internal` (also ints with float presentation types).
fn format_float_spec(f: &FormatSpec, x: f64) -> Result<String, NumError> {
    let (code, precision, flags) = dtoa_args(f, 6)?;
    let val = if f.ty == Some('%') { x * 100.0 } else { x };
    let mut text = double_to_string(val, code, precision, flags);
    if f.ty == Some('%') {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(b) => (true, b),
        None => (false, text.as_str()),
    };
    let (digits, has_decimal, remainder) = split_float_text(body);
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    Ok(layout_number(
        &parts,
        f.sign,
        f.fill,
        f.align,
        f.width,
        separator(f),
        false,
    ))
}

/// `format_complex_internal`.
fn format_complex_spec(f: &FormatSpec, re: f64, im: f64) -> Result<String, NumError> {
    if f.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    if f.fill == '0' {
        return Err(NumError::value(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if f.align == Align::AfterSign {
        return Err(NumError::value(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let (code, precision, mut flags) = dtoa_args(f, 6)?;
    // The none type is like str(): no '.0', parentheses unless the real
    // part is +0.0 (then left out).
    flags.add_dot_0 = false;
    let mut skip_re = false;
    let mut add_parens = false;
    if f.ty.is_none() {
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    let re_text = double_to_string(re, code, precision, flags);
    let im_text = double_to_string(im, code, precision, flags);
    let sep = separator(f);
    let part = |text: &str, sign: Option<Sign>| {
        let (negative, body) = match text.strip_prefix('-') {
            Some(b) => (true, b),
            None => (false, text),
        };
        let (digits, has_decimal, remainder) = split_float_text(body);
        let parts = NumberParts {
            negative,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        };
        layout_number(&parts, sign, ' ', Align::Left, None, sep, false)
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&part(&re_text, f.sign));
    }
    let im_sign = if skip_re { f.sign } else { Some(Sign::Plus) };
    body.push_str(&part(&im_text, im_sign));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let (left, right) = calc_padding(body.chars().count(), f.width, f.align);
    let mut out = String::new();
    out.extend(std::iter::repeat_n(f.fill, left));
    out.push_str(&body);
    out.extend(std::iter::repeat_n(f.fill, right));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples() {
        let i = |s: &str, v: i64| format_int(s, &BigInt::from(v), "int", 4300).unwrap();
        assert_eq!(i("#X", 255), "0XFF");
        assert_eq!(i("010,", 1234), "00,001,234");
        assert_eq!(i("_b", 255), "1111_1111");
        assert_eq!(format_float("", 1e16, "float").unwrap(), "1e+16");
        assert_eq!(format_float("g", 1.0, "float").unwrap(), "1");
        assert_eq!(format_float(".2f", 2.675, "float").unwrap(), "2.67");
        assert_eq!(format_complex("", 0.0, 1.0, "complex").unwrap(), "1j");
        assert_eq!(format_str("^5", "ab", "str").unwrap(), " ab  ");
    }
}
