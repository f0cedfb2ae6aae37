//! float arithmetic with CPython 3.11's results and errors
//! (Objects/floatobject.c): int <-> float conversion, `as_integer_ratio`,
//! `/`, `//`, `%`, `divmod`, `**`.

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{ToPrimitive, Zero};

use crate::complex::complex_pow;
use crate::error::NumError;
use crate::int::Int;

/// `2.0**k` for k in -1022..=1023 (a normal power of two).
fn pow2(k: i64) -> f64 {
    f64::from_bits(((k.clamp(-1022, 1023) + 1023) as u64) << 52)
}

/// `mant * 2**exp2 (+ a little more if sticky)` correctly rounded to a
/// float (half-even; subnormals too). None when it overflows. `sticky`
/// says nonzero bits were dropped below `mant` (a division remainder).
pub(crate) fn round_to_f64(mant: &BigUint, exp2: i64, sticky: bool) -> Option<f64> {
    if mant.is_zero() {
        return Some(0.0);
    }
    let nbits = mant.bits() as i64;
    let top_exp = nbits.saturating_add(exp2);
    if top_exp > 1024 {
        return None;
    }
    if top_exp < -1074 {
        return Some(0.0);
    }
    // Exponent of the last kept bit: 53 bits, or fewer for subnormals.
    let lsb = top_exp.max(-1021) - 53;
    let shift = lsb - exp2;
    let q: u64 = if shift <= 0 {
        (mant << (-shift) as u64).to_u64().unwrap_or(0)
    } else {
        let shift = shift as u64;
        let q = (mant >> shift).to_u64().unwrap_or(0);
        let low_nonzero_below_half = {
            // The dropped bits, compared with one half of the last kept bit.
            let half_bit = shift - 1;
            let half = mant.bit(half_bit);
            let below = sticky || (mant.trailing_zeros().unwrap_or(0) < half_bit);
            (half, below)
        };
        match low_nonzero_below_half {
            (true, true) => q + 1,
            (true, false) if q & 1 == 1 => q + 1,
            _ => q,
        }
    };
    let x = q as f64;
    let v = if lsb >= -1022 {
        x * pow2(lsb)
    } else {
        x * pow2(lsb + 600) * pow2(-600)
    };
    v.is_finite().then_some(v)
}

/// `float(i)` (`PyLong_AsDouble`): correctly rounded; "int too large to
/// convert to float" (OverflowError).
pub fn int_to_float(v: &BigInt) -> Result<f64, NumError> {
    if let Some(i) = v.to_i64() {
        return Ok(i as f64);
    }
    let x = round_to_f64(v.magnitude(), 0, false)
        .ok_or_else(|| NumError::overflow("int too large to convert to float"))?;
    Ok(if v.sign() == Sign::Minus { -x } else { x })
}

/// `int(x)` (`PyLong_FromDouble`): truncation toward zero, exact for large
/// floats; NaN and infinities raise.
pub fn float_to_int(x: f64) -> Result<Int, NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert float infinity to integer",
        ));
    }
    let t = x.trunc();
    if t.abs() < 9.2e18 {
        return Ok(Int::Small(t as i64));
    }
    let (mant, exp) = decompose(t);
    let mag = BigUint::from(mant) << exp.max(0) as u64;
    let sign = if t < 0.0 { Sign::Minus } else { Sign::Plus };
    Ok(Int::from(BigInt::from_biguint(sign, mag)))
}

/// `|x| = mant * 2**exp` with an integer mantissa (x finite).
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    }
}

/// `float.as_integer_ratio()`: the exact fraction in lowest terms.
pub fn as_integer_ratio(x: f64) -> Result<(Int, Int), NumError> {
    if x.is_nan() {
        return Err(NumError::value("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(NumError::overflow(
            "cannot convert Infinity to integer ratio",
        ));
    }
    if x == 0.0 {
        return Ok((Int::Small(0), Int::Small(1)));
    }
    let (mut mant, mut exp) = decompose(x);
    let tz = mant.trailing_zeros() as i64;
    mant >>= tz;
    exp += tz;
    let sign = if x < 0.0 { Sign::Minus } else { Sign::Plus };
    let num = BigInt::from_biguint(sign, BigUint::from(mant));
    if exp >= 0 {
        Ok((Int::from(num << exp as u64), Int::Small(1)))
    } else {
        let den = BigInt::from(1) << (-exp) as u64;
        Ok((Int::from(num), Int::from(den)))
    }
}

/// `float.is_integer()`.
pub fn is_integer(x: f64) -> bool {
    x.is_finite() && x == x.trunc()
}

/// `a / b` for floats: "float division by zero".
pub fn float_div(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float division by zero"));
    }
    Ok(a / b)
}

/// `_float_div_mod`: CPython's floor quotient and remainder (remainder
/// with the divisor's sign; quotient snapped to an integral value).
fn div_mod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// `a // b` for floats: "float floor division by zero".
pub fn float_floordiv(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float floor division by zero"));
    }
    Ok(div_mod(a, b).0)
}

/// `a % b` for floats (`float_rem`): "float modulo".
pub fn float_mod(a: f64, b: f64) -> Result<f64, NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float modulo"));
    }
    let mut m = a % b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    Ok(m)
}

/// `divmod(a, b)` for floats: "float divmod()".
pub fn float_divmod(a: f64, b: f64) -> Result<(f64, f64), NumError> {
    if b == 0.0 {
        return Err(NumError::zero_div("float divmod()"));
    }
    Ok(div_mod(a, b))
}

/// The result of float `**`: a float, or a complex when a negative base is
/// raised to a non-integral power.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FloatPow {
    /// A float result.
    Float(f64),
    /// A complex result (real, imag).
    Complex(f64, f64),
}

/// `DOUBLE_IS_ODD_INTEGER`.
fn is_odd_integer(x: f64) -> bool {
    (x.abs() % 2.0) == 1.0
}

/// `float_pow` (two arguments): C99 special cases done by hand as
/// CPython does, then libm `pow`; overflow is
/// `OverflowError(34, 'Numerical result out of range')`.
pub fn float_pow(iv: f64, iw: f64) -> Result<FloatPow, NumError> {
    use FloatPow::Float;
    if iw == 0.0 {
        return Ok(Float(1.0));
    }
    if iv.is_nan() {
        return Ok(Float(iv));
    }
    if iw.is_nan() {
        return Ok(Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(Float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        if iw < 0.0 {
            return Err(NumError::zero_div(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Float(if is_odd_integer(iw) { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            let (re, im) = complex_pow((iv, 0.0), (iw, 0.0))?;
            return Ok(FloatPow::Complex(re, im));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Float(if negate { -1.0 } else { 1.0 }));
    }
    let r = base.powf(iw);
    if r.is_infinite() {
        return Err(NumError::RangeErrno);
    }
    Ok(Float(if negate { -r } else { r }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        let big = BigInt::from(1u64 << 53) + 1;
        assert_eq!(int_to_float(&big), Ok(9007199254740992.0));
        assert_eq!(
            float_to_int(1e20),
            Ok(Int::Big(BigInt::from(100000000000000000000u128)))
        );
        assert_eq!(as_integer_ratio(0.75), Ok((Int::Small(3), Int::Small(4))));
        assert_eq!(float_mod(-1.0, 3.0), Ok(2.0));
        assert_eq!(float_floordiv(-1.0, 3.0), Ok(-1.0));
    }
}
