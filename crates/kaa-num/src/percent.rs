//! printf-style formatting (`str % args`, `bytes % args`) as CPython
//! 3.11's `PyUnicode_Format`: a parser that yields literal runs and
//! conversion specs (`%(key)-+ #0*.*Lx`), and the number/str conversions.
//! The VM fetches the values (a key from the mapping, then `*` width,
//! `*` precision, then the value, in that order) and raises the errors.
//!
//! ```text
//! for seg in PercentParser::new(&fmt_code_units) {
//!     match seg? {
//!         Segment::Literal(r) => out.extend(&fmt[r]),
//!         Segment::Spec(mut spec) => {
//!             if let Some(k) = &spec.key { args = mapping[fmt[k]] ("format requires a mapping") }
//!             if spec.width_star { spec.set_star_width(next_arg as i64) }   // "* wants int"
//!             if spec.precision_star { spec.set_star_precision(next_arg) }
//!             let v = next_arg ("not enough arguments for format string");
//!             spec.check_conversion()?;   // "unsupported format character ..."
//!             d i u o x X -> format_percent_int; e E f F g G -> format_percent_float;
//!             s r a -> pad_percent_str(str(v)/repr/ascii); c -> pad_percent_str(char)
//!         }
//!     }
//! }
//! // then "not all arguments converted during string formatting" if a
//! // tuple has arguments left (or a lone non-mapping argument was unused).
//! ```

use std::ops::Range;

use num_bigint::BigInt;
use num_traits::Signed;

use crate::dtoa::{double_to_string, DtoaFlags};
use crate::error::NumError;
use crate::format_num::StrLayout;
use crate::format_spec::{calc_padding, check_width, Align};
use crate::int_text::check_str_digits;

/// The flags of a conversion spec.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    /// '-': left-justify.
    pub ljust: bool,
    /// '+': always a sign.
    pub sign: bool,
    /// ' ': a space before non-negative numbers.
    pub blank: bool,
    /// '#': the alternate form.
    pub alt: bool,
    /// '0': zero padding (numbers).
    pub zero: bool,
}

/// Which of width/precision a spec gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Not given.
    None,
    /// '*': taken from the next argument.
    Star,
    /// A number in the format string.
    Value(usize),
}

/// One conversion spec.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec {
    /// The `(key)` range (code units inside the parentheses), if any.
    pub key: Option<Range<usize>>,
    /// The flags.
    pub flags: PercentFlags,
    /// The width; `Star` until the VM calls `set_star_width`.
    pub width: Count,
    /// The precision; `Star` until the VM calls `set_star_precision`.
    pub precision: Count,
    /// The conversion character ("%%" comes as a literal instead).
    pub conv: char,
    /// The conversion character as a code unit (for the error message).
    pub conv_code: u32,
    /// Index of the conversion character in the format string.
    pub index: usize,
}

impl PercentSpec {
    /// Whether the width is '*' (fetch it first).
    pub fn width_star(&self) -> bool {
        self.width == Count::Star
    }

    /// Whether the precision is '*' (fetch it after the width).
    pub fn precision_star(&self) -> bool {
        self.precision == Count::Star
    }

    /// Sets a '*' width from the argument (already converted with
    /// `PyLong_AsSsize_t`; a negative width left-justifies).
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.flags.ljust = true;
        }
        self.width = Count::Value(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX));
    }

    /// Sets a '*' precision from the argument (already converted with
    /// `_PyLong_AsInt`: the VM raises "Python int too large to convert to C
    /// int" outside i32; negative means 0).
    pub fn set_star_precision(&mut self, p: i64) {
        self.precision = Count::Value(usize::try_from(p.max(0)).unwrap_or(0));
    }

    /// "unsupported format character 'y' (0x79) at index 1" for
    /// conversions other than d i u o x X e E f F g G c r s a (checked
    /// after the value is fetched, as CPython does).
    pub fn check_conversion(&self) -> Result<(), NumError> {
        if "diuoxXeEfFgGcrsa".contains(self.conv) {
            return Ok(());
        }
        let c = self.conv_code;
        let shown = if (31..=126).contains(&c) {
            char::from(c as u8)
        } else {
            '?'
        };
        Err(NumError::Value(format!(
            "unsupported format character '{shown}' ({c:#x}) at index {}",
            self.index
        )))
    }

    /// The width, 0 if none.
    fn width_value(&self) -> usize {
        match self.width {
            Count::Value(w) => w,
            _ => 0,
        }
    }

    /// The precision if given.
    fn precision_value(&self) -> Option<usize> {
        match self.precision {
            Count::Value(p) => Some(p),
            _ => None,
        }
    }
}

/// A piece of a printf-style format string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    /// Code units to copy as they are.
    Literal(Range<usize>),
    /// A conversion spec.
    Spec(PercentSpec),
}

/// Iterates the segments of a format string given as code units (u8 for
/// bytes or Latin-1 strs, u16/u32/char for wider strs). Yields an error
/// ("incomplete format", "incomplete format key", "width too big",
/// "precision too big") and then stops.
pub struct PercentParser<'a, T> {
    fmt: &'a [T],
    pos: usize,
    done: bool,
}

impl<'a, T: Copy + Into<u32>> PercentParser<'a, T> {
    /// A parser over `fmt`.
    pub fn new(fmt: &'a [T]) -> Self {
        PercentParser {
            fmt,
            pos: 0,
            done: false,
        }
    }

    /// The code unit at `i` as a u32 (0 past the end).
    fn at(&self, i: usize) -> u32 {
        self.fmt.get(i).map_or(0, |&c| c.into())
    }

    /// `unicode_format_arg_parse` from just after the '%'.
    fn parse_spec(&mut self) -> Result<PercentSpec, NumError> {
        let fmt_len = self.fmt.len();
        let incomplete = || NumError::value("incomplete format");
        let mut pos = self.pos;
        let mut key = None;
        if pos < fmt_len && self.at(pos) == u32::from('(') {
            pos += 1;
            let start = pos;
            let mut depth = 1;
            while depth > 0 && pos < fmt_len {
                let c = self.at(pos);
                if c == u32::from(')') {
                    depth -= 1;
                } else if c == u32::from('(') {
                    depth += 1;
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(NumError::value("incomplete format key"));
            }
            key = Some(start..pos - 1);
        }
        let mut flags = PercentFlags::default();
        let next = |pos: &mut usize| -> Option<u32> {
            let c = self.fmt.get(*pos).map(|&c| c.into());
            if c.is_some() {
                *pos += 1;
            }
            c
        };
        let mut ch = loop {
            let c = next(&mut pos).ok_or_else(incomplete)?;
            match char::from_u32(c) {
                Some('-') => flags.ljust = true,
                Some('+') => flags.sign = true,
                Some(' ') => flags.blank = true,
                Some('#') => flags.alt = true,
                Some('0') => flags.zero = true,
                _ => break c,
            }
        };
        let is_digit = |c: u32| (u32::from('0')..=u32::from('9')).contains(&c);
        let mut width = Count::None;
        if ch == u32::from('*') {
            width = Count::Star;
            ch = next(&mut pos).ok_or_else(incomplete)?;
        } else if is_digit(ch) {
            let mut w: i64 = i64::from(ch - u32::from('0'));
            loop {
                ch = next(&mut pos).ok_or_else(incomplete)?;
                if !is_digit(ch) {
                    break;
                }
                w = w
                    .checked_mul(10)
                    .and_then(|w| w.checked_add(i64::from(ch - u32::from('0'))))
                    .ok_or_else(|| NumError::value("width too big"))?;
            }
            width = Count::Value(usize::try_from(w).unwrap_or(usize::MAX));
        }
        let mut precision = Count::None;
        if ch == u32::from('.') {
            precision = Count::Value(0);
            ch = next(&mut pos).ok_or_else(incomplete)?;
            if ch == u32::from('*') {
                precision = Count::Star;
                ch = next(&mut pos).ok_or_else(incomplete)?;
            } else if is_digit(ch) {
                let mut p: i32 = (ch - u32::from('0')) as i32;
                loop {
                    ch = next(&mut pos).ok_or_else(incomplete)?;
                    if !is_digit(ch) {
                        break;
                    }
                    p = p
                        .checked_mul(10)
                        .and_then(|p| p.checked_add((ch - u32::from('0')) as i32))
                        .ok_or_else(|| NumError::value("precision too big"))?;
                }
                precision = Count::Value(p as usize);
            }
        }
        if matches!(char::from_u32(ch), Some('h' | 'l' | 'L')) {
            ch = next(&mut pos).ok_or_else(incomplete)?;
        }
        self.pos = pos;
        Ok(PercentSpec {
            key,
            flags,
            width,
            precision,
            conv: char::from_u32(ch).unwrap_or('\u{fffd}'),
            conv_code: ch,
            index: pos - 1,
        })
    }
}

impl<T: Copy + Into<u32>> Iterator for PercentParser<'_, T> {
    type Item = Result<Segment, NumError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done || self.pos >= self.fmt.len() {
            return None;
        }
        let start = self.pos;
        if self.at(start) != u32::from('%') {
            let mut end = start;
            while end < self.fmt.len() && self.at(end) != u32::from('%') {
                end += 1;
            }
            self.pos = end;
            return Some(Ok(Segment::Literal(start..end)));
        }
        // "%%" is a literal percent sign; '%' after flags or a width is an
        // unsupported conversion (CPython 3.11).
        if self.at(start + 1) == u32::from('%') {
            self.pos = start + 2;
            return Some(Ok(Segment::Literal(start + 1..start + 2)));
        }
        self.pos += 1;
        match self.parse_spec() {
            Ok(spec) => Some(Ok(Segment::Spec(spec))),
            Err(e) => {
                self.done = true;
                Some(Err(e))
            }
        }
    }
}

/// `unicode_format_arg_output` for a number's text (`body` without the
/// sign; `prefix` "0x"/"0X"/"0o" printed after the sign).
fn output_number(spec: &PercentSpec, negative: bool, prefix: &str, body: &str) -> String {
    let fill = if spec.flags.zero { '0' } else { ' ' };
    let sign = if negative {
        Some('-')
    } else if spec.flags.sign {
        Some('+')
    } else if spec.flags.blank {
        Some(' ')
    } else {
        None
    };
    let len = usize::from(sign.is_some()) + prefix.len() + body.len();
    let width = spec.width_value().max(len);
    let pad = width - len;
    let mut out = String::with_capacity(width);
    if !spec.flags.ljust && fill == ' ' {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out.extend(sign);
    out.push_str(prefix);
    if !spec.flags.ljust && fill == '0' {
        out.extend(std::iter::repeat_n('0', pad));
    }
    out.push_str(body);
    if spec.flags.ljust {
        out.extend(std::iter::repeat_n(' ', pad));
    }
    out
}

/// `%d %i %u %o %x %X` of an int (the VM converts floats with `int()` for
/// d/i/u and raises "%x format: an integer is required, not float").
/// Decimal output obeys `max_str_digits`.
pub fn format_percent_int(
    spec: &PercentSpec,
    v: &BigInt,
    max_str_digits: usize,
) -> Result<String, NumError> {
    let (radix, prefix) = match spec.conv {
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    check_width(Some(spec.width_value()))?;
    if radix == 10 {
        check_str_digits(v, max_str_digits)?;
    }
    let mut digits = v.magnitude().to_str_radix(radix);
    if spec.conv == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision_value() {
        if p > digits.len() {
            digits = "0".repeat(p - digits.len()) + &digits;
        }
    }
    let prefix = if spec.flags.alt { prefix } else { "" };
    Ok(output_number(spec, v.is_negative(), prefix, &digits))
}

/// `%e %E %f %F %g %G` of a float (precision 6 by default).
pub fn format_percent_float(spec: &PercentSpec, x: f64) -> Result<String, NumError> {
    check_width(Some(spec.width_value()))?;
    let flags = DtoaFlags {
        alt: spec.flags.alt,
        ..DtoaFlags::default()
    };
    let text = double_to_string(x, spec.conv, spec.precision_value().unwrap_or(6), flags);
    Ok(match text.strip_prefix('-') {
        Some(body) => output_number(spec, true, "", body),
        None => output_number(spec, false, "", &text),
    })
}

/// The layout of `%s %r %a` (precision truncates) and `%c` (it does not)
/// for a str of `char_count` code points: fill is always ' '.
pub fn percent_str_layout(spec: &PercentSpec, char_count: usize) -> Result<StrLayout, NumError> {
    check_width(Some(spec.width_value()))?;
    let keep = match (spec.conv, spec.precision_value()) {
        ('s' | 'r' | 'a', Some(p)) => p.min(char_count),
        _ => char_count,
    };
    let align = if spec.flags.ljust {
        Align::Left
    } else {
        Align::Right
    };
    let width = match spec.width {
        Count::Value(w) => Some(w),
        _ => None,
    };
    let (left, right) = calc_padding(keep, width, align);
    Ok(StrLayout {
        keep,
        fill: ' ',
        left,
        right,
    })
}

/// `%s %r %a %c` with the text already made (`str(v)`, `repr(v)`,
/// `ascii(v)` or the character).
pub fn pad_percent_str(spec: &PercentSpec, s: &str) -> Result<String, NumError> {
    let l = percent_str_layout(spec, s.chars().count())?;
    let mut out = String::with_capacity(s.len() + l.left + l.right);
    out.extend(std::iter::repeat_n(' ', l.left));
    out.extend(s.chars().take(l.keep));
    out.extend(std::iter::repeat_n(' ', l.right));
    Ok(out)
}

/// `%c`: the code point of an int argument ("%c arg not in
/// range(0x110000)"); a str argument must be one character (the VM raises
/// "%c requires int or char" otherwise).
pub fn percent_char(v: &BigInt) -> Result<u32, NumError> {
    u32::try_from(v)
        .ok()
        .filter(|&c| c <= 0x10ffff)
        .ok_or_else(|| NumError::overflow("%c arg not in range(0x110000)"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(f: &str, v: i64) -> String {
        let units: Vec<char> = f.chars().collect();
        let mut out = String::new();
        for seg in PercentParser::new(&units) {
            match seg.unwrap() {
                Segment::Literal(r) => out.extend(&units[r]),
                Segment::Spec(spec) => {
                    out.push_str(&format_percent_int(&spec, &BigInt::from(v), 4300).unwrap())
                }
            }
        }
        out
    }

    #[test]
    fn ints() {
        assert_eq!(fmt("a%5db", 42), "a   42b");
        assert_eq!(fmt("%-05d|", 3), "3    |");
        assert_eq!(fmt("%#06x", -255), "-0x0ff");
        assert_eq!(fmt("%+.3d", 7), "+007");
        let units: Vec<u8> = b"%y".to_vec();
        let Some(Ok(Segment::Spec(s))) = PercentParser::new(&units).next() else {
            panic!("no spec")
        };
        assert_eq!(
            s.check_conversion().unwrap_err().message(),
            "unsupported format character 'y' (0x79) at index 1"
        );
    }
}
