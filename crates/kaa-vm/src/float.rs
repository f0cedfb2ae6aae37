//! float arithmetic with CPython's semantics for `//`, `%`, `**` and its
//! error messages.

use crate::exceptions::PyResult;
use crate::int::nb;
use crate::value::Value;
use crate::vm::Vm;

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

/// float `divmod` as `_float_div_mod` (Objects/floatobject.c).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0f64.copysign(vx / wx)
    };
    (floordiv, m)
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
        nb::TRUE_DIVIDE => {
            if y == 0.0 {
                return Err(vm.zero_division("float division by zero"));
            }
            x / y
        }
        nb::FLOOR_DIVIDE => {
            if y == 0.0 {
                return Err(vm.zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        nb::REMAINDER => {
            if y == 0.0 {
                return Err(vm.zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        nb::POWER => return float_pow(vm, x, y),
        _ => {
            return Err(vm.system_error("bad float operator"));
        }
    };
    Ok(Value::Float(r))
}

/// `x ** y` for floats (`float_pow`).
pub fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    if y == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if x.is_nan() {
        return Ok(Value::Float(if y == 0.0 { 1.0 } else { x }));
    }
    if x == 0.0 && y < 0.0 && y.is_finite() {
        return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        return Err(vm.not_implemented("complex results of ** are not supported by kaa yet"));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(vm.new_error_args(
            "OverflowError",
            vec![Value::Int(34), vm.new_str("Numerical result out of range")],
        ));
    }
    Ok(Value::Float(r))
}
