//! int arithmetic with CPython 3.11's signs, results and errors
//! (Objects/longobject.c): floor division and modulo, true division
//! (`long_true_divide`, correctly rounded), powers (negative exponents go
//! to float; three-argument pow with modular inverses), shifts,
//! `bit_length`, `bit_count`, `to_bytes`/`from_bytes`.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::error::NumError;
use crate::float_arith::{float_pow, int_to_float, round_to_f64, FloatPow};
use crate::int::Int;

/// Floor quotient and remainder (the remainder has the divisor's sign),
/// from Rust's truncating `/` and `%`; `b` is nonzero.
pub(crate) fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let (q, r) = (a / b, a % b);
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// `floor_divmod` for i128 (no overflow for i64 operands).
fn floor_divmod_i128(a: i128, b: i128) -> (i128, i128) {
    let (q, r) = (a / b, a % b);
    if r != 0 && ((r < 0) != (b < 0)) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// "integer division or modulo by zero" (`//` and `divmod`).
fn div_zero() -> NumError {
    NumError::zero_div("integer division or modulo by zero")
}

/// `a // b` (floor division).
pub fn int_floordiv(a: &BigInt, b: &BigInt) -> Result<Int, NumError> {
    if b.is_zero() {
        return Err(div_zero());
    }
    Ok(Int::from(floor_divmod(a, b).0))
}

/// `a % b` (the result has the divisor's sign): "integer modulo by zero".
pub fn int_mod(a: &BigInt, b: &BigInt) -> Result<Int, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("integer modulo by zero"));
    }
    Ok(Int::from(floor_divmod(a, b).1))
}

/// `divmod(a, b)`.
pub fn int_divmod(a: &BigInt, b: &BigInt) -> Result<(Int, Int), NumError> {
    if b.is_zero() {
        return Err(div_zero());
    }
    let (q, r) = floor_divmod(a, b);
    Ok((Int::from(q), Int::from(r)))
}

/// `a // b` for small ints (`i64::MIN // -1` is a big int).
pub fn int_floordiv_i64(a: i64, b: i64) -> Result<Int, NumError> {
    if b == 0 {
        return Err(div_zero());
    }
    Ok(Int::from(floor_divmod_i128(i128::from(a), i128::from(b)).0))
}

/// `a % b` for small ints.
pub fn int_mod_i64(a: i64, b: i64) -> Result<i64, NumError> {
    if b == 0 {
        return Err(NumError::zero_div("integer modulo by zero"));
    }
    Ok(floor_divmod_i128(i128::from(a), i128::from(b)).1 as i64)
}

/// `divmod(a, b)` for small ints.
pub fn int_divmod_i64(a: i64, b: i64) -> Result<(Int, i64), NumError> {
    if b == 0 {
        return Err(div_zero());
    }
    let (q, r) = floor_divmod_i128(i128::from(a), i128::from(b));
    Ok((Int::from(q), r as i64))
}

/// `a / b` for ints (`long_true_divide`): correctly rounded; "division by
/// zero", "integer division result too large for a float".
pub fn int_true_div(a: &BigInt, b: &BigInt) -> Result<f64, NumError> {
    if b.is_zero() {
        return Err(NumError::zero_div("division by zero"));
    }
    let exact = 1u64 << 53;
    if a.magnitude().bits() <= 53 && b.magnitude().bits() <= 53 {
        let (x, y) = (a.to_f64().unwrap_or(0.0), b.to_f64().unwrap_or(1.0));
        if x.abs() <= exact as f64 && y.abs() <= exact as f64 {
            return Ok(x / y);
        }
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (na, nb) = (a.magnitude(), b.magnitude());
    // Scale so the quotient has at least 55 bits; the remainder is sticky.
    let shift = (55 + nb.bits() as i64 - na.bits() as i64).max(0);
    let scaled = na << shift as u64;
    let (q, r) = (&scaled / nb, &scaled % nb);
    let x = round_to_f64(&q, -shift, !r.is_zero())
        .ok_or_else(|| NumError::overflow("integer division result too large for a float"))?;
    Ok(if negative { -x } else { x })
}

/// `a / b` for small ints.
pub fn int_true_div_i64(a: i64, b: i64) -> Result<f64, NumError> {
    if b == 0 {
        return Err(NumError::zero_div("division by zero"));
    }
    let lim = 1i64 << 53;
    if (-lim..=lim).contains(&a) && (-lim..=lim).contains(&b) {
        return Ok(a as f64 / b as f64);
    }
    int_true_div(&BigInt::from(a), &BigInt::from(b))
}

/// The result of int `**`: an int, or a float for a negative exponent
/// (or a complex, which `float_pow` can give for negative bases... never
/// for integral exponents, so only Int and Float occur).
#[derive(Clone, Debug, PartialEq)]
pub enum IntPow {
    /// A non-negative exponent.
    Int(Int),
    /// A negative exponent: `float(a) ** float(b)`.
    Float(f64),
}

/// Results beyond this many bits raise MemoryError instead of trying.
const MAX_POW_BITS: u64 = 1 << 36;

/// `a ** b` (two arguments). A negative exponent computes
/// `float(a) ** float(b)` as CPython does (so `0 ** -1` raises
/// "0.0 cannot be raised to a negative power").
pub fn int_pow(a: &BigInt, b: &BigInt) -> Result<IntPow, NumError> {
    if b.is_negative() {
        let x = int_to_float(a)?;
        let y = int_to_float(b)?;
        return match float_pow(x, y)? {
            FloatPow::Float(f) => Ok(IntPow::Float(f)),
            // An integral exponent never gives a complex.
            FloatPow::Complex(re, _) => Ok(IntPow::Float(re)),
        };
    }
    if a.is_zero() || a.is_one() || b.is_zero() {
        return Ok(IntPow::Int(Int::from(num_traits::pow(
            a.clone(),
            usize::from(!b.is_zero()),
        ))));
    }
    if *a == BigInt::from(-1) {
        let odd = b.bit(0);
        return Ok(IntPow::Int(Int::Small(if odd { -1 } else { 1 })));
    }
    let e = b.to_u64().ok_or(NumError::Memory)?;
    let bits = a.magnitude().bits().saturating_sub(1).max(1);
    if bits.saturating_mul(e) > MAX_POW_BITS {
        return Err(NumError::Memory);
    }
    Ok(IntPow::Int(Int::from(num_traits::pow(
        a.clone(),
        e as usize,
    ))))
}

/// `pow(a, b, m)`: the result has the modulus's sign; a negative exponent
/// uses the modular inverse ("base is not invertible for the given
/// modulus"); "pow() 3rd argument cannot be 0".
pub fn int_pow_mod(a: &BigInt, b: &BigInt, m: &BigInt) -> Result<Int, NumError> {
    if m.is_zero() {
        return Err(NumError::value("pow() 3rd argument cannot be 0"));
    }
    let negative_mod = m.is_negative();
    let modulus = m.abs();
    if modulus.is_one() {
        return Ok(Int::Small(0));
    }
    let mut base = floor_divmod(a, &modulus).1;
    if b.is_negative() {
        base = mod_inverse(&base, &modulus)
            .ok_or_else(|| NumError::value("base is not invertible for the given modulus"))?;
    }
    let e = b.magnitude();
    let r = BigInt::from_biguint(Sign::Plus, base.magnitude().modpow(e, modulus.magnitude()));
    Ok(Int::from(if negative_mod && !r.is_zero() {
        r - modulus
    } else {
        r
    }))
}

/// The inverse of `a` modulo `m` (both non-negative, m > 1).
fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (a.clone(), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let nr = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, nr);
        let ns = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, ns);
    }
    old_r.is_one().then(|| floor_divmod(&old_s, m).1)
}

/// `a << n`: "negative shift count"; an impossible size is MemoryError.
pub fn int_lshift(a: &BigInt, n: &BigInt) -> Result<Int, NumError> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    if a.is_zero() {
        return Ok(Int::Small(0));
    }
    // CPython counts 30-bit digits: a result of more than
    // `MAX_LONG_DIGITS` of them is an OverflowError, a smaller one that
    // cannot be allocated a MemoryError.
    const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
    let too_many = || NumError::overflow("too many digits in integer");
    let word_shift = (n / 30u32).to_u64().ok_or_else(too_many)?;
    let digits = a.bits().div_ceil(30);
    if word_shift.saturating_add(digits).saturating_add(1) > MAX_LONG_DIGITS {
        return Err(too_many());
    }
    let n = n.to_u64().ok_or(NumError::Memory)?;
    if n.saturating_add(a.bits()) > MAX_POW_BITS {
        return Err(NumError::Memory);
    }
    Ok(Int::from(a << n))
}

/// `a >> n` (floor: negative numbers shift toward -1).
pub fn int_rshift(a: &BigInt, n: &BigInt) -> Result<Int, NumError> {
    if n.is_negative() {
        return Err(NumError::value("negative shift count"));
    }
    match n.to_u64() {
        Some(n) if n < a.bits() => Ok(Int::from(a >> n)),
        _ => Ok(Int::Small(if a.is_negative() { -1 } else { 0 })),
    }
}

/// `int.bit_length()`.
pub fn bit_length(a: &BigInt) -> u64 {
    a.magnitude().bits()
}

/// `int.bit_count()`: ones in the binary form of `abs(a)`.
pub fn bit_count(a: &BigInt) -> u64 {
    a.magnitude().count_ones()
}

/// The `byteorder` argument: true for 'little'; "byteorder must be either
/// 'little' or 'big'". (CPython checks it before the length.)
pub fn parse_byteorder(s: &str) -> Result<bool, NumError> {
    match s {
        "little" => Ok(true),
        "big" => Ok(false),
        _ => Err(NumError::value(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// `int.to_bytes(length, byteorder, signed=...)`.
pub fn int_to_bytes(
    v: &BigInt,
    length: i64,
    little: bool,
    signed: bool,
) -> Result<Vec<u8>, NumError> {
    if length < 0 {
        return Err(NumError::value("length argument must be non-negative"));
    }
    if !signed && v.is_negative() {
        return Err(NumError::overflow("can't convert negative int to unsigned"));
    }
    let too_big = || NumError::overflow("int too big to convert");
    let length = usize::try_from(length).map_err(|_| too_big())?;
    let mut bytes = v.to_signed_bytes_le();
    if !signed {
        // Non-negative: an extra sign byte of zero is allowed to go.
        if bytes.len() > 1 && bytes.last() == Some(&0) {
            bytes.pop();
        }
        if v.is_zero() {
            bytes.clear();
        }
    }
    if bytes.len() > length {
        return Err(too_big());
    }
    let pad = if v.is_negative() { 0xff } else { 0 };
    bytes.resize(length, pad);
    if !little {
        bytes.reverse();
    }
    Ok(bytes)
}

/// `int.from_bytes(bytes, byteorder, signed=...)`.
pub fn int_from_bytes(b: &[u8], little: bool, signed: bool) -> Int {
    let v = match (little, signed) {
        (true, true) => BigInt::from_signed_bytes_le(b),
        (false, true) => BigInt::from_signed_bytes_be(b),
        (true, false) => BigInt::from_biguint(Sign::Plus, BigUint::from_bytes_le(b)),
        (false, false) => BigInt::from_biguint(Sign::Plus, BigUint::from_bytes_be(b)),
    };
    Int::from(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(i: i64) -> BigInt {
        BigInt::from(i)
    }

    #[test]
    fn basics() {
        assert_eq!(
            int_floordiv_i64(i64::MIN, -1),
            Ok(Int::Big(-BigInt::from(i64::MIN)))
        );
        assert_eq!(int_mod_i64(-7, 3), Ok(2));
        assert_eq!(int_pow_mod(&b(3), &b(-1), &b(7)), Ok(Int::Small(5)));
        assert_eq!(int_pow_mod(&b(2), &b(3), &b(-5)), Ok(Int::Small(-2)));
        assert_eq!(int_to_bytes(&b(-1), 2, false, true), Ok(vec![0xff, 0xff]));
        assert_eq!(
            int_to_bytes(&b(128), 1, false, true).unwrap_err().message(),
            "int too big to convert"
        );
        assert_eq!(int_true_div(&b(1), &b(3)), Ok(1.0 / 3.0));
    }
}
