//! Python's number algorithms without an interpreter: what CPython 3.11's
//! `int`, `float` and `complex` do with text, rounding, division and powers,
//! as plain Rust functions over Rust values. The VM converts its values to
//! `i64`/`&BigInt`/`f64`, calls these, and raises the Python exception a
//! [`NumError`] names (with CPython's exact message).
//!
//! # API overview (for the VM)
//!
//! Errors: [`NumError`] = `Value | Overflow | ZeroDivision | Type | Memory |
//! RangeErrno` (each carries the message; `RangeErrno` is the
//! `OverflowError(34, 'Numerical result out of range')` of float `**`).
//! `err.exception_name()` gives "ValueError" etc., `err.message()` the text.
//!
//! Integers: results are [`Int`] (`Small(i64) | Big(BigInt)`, normalised:
//! `Big` only when the value does not fit an i64). Inputs are `&BigInt`
//! except the hot paths that have an `_i64` twin.
//!
//! * int text ([`int_text`]): `parse_int(s: &str, base: i64, max_str_digits:
//!   usize) -> Result<Int>` is `int(s, base)` (`base` clamped to i64 by the
//!   VM as `PyNumber_AsSsize_t` does; `max_str_digits` is
//!   `sys.get_int_max_str_digits()`, 0 = no limit); `parse_int_wide(&[u32],
//!   ..)` for strs holding lone surrogates; `parse_int_bytes(&[u8], ..)` for
//!   `int(b'12')`. `int_to_decimal(&BigInt, max_str_digits) -> Result<String>`
//!   is `str(int)`; `int_to_radix(&BigInt, radix: u32, prefix: bool) ->
//!   String` is `bin`/`oct`/`hex` (radix 2, 8, 16).
//! * float text ([`float_text`]): `parse_float(&str) -> Result<f64>` is
//!   `float(s)` (plus `parse_float_wide`, `parse_float_bytes`);
//!   `float_hex(f64) -> String`; `float_fromhex(&str) -> Result<f64>`.
//!   `repr(float)` is `kaa_repr::repr_float`.
//! * float arithmetic ([`float_arith`]): `float_to_int(f64) -> Result<Int>`,
//!   `int_to_float(&BigInt) -> Result<f64>`, `as_integer_ratio(f64) ->
//!   Result<(Int, Int)>`, `is_integer(f64) -> bool`, `float_div`,
//!   `float_floordiv`, `float_mod` (`(f64, f64) -> Result<f64>`),
//!   `float_divmod -> Result<(f64, f64)>`, `float_pow(f64, f64) ->
//!   Result<FloatPow>` (`FloatPow::Float(f64) | Complex(re, im)`: a negative
//!   base with a fractional exponent gives a complex).
//! * int arithmetic ([`int_arith`]): `int_floordiv`, `int_mod`,
//!   `int_divmod` on `&BigInt` and `_i64` twins (`Result<Int>`: i64::MIN//-1
//!   overflows to Big), `int_true_div(&BigInt, &BigInt) -> Result<f64>`
//!   (correctly rounded as `long_true_divide`; `int_true_div_i64` too),
//!   `int_pow(&BigInt, &BigInt) -> Result<IntPow>` (`IntPow::Int | Float`
//!   for negative exponents), `int_pow_mod(&BigInt, &BigInt, &BigInt) ->
//!   Result<Int>`, `int_lshift`/`int_rshift(&BigInt, &BigInt) ->
//!   Result<Int>`, `bit_length(&BigInt) -> u64`, `bit_count(&BigInt) -> u64`,
//!   `parse_byteorder(&str) -> Result<bool /*little*/>`, `int_to_bytes(&BigInt,
//!   length: i64, little: bool, signed: bool) -> Result<Vec<u8>>`,
//!   `int_from_bytes(&[u8], little, signed) -> Int`.
//! * rounding ([`round`]): `round_float(f64, ndigits: i64) -> Result<f64>`
//!   (`round(x, n)`; the VM clamps a huge `n` into i64), `round_float_to_int(f64)
//!   -> Result<Int>` (`round(x)`), `round_int(&BigInt, ndigits: i64) -> Int`.
//! * the format-spec mini-language ([`format_spec`], [`format_num`]):
//!   `parse_format_spec(&str) -> Result<FormatSpec>`; then
//!   `format_int(&FormatSpec, &BigInt, type_name) -> Result<String>`,
//!   `format_float(&FormatSpec, f64, type_name)`, `format_complex(&FormatSpec,
//!   re, im, type_name)`, `format_str(&FormatSpec, &str, type_name)`.
//!   `type_name` is the object's type name for "Unknown format code 'x' for
//!   object of type 'bool'". Strings: `format_str` takes `&str`; for strs
//!   with lone surrogates call `str_layout(&FormatSpec, char_count)`, which
//!   says how many code points to keep and the fill on each side. An empty
//!   spec on a bool must print `True` (the VM: `format(x, '')` is `str(x)`).
//! * printf-style ([`percent`]): `PercentParser::new(&[T])` (T = u8 for
//!   bytes, u8/u16/u32/char for str storage) iterates `Result<Segment>`:
//!   `Segment::Literal(Range<usize>)` (copy those code units),
//!   `Segment::Spec(PercentSpec)` (key range, flags, width/precision as
//!   `Count::{None, Star, Value}`, conversion char). The VM fetches the
//!   values (errors from `percent::errors`), then
//!   `format_percent_int(&PercentSpec, width, prec, &BigInt) -> String`,
//!   `format_percent_float(&PercentSpec, width, prec, f64) -> Result<String>`,
//!   `pad_percent_str(&PercentSpec, width, prec, &str) -> String` (s/r/a/c).
//! * complex ([`complex`]): `parse_complex(&str) -> Result<(f64, f64)>`,
//!   `complex_div`, `complex_pow`, `complex_abs`.
#![forbid(unsafe_code)]

pub mod error;
pub mod int;
pub mod int_text;
pub mod format_spec;

mod dtoa;
mod unicode_digits;

pub use error::NumError;
pub use int::Int;
pub use int_text::{
    int_to_decimal, int_to_radix, parse_int, parse_int_bytes, parse_int_wide,
    DEFAULT_MAX_STR_DIGITS,
};
