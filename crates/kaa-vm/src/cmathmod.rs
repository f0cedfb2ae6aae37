//! The `cmath` module (Modules/cmathmodule.c of CPython 3.11): the
//! complex functions of kaa_num::cmathfn with CPython's argument
//! conversion (`PyComplex_AsCComplex`) and errno-to-exception rules.

use kaa_num::cmathfn::{self, CResult, C};
use kaa_num::mathfn::MathErr;

use crate::complex::{as_complex, new_complex};
use crate::exceptions::PyResult;
use crate::mathmod::to_f64;
use crate::native::{Args, NativeFn};
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// `PyComplex_AsCComplex`: complex, `__complex__`, then a real number.
fn to_complex(vm: &mut Vm, v: &Value) -> PyResult<C> {
    if let Some(z) = as_complex(v) {
        return Ok(z);
    }
    if let Some(m) = vm.user_method(v, "__complex__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return match as_complex(&r) {
            Some(z) => Ok(z),
            None => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    Ok((to_f64(vm, v)?, 0.0))
}

/// The value, or the exception for the errno CPython's function set.
fn result(vm: &Vm, r: CResult) -> PyResult<Value> {
    match r.1 {
        Some(MathErr::Domain) => Err(vm.value_error("math domain error")),
        Some(MathErr::Range) => Err(vm.overflow_error("math range error")),
        None => Ok(new_complex(vm, r.0 .0, r.0 .1)),
    }
}

macro_rules! cfunc {
    ($name:ident, $f:path) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let z = to_complex(vm, a.arg(0))?;
            result(vm, $f(z))
        }
    };
}

cfunc!(c_acos, cmathfn::acos);
cfunc!(c_acosh, cmathfn::acosh);
cfunc!(c_asin, cmathfn::asin);
cfunc!(c_asinh, cmathfn::asinh);
cfunc!(c_atan, cmathfn::atan);
cfunc!(c_atanh, cmathfn::atanh);
cfunc!(c_cos, cmathfn::cos);
cfunc!(c_cosh, cmathfn::cosh);
cfunc!(c_exp, cmathfn::exp);
cfunc!(c_log10, cmathfn::log10);
cfunc!(c_sin, cmathfn::sin);
cfunc!(c_sinh, cmathfn::sinh);
cfunc!(c_sqrt, cmathfn::sqrt);
cfunc!(c_tan, cmathfn::tan);
cfunc!(c_tanh, cmathfn::tanh);

/// `cmath.log(z[, base])`: log(z) / log(base) by complex division.
fn c_log(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    let (mut r, mut e) = cmathfn::log(z);
    if let Some(b) = a.get(1) {
        let b = to_complex(vm, &b.clone())?;
        let (lb, eb) = cmathfn::log(b);
        e = e.or(eb);
        match kaa_num::complex_div(r, lb) {
            Ok(q) => r = q,
            // _Py_c_quot's division by zero sets EDOM.
            Err(_) => {
                r = (f64::NAN, f64::NAN);
                e = Some(MathErr::Domain);
            }
        }
    }
    result(vm, (r, e))
}

fn c_phase(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    let phi = z.1.atan2(z.0);
    // glibc's atan2 sets ERANGE when a nonzero y underflows to 0.
    if phi == 0.0 && z.1 != 0.0 && z.0.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(Value::Float(phi))
}

/// `_Py_c_abs` without its errno: hypot, inf if either part is inf.
fn c_abs(z: C) -> f64 {
    if z.0.is_infinite() || z.1.is_infinite() {
        return f64::INFINITY;
    }
    z.0.hypot(z.1)
}

fn c_polar(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    let phi = z.1.atan2(z.0);
    let r = c_abs(z);
    if r.is_infinite() && z.0.is_finite() && z.1.is_finite() {
        return Err(vm.overflow_error("math range error"));
    }
    Ok(vm.new_tuple(vec![Value::Float(r), Value::Float(phi)]))
}

fn c_rect(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = to_f64(vm, a.arg(0))?;
    let phi = to_f64(vm, a.arg(1))?;
    result(vm, cmathfn::rect(r, phi))
}

fn c_isfinite(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    Ok(Value::Bool(z.0.is_finite() && z.1.is_finite()))
}

fn c_isinf(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    Ok(Value::Bool(z.0.is_infinite() || z.1.is_infinite()))
}

fn c_isnan(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = to_complex(vm, a.arg(0))?;
    Ok(Value::Bool(z.0.is_nan() || z.1.is_nan()))
}

fn c_isclose(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = to_complex(vm, a.arg(0))?;
    let y = to_complex(vm, a.arg(1))?;
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
    if x.0 == y.0 && x.1 == y.1 {
        return Ok(Value::Bool(true));
    }
    if x.0.is_infinite() || x.1.is_infinite() || y.0.is_infinite() || y.1.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = c_abs((x.0 - y.0, x.1 - y.1));
    Ok(Value::Bool(
        diff <= rel * c_abs(y) || diff <= rel * c_abs(x) || diff <= abs,
    ))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos(z, /)", c_acos),
    ("acosh(z, /)", c_acosh),
    ("asin(z, /)", c_asin),
    ("asinh(z, /)", c_asinh),
    ("atan(z, /)", c_atan),
    ("atanh(z, /)", c_atanh),
    ("cos(z, /)", c_cos),
    ("cosh(z, /)", c_cosh),
    ("exp(z, /)", c_exp),
    ("isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", c_isclose),
    ("isfinite(z, /)", c_isfinite),
    ("isinf(z, /)", c_isinf),
    ("isnan(z, /)", c_isnan),
    ("log(x, base=None, /)", c_log),
    ("log10(z, /)", c_log10),
    ("phase(z, /)", c_phase),
    ("polar(z, /)", c_polar),
    ("rect(r, phi, /)", c_rect),
    ("sin(z, /)", c_sin),
    ("sinh(z, /)", c_sinh),
    ("sqrt(z, /)", c_sqrt),
    ("tan(z, /)", c_tan),
    ("tanh(z, /)", c_tanh),
];

/// Builds the `cmath` module object.
pub fn cmath_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        ("pi", Value::Float(std::f64::consts::PI)),
        ("e", Value::Float(std::f64::consts::E)),
        ("tau", Value::Float(std::f64::consts::TAU)),
        ("inf", Value::Float(f64::INFINITY)),
        ("infj", new_complex(vm, 0.0, f64::INFINITY)),
        ("nan", Value::Float(f64::NAN)),
        ("nanj", new_complex(vm, 0.0, f64::NAN)),
    ];
    let doc = "This module provides access to mathematical functions for complex\nnumbers.";
    crate::module::new_native_module(vm, "cmath", Some(doc), values, FUNCTIONS)
}
