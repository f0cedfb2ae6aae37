//! Python's number algorithms without an interpreter: what CPython 3.11's
//! `int`, `float` and `complex` do with text, rounding, division and powers,
//! as plain Rust functions over Rust values. The VM converts its values to
//! `i64`/`&BigInt`/`f64`, calls these, and raises the Python exception a
//! [`NumError`] names, with CPython's exact message.
//!
//! # API overview (for the VM)
//!
//! **Errors**: [`NumError`] = `Value(msg) | Overflow(msg) | ZeroDivision(msg)
//! | Type(msg) | Memory | RangeErrno`; `exception_name()` ("ValueError") and
//! `message()`. `Memory` is `MemoryError()` (no args); `RangeErrno` is float
//! `**` overflow, which CPython raises as `OverflowError(34, 'Numerical result
//! out of range')` (two args).
//!
//! **Integers** come back as [`Int`] (`Small(i64) | Big(BigInt)`, always
//! normalised: `Big` only outside i64). Inputs are `&BigInt`, with `_i64`
//! twins for hot paths. `max_str_digits` parameters are the interpreter's
//! `sys.get_int_max_str_digits()` (default [`DEFAULT_MAX_STR_DIGITS`] =
//! 4300; 0 = unlimited). Index-like arguments (int base, round ndigits,
//! shift counts as BigInt) follow CPython: the VM clamps `base`/`ndigits`
//! into i64 as `PyNumber_AsSsize_t(o, NULL)` does.
//!
//! **Strings**: functions take `&str`; strs holding lone surrogates (which
//! can never parse) go to the `_wide(&[u32])` variants so the error message
//! shows the right repr. Bytes inputs take `&[u8]`.
//!
//! * [`int_text`]: `parse_int(s: &str, base: i64, max_str_digits: usize) ->
//!   Result<Int>` (`int(s, base)`), `parse_int_wide(&[u32], i64, usize)`,
//!   `parse_int_bytes(&[u8], i64, usize)`; `int_to_decimal(&BigInt, usize)
//!   -> Result<String>` (`str(i)`), `int_to_radix(&BigInt, radix: u32,
//!   prefix: bool) -> String` (`bin`/`oct`/`hex` with radix 2/8/16).
//! * [`float_text`]: `parse_float(&str) -> Result<f64>` (`float(s)`),
//!   `parse_float_wide(&[u32])`, `parse_float_bytes(&[u8])`,
//!   `float_hex(f64) -> String`, `float_fromhex(&str) -> Result<f64>`.
//!   `repr(float)` is `kaa_repr::repr_float`.
//! * [`float_arith`]: `int_to_float(&BigInt) -> Result<f64>` (correctly
//!   rounded), `float_to_int(f64) -> Result<Int>` (exact), `as_integer_ratio(f64)
//!   -> Result<(Int, Int)>`, `is_integer(f64) -> bool`; `float_div`,
//!   `float_floordiv`, `float_mod: (f64, f64) -> Result<f64>`, `float_divmod
//!   -> Result<(f64, f64)>`; `float_pow(f64, f64) -> Result<FloatPow>` with
//!   `FloatPow::{Float(f64), Complex(re, im)}` (negative base, fractional
//!   exponent).
//! * [`int_arith`]: `int_floordiv`/`int_mod(&BigInt, &BigInt) ->
//!   Result<Int>`, `int_divmod -> Result<(Int, Int)>`, `int_floordiv_i64(i64,
//!   i64) -> Result<Int>`, `int_mod_i64 -> Result<i64>`, `int_divmod_i64 ->
//!   Result<(Int, i64)>`; `int_true_div(&BigInt, &BigInt) -> Result<f64>` and
//!   `int_true_div_i64(i64, i64)` (correctly rounded); `int_pow(&BigInt,
//!   &BigInt) -> Result<IntPow>` (`IntPow::{Int(Int), Float(f64)}`: negative
//!   exponents give floats), `int_pow_mod(a, b, m: &BigInt) -> Result<Int>`;
//!   `int_lshift`/`int_rshift(&BigInt, n: &BigInt) -> Result<Int>`;
//!   `bit_length`/`bit_count(&BigInt) -> u64`; `parse_byteorder(&str) ->
//!   Result<bool /*little*/>` (check it before the length, as CPython),
//!   `int_to_bytes(&BigInt, length: i64, little: bool, signed: bool) ->
//!   Result<Vec<u8>>`, `int_from_bytes(&[u8], little, signed) -> Int`.
//! * [`round`]: `round_float_to_int(f64) -> Result<Int>` (`round(x)`),
//!   `round_float(f64, ndigits: i64) -> Result<f64>`, `round_int(&BigInt,
//!   ndigits: i64) -> Int`.
//! * [`format_num`] (the format-spec mini-language; [`format_spec`] parses):
//!   `format_int(spec: &str, &BigInt, type_name: &str, max_str_digits) ->
//!   Result<String>`, `format_float(spec, f64, type_name)`,
//!   `format_complex(spec, re, im, type_name)`, `format_str(spec, &str,
//!   type_name)`, and `str_layout(spec, char_count, type_name) ->
//!   Result<StrLayout{keep, fill, left, right}>` for strs the VM cannot pass
//!   as `&str`. `type_name` is `type(x).__name__` (for "Unknown format code
//!   'x' for object of type 'bool'"). An empty spec returns `str(x)`, except
//!   that for a bool the VM must produce `True`/`False` itself.
//! * [`percent`] (printf-style `%`): `PercentParser::new(&[T])` (T: u8, u16,
//!   u32 or char code units) iterates `Result<Segment>`:
//!   `Segment::Literal(Range<usize>)` (copy those units; "%%" comes as a
//!   one-unit literal) or `Segment::Spec(PercentSpec)` (`key:
//!   Option<Range<usize>>`, `flags`, `width`/`precision: Count`, `conv`,
//!   `index`). Per spec the VM: looks the key up, calls
//!   `set_star_width(i64)`/`set_star_precision(i64)` if `width_star()`/
//!   `precision_star()`, fetches the value, calls `check_conversion()`, then
//!   `format_percent_int(&spec, &BigInt, max_str_digits) -> Result<String>`
//!   (d i u o x X), `format_percent_float(&spec, f64) -> Result<String>` (e
//!   E f F g G), `percent_char(&BigInt) -> Result<u32>` (%c of an int),
//!   `pad_percent_str(&spec, &str) -> Result<String>` /
//!   `percent_str_layout(&spec, char_count) -> Result<StrLayout>` (s r a c).
//!   The module doc has the loop. Widths over [`format_spec::MAX_WIDTH`]
//!   (2**32) give `NumError::Memory` everywhere instead of an allocation.
//! * [`complex`]: `parse_complex(&str) -> Result<(f64, f64)>`,
//!   `complex_div`/`complex_pow(Complex, Complex) -> Result<Complex>`,
//!   `complex_abs(Complex) -> Result<f64>` (`Complex = (f64, f64)`).
#![forbid(unsafe_code)]

pub mod cmathfn;
pub mod complex;
pub mod error;
pub mod float_arith;
pub mod float_text;
pub mod format_num;
pub mod format_spec;
pub mod int;
pub mod int_arith;
pub mod int_text;
pub mod mathfn;
pub mod percent;
pub mod round;

mod dtoa;
mod unicode_digits;

pub use complex::{complex_abs, complex_div, complex_pow, parse_complex, Complex};
pub use error::NumError;
pub use float_arith::{
    as_integer_ratio, float_div, float_divmod, float_floordiv, float_mod, float_pow, float_to_int,
    int_to_float, is_integer, FloatPow,
};
pub use float_text::{float_fromhex, float_hex, parse_float, parse_float_bytes, parse_float_wide};
pub use format_num::{format_complex, format_float, format_int, format_str, str_layout, StrLayout};
pub use format_spec::{parse_format_spec, Align, FormatSpec, Grouping, Sign, SpecKind};
pub use int::Int;
pub use int_arith::{
    bit_count, bit_length, int_divmod, int_divmod_i64, int_floordiv, int_floordiv_i64,
    int_from_bytes, int_lshift, int_mod, int_mod_i64, int_pow, int_pow_mod, int_rshift,
    int_to_bytes, int_true_div, int_true_div_i64, parse_byteorder, IntPow,
};
pub use int_text::{
    int_to_decimal, int_to_radix, parse_int, parse_int_bytes, parse_int_wide,
    DEFAULT_MAX_STR_DIGITS,
};
pub use percent::{
    format_percent_float, format_percent_int, pad_percent_str, percent_char, percent_str_layout,
    Count, PercentFlags, PercentParser, PercentSpec, Segment,
};
pub use round::{round_float, round_float_to_int, round_int};
