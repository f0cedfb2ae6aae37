//! Python int arithmetic as CPython 3.11's AST optimizer folds it
//! (`Python/ast_opt.c` `fold_binop`): exact big ints, with the `safe_*`
//! limits that refuse results which could grow large (`MAX_INT_SIZE`, 128
//! bits), and no folding where Python raises (`1//0`, `1 << -1`, an int
//! too large for a float).
//!
//! Both the compile-time checks ([`super::fold`]) and the code generator's
//! constants use it, so the two agree on what folds and to what.

use kaa_parser::ast::Operator;
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

/// `MAX_INT_SIZE`: the optimizer's limit on folded ints, in bits.
pub(crate) const MAX_INT_BITS: u64 = 128;

/// What an int operation folds to: `/` and a negative power give floats.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum IntValue {
    /// An int.
    Int(BigInt),
    /// A float.
    Float(f64),
}

/// `_PyLong_NumBits`: the bits of `|i|` (0 for 0).
fn bits(i: &BigInt) -> u64 {
    i.bits()
}

/// `PyLong_AsDouble`: the nearest float (ties to even); `None` where
/// Python raises OverflowError.
pub(crate) fn to_f64(i: &BigInt) -> Option<f64> {
    if bits(i) <= 53 {
        return i.to_i64().map(|v| v as f64);
    }
    // The decimal digits parse to the correctly rounded float.
    let f: f64 = i.to_string().parse().ok()?;
    f.is_finite().then_some(f)
}

/// `a op b` for ints, or `None` if the optimizer leaves it unfolded.
pub(crate) fn binary(a: &BigInt, op: Operator, b: &BigInt) -> Option<IntValue> {
    let int = |v: BigInt| Some(IntValue::Int(v));
    match op {
        Operator::Add => int(a + b),
        Operator::Sub => int(a - b),
        // safe_multiply.
        Operator::Mult => {
            if !a.is_zero() && !b.is_zero() && bits(a) + bits(b) > MAX_INT_BITS {
                return None;
            }
            int(a * b)
        }
        Operator::Div => true_divide(a, b).map(IntValue::Float),
        Operator::FloorDiv | Operator::Mod => {
            if b.is_zero() {
                return None;
            }
            // Python rounds the quotient towards minus infinity; the
            // remainder takes the divisor's sign.
            let (mut q, mut r) = (a / b, a % b);
            if !r.is_zero() && (r.is_negative() != b.is_negative()) {
                q -= 1;
                r += b;
            }
            int(if op == Operator::FloorDiv { q } else { r })
        }
        // safe_power.
        Operator::Pow => {
            if b.is_negative() {
                // int ** negative int is float ** float; 0 raises.
                if a.is_zero() {
                    return None;
                }
                let (x, y) = (to_f64(a)?, to_f64(b)?);
                let r = x.powf(y);
                return r.is_finite().then_some(IntValue::Float(r));
            }
            if b.is_zero() {
                return int(BigInt::one());
            }
            if a.is_zero() {
                return int(BigInt::zero());
            }
            let exp = b.to_u64().filter(|&e| bits(a) <= MAX_INT_BITS / e)?;
            int(a.pow(u32::try_from(exp).ok()?))
        }
        // safe_lshift.
        Operator::LShift => {
            if b.is_negative() {
                return None;
            }
            if a.is_zero() || b.is_zero() {
                return int(a.clone());
            }
            let shift = b
                .to_u64()
                .filter(|&s| s <= MAX_INT_BITS && bits(a) <= MAX_INT_BITS - s)?;
            int(a << shift)
        }
        Operator::RShift => {
            if b.is_negative() {
                return None;
            }
            match b.to_u64().filter(|&s| s <= bits(a)) {
                // Rounds towards minus infinity, as Python does.
                Some(s) => int(a >> s),
                None => int(if a.is_negative() {
                    -BigInt::one()
                } else {
                    BigInt::zero()
                }),
            }
        }
        Operator::BitAnd => int(a & b),
        Operator::BitOr => int(a | b),
        Operator::BitXor => int(a ^ b),
        Operator::MatMult => None,
    }
}

/// `long_true_divide`: `a / b` correctly rounded; `None` for a zero
/// divisor or a result too large for a float.
pub(crate) fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if b.is_zero() {
        return None;
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let sign = |f: f64| if negative { -f } else { f };
    let (x, y) = (a.abs(), b.abs());
    if x.is_zero() {
        return Some(sign(0.0));
    }
    if bits(&x) <= 53 && bits(&y) <= 53 {
        // Both exact as floats: one correctly rounded division.
        return Some(sign(x.to_f64()? / y.to_f64()?));
    }
    // q = floor(x * 2**shift / y) has 55 or 56 bits; a nonzero remainder
    // sets the lowest (sticky) bit, so converting q rounds correctly.
    let shift = 55 - (bits(&x) as i64 - bits(&y) as i64);
    let (num, den) = if shift >= 0 {
        (x << shift as u64, y)
    } else {
        (x, y << shift.unsigned_abs())
    };
    let (q, r) = (&num / &den, &num % &den);
    let mut q = q.to_u64()?;
    if !r.is_zero() {
        q |= 1;
    }
    let f = scale(q as f64, -shift);
    f.is_finite().then_some(sign(f))
}

/// `m * 2**e`, exactly where the result is a normal float.
fn scale(mut m: f64, mut e: i64) -> f64 {
    let step = 2f64.powi(1000);
    while e > 1000 {
        m *= step;
        e -= 1000;
        if m.is_infinite() {
            return m;
        }
    }
    while e < -1000 {
        m /= step;
        e += 1000;
        if m == 0.0 {
            return m;
        }
    }
    m * 2f64.powi(e as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big(s: &str) -> BigInt {
        s.parse().expect("an int")
    }

    fn fold(a: &str, op: Operator, b: &str) -> Option<String> {
        binary(&big(a), op, &big(b)).map(|v| match v {
            IntValue::Int(i) => i.to_string(),
            IntValue::Float(f) => kaa_repr::repr_float(f),
        })
    }

    /// Expectations from python3 (`compile` + `dis` for what folds, the
    /// values from evaluating the expressions).
    #[test]
    fn folds_like_cpython() {
        use Operator::*;
        assert_eq!(fold("2", Pow, "127"), None);
        assert_eq!(
            fold("2", Pow, "64").as_deref(),
            Some("18446744073709551616")
        );
        assert_eq!(
            fold("1", LShift, "127").as_deref(),
            Some("170141183460469231731687303715884105728")
        );
        assert_eq!(fold("1", LShift, "128"), None);
        assert_eq!(fold("-5", RShift, "1").as_deref(), Some("-3"));
        assert_eq!(
            fold("-5", RShift, "100000000000000000000").as_deref(),
            Some("-1")
        );
        assert_eq!(fold("-7", FloorDiv, "2").as_deref(), Some("-4"));
        assert_eq!(fold("-7", Mod, "2").as_deref(), Some("1"));
        assert_eq!(fold("7", Mod, "-2").as_deref(), Some("-1"));
        assert_eq!(fold("7", Mod, "0"), None);
        assert_eq!(fold("0", Div, "-5").as_deref(), Some("-0.0"));
        assert_eq!(
            fold("123456789012345678901234567890123456789012345", Div, "7").as_deref(),
            Some("1.763668414462081e+43")
        );
        assert_eq!(
            fold("1000000000000000000000000000000", Div, "3").as_deref(),
            Some("3.333333333333333e+29")
        );
        assert_eq!(fold("2", Pow, "-2").as_deref(), Some("0.25"));
        assert_eq!(fold("0", Pow, "-2"), None);
        assert_eq!(
            fold("12345678901234567890123456789", Mult, "7").as_deref(),
            Some("86419752308641975230864197523")
        );
    }
}
