//! `round()` for floats and ints as CPython 3.11: `float.__round__`
//! (`double_round`: correctly rounded through the exact decimal value,
//! half-even) and `int.__round__` (`_PyLong_DivmodNear`, half-even).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::Zero;

use crate::error::NumError;
use crate::float_arith::{float_to_int, int_to_float};
use crate::int::Int;
use crate::int_arith::floor_divmod;

/// `NDIGITS_MAX`: beyond this many digits a float rounds to itself.
const NDIGITS_MAX: i64 = 323;
/// `NDIGITS_MIN`: below this a float rounds to a signed zero.
const NDIGITS_MIN: i64 = -308;

/// `round(x)`: half-even to an int; NaN and infinities raise as `int(x)`.
pub fn round_float_to_int(x: f64) -> Result<Int, NumError> {
    let mut r = x.round();
    if (x - r).abs() == 0.5 {
        r = 2.0 * (x / 2.0).round();
    }
    float_to_int(r)
}

/// `round(x, ndigits)` (ndigits clamped into i64 by the VM, as
/// `PyNumber_AsSsize_t` clips): "rounded value too large to represent".
pub fn round_float(x: f64, ndigits: i64) -> Result<f64, NumError> {
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let too_large = || NumError::overflow("rounded value too large to represent");
    if ndigits >= 0 {
        // The exact value rounded half-even to ndigits decimals, read back.
        let s = format!("{:.*}", ndigits as usize, x);
        let r: f64 = s.parse().map_err(|_| too_large())?;
        return if r.is_infinite() {
            Err(too_large())
        } else {
            Ok(r)
        };
    }
    // x = mant * 2**exp exactly; round x / 10**k half-even, times 10**k.
    let k = (-ndigits) as u32;
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mant, exp) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    let pow10 = BigUint::from(10u32).pow(k);
    let (num, den) = if exp >= 0 {
        (BigUint::from(mant) << exp as u64, pow10.clone())
    } else {
        (BigUint::from(mant), &pow10 << (-exp) as u64)
    };
    let (mut q, r) = (&num / &den, &num % &den);
    let twice = &r << 1u32;
    if twice > den || (twice == den && q.bit(0)) {
        q += 1u32;
    }
    if q.is_zero() {
        return Ok(0.0f64.copysign(x));
    }
    let v = int_to_float(&BigInt::from_biguint(Sign::Plus, q * pow10)).map_err(|_| too_large())?;
    Ok(v.copysign(x))
}

/// `round(i, ndigits)`: unchanged for ndigits >= 0, else half-even to a
/// multiple of `10**-ndigits` (0 once that exceeds the value's size).
pub fn round_int(v: &BigInt, ndigits: i64) -> Int {
    if ndigits >= 0 {
        return Int::from(v.clone());
    }
    let k = ndigits.unsigned_abs();
    // 10**k > 2 * |v| means the result is 0 (no tie possible).
    let digits_bound = (v.bits() as f64 * std::f64::consts::LOG10_2) as u64 + 2;
    if k > digits_bound {
        return Int::Small(0);
    }
    let pow10 = num_traits::pow(BigInt::from(10), k as usize);
    let (mut q, r) = floor_divmod(v, &pow10);
    let twice: BigInt = &r << 1u32;
    if twice > pow10 || (twice == pow10 && q.bit(0)) {
        q += 1;
    }
    Int::from(q * pow10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn samples() {
        assert_eq!(round_float(2.675, 2), Ok(2.67));
        assert_eq!(round_float(25.0, -1), Ok(20.0));
        assert_eq!(round_float(35.0, -1), Ok(40.0));
        assert_eq!(round_float_to_int(0.5), Ok(Int::Small(0)));
        assert_eq!(round_float_to_int(1.5), Ok(Int::Small(2)));
        assert!(round_float(1.7e308, -308).is_err());
        assert_eq!(round_int(&BigInt::from(-25), -1), Int::Small(-20));
        assert_eq!(round_int(&BigInt::from(15), -1), Int::Small(20));
    }
}
