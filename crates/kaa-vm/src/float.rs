//! float: BINARY_OP on floats over kaa-num's CPython-exact `/`, `//`,
//! `%`, `**`, `float(x)`, and float's methods and number dunders.

use crate::exceptions::PyResult;
use crate::int::{int_value, nb, num_binary_dunder, num_compare_dunder, num_error};
use crate::native::{Args, NativeFn};
use crate::value::Value;
use crate::vm::Vm;
use num_traits::{Signed, ToPrimitive};

/// Whether an int and a float are equal (exactly, as CPython compares).
pub fn int_float_eq(i: i64, f: f64) -> bool {
    if !f.is_finite() || f.fract() != 0.0 {
        return false;
    }
    if f.abs() < 9.2e18 {
        f as i64 == i && (i as f64) == f
    } else {
        false
    }
}

/// The float fast path of BINARY_OP (None: let the slow path decide).
#[inline]
pub fn float_binop_fast(x: f64, y: f64, op: usize) -> Option<Value> {
    let op = if op >= 13 { op - 13 } else { op };
    Some(Value::Float(match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE if y != 0.0 => x / y,
        _ => return None,
    }))
}

/// BINARY_OP on two floats.
pub fn float_binop(vm: &mut Vm, x: f64, y: f64, op: usize) -> PyResult<Value> {
    let op = if op >= 13 { op - 13 } else { op };
    let r = match op {
        nb::ADD => x + y,
        nb::SUBTRACT => x - y,
        nb::MULTIPLY => x * y,
        nb::TRUE_DIVIDE => kaa_num::float_div(x, y).map_err(|e| num_error(vm, e))?,
        nb::FLOOR_DIVIDE => kaa_num::float_floordiv(x, y).map_err(|e| num_error(vm, e))?,
        nb::REMAINDER => kaa_num::float_mod(x, y).map_err(|e| num_error(vm, e))?,
        nb::POWER => return float_pow(vm, x, y),
        _ => {
            return Err(vm.system_error("bad float operator"));
        }
    };
    Ok(Value::Float(r))
}

/// `x ** y` for floats (`float_pow`, kaa-num's algorithm).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    match kaa_num::float_pow(x, y) {
        Ok(kaa_num::FloatPow::Float(r)) => Ok(Value::Float(r)),
        // A negative base to a fractional power is a complex number.
        Ok(kaa_num::FloatPow::Complex(re, im)) => Ok(crate::complex::new_complex(vm, re, im)),
        Err(e) => Err(num_error(vm, e)),
    }
}

// ---- float methods ----

/// `self` as an f64.
fn this_f64(a: &Args<'_>) -> f64 {
    match a.this {
        Value::Float(f) => f,
        _ => 0.0,
    }
}

/// `float.is_integer()`.
fn float_is_integer(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(kaa_num::is_integer(this_f64(a))))
}

/// `float.hex()`.
fn float_hex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.new_str(&kaa_num::float_hex(this_f64(a))))
}

/// `float.fromhex(string)`, a classmethod: a subclass gets `cls(value)`.
fn float_fromhex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(s) = a.arg(0).as_str() else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let s = s.to_string();
    let f = kaa_num::float_fromhex(&s).map_err(|e| num_error(vm, e))?;
    match &a.this {
        Value::Obj(t) if !t.ptr_eq(&vm.types.float) => vm.call(&a.this, &[Value::Float(f)]),
        _ => Ok(Value::Float(f)),
    }
}

/// `float.as_integer_ratio()`.
fn float_as_integer_ratio(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (n, d) = kaa_num::as_integer_ratio(this_f64(a)).map_err(|e| num_error(vm, e))?;
    let (n, d) = (int_value(vm, n), int_value(vm, d));
    Ok(vm.new_tuple(vec![n, d]))
}

/// `float.conjugate()`, `__float__`, `__pos__`.
fn float_self(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(this_f64(a)))
}

/// `float.__trunc__()` and `__int__`: the exact int toward zero.
fn float_trunc(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    kaa_num::float_to_int(this_f64(a))
        .map(|i| int_value(vm, i))
        .map_err(|e| num_error(vm, e))
}

/// `float(x=0, /)` (`float_new_impl`): `__float__`, ints, str and bytes.
fn float_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(x) = a.get(0) else {
        return Ok(Value::Float(0.0));
    };
    if let Some(m) = vm.user_method(x, "__float__") {
        return vm.call_dunder(&m, x, &[]);
    }
    // PyNumber_Float: `__index__` when there is no `__float__`.
    if let Some(m) = vm.user_method(x, "__index__") {
        let r = vm.call_dunder(&m, x, &[])?;
        return match r.to_bigint() {
            Some(i) => Ok(Value::Float(crate::int::big_to_f64(vm, &i)?)),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    let r = match x {
        Value::Float(f) => return Ok(Value::Float(*f)),
        Value::Int(i) => return Ok(Value::Float(*i as f64)),
        Value::Bool(b) => return Ok(Value::Float(*b as i64 as f64)),
        _ => {
            if let Some(b) = x.as_bigint() {
                return Ok(Value::Float(crate::int::big_to_f64(vm, b)?));
            }
            if let Some(s) = x.as_str() {
                let s = s.to_string();
                kaa_num::parse_float(&s)
            } else if let Some(b) = crate::bytes::buffer_of(x) {
                kaa_num::parse_float_bytes(&b)
            } else {
                return Err(vm.type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    vm.type_name(x)
                )));
            }
        }
    };
    r.map(|f| Value::Float(crate::floatid::distinct_nan(vm, f)))
        .map_err(|e| num_error(vm, e))
}

// ---- the number dunders (CPython's slot wrappers: `(1.5).__add__(x)`) ----

/// Whether `v` is an operand float's dunders take (floats and ints).
fn float_operand(v: &Value) -> bool {
    matches!(v, Value::Float(_)) || v.is_int_like()
}

num_binary_dunder!(float_add, float_operand, nb::ADD);
num_binary_dunder!(float_sub, float_operand, nb::SUBTRACT);
num_binary_dunder!(float_mul, float_operand, nb::MULTIPLY);
num_binary_dunder!(float_floordiv, float_operand, nb::FLOOR_DIVIDE);
num_binary_dunder!(float_truediv, float_operand, nb::TRUE_DIVIDE);
num_binary_dunder!(float_mod, float_operand, nb::REMAINDER);
num_binary_dunder!(float_radd, float_operand, nb::ADD, reflected);
num_binary_dunder!(float_rsub, float_operand, nb::SUBTRACT, reflected);
num_binary_dunder!(float_rmul, float_operand, nb::MULTIPLY, reflected);
num_binary_dunder!(float_rfloordiv, float_operand, nb::FLOOR_DIVIDE, reflected);
num_binary_dunder!(float_rtruediv, float_operand, nb::TRUE_DIVIDE, reflected);
num_binary_dunder!(float_rmod, float_operand, nb::REMAINDER, reflected);
num_compare_dunder!(float_lt, float_operand, 0);
num_compare_dunder!(float_le, float_operand, 1);
num_compare_dunder!(float_eq, float_operand, 2);
num_compare_dunder!(float_ne, float_operand, 3);
num_compare_dunder!(float_gt, float_operand, 4);
num_compare_dunder!(float_ge, float_operand, 5);

/// `float.__pow__(value, mod=None)` and `__rpow__`: a modulus is a
/// TypeError for floats.
fn float_pow_impl(vm: &mut Vm, a: &Args<'_>, reflected: bool) -> PyResult<Value> {
    let other = a.arg(0);
    if !float_operand(other) {
        return Ok(vm.not_implemented.clone());
    }
    if a.opt(1).is_some() {
        return Err(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")
        );
    }
    if reflected {
        vm.binary_op(other, &a.this, nb::POWER)
    } else {
        vm.binary_op(&a.this, other, nb::POWER)
    }
}

/// `float.__pow__(value, mod=None)`.
fn float_pow_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    float_pow_impl(vm, a, false)
}

/// `float.__rpow__(value, mod=None)`.
fn float_rpow_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    float_pow_impl(vm, a, true)
}

/// `float.__divmod__(value)`.
fn float_divmod_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !float_operand(a.arg(0)) {
        return Ok(vm.not_implemented.clone());
    }
    crate::int::num_divmod(vm, &a.this, a.arg(0))
}

/// `float.__rdivmod__(value)`.
fn float_rdivmod_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !float_operand(a.arg(0)) {
        return Ok(vm.not_implemented.clone());
    }
    crate::int::num_divmod(vm, a.arg(0), &a.this)
}

/// `float.__abs__()`.
fn float_abs(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(this_f64(a).abs()))
}

/// `float.__floor__()` and `__ceil__`: exact ints.
fn float_floor(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    kaa_num::float_to_int(this_f64(a).floor())
        .map(|i| int_value(vm, i))
        .map_err(|e| num_error(vm, e))
}

/// `float.__ceil__()`.
fn float_ceil(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    kaa_num::float_to_int(this_f64(a).ceil())
        .map(|i| int_value(vm, i))
        .map_err(|e| num_error(vm, e))
}

/// `float.__round__(ndigits=None)`: an int without ndigits, else a float.
fn float_round(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = this_f64(a);
    let Some(nd) = a.opt(0) else {
        return kaa_num::round_float_to_int(x)
            .map(|i| int_value(vm, i))
            .map_err(|e| num_error(vm, e));
    };
    let nd = match nd.to_bigint() {
        // Clamped as PyNumber_AsSsize_t(o, NULL) does.
        Some(b) => b
            .to_i64()
            .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        None => match vm.index_of(nd)? {
            Some(n) => n,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(nd)
                )))
            }
        },
    };
    kaa_num::round_float(x, nd)
        .map(Value::Float)
        .map_err(|e| num_error(vm, e))
}

/// float's number dunders.
pub const DUNDERS: &[(&str, NativeFn)] = &[
    ("float.__add__($self, value, /)", float_add),
    ("float.__sub__($self, value, /)", float_sub),
    ("float.__mul__($self, value, /)", float_mul),
    ("float.__floordiv__($self, value, /)", float_floordiv),
    ("float.__truediv__($self, value, /)", float_truediv),
    ("float.__mod__($self, value, /)", float_mod),
    ("float.__divmod__($self, value, /)", float_divmod_dunder),
    ("float.__pow__($self, value, mod=None, /)", float_pow_dunder),
    ("float.__radd__($self, value, /)", float_radd),
    ("float.__rsub__($self, value, /)", float_rsub),
    ("float.__rmul__($self, value, /)", float_rmul),
    ("float.__rfloordiv__($self, value, /)", float_rfloordiv),
    ("float.__rtruediv__($self, value, /)", float_rtruediv),
    ("float.__rmod__($self, value, /)", float_rmod),
    ("float.__rdivmod__($self, value, /)", float_rdivmod_dunder),
    (
        "float.__rpow__($self, value, mod=None, /)",
        float_rpow_dunder,
    ),
    ("float.__lt__($self, value, /)", float_lt),
    ("float.__le__($self, value, /)", float_le),
    ("float.__eq__($self, value, /)", float_eq),
    ("float.__ne__($self, value, /)", float_ne),
    ("float.__gt__($self, value, /)", float_gt),
    ("float.__ge__($self, value, /)", float_ge),
    ("float.__neg__($self, /)", crate::int::num_neg),
    ("float.__pos__($self, /)", float_self),
    ("float.__abs__($self, /)", float_abs),
    ("float.__bool__($self, /)", crate::int::num_bool),
    ("float.__floor__($self, /)", float_floor),
    ("float.__ceil__($self, /)", float_ceil),
    ("float.__round__($self, ndigits=None, /)", float_round),
    (
        "float.__format__($self, format_spec, /)",
        crate::int::num_format,
    ),
];

/// float's methods (signature lines as native.rs declares them).
pub const METHODS: &[(&str, NativeFn)] = &[
    ("float.is_integer($self, /)", float_is_integer),
    ("float.hex($self, /)", float_hex),
    ("float.as_integer_ratio($self, /)", float_as_integer_ratio),
    ("float.conjugate($self, /)", float_self),
    ("float.__float__($self, /)", float_self),
    ("float.__trunc__($self, /)", float_trunc),
    ("float.__int__($self, /)", float_trunc),
    ("float.__kaa_new__(x=0, /)", float_new),
];

/// float's classmethods.
pub const CLASS_METHODS: &[(&str, NativeFn)] =
    &[("float.fromhex($self, string, /)", float_fromhex)];

/// Fills float's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.float.clone();
    crate::int::install_methods(vm, &t, METHODS, CLASS_METHODS);
    crate::int::install_methods(vm, &t, DUNDERS, &[]);
}
