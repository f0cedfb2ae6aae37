//! int arithmetic: the i64 fast path (results that overflow fall back to
//! big ints) and big-int operations with CPython's signs for `//`, `%`
//! and `**`, and its error messages.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// `_nb_ops` indices (BINARY_OP's oparg; +13 for the in-place forms).
pub mod nb {
    /// `+`
    pub const ADD: usize = 0;
    /// `&`
    pub const AND: usize = 1;
    /// `//`
    pub const FLOOR_DIVIDE: usize = 2;
    /// `<<`
    pub const LSHIFT: usize = 3;
    /// `@`
    pub const MATRIX_MULTIPLY: usize = 4;
    /// `*`
    pub const MULTIPLY: usize = 5;
    /// `%`
    pub const REMAINDER: usize = 6;
    /// `|`
    pub const OR: usize = 7;
    /// `**`
    pub const POWER: usize = 8;
    /// `>>`
    pub const RSHIFT: usize = 9;
    /// `-`
    pub const SUBTRACT: usize = 10;
    /// `/`
    pub const TRUE_DIVIDE: usize = 11;
    /// `^`
    pub const XOR: usize = 12;
}

/// Python's floor division of i64s (None on overflow or zero divisor).
pub fn floordiv(x: i64, y: i64) -> Option<i64> {
    if y == 0 {
        return None;
    }
    let q = x.checked_div(y)?;
    if (x % y != 0) && ((x < 0) != (y < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python's modulo of i64s (the sign of the divisor).
pub fn modulo(x: i64, y: i64) -> Option<i64> {
    if y == 0 {
        return None;
    }
    let r = x.checked_rem(y)?;
    if r != 0 && ((r < 0) != (y < 0)) {
        Some(r + y)
    } else {
        Some(r)
    }
}

/// The i64 fast path of BINARY_OP; None when the slow path must decide
/// (overflow, errors, negative powers).
#[inline]
pub fn int_binop_fast(x: i64, y: i64, op: usize) -> Option<Value> {
    let op = if op >= 13 { op - 13 } else { op };
    let r = match op {
        nb::ADD => x.checked_add(y)?,
        nb::SUBTRACT => x.checked_sub(y)?,
        nb::MULTIPLY => x.checked_mul(y)?,
        nb::FLOOR_DIVIDE => floordiv(x, y)?,
        nb::REMAINDER => modulo(x, y)?,
        nb::AND => x & y,
        nb::OR => x | y,
        nb::XOR => x ^ y,
        nb::RSHIFT => {
            if y < 0 {
                return None;
            }
            x >> y.min(63)
        }
        nb::LSHIFT => {
            if !(0..63).contains(&y) {
                return None;
            }
            let r = x << y;
            if (r >> y) != x {
                return None;
            }
            r
        }
        nb::POWER => {
            if !(0..=u32::MAX as i64).contains(&y) {
                return None;
            }
            x.checked_pow(y as u32)?
        }
        nb::TRUE_DIVIDE => {
            if y == 0 || x.unsigned_abs() > 1 << 53 || y.unsigned_abs() > 1 << 53 {
                return None;
            }
            return Some(Value::Float(x as f64 / y as f64));
        }
        _ => return None,
    };
    Some(Value::Int(r))
}

/// BINARY_OP on two ints of any size.
pub fn int_binop(vm: &mut Vm, a: &BigInt, b: &BigInt, op: usize) -> PyResult<Value> {
    let op = if op >= 13 { op - 13 } else { op };
    let r = match op {
        nb::ADD => a + b,
        nb::SUBTRACT => a - b,
        nb::MULTIPLY => a * b,
        nb::FLOOR_DIVIDE | nb::REMAINDER => {
            if b.is_zero() {
                let msg = if op == nb::REMAINDER {
                    "integer modulo by zero"
                } else {
                    "integer division or modulo by zero"
                };
                return Err(vm.zero_division(msg));
            }
            let (q, r) = floor_divmod(a, b);
            if op == nb::REMAINDER {
                r
            } else {
                q
            }
        }
        nb::AND => a & b,
        nb::OR => a | b,
        nb::XOR => a ^ b,
        nb::LSHIFT => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            let n = b.to_usize().filter(|n| *n < 1 << 32);
            match n {
                Some(n) => a << n,
                None => return Err(vm.overflow_error("too many digits in integer")),
            }
        }
        nb::RSHIFT => {
            if b.is_negative() {
                return Err(vm.value_error("negative shift count"));
            }
            match b.to_usize() {
                Some(n) => floor_shr(a, n),
                None => {
                    if a.is_negative() {
                        BigInt::from(-1)
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        nb::POWER => {
            if b.is_negative() {
                let x = big_to_f64(vm, a)?;
                let y = big_to_f64(vm, b)?;
                return crate::float::float_binop(vm, x, y, nb::POWER);
            }
            match b.to_u32() {
                Some(e) => num_traits::pow::Pow::pow(a, e),
                None => {
                    if a.is_zero() || a.is_one() {
                        a.clone()
                    } else if *a == BigInt::from(-1) {
                        if (b % 2u32).is_zero() {
                            BigInt::one()
                        } else {
                            a.clone()
                        }
                    } else {
                        return Err(vm.new_error("MemoryError", ""));
                    }
                }
            }
        }
        nb::TRUE_DIVIDE => {
            if b.is_zero() {
                return Err(vm.zero_division("division by zero"));
            }
            return Ok(Value::Float(true_divide(vm, a, b)?));
        }
        _ => return Err(vm.system_error("bad int operator")),
    };
    Ok(Value::from_bigint(r, vm))
}

/// Floor division and modulo (Python signs).
pub fn floor_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    let q = a / b;
    let r = a - &q * b;
    if !r.is_zero() && (r.is_negative() != b.is_negative()) {
        (q - 1, r + b)
    } else {
        (q, r)
    }
}

/// Arithmetic right shift (rounds towards minus infinity).
fn floor_shr(a: &BigInt, n: usize) -> BigInt {
    if a.is_negative() {
        let one = BigInt::one();
        -(((-a) - &one) >> n) - one
    } else {
        a >> n
    }
}

/// int to float, with CPython's OverflowError.
pub fn big_to_f64(vm: &Vm, a: &BigInt) -> PyResult<f64> {
    match a.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

/// `a / b` for ints, correctly rounded for the common sizes.
fn true_divide(vm: &Vm, a: &BigInt, b: &BigInt) -> PyResult<f64> {
    let limit = BigInt::from(1u64 << 53);
    if a.abs() <= limit && b.abs() <= limit {
        return Ok(big_to_f64(vm, a)? / big_to_f64(vm, b)?);
    }
    // Scale so the quotient has 64+ significant bits, then round once.
    let (q, r) = floor_divmod(a, b);
    if r.is_zero() {
        return q
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| vm.overflow_error("integer division result too large for a float"));
    }
    let shift = 64i64 - (q.bits() as i64);
    if shift > 0 {
        let scaled = (a << shift as usize) / b;
        let f = scaled.to_f64().unwrap_or(f64::INFINITY);
        return Ok(f / 2f64.powi(shift as i32));
    }
    q.to_f64()
        .map(|f| f + r.to_f64().unwrap_or(0.0) / b.to_f64().unwrap_or(1.0))
        .filter(|f| f.is_finite())
        .ok_or_else(|| vm.overflow_error("integer division result too large for a float"))
}
