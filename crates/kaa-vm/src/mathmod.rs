//! The `math` module (Modules/mathmodule.c of CPython 3.11): the libm
//! functions with CPython's error rules (`math_1`, `math_2`, `is_error`),
//! the functions CPython computes itself (kaa_num::mathfn), and the exact
//! integer functions (`factorial`, `comb`, `perm`, `isqrt`, `gcd`, `lcm`).

use kaa_num::mathfn::{self, MathErr};
use num_bigint::{BigInt, Sign};
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::{PyErr, PyResult};
use crate::int::{big_to_f64, int_value, num_error};
use crate::native::{Args, NativeFn};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

fn domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

fn range(vm: &Vm) -> PyErr {
    vm.overflow_error("math range error")
}

/// `PyFloat_AsDouble`: floats, ints, `__float__`, then `__index__`.
pub(crate) fn to_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => return Ok(*f),
        Value::Int(i) => return Ok(*i as f64),
        Value::Bool(b) => return Ok(*b as i64 as f64),
        _ => {}
    }
    if let Some(b) = v.as_bigint() {
        return big_to_f64(vm, b);
    }
    if let Some(m) = vm.user_method(v, "__float__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return match r {
            Value::Float(f) => Ok(f),
            _ => Err(vm.type_error(format!(
                "{}.__float__ returned non-float (type {})",
                vm.type_name(v),
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(m) = vm.user_method(v, "__index__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return match r.to_bigint() {
            Some(i) => big_to_f64(vm, &i),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v))))
}

/// `PyNumber_Index`: an int, or what `__index__` returns.
pub(crate) fn to_index(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    if let Some(i) = v.to_bigint() {
        return Ok(i);
    }
    if let Some(m) = vm.user_method(v, "__index__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return match r.to_bigint() {
            Some(i) => Ok(i),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Err(vm.type_error(format!(
        "'{}' object cannot be interpreted as an integer",
        vm.type_name(v)
    )))
}

/// `math_1`: a one-argument libm function with CPython's checks: a NaN
/// from a non-NaN is a domain error, an infinity from a finite argument
/// an overflow (`can_overflow`) or a singularity.
fn math_1(vm: &mut Vm, v: &Value, f: fn(f64) -> f64, can_overflow: bool) -> PyResult<Value> {
    let x = to_f64(vm, v)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

/// `is_error` for an errno: domain errors raise; range errors raise only
/// for overflow (|r| >= 1.5), underflow returns the value.
fn check_errno(vm: &Vm, r: f64, e: Option<MathErr>) -> PyResult<Value> {
    match e {
        Some(MathErr::Domain) => Err(domain(vm)),
        Some(MathErr::Range) if r.abs() >= 1.5 => Err(range(vm)),
        _ => Ok(Value::Float(r)),
    }
}

/// `math_2`: a two-argument function with CPython's checks.
fn math_2(
    vm: &mut Vm,
    a: &Args<'_>,
    f: fn(f64, f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let y = to_f64(vm, a.arg(1))?;
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(if can_overflow { range(vm) } else { domain(vm) });
    }
    Ok(Value::Float(r))
}

macro_rules! func1 {
    ($name:ident, $f:expr, $ovf:expr) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            math_1(vm, a.arg(0), $f, $ovf)
        }
    };
}

func1!(m_acos, f64::acos, false);
func1!(m_acosh, mathfn::acosh, false);
func1!(m_asin, f64::asin, false);
func1!(m_asinh, mathfn::asinh, false);
func1!(m_atan, f64::atan, false);
func1!(m_atanh, mathfn::atanh, false);
func1!(m_cbrt, mathfn::cbrt, false);
func1!(m_cos, f64::cos, false);
func1!(m_cosh, f64::cosh, true);
func1!(m_exp, f64::exp, true);
func1!(m_exp2, f64::exp2, true);
func1!(m_expm1, f64::exp_m1, true);
func1!(m_fabs, f64::abs, false);
func1!(m_sin, f64::sin, false);
func1!(m_sinh, f64::sinh, true);
func1!(m_sqrt, f64::sqrt, false);
func1!(m_tan, f64::tan, false);
func1!(m_tanh, f64::tanh, false);
// m_log1p keeps the sign of a zero argument.
func1!(m_log1p, |x| if x == 0.0 { x } else { x.ln_1p() }, false);

fn m_erf(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    Ok(Value::Float(mathfn::erf(x)))
}

fn m_erfc(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    Ok(Value::Float(mathfn::erfc(x)))
}

fn m_gamma(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let (r, e) = mathfn::gamma(x);
    check_errno(vm, r, e)
}

fn m_lgamma(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let (r, e) = mathfn::lgamma(x);
    check_errno(vm, r, e)
}

fn m_atan2(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    math_2(vm, a, mathfn::atan2, false)
}

fn m_copysign(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    math_2(vm, a, f64::copysign, false)
}

fn m_remainder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    math_2(vm, a, mathfn::remainder, false)
}

fn m_fmod(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let y = to_f64(vm, a.arg(1))?;
    // fmod(x, +-inf) is x for finite x.
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain(vm));
    }
    Ok(Value::Float(r))
}

/// `math.pow`: C99's special values handled first, then libm.
fn m_pow(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let y = to_f64(vm, a.arg(1))?;
    let mut err = None;
    let r = if !x.is_finite() || !y.is_finite() {
        if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0_f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            err = Some(MathErr::Domain);
        } else if r.is_infinite() {
            err = Some(if x == 0.0 {
                MathErr::Domain
            } else {
                MathErr::Range
            });
        }
        r
    };
    check_errno(vm, r, err)
}

fn m_isfinite(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, a.arg(0))?.is_finite()))
}

fn m_isinf(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, a.arg(0))?.is_infinite()))
}

fn m_isnan(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(to_f64(vm, a.arg(0))?.is_nan()))
}

fn m_degrees(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn m_nextafter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let y = to_f64(vm, a.arg(1))?;
    Ok(Value::Float(mathfn::nextafter(x, y)))
}

fn m_ulp(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    Ok(Value::Float(mathfn::ulp(x)))
}

fn m_frexp(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let (m, e) = mathfn::frexp(x);
    Ok(vm.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

/// `math.ldexp(x, i)`: i must be an int; huge exponents saturate.
fn m_ldexp(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let Some(i) = a.arg(1).to_bigint() else {
        return Err(vm.type_error("Expected an int as second argument to ldexp."));
    };
    let e = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let r = mathfn::ldexp(x, e);
    if r.is_infinite() && x.is_finite() {
        return Err(range(vm));
    }
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let (f, i) = if x.is_infinite() {
        (0.0_f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let i = x.trunc();
        ((x - i).copysign(x), i)
    };
    Ok(vm.new_tuple(vec![Value::Float(f), Value::Float(i)]))
}

/// A float made an int (`PyLong_FromDouble`).
fn float_int(vm: &Vm, x: f64) -> PyResult<Value> {
    kaa_num::float_to_int(x)
        .map(|i| int_value(vm, i))
        .map_err(|e| num_error(vm, e))
}

/// An int value (bools become ints).
fn int_self(vm: &Vm, v: &Value) -> Option<Value> {
    match v {
        Value::Int(i) => Some(Value::Int(*i)),
        Value::Bool(b) => Some(Value::Int(*b as i64)),
        _ => v.as_bigint().map(|b| Value::from_bigint(b.clone(), vm)),
    }
}

/// `floor`/`ceil`: floats directly, then `__floor__`/`__ceil__` (ints have
/// them), then the float of the argument.
fn round_like(vm: &mut Vm, v: &Value, dunder: &str, f: fn(f64) -> f64) -> PyResult<Value> {
    if let Value::Float(x) = v {
        return float_int(vm, f(*x));
    }
    if let Some(i) = int_self(vm, v) {
        return Ok(i);
    }
    if let Some(m) = vm.user_method(v, dunder) {
        return vm.call_dunder(&m, v, &[]);
    }
    let x = to_f64(vm, v)?;
    float_int(vm, f(x))
}

fn m_floor(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    round_like(vm, a.arg(0), "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    round_like(vm, a.arg(0), "__ceil__", f64::ceil)
}

/// `math.trunc`: `__trunc__` only (no float fallback).
fn m_trunc(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    if let Value::Float(x) = v {
        return float_int(vm, x.trunc());
    }
    if let Some(i) = int_self(vm, v) {
        return Ok(i);
    }
    if let Some(m) = vm.user_method(v, "__trunc__") {
        return vm.call_dunder(&m, v, &[]);
    }
    Err(vm.type_error(format!(
        "type {} doesn't define __trunc__ method",
        vm.type_name(v)
    )))
}

/// `loghelper`: positive ints too large for a float are logged from their
/// frexp (`func(m) + func(2.0) * e`).
fn loghelper(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(b) = v.as_bigint() {
        if b.sign() != Sign::Plus {
            return Err(domain(vm));
        }
        if let Ok(x) = kaa_num::int_to_float(b) {
            return Ok(f(x));
        }
        let (m, e) = big_frexp(b);
        return Ok(f(m) + f(2.0) * e as f64);
    }
    if matches!(v, Value::Int(i) if *i <= 0) || matches!(v, Value::Bool(false)) {
        return Err(domain(vm));
    }
    let x = to_f64(vm, v)?;
    let r = f(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain(vm));
    }
    Ok(r)
}

/// `_PyLong_Frexp` for a positive int: (m, e) with 0.5 <= m < 1 and
/// n ~ m * 2**e, m correctly rounded.
fn big_frexp(b: &BigInt) -> (f64, u64) {
    let bits = b.bits();
    let shift = bits.saturating_sub(55);
    let top = b >> shift;
    let sticky = (&top << shift) != *b;
    let t = top.to_u64().unwrap_or(0) | sticky as u64;
    // u64 -> f64 rounds half to even once, from 55 bits plus sticky.
    let m = t as f64 / 2f64.powi((bits - shift) as i32);
    if m >= 1.0 {
        (m / 2.0, bits + 1)
    } else {
        (m, bits)
    }
}

/// `math.log(x, [base])`: its own argument count check.
fn m_log(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (x, base) = match a.rest {
        [x] => (x, None),
        [x, b] => (x, Some(b)),
        _ => return Err(vm.type_error("math.log requires 1 to 2 arguments")),
    };
    let num = loghelper(vm, x, f64::ln)?;
    let Some(base) = base else {
        return Ok(Value::Float(num));
    };
    let den = loghelper(vm, base, f64::ln)?;
    if den == 0.0 {
        return Err(vm.new_error("ZeroDivisionError", "float division by zero"));
    }
    Ok(Value::Float(num / den))
}

fn m_log2(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(loghelper(vm, a.arg(0), f64::log2)?))
}

fn m_log10(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(loghelper(vm, a.arg(0), f64::log10)?))
}

/// Absolute values of `items` as floats, with the max and whether a NaN
/// was seen (math_hypot's loop).
fn abs_floats(vm: &mut Vm, items: &[Value]) -> PyResult<(Vec<f64>, f64, bool)> {
    let mut out = Vec::with_capacity(items.len());
    let (mut max, mut nan) = (0.0_f64, false);
    for v in items {
        let x = to_f64(vm, v)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        out.push(x);
    }
    Ok((out, max, nan))
}

fn m_hypot(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (mut v, max, nan) = abs_floats(vm, a.rest)?;
    Ok(Value::Float(mathfn::vector_norm(&mut v, max, nan)))
}

/// The items of a tuple, or of any iterable made a tuple.
fn seq_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(t) = v.as_tuple() {
        return Ok(t.to_vec());
    }
    let it = vm.get_iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.iter_next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn m_dist(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = seq_items(vm, a.arg(0))?;
    let q = seq_items(vm, a.arg(1))?;
    if p.len() != q.len() {
        return Err(vm.value_error("both points must have the same number of dimensions"));
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut nan) = (0.0_f64, false);
    for (x, y) in p.iter().zip(&q) {
        let d = (to_f64(vm, x)? - to_f64(vm, y)?).abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    Ok(Value::Float(mathfn::vector_norm(&mut diffs, max, nan)))
}

fn m_fsum(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = vm.get_iter(a.arg(0))?;
    let mut sum = mathfn::Fsum::new();
    let fsum_err = |vm: &Vm, e| match e {
        mathfn::FsumError::Overflow => vm.overflow_error("intermediate overflow in fsum"),
        mathfn::FsumError::InfMinusInf => vm.value_error("-inf + inf in fsum"),
    };
    while let Some(x) = vm.iter_next(&it)? {
        let x = to_f64(vm, &x)?;
        sum.add(x).map_err(|e| fsum_err(vm, e))?;
    }
    let r = sum.result().map_err(|e| fsum_err(vm, e))?;
    Ok(Value::Float(r))
}

fn m_prod(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let [iterable] = a.rest else {
        return Err(vm.type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.rest.len()
        )));
    };
    let mut acc = a.get(0).cloned().unwrap_or(Value::Int(1));
    let it = vm.get_iter(iterable)?;
    while let Some(x) = vm.iter_next(&it)? {
        acc = vm.binary_op(&acc, &x, crate::int::nb::MULTIPLY)?;
    }
    Ok(acc)
}

fn m_isclose(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_f64(vm, a.arg(0))?;
    let y = to_f64(vm, a.arg(1))?;
    let rel = match a.get(2) {
        Some(v) => to_f64(vm, &v.clone())?,
        None => 1e-9,
    };
    let abs = match a.get(3) {
        Some(v) => to_f64(vm, &v.clone())?,
        None => 0.0,
    };
    if rel < 0.0 || abs < 0.0 {
        return Err(vm.value_error("tolerances must be non-negative"));
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel * y).abs() || diff <= (rel * x).abs() || diff <= abs,
    ))
}

// ---- exact integer functions ----

/// The product of the ints in [lo, hi), by halves (balanced sizes).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut p = BigInt::one();
        for k in lo..hi {
            p *= k;
        }
        return p;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

fn m_factorial(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = to_index(vm, a.arg(0))?;
    let Some(n) = n.to_i64() else {
        return Err(if n.is_negative() {
            vm.value_error("factorial() not defined for negative values")
        } else {
            vm.overflow_error("factorial() argument should not exceed 9223372036854775807")
        });
    };
    if n < 0 {
        return Err(vm.value_error("factorial() not defined for negative values"));
    }
    Ok(Value::from_bigint(range_product(1, n as u64 + 1), vm))
}

/// n!/(n-k)! for n >= k >= 0 (k small enough to count).
fn falling(n: &BigInt, k: u64) -> BigInt {
    let mut p = BigInt::one();
    let mut f = n.clone();
    for _ in 0..k {
        p *= &f;
        f -= 1;
    }
    p
}

fn nonneg(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    let i = to_index(vm, v)?;
    if i.is_negative() {
        return Err(vm.value_error(format!("{what} must be a non-negative integer")));
    }
    Ok(i)
}

fn m_comb(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = nonneg(vm, a.arg(0), "n")?;
    let k = nonneg(vm, a.arg(1), "k")?;
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error("min(n - k, k) must not exceed 9223372036854775807"));
    };
    // n!/(n-k)! / k!, both products by halves, when n fits.
    if let Some(nn) = n.to_u64().filter(|n| *n < u64::MAX) {
        let r = range_product(nn - k + 1, nn + 1) / range_product(1, k + 1);
        return Ok(Value::from_bigint(r, vm));
    }
    // Exact: each prefix product of the falling factorial is divisible by
    // the prefix factorial.
    let mut r = BigInt::one();
    let mut f = n.clone();
    for i in 1..=k {
        r *= &f;
        r /= i;
        f -= 1;
    }
    Ok(Value::from_bigint(r, vm))
}

fn m_perm(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let k = a.opt(1).cloned();
    if k.is_none() {
        return m_factorial(vm, a);
    }
    let n = nonneg(vm, a.arg(0), "n")?;
    let k = match k {
        None => n.clone(),
        Some(k) => nonneg(vm, &k.clone(), "k")?,
    };
    if k > n {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(vm.overflow_error("k must not exceed 9223372036854775807"));
    };
    if let Some(nn) = n.to_u64() {
        return Ok(Value::from_bigint(range_product(nn - k + 1, nn + 1), vm));
    }
    Ok(Value::from_bigint(falling(&n, k), vm))
}

fn m_isqrt(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = to_index(vm, a.arg(0))?;
    if n.is_negative() {
        return Err(vm.value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt(), vm))
}

fn gcd2(a: BigInt, b: BigInt) -> BigInt {
    let (mut a, mut b) = (a.abs(), b.abs());
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn m_gcd(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut g = BigInt::zero();
    for v in a.rest {
        let i = to_index(vm, v)?;
        g = gcd2(g, i);
    }
    Ok(Value::from_bigint(g, vm))
}

fn m_lcm(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut l = BigInt::one();
    for v in a.rest {
        let i = to_index(vm, v)?;
        if l.is_zero() || i.is_zero() {
            l = BigInt::zero();
            continue;
        }
        let g = gcd2(l.clone(), i.clone());
        l = (&l / g * i).abs();
    }
    Ok(Value::from_bigint(l, vm))
}

/// The functions, by signature.
const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos(x, /)", m_acos),
    ("acosh(x, /)", m_acosh),
    ("asin(x, /)", m_asin),
    ("asinh(x, /)", m_asinh),
    ("atan(x, /)", m_atan),
    ("atan2(y, x, /)", m_atan2),
    ("atanh(x, /)", m_atanh),
    ("cbrt(x, /)", m_cbrt),
    ("ceil(x, /)", m_ceil),
    ("comb(n, k, /)", m_comb),
    ("copysign(x, y, /)", m_copysign),
    ("cos(x, /)", m_cos),
    ("cosh(x, /)", m_cosh),
    ("degrees(x, /)", m_degrees),
    ("dist(p, q, /)", m_dist),
    ("erf(x, /)", m_erf),
    ("erfc(x, /)", m_erfc),
    ("exp(x, /)", m_exp),
    ("exp2(x, /)", m_exp2),
    ("expm1(x, /)", m_expm1),
    ("fabs(x, /)", m_fabs),
    ("factorial(n, /)", m_factorial),
    ("floor(x, /)", m_floor),
    ("fmod(x, y, /)", m_fmod),
    ("frexp(x, /)", m_frexp),
    ("fsum(seq, /)", m_fsum),
    ("gamma(x, /)", m_gamma),
    ("gcd(*integers)", m_gcd),
    ("hypot(*coordinates)", m_hypot),
    ("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", m_isclose),
    ("isfinite(x, /)", m_isfinite),
    ("isinf(x, /)", m_isinf),
    ("isnan(x, /)", m_isnan),
    ("isqrt(n, /)", m_isqrt),
    ("lcm(*integers)", m_lcm),
    ("ldexp(x, i, /)", m_ldexp),
    ("lgamma(x, /)", m_lgamma),
    ("log(*args)", m_log),
    ("log10(x, /)", m_log10),
    ("log1p(x, /)", m_log1p),
    ("log2(x, /)", m_log2),
    ("modf(x, /)", m_modf),
    ("nextafter(x, y, /)", m_nextafter),
    ("perm(n, k=None, /)", m_perm),
    ("pow(x, y, /)", m_pow),
    ("prod(*args, start=1)", m_prod),
    ("radians(x, /)", m_radians),
    ("remainder(x, y, /)", m_remainder),
    ("sin(x, /)", m_sin),
    ("sinh(x, /)", m_sinh),
    ("sqrt(x, /)", m_sqrt),
    ("tan(x, /)", m_tan),
    ("tanh(x, /)", m_tanh),
    ("trunc(x, /)", m_trunc),
    ("ulp(x, /)", m_ulp),
];

/// Builds the `math` module object.
pub fn math_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
    ];
    let doc = "This module provides access to the mathematical functions\n\
               defined by the C standard.";
    crate::module::new_native_module(vm, "math", Some(doc), values, FUNCTIONS)
}
