//! int: the i64 fast path of BINARY_OP (results that overflow fall back to
//! big ints), big-int operations over kaa-num's CPython-exact algorithms,
//! `int(x, base)`, and int's methods and number dunders (declared with
//! native.rs's signature lines; `install` fills the type dict).

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::exceptions::{PyErr, PyResult};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::types::type_data;
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
        nb::LSHIFT => return big_result(vm, kaa_num::int_lshift(a, b)),
        nb::RSHIFT => return big_result(vm, kaa_num::int_rshift(a, b)),
        nb::POWER => {
            return match kaa_num::int_pow(a, b) {
                Ok(kaa_num::IntPow::Int(i)) => Ok(int_value(vm, i)),
                Ok(kaa_num::IntPow::Float(f)) => Ok(Value::Float(f)),
                Err(e) => Err(num_error(vm, e)),
            }
        }
        nb::TRUE_DIVIDE => {
            return kaa_num::int_true_div(a, b)
                .map(Value::Float)
                .map_err(|e| num_error(vm, e))
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

/// A kaa-num int result as a value, or its exception.
fn big_result(vm: &Vm, r: Result<kaa_num::Int, kaa_num::NumError>) -> PyResult<Value> {
    r.map(|i| int_value(vm, i)).map_err(|e| num_error(vm, e))
}

/// int to float (correctly rounded), with CPython's OverflowError.
pub fn big_to_f64(vm: &Vm, a: &BigInt) -> PyResult<f64> {
    kaa_num::int_to_float(a).map_err(|e| num_error(vm, e))
}

// ---- errors and values from kaa-num ----

/// The Python exception for a kaa-num error, as CPython raises it
/// (`MemoryError()` without args, float `**` overflow as
/// `OverflowError(34, 'Numerical result out of range')`).
pub fn num_error(vm: &Vm, e: kaa_num::NumError) -> PyErr {
    match e {
        kaa_num::NumError::Memory => vm.new_error_args("MemoryError", Vec::new()),
        kaa_num::NumError::RangeErrno => vm.new_error_args(
            "OverflowError",
            vec![Value::Int(34), vm.new_str("Numerical result out of range")],
        ),
        e => vm.new_error(e.exception_name(), e.message()),
    }
}

/// A kaa-num int as a VM value.
pub fn int_value(vm: &Vm, i: kaa_num::Int) -> Value {
    match i {
        kaa_num::Int::Small(i) => Value::Int(i),
        kaa_num::Int::Big(b) => Value::from_bigint(b, vm),
    }
}

/// A new bytes object.
fn new_bytes(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.bytes.clone(),
        Payload::Bytes(b.into_boxed_slice()),
    ))
}

/// The bytes of a bytes-like argument, or of an iterable of ints in
/// range(256) (`PyBytes_FromObject`, as `int.from_bytes` and `int(b)` use).
fn bytes_of(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(Payload::Bytes(b)) = v.payload() {
        return Ok(b.to_vec());
    }
    if v.as_str().is_some() || v.is_int_like() || matches!(v, Value::Float(_) | Value::None) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to bytes",
            vm.type_name(v)
        )));
    }
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for it in &items {
        let Some(n) = vm.index_of(it)? else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(it)
            )));
        };
        match u8::try_from(n) {
            Ok(b) => out.push(b),
            Err(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
        }
    }
    Ok(out)
}

// ---- int methods ----

/// `self` as a big int (bools count as ints).
fn this_big(a: &Args<'_>) -> BigInt {
    a.this.to_bigint().unwrap_or_default()
}

/// `int.bit_length()`.
fn int_bit_length(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(kaa_num::bit_length(&this_big(a)) as i64))
}

/// `int.bit_count()`.
fn int_bit_count(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(kaa_num::bit_count(&this_big(a)) as i64))
}

/// `int.conjugate()`, `__index__`, `__int__`, `__trunc__`, `__floor__`,
/// `__ceil__`, `__pos__`: the value as an exact int (a bool gives an int).
fn int_self(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(match &a.this {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Int(i) => Value::Int(*i),
        v => Value::from_bigint(v.to_bigint().unwrap_or_default(), vm),
    })
}

/// `int.as_integer_ratio()`: `(int(self), 1)`.
fn int_as_integer_ratio(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = int_self(vm, a)?;
    Ok(vm.new_tuple(vec![n, Value::Int(1)]))
}

/// The `byteorder` argument of to_bytes/from_bytes (checked before the
/// length, as CPython's argument clinic does).
fn byteorder_arg(vm: &mut Vm, a: &Args<'_>, i: usize, fname: &str) -> PyResult<bool> {
    match a.get(i) {
        None => Ok(false),
        Some(v) => match v.as_str() {
            Some(s) => kaa_num::parse_byteorder(s).map_err(|e| num_error(vm, e)),
            None => Err(vm.type_error(format!(
                "{fname}() argument 'byteorder' must be str, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let little = byteorder_arg(vm, a, 1, "to_bytes")?;
    let length = match a.get(0) {
        None => 1,
        Some(v) => match v.to_bigint() {
            Some(b) => match b.to_i64() {
                Some(n) => n,
                None => {
                    return Err(vm.overflow_error("Python int too large to convert to C ssize_t"))
                }
            },
            None => match vm.index_of(v)? {
                Some(n) => n,
                None => {
                    return Err(vm.type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    )))
                }
            },
        },
    };
    let signed = match a.get(2) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let b = kaa_num::int_to_bytes(&this_big(a), length, little, signed)
        .map_err(|e| num_error(vm, e))?;
    Ok(new_bytes(vm, b))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)`, a
/// classmethod: a subclass gets `cls(value)`.
fn int_from_bytes(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let little = byteorder_arg(vm, a, 1, "from_bytes")?;
    let signed = match a.get(2) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let b = bytes_of(vm, a.arg(0))?;
    let v = int_value(vm, kaa_num::int_from_bytes(&b, little, signed));
    match &a.this {
        Value::Obj(t) if !t.ptr_eq(&vm.types.int) => vm.call(&a.this, &[v]),
        _ => Ok(v),
    }
}

/// `int(x, base)` for str and bytes text.
fn int_from_text(vm: &mut Vm, x: &Value, base: i64) -> PyResult<Option<Value>> {
    let r = if let Some(s) = x.as_str() {
        let s = s.to_string();
        kaa_num::parse_int(&s, base, kaa_num::DEFAULT_MAX_STR_DIGITS)
    } else if let Some(b) = crate::bytes::buffer_of(x) {
        kaa_num::parse_int_bytes(&b, base, kaa_num::DEFAULT_MAX_STR_DIGITS)
    } else {
        return Ok(None);
    };
    r.map(|i| Some(int_value(vm, i)))
        .map_err(|e| num_error(vm, e))
}

/// `int(x=0, /, base=10)` (`long_new_impl`).
fn int_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(x) = a.get(0) else {
        if a.get(1).is_some() {
            return Err(vm.type_error("int() missing string argument"));
        }
        return Ok(Value::Int(0));
    };
    if let Some(b) = a.get(1) {
        let Some(base) = vm.index_of(b)? else {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(b)
            )));
        };
        return match int_from_text(vm, x, base)? {
            Some(v) => Ok(v),
            None => Err(vm.type_error("int() can't convert non-string with explicit base")),
        };
    }
    if let Some(m) = vm
        .user_method(x, "__int__")
        .or_else(|| vm.user_method(x, "__index__"))
    {
        return vm.call_dunder(&m, x, &[]);
    }
    match x {
        Value::Int(i) => Ok(Value::Int(*i)),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => kaa_num::float_to_int(*f)
            .map(|i| int_value(vm, i))
            .map_err(|e| num_error(vm, e)),
        _ => {
            if let Some(b) = x.as_bigint() {
                return Ok(Value::from_bigint(b.clone(), vm));
            }
            if let Some(v) = int_from_text(vm, x, 10)? {
                return Ok(v);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(x)
            )))
        }
    }
}

/// `pow(b, e, m)` for ints, negative exponents included (modular inverse;
/// `long_pow`'s messages).
pub fn int_pow_mod(vm: &mut Vm, b: &BigInt, e: &BigInt, m: &BigInt) -> PyResult<Value> {
    kaa_num::int_pow_mod(b, e, m)
        .map(|i| int_value(vm, i))
        .map_err(|e| num_error(vm, e))
}

/// int's methods (signature lines as native.rs declares them).
pub const METHODS: &[(&str, NativeFn)] = &[
    ("int.bit_length($self, /)", int_bit_length),
    ("int.bit_count($self, /)", int_bit_count),
    ("int.conjugate($self, /)", int_self),
    ("int.as_integer_ratio($self, /)", int_as_integer_ratio),
    (
        "int.to_bytes($self, /, length=1, byteorder='big', *, signed=False)",
        int_to_bytes,
    ),
    ("int.__index__($self, /)", int_self),
    ("int.__int__($self, /)", int_self),
    ("int.__trunc__($self, /)", int_self),
    ("int.__floor__($self, /)", int_self),
    ("int.__ceil__($self, /)", int_self),
    ("int.__kaa_new__(x=0, /, base=10)", int_new),
];

/// int's classmethods.
pub const CLASS_METHODS: &[(&str, NativeFn)] = &[(
    "int.from_bytes($self, /, bytes, byteorder='big', *, signed=False)",
    int_from_bytes,
)];

/// Installs `methods` and `class_methods` into type `t`'s dict.
pub fn install_methods(
    vm: &Vm,
    t: &ObjRef,
    methods: &[(&str, NativeFn)],
    class_methods: &[(&str, NativeFn)],
) {
    let Some(d) = type_data(t) else {
        return;
    };
    let name_of = |sig: &str| -> String {
        let raw = sig.split('(').next().unwrap_or("");
        raw.rsplit('.').next().unwrap_or(raw).to_string()
    };
    for (sig, f) in methods {
        let b = crate::builtins::make_builtin(vm, sig, *f);
        d.set_own(vm.new_str(&name_of(sig)), b);
    }
    for (sig, f) in class_methods {
        let b = crate::builtins::make_builtin(vm, sig, *f);
        let cm = Value::Obj(ObjRef::new(
            vm.types.classmethod.clone(),
            Payload::ClassMethod(b),
        ));
        d.set_own(vm.new_str(&name_of(sig)), cm);
    }
}

/// Fills int's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.int.clone();
    install_methods(vm, &t, METHODS, CLASS_METHODS);
    install_methods(vm, &t, DUNDERS, &[]);
}

// ---- the number dunders (CPython's slot wrappers: `(5).__add__(x)`) ----

/// Declares a binary dunder: `self <op> other` (or reflected) when
/// `other` is an operand the type takes, else NotImplemented.
macro_rules! num_binary_dunder {
    ($name:ident, $accepts:path, $op:expr, reflected) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let other = a.arg(0);
            if !$accepts(other) {
                return Ok(vm.not_implemented.clone());
            }
            vm.binary_op(other, &a.this, $op)
        }
    };
    ($name:ident, $accepts:path, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let other = a.arg(0);
            if !$accepts(other) {
                return Ok(vm.not_implemented.clone());
            }
            vm.binary_op(&a.this, other, $op)
        }
    };
}
pub(crate) use num_binary_dunder;

/// Declares a comparison dunder (COMPARE_OP's oparg `$op`).
macro_rules! num_compare_dunder {
    ($name:ident, $accepts:path, $op:expr) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let other = a.arg(0);
            if !$accepts(other) {
                return Ok(vm.not_implemented.clone());
            }
            vm.compare(&a.this, other, $op)
        }
    };
}
pub(crate) use num_compare_dunder;

/// Whether `v` is an operand int's dunders take.
fn int_operand(v: &Value) -> bool {
    v.is_int_like()
}

num_binary_dunder!(int_add, int_operand, nb::ADD);
num_binary_dunder!(int_sub, int_operand, nb::SUBTRACT);
num_binary_dunder!(int_mul, int_operand, nb::MULTIPLY);
num_binary_dunder!(int_floordiv, int_operand, nb::FLOOR_DIVIDE);
num_binary_dunder!(int_truediv, int_operand, nb::TRUE_DIVIDE);
num_binary_dunder!(int_mod, int_operand, nb::REMAINDER);
num_binary_dunder!(int_lshift, int_operand, nb::LSHIFT);
num_binary_dunder!(int_rshift, int_operand, nb::RSHIFT);
num_binary_dunder!(int_and, int_operand, nb::AND);
num_binary_dunder!(int_or, int_operand, nb::OR);
num_binary_dunder!(int_xor, int_operand, nb::XOR);
num_binary_dunder!(int_radd, int_operand, nb::ADD, reflected);
num_binary_dunder!(int_rsub, int_operand, nb::SUBTRACT, reflected);
num_binary_dunder!(int_rmul, int_operand, nb::MULTIPLY, reflected);
num_binary_dunder!(int_rfloordiv, int_operand, nb::FLOOR_DIVIDE, reflected);
num_binary_dunder!(int_rtruediv, int_operand, nb::TRUE_DIVIDE, reflected);
num_binary_dunder!(int_rmod, int_operand, nb::REMAINDER, reflected);
num_binary_dunder!(int_rpow, int_operand, nb::POWER, reflected);
num_binary_dunder!(int_rlshift, int_operand, nb::LSHIFT, reflected);
num_binary_dunder!(int_rrshift, int_operand, nb::RSHIFT, reflected);
num_binary_dunder!(int_rand, int_operand, nb::AND, reflected);
num_binary_dunder!(int_ror, int_operand, nb::OR, reflected);
num_binary_dunder!(int_rxor, int_operand, nb::XOR, reflected);
num_compare_dunder!(int_lt, int_operand, 0);
num_compare_dunder!(int_le, int_operand, 1);
num_compare_dunder!(int_eq, int_operand, 2);
num_compare_dunder!(int_ne, int_operand, 3);
num_compare_dunder!(int_gt, int_operand, 4);
num_compare_dunder!(int_ge, int_operand, 5);

/// `divmod(x, y)` of two numbers as the builtin computes it.
pub fn num_divmod(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    let q = vm.binary_op(x, y, nb::FLOOR_DIVIDE)?;
    let r = vm.binary_op(x, y, nb::REMAINDER)?;
    Ok(vm.new_tuple(vec![q, r]))
}

/// `int.__divmod__(value)`.
fn int_divmod(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !int_operand(a.arg(0)) {
        return Ok(vm.not_implemented.clone());
    }
    num_divmod(vm, &a.this, a.arg(0))
}

/// `int.__rdivmod__(value)`.
fn int_rdivmod(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !int_operand(a.arg(0)) {
        return Ok(vm.not_implemented.clone());
    }
    num_divmod(vm, a.arg(0), &a.this)
}

/// `int.__pow__(value, mod=None)`: three-argument pow when `mod` is given.
fn int_pow(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let other = a.arg(0);
    if !int_operand(other) {
        return Ok(vm.not_implemented.clone());
    }
    let Some(m) = a.opt(1) else {
        return vm.binary_op(&a.this, other, nb::POWER);
    };
    let (Some(b), Some(e), Some(m)) = (a.this.to_bigint(), other.to_bigint(), m.to_bigint()) else {
        return Ok(vm.not_implemented.clone());
    };
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    int_pow_mod(vm, &b, &e, &m)
}

/// `__neg__` of an int or float.
pub fn num_neg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    vm.unary_op(&a.this, kaa_bytecode::Opcode::UNARY_NEGATIVE)
}

/// `__invert__` of an int.
fn int_invert(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    vm.unary_op(&a.this, kaa_bytecode::Opcode::UNARY_INVERT)
}

/// `__abs__` of an int.
fn int_abs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::from_bigint(this_big(a).abs(), vm))
}

/// `__bool__` of an int or float.
pub fn num_bool(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(vm.is_true(&a.this)?))
}

/// `__format__(format_spec)` of an int or float.
pub fn num_format(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(spec) = a.arg(0).as_str() else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    };
    let spec = spec.to_string();
    let s = vm.format(&a.this, &spec)?;
    Ok(vm.new_str(&s))
}

/// `int.__float__()`.
fn int_float(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Float(big_to_f64(vm, &this_big(a))?))
}

/// `int.__round__(ndigits=None)` (`long_round`: ties to even).
fn int_round(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(nd) = a.opt(0) else {
        return int_self(vm, a);
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
    Ok(int_value(vm, kaa_num::round_int(&this_big(a), nd)))
}

/// int's number dunders.
pub const DUNDERS: &[(&str, NativeFn)] = &[
    ("int.__add__($self, value, /)", int_add),
    ("int.__sub__($self, value, /)", int_sub),
    ("int.__mul__($self, value, /)", int_mul),
    ("int.__floordiv__($self, value, /)", int_floordiv),
    ("int.__truediv__($self, value, /)", int_truediv),
    ("int.__mod__($self, value, /)", int_mod),
    ("int.__divmod__($self, value, /)", int_divmod),
    ("int.__pow__($self, value, mod=None, /)", int_pow),
    ("int.__lshift__($self, value, /)", int_lshift),
    ("int.__rshift__($self, value, /)", int_rshift),
    ("int.__and__($self, value, /)", int_and),
    ("int.__or__($self, value, /)", int_or),
    ("int.__xor__($self, value, /)", int_xor),
    ("int.__radd__($self, value, /)", int_radd),
    ("int.__rsub__($self, value, /)", int_rsub),
    ("int.__rmul__($self, value, /)", int_rmul),
    ("int.__rfloordiv__($self, value, /)", int_rfloordiv),
    ("int.__rtruediv__($self, value, /)", int_rtruediv),
    ("int.__rmod__($self, value, /)", int_rmod),
    ("int.__rdivmod__($self, value, /)", int_rdivmod),
    ("int.__rpow__($self, value, mod=None, /)", int_rpow),
    ("int.__rlshift__($self, value, /)", int_rlshift),
    ("int.__rrshift__($self, value, /)", int_rrshift),
    ("int.__rand__($self, value, /)", int_rand),
    ("int.__ror__($self, value, /)", int_ror),
    ("int.__rxor__($self, value, /)", int_rxor),
    ("int.__lt__($self, value, /)", int_lt),
    ("int.__le__($self, value, /)", int_le),
    ("int.__eq__($self, value, /)", int_eq),
    ("int.__ne__($self, value, /)", int_ne),
    ("int.__gt__($self, value, /)", int_gt),
    ("int.__ge__($self, value, /)", int_ge),
    ("int.__neg__($self, /)", num_neg),
    ("int.__pos__($self, /)", int_self),
    ("int.__abs__($self, /)", int_abs),
    ("int.__invert__($self, /)", int_invert),
    ("int.__bool__($self, /)", num_bool),
    ("int.__float__($self, /)", int_float),
    ("int.__round__($self, ndigits=None, /)", int_round),
    ("int.__format__($self, format_spec, /)", num_format),
];
