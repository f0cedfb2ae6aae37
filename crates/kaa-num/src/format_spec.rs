//! The format-spec mini-language (`format(x, spec)`, f-string `{x:spec}`,
//! `str.format`): parsing as CPython 3.11's
//! `parse_internal_render_format_spec`, and the padding/grouping layout of
//! numbers (`calc_number_widths`, `fill_number`,
//! `_PyUnicode_InsertThousandsGrouping`) and strings (`calc_padding`).

use crate::error::NumError;
use crate::unicode_digits::decimal_value;

/// The alignment option: '<', '>', '=' or '^'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// '<': left.
    Left,
    /// '>': right.
    Right,
    /// '=': padding between the sign and the digits.
    AfterSign,
    /// '^': centred.
    Center,
}

/// The sign option: '+', '-' or ' '.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// '+': a sign on every number.
    Plus,
    /// '-': a sign on negative numbers only (the default).
    Minus,
    /// ' ': a space before non-negative numbers.
    Space,
}

/// The grouping option: ',' or '_'.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// ',': thousands separated by commas (decimal types only).
    Comma,
    /// '_': thousands (or groups of four digits for b/o/x/X) by underscores.
    Underscore,
}

/// Which object's `__format__` is parsing: sets the default presentation
/// type and alignment (int 'd' and '>', float and complex none and '>',
/// str 's' and '<').
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecKind {
    /// `int.__format__` (also bool).
    Int,
    /// `float.__format__`.
    Float,
    /// `complex.__format__`.
    Complex,
    /// `str.__format__`.
    Str,
}

/// A parsed format spec `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`,
/// with the defaults of its [`SpecKind`] applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormatSpec {
    /// The fill character (' ' unless given; '0' for the `0` option).
    pub fill: char,
    /// The alignment (the kind's default unless given; '=' for the `0`
    /// option on numbers).
    pub align: Align,
    /// The sign option, if given.
    pub sign: Option<Sign>,
    /// The 'z' option (negative zero becomes positive).
    pub no_neg_zero: bool,
    /// The '#' option.
    pub alternate: bool,
    /// The minimum width, if given.
    pub width: Option<usize>,
    /// The grouping option, if given.
    pub grouping: Option<Grouping>,
    /// The precision, if given.
    pub precision: Option<usize>,
    /// The presentation type (the kind's default, `None` for float/complex,
    /// when not given).
    pub ty: Option<char>,
}

/// Parses a format spec for an object of type `type_name` (used in
/// "Invalid format specifier 'xx' for object of type 'int'").
pub fn parse_format_spec(
    spec: &str,
    kind: SpecKind,
    type_name: &str,
) -> Result<FormatSpec, NumError> {
    let cps: Vec<char> = spec.chars().collect();
    let (default_type, default_align) = match kind {
        SpecKind::Int => (Some('d'), Align::Right),
        SpecKind::Float | SpecKind::Complex => (None, Align::Right),
        SpecKind::Str => (Some('s'), Align::Left),
    };
    let mut out = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_zero: false,
        alternate: false,
        width: None,
        grouping: None,
        precision: None,
        ty: default_type,
    };
    let at = |i: usize| cps.get(i).copied();
    let mut pos = 0;
    let mut fill_specified = false;
    let mut align_specified = false;
    if let Some(a) = at(1).and_then(align_of) {
        out.align = a;
        out.fill = cps[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if let Some(a) = at(0).and_then(align_of) {
        out.align = a;
        align_specified = true;
        pos = 1;
    }
    out.sign = match at(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if out.sign.is_some() {
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    // The '0' option (backwards compatibility): zero fill, and '=' for the
    // types whose default alignment is right.
    if !fill_specified && at(pos) == Some('0') {
        out.fill = '0';
        if !align_specified && default_align == Align::Right {
            out.align = Align::AfterSign;
        }
        pos += 1;
    }
    let (width, consumed) = get_integer(&cps, &mut pos)?;
    if consumed > 0 {
        out.width = Some(width);
    }
    if at(pos) == Some(',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(NumError::value("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
        return Err(NumError::value("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        let (precision, consumed) = get_integer(&cps, &mut pos)?;
        if consumed == 0 {
            return Err(NumError::value("Format specifier missing precision"));
        }
        out.precision = Some(precision);
    }
    let rest = cps.len().saturating_sub(pos);
    if rest > 1 {
        return Err(NumError::Value(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            crate::int_text::truncate_chars(type_name, 200)
        )));
    }
    if rest == 1 {
        out.ty = at(pos);
    }
    if let Some(g) = out.grouping {
        let ty = out.ty;
        let allowed = match ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
            Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            let sep = if g == Grouping::Comma { ',' } else { '_' };
            let t = ty.map_or(0, u32::from);
            return Err(NumError::Value(if t > 32 && t < 128 {
                format!("Cannot specify '{sep}' with '{}'.", char::from(t as u8))
            } else {
                format!("Cannot specify '{sep}' with '\\x{t:x}'.")
            }));
        }
    }
    Ok(out)
}

/// Widths beyond this raise MemoryError rather than try to allocate
/// (CPython would attempt the allocation; kaa must not abort).
pub const MAX_WIDTH: usize = 1 << 32;

/// MemoryError for a width kaa will not try to allocate.
pub(crate) fn check_width(width: Option<usize>) -> Result<(), NumError> {
    match width {
        Some(w) if w > MAX_WIDTH => Err(NumError::Memory),
        _ => Ok(()),
    }
}

/// The alignment a character stands for.
fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '=' => Some(Align::AfterSign),
        '^' => Some(Align::Center),
        _ => None,
    }
}

/// `get_integer`: a run of (Unicode) decimal digits; "Too many decimal
/// digits in format string" past `PY_SSIZE_T_MAX`. Returns the value and
/// how many digits were read.
fn get_integer(cps: &[char], pos: &mut usize) -> Result<(usize, usize), NumError> {
    let mut value: i64 = 0;
    let mut n = 0;
    while let Some(d) = cps.get(*pos).and_then(|&c| decimal_value(u32::from(c))) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| NumError::value("Too many decimal digits in format string"))?;
        *pos += 1;
        n += 1;
    }
    Ok((usize::try_from(value).unwrap_or(usize::MAX), n))
}

/// "Unknown format code 'x' for object of type 'float'" (`\x..` form for
/// a code that is not printable ASCII).
pub(crate) fn unknown_code(ty: char, type_name: &str) -> NumError {
    let t = u32::from(ty);
    let name = crate::int_text::truncate_chars(type_name, 200);
    NumError::Value(if t > 32 && t < 128 {
        format!("Unknown format code '{ty}' for object of type '{name}'")
    } else {
        format!("Unknown format code '\\x{t:x}' for object of type '{name}'")
    })
}

/// `calc_padding`: the fill to put left and right of `len` characters to
/// reach `width` with the alignment ('=' acts as '<').
pub(crate) fn calc_padding(len: usize, width: Option<usize>, align: Align) -> (usize, usize) {
    let total = width.map_or(len, |w| w.max(len));
    let left = match align {
        Align::Right => total - len,
        Align::Center => (total - len) / 2,
        Align::Left | Align::AfterSign => 0,
    };
    (left, total - len - left)
}

/// A number split into the parts `fill_number` lays out: an optional '-',
/// a prefix ("0x"), a run of digits, and a remainder (after the decimal
/// point: fraction, exponent, '%', or everything for inf/nan and 'c').
pub(crate) struct NumberParts<'a> {
    /// The number was negative (a '-' was printed).
    pub negative: bool,
    /// "0b"/"0o"/"0x" or "".
    pub prefix: &'a str,
    /// The integer digits (grouped and zero-padded).
    pub digits: &'a str,
    /// There is a decimal point between digits and remainder.
    pub has_decimal: bool,
    /// What follows the decimal point (or the digits).
    pub remainder: &'a str,
}

/// Splits formatted float text (no sign) as `parse_number` does: leading
/// ASCII digits, then '.', then the rest.
pub(crate) fn split_float_text(text: &str) -> (&str, bool, &str) {
    let end = text
        .bytes()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(text.len());
    let (digits, rest) = text.split_at(end);
    match rest.strip_prefix('.') {
        Some(r) => (digits, true, r),
        None => (digits, false, rest),
    }
}

/// `calc_number_widths` + `fill_number`: lays out a number with the spec's
/// sign, fill, alignment, width and grouping (separator `sep` every
/// `group` digits; `group` 0 = no grouping). `upper` upper-cases the
/// prefix and digits ('X'). `spec_fill` None turns padding off (complex
/// parts).
pub(crate) fn layout_number(
    parts: &NumberParts<'_>,
    sign: Option<Sign>,
    fill: char,
    align: Align,
    width: Option<usize>,
    sep: Option<(char, usize)>,
    upper: bool,
) -> String {
    let sign_char = match (sign, parts.negative) {
        (_, true) => Some('-'),
        (Some(Sign::Plus), false) => Some('+'),
        (Some(Sign::Space), false) => Some(' '),
        _ => None,
    };
    let n_sign = usize::from(sign_char.is_some());
    let n_prefix = parts.prefix.len();
    let n_decimal = usize::from(parts.has_decimal);
    let n_remainder = parts.remainder.chars().count();
    let non_digit = n_sign + n_prefix + n_decimal + n_remainder;
    let min_width = if fill == '0' && align == Align::AfterSign {
        width.map_or(0, |w| w as i64 - non_digit as i64)
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, sep)
    };
    let used = non_digit + grouped.chars().count();
    let padding = width.map_or(0, |w| w.saturating_sub(used));
    let (lpad, spad, rpad) = match align {
        Align::Left => (0, 0, padding),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
        Align::Right => (padding, 0, 0),
    };
    let mut out = String::with_capacity(used + padding);
    out.extend(std::iter::repeat_n(fill, lpad));
    if let Some(s) = sign_char {
        out.push(s);
    }
    if upper {
        out.push_str(&parts.prefix.to_ascii_uppercase());
    } else {
        out.push_str(parts.prefix);
    }
    out.extend(std::iter::repeat_n(fill, spad));
    if upper {
        out.push_str(&grouped.to_ascii_uppercase());
    } else {
        out.push_str(&grouped);
    }
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    out.extend(std::iter::repeat_n(fill, rpad));
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: the digits with separators every
/// `group` digits from the right, left-padded with zeros (separated too)
/// until at least `min_width` characters long.
fn group_digits(digits: &str, min_width: i64, sep: Option<(char, usize)>) -> String {
    let d = digits.as_bytes();
    let mut remaining = d.len() as i64;
    let mut min_width = min_width;
    // Pieces from the right: (zeros, digit range).
    let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
    let mut end = d.len();
    let mut broken = false;
    if let Some((_, group)) = sep.filter(|&(_, g)| g > 0) {
        loop {
            let len = (group as i64).min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0) as usize;
            let n_chars = remaining.min(len).max(0) as usize;
            pieces.push((n_zeros, end - n_chars, end));
            end -= n_chars;
            remaining -= n_chars as i64;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0) as usize;
        let n_chars = remaining.min(len).max(0) as usize;
        pieces.push((n_zeros, end - n_chars, end));
    }
    let sep_char = sep.map_or(',', |(c, _)| c);
    let mut out = String::new();
    for (i, &(zeros, a, b)) in pieces.iter().rev().enumerate() {
        if i > 0 {
            out.push(sep_char);
        }
        out.extend(std::iter::repeat_n('0', zeros));
        out.push_str(&digits[a..b]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse() {
        let s = parse_format_spec("*^+z#012,.3f", SpecKind::Float, "float").unwrap();
        assert_eq!(s.fill, '*');
        assert_eq!(s.align, Align::Center);
        assert_eq!(s.width, Some(12));
        assert_eq!(s.precision, Some(3));
        assert_eq!(s.ty, Some('f'));
        let e = parse_format_spec("xx", SpecKind::Int, "int").unwrap_err();
        assert_eq!(
            e.message(),
            "Invalid format specifier 'xx' for object of type 'int'"
        );
    }

    #[test]
    fn grouping() {
        assert_eq!(group_digits("1234567", 0, Some((',', 3))), "1,234,567");
        assert_eq!(group_digits("1234", 9, Some((',', 3))), "0,001,234");
        assert_eq!(group_digits("12", 5, None), "00012");
    }
}
