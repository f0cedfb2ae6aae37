//! complex: the `complex` type of CPython 3.11's Objects/complexobject.c
//! over kaa-num's division, power and abs: the constructor, arithmetic
//! mixing ints and floats, `==`/`!=` (no ordering), hash, repr, format,
//! `real`/`imag`/`conjugate()` and the number dunders.

use kaa_bytecode::pyhash;

use crate::exceptions::PyResult;
use crate::int::{big_to_f64, install_methods, nb, num_error};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A new complex value.
pub fn new_complex(vm: &Vm, re: f64, im: f64) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.complex.clone(),
        Payload::Complex(re, im),
    ))
}

/// The (real, imag) of a complex value.
#[inline]
pub fn as_complex(v: &Value) -> Option<(f64, f64)> {
    match v.payload() {
        Some(Payload::Complex(re, im)) => Some((*re, *im)),
        _ => None,
    }
}

/// An operand complex arithmetic takes (`to_complex`): complex, float or
/// int (an int too big for a float is an OverflowError); None otherwise.
fn operand(vm: &Vm, v: &Value) -> PyResult<Option<(f64, f64)>> {
    Ok(match v {
        Value::Int(i) => Some((*i as f64, 0.0)),
        Value::Bool(b) => Some((*b as i64 as f64, 0.0)),
        Value::Float(f) => Some((*f, 0.0)),
        _ => match (as_complex(v), v.as_bigint()) {
            (Some(c), _) => Some(c),
            (None, Some(b)) => Some((big_to_f64(vm, b)?, 0.0)),
            _ => None,
        },
    })
}

/// BINARY_OP when either operand is a complex: `+ - * / **`; None
/// (NotImplemented) for other operators and operand types.
pub fn complex_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    if as_complex(a).is_none() && as_complex(b).is_none() {
        return Ok(None);
    }
    let op = if op >= 13 { op - 13 } else { op };
    let (Some(x), Some(y)) = (operand(vm, a)?, operand(vm, b)?) else {
        return Ok(None);
    };
    let r = match op {
        nb::ADD => (x.0 + y.0, x.1 + y.1),
        nb::SUBTRACT => (x.0 - y.0, x.1 - y.1),
        // `_Py_c_prod`.
        nb::MULTIPLY => (x.0 * y.0 - x.1 * y.1, x.0 * y.1 + x.1 * y.0),
        nb::TRUE_DIVIDE => kaa_num::complex_div(x, y).map_err(|e| num_error(vm, e))?,
        nb::POWER => kaa_num::complex_pow(x, y).map_err(|e| num_error(vm, e))?,
        _ => return Ok(None),
    };
    Ok(Some(new_complex(vm, r.0, r.1)))
}

/// Whether an int equals a float exactly (complex_richcompare compares
/// ints with the real part through float's exact comparison).
fn int_eq_float(vm: &mut Vm, i: &Value, f: f64) -> PyResult<bool> {
    let r = vm.compare(i, &Value::Float(f), 2)?;
    vm.is_true(&r)
}

/// COMPARE_OP when either operand is a complex: `==` and `!=` against
/// numbers; None (NotImplemented) for ordering and other types.
pub fn complex_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    let (z, other) = match (as_complex(a), as_complex(b)) {
        (Some(z), _) => (z, b),
        (None, Some(z)) => (z, a),
        _ => return Ok(None),
    };
    if op != 2 && op != 3 {
        return Ok(None);
    }
    let eq = if let Some(w) = as_complex(other) {
        z == w
    } else if let Value::Float(f) = other {
        z.0 == *f && z.1 == 0.0
    } else if other.is_int_like() {
        // An int is compared exactly with the real part.
        z.1 == 0.0 && int_eq_float(vm, other, z.0)?
    } else {
        return Ok(None);
    };
    Ok(Some(Value::Bool(eq == (op == 2))))
}

/// `hash(z)` (`complex_hash`): hash(real) + 1000003 * hash(imag), -1
/// becoming -2; a NaN part hashes by identity as float's does.
pub fn complex_hash(z: (f64, f64), id: usize) -> i64 {
    let by_id = (id as u64).rotate_right(4) as i64;
    let hr = pyhash::hash_float(z.0).unwrap_or(by_id);
    let hi = pyhash::hash_float(z.1).unwrap_or(by_id);
    let h = (hr as u64).wrapping_add(1000003u64.wrapping_mul(hi as u64)) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `repr(z)` and `str(z)`.
pub fn complex_repr(z: (f64, f64)) -> String {
    kaa_repr::repr_complex(z.0, z.1)
}

/// `format(z, spec)`.
pub fn complex_format(vm: &Vm, z: (f64, f64), spec: &str) -> PyResult<String> {
    kaa_num::format_complex(spec, z.0, z.1, "complex").map_err(|e| num_error(vm, e))
}

/// `abs(z)` (`_Py_c_abs`).
pub fn complex_abs(vm: &Vm, z: (f64, f64)) -> PyResult<Value> {
    kaa_num::complex_abs(z)
        .map(Value::Float)
        .map_err(|e| num_error(vm, e))
}

/// UNARY_NEGATIVE (`neg`) or UNARY_POSITIVE of a complex; None for `~`.
pub fn complex_unary(vm: &Vm, v: &Value, neg: bool) -> Option<Value> {
    let z = as_complex(v)?;
    Some(if neg {
        new_complex(vm, -z.0, -z.1)
    } else {
        new_complex(vm, z.0, z.1)
    })
}

// ---- the constructor ----

/// An argument of `complex()` as (value, is_complex), or None when it is
/// not a number; a class with `__complex__` is asked for its value.
fn ctor_part(vm: &mut Vm, v: &Value) -> PyResult<Option<((f64, f64), bool)>> {
    if let Some(m) = vm.user_method(v, "__complex__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return match as_complex(&r) {
            Some(z) => Ok(Some((z, true))),
            None => Err(vm.type_error(format!(
                "__complex__ returned non-complex (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if let Some(z) = as_complex(v) {
        return Ok(Some((z, true)));
    }
    if let Some(m) = vm.user_method(v, "__float__") {
        let r = vm.call_dunder(&m, v, &[])?;
        if let Value::Float(f) = r {
            return Ok(Some(((f, 0.0), false)));
        }
    }
    if let Some(m) = vm.user_method(v, "__index__") {
        let r = vm.call_dunder(&m, v, &[])?;
        return Ok(operand(vm, &r)?.map(|z| (z, false)));
    }
    Ok(operand(vm, v)?.map(|z| (z, false)))
}

/// `complex(real=0, imag=0)` (`complex_new_impl`).
fn complex_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = a.get(0).cloned();
    let i = a.get(1).cloned();
    let Some(r) = r else {
        let ci = match &i {
            None => (0.0, 0.0),
            Some(i) => imag_part(vm, i)?.0,
        };
        let re = 0.0 - if i.is_some() { ci.1 } else { 0.0 };
        return Ok(new_complex(vm, re, ci.0));
    };
    if let Some(s) = r.as_str() {
        if i.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let s = s.to_string();
        let z = kaa_num::parse_complex(&s).map_err(|e| num_error(vm, e))?;
        return Ok(new_complex(vm, z.0, z.1));
    }
    if let Some(i) = &i {
        if i.as_str().is_some() {
            return Err(vm.type_error("complex() second arg can't be a string"));
        }
    }
    let Some((mut cr, cr_is_complex)) = ctor_part(vm, &r)? else {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(&r)
        )));
    };
    if i.is_none() && as_complex(&r).is_some() && !vm.is_heap(&r) {
        return Ok(r);
    }
    let (mut ci, ci_is_complex) = match &i {
        None => ((cr.1, 0.0), false),
        Some(i) => imag_part(vm, i)?,
    };
    if ci_is_complex {
        cr.0 -= ci.1;
    }
    if cr_is_complex && i.is_some() {
        ci.0 += cr.1;
    }
    Ok(new_complex(vm, cr.0, ci.0))
}

/// The second argument of `complex()`.
fn imag_part(vm: &mut Vm, i: &Value) -> PyResult<((f64, f64), bool)> {
    if i.as_str().is_some() {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    match ctor_part(vm, i)? {
        Some(p) => Ok(p),
        None => Err(vm.type_error(format!(
            "complex() second argument must be a number, not '{}'",
            vm.type_name(i)
        ))),
    }
}

// ---- methods and dunders ----

/// `self` as (real, imag).
fn this(a: &Args<'_>) -> (f64, f64) {
    as_complex(&a.this).unwrap_or((0.0, 0.0))
}

/// `complex.conjugate()`.
fn complex_conjugate(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = this(a);
    Ok(new_complex(vm, z.0, -z.1))
}

/// The `real` property's getter.
fn complex_real(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(as_complex(a.arg(0)).unwrap_or((0.0, 0.0)).0))
}

/// The `imag` property's getter.
fn complex_imag(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(as_complex(a.arg(0)).unwrap_or((0.0, 0.0)).1))
}

/// `complex.__format__(format_spec)`.
fn complex_format_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(spec) = a.arg(0).as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    };
    let spec = spec.to_string();
    let s = complex_format(vm, this(a), &spec)?;
    Ok(vm.new_str(&s))
}

/// `complex.__repr__()`.
fn complex_repr_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.new_str(&complex_repr(this(a))))
}

/// `complex.__abs__()`.
fn complex_abs_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    complex_abs(vm, this(a))
}

/// `complex.__neg__()`.
fn complex_neg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = this(a);
    Ok(new_complex(vm, -z.0, -z.1))
}

/// `complex.__pos__()` and `__complex__`.
fn complex_pos(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = this(a);
    Ok(new_complex(vm, z.0, z.1))
}

/// `complex.__bool__()`.
fn complex_bool(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = this(a);
    Ok(Value::Bool(z.0 != 0.0 || z.1 != 0.0))
}

/// `complex.__getnewargs__()`.
fn complex_getnewargs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let z = this(a);
    Ok(vm.new_tuple(vec![Value::Float(z.0), Value::Float(z.1)]))
}

/// A binary dunder: NotImplemented when the operator does not apply.
fn dunder(vm: &mut Vm, a: &Args<'_>, op: usize, reflected: bool) -> PyResult<Value> {
    let other = a.arg(0);
    let r = if reflected {
        complex_binop(vm, other, &a.this, op)?
    } else {
        complex_binop(vm, &a.this, other, op)?
    };
    Ok(r.unwrap_or_else(|| vm.not_implemented.clone()))
}

macro_rules! binary_dunders {
    ($($name:ident, $op:expr, $refl:expr;)*) => {
        $(
            /// A number dunder of complex.
            fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
                dunder(vm, a, $op, $refl)
            }
        )*
    };
}

binary_dunders! {
    complex_add, nb::ADD, false;
    complex_sub, nb::SUBTRACT, false;
    complex_mul, nb::MULTIPLY, false;
    complex_truediv, nb::TRUE_DIVIDE, false;
    complex_radd, nb::ADD, true;
    complex_rsub, nb::SUBTRACT, true;
    complex_rmul, nb::MULTIPLY, true;
    complex_rtruediv, nb::TRUE_DIVIDE, true;
}

/// `complex.__pow__(value, mod=None)` / `__rpow__`: a modulus is
/// CPython's ValueError "complex modulo".
fn pow_impl(vm: &mut Vm, a: &Args<'_>, reflected: bool) -> PyResult<Value> {
    if a.opt(1).is_some() {
        return Err(vm.value_error("complex modulo"));
    }
    dunder(vm, a, nb::POWER, reflected)
}

/// `complex.__pow__`.
fn complex_pow_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pow_impl(vm, a, false)
}

/// `complex.__rpow__`.
fn complex_rpow_dunder(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pow_impl(vm, a, true)
}

/// `complex.__eq__` / `__ne__`.
fn cmp_dunder(vm: &mut Vm, a: &Args<'_>, op: usize) -> PyResult<Value> {
    let r = complex_compare(vm, &a.this, a.arg(0), op)?;
    Ok(r.unwrap_or_else(|| vm.not_implemented.clone()))
}

/// `complex.__eq__`.
fn complex_eq(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    cmp_dunder(vm, a, 2)
}

/// `complex.__ne__`.
fn complex_ne(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    cmp_dunder(vm, a, 3)
}

/// `complex.__lt__` and the other orderings: always NotImplemented.
fn complex_order(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.not_implemented.clone())
}

/// complex's methods and dunders.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("complex.__kaa_new__(real=0, imag=0)", complex_new),
    ("complex.conjugate($self, /)", complex_conjugate),
    ("complex.__repr__($self, /)", complex_repr_dunder),
    (
        "complex.__format__($self, format_spec, /)",
        complex_format_dunder,
    ),
    ("complex.__getnewargs__($self, /)", complex_getnewargs),
    ("complex.__complex__($self, /)", complex_pos),
    ("complex.__abs__($self, /)", complex_abs_dunder),
    ("complex.__neg__($self, /)", complex_neg),
    ("complex.__pos__($self, /)", complex_pos),
    ("complex.__bool__($self, /)", complex_bool),
    ("complex.__add__($self, value, /)", complex_add),
    ("complex.__sub__($self, value, /)", complex_sub),
    ("complex.__mul__($self, value, /)", complex_mul),
    ("complex.__truediv__($self, value, /)", complex_truediv),
    ("complex.__radd__($self, value, /)", complex_radd),
    ("complex.__rsub__($self, value, /)", complex_rsub),
    ("complex.__rmul__($self, value, /)", complex_rmul),
    ("complex.__rtruediv__($self, value, /)", complex_rtruediv),
    (
        "complex.__pow__($self, value, mod=None, /)",
        complex_pow_dunder,
    ),
    (
        "complex.__rpow__($self, value, mod=None, /)",
        complex_rpow_dunder,
    ),
    ("complex.__eq__($self, value, /)", complex_eq),
    ("complex.__ne__($self, value, /)", complex_ne),
    ("complex.__lt__($self, value, /)", complex_order),
    ("complex.__le__($self, value, /)", complex_order),
    ("complex.__gt__($self, value, /)", complex_order),
    ("complex.__ge__($self, value, /)", complex_order),
];

/// Fills complex's type dict (`real` and `imag` are read-only properties).
pub fn install(vm: &Vm) {
    let t = vm.types.complex.clone();
    install_methods(vm, &t, METHODS, &[]);
    let Some(d) = crate::types::type_data(&t) else {
        return;
    };
    for (sig, f) in [
        ("complex.real(self, /)", complex_real as NativeFn),
        ("complex.imag(self, /)", complex_imag as NativeFn),
    ] {
        let getter = crate::builtins::make_builtin(vm, sig, f);
        let name = sig
            .trim_start_matches("complex.")
            .split('(')
            .next()
            .unwrap_or("");
        let prop = Value::Obj(ObjRef::new(
            vm.types.property.clone(),
            Payload::Property(Box::new([getter, Value::None, Value::None])),
        ));
        d.set_own(vm.new_str(name), prop);
    }
}
