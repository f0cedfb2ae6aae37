//! Argument conversions of the str methods, with CPython 3.11's messages:
//! the receiver check, `str` arguments, `Py_ssize_t` arguments
//! (`PyNumber_AsSsize_t`), slice indices (`_PyEval_SliceIndex`), and
//! turning a kaa-str error into the Python exception.

use kaa_str::{Str, StrError};
use num_traits::{Signed, ToPrimitive};

use crate::exceptions::{PyErr, PyResult};
use crate::native::Args;
use crate::value::Value;
use crate::vm::Vm;

/// The Python exception for a kaa-str error. Unicode errors are made as
/// CPython makes them: args `(encoding, object, start, end, reason)` and
/// those five attributes (their `str()` is CPython's message).
pub fn str_error(vm: &Vm, e: StrError) -> PyErr {
    let (name, fields) = match &e {
        StrError::UnicodeEncode(u) => (
            "UnicodeEncodeError",
            [
                vm.new_str(&u.encoding),
                vm.new_pystr(u.object.clone()),
                Value::Int(u.start as i64),
                Value::Int(u.end as i64),
                vm.new_str(&u.reason),
            ],
        ),
        StrError::UnicodeDecode(u) => (
            "UnicodeDecodeError",
            [
                vm.new_str(&u.encoding),
                crate::bytes::new_bytes(vm, u.object.clone()),
                Value::Int(u.start as i64),
                Value::Int(u.end as i64),
                vm.new_str(&u.reason),
            ],
        ),
        _ => return vm.new_error(e.class_name(), e.message()),
    };
    let err = vm.new_error_args(name, fields.to_vec());
    if let Some(d) = &err.exc.dict {
        let names = ["encoding", "object", "start", "end", "reason"];
        for (n, v) in names.into_iter().zip(fields) {
            crate::dict::dict_set_simple(vm, d, vm.new_str(n), v);
        }
    }
    err
}

/// The receiver of `str.<name>`: TypeError "descriptor 'upper' for 'str'
/// objects doesn't apply to a 'int' object" when called unbound on another type.
pub fn receiver<'a>(vm: &Vm, a: &'a Args<'_>, name: &str) -> PyResult<&'a Str> {
    match a.this.as_pystr() {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            vm.type_name(&a.this)
        ))),
    }
}

/// A str argument, else TypeError "{what}, not {type}" (e.g. "must be
/// str, not int", "replace() argument 1 must be str, not int").
pub fn str_arg<'v>(vm: &Vm, v: &'v Value, what: &str) -> PyResult<&'v Str> {
    match v.as_pystr() {
        Some(s) => Ok(s),
        None => Err(vm.type_error(format!("{what}, not {}", vm.type_name(v)))),
    }
}

/// An optional str argument: None for a missing or None argument.
pub fn opt_str_arg<'v>(vm: &Vm, v: Option<&'v Value>, what: &str) -> PyResult<Option<&'v Str>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => str_arg(vm, v, what).map(Some),
    }
}

/// The int value of an int-like (int, bool, `__index__`), as a big int
/// when needed; None when the object has no `__index__`.
fn index_value(vm: &mut Vm, v: &Value) -> PyResult<Option<Result<i64, bool>>> {
    match v {
        Value::Int(i) => return Ok(Some(Ok(*i))),
        Value::Bool(b) => return Ok(Some(Ok(*b as i64))),
        _ => {}
    }
    if let Some(b) = v.as_bigint() {
        return Ok(Some(b.to_i64().ok_or(b.is_negative())));
    }
    let Some(m) = vm.user_method(v, "__index__") else {
        return Ok(None);
    };
    let r = vm.call_dunder(&m, v, &[])?;
    match &r {
        Value::Int(i) => Ok(Some(Ok(*i))),
        Value::Bool(b) => Ok(Some(Ok(*b as i64))),
        _ => match r.as_bigint() {
            Some(b) => Ok(Some(b.to_i64().ok_or(b.is_negative()))),
            None => Err(vm.type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))),
        },
    }
}

/// A `Py_ssize_t` argument (`PyNumber_AsSsize_t` with OverflowError):
/// widths, counts, maxsplit, tabsize.
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<isize> {
    match index_value(vm, v)? {
        Some(Ok(i)) => isize::try_from(i).map_err(|_| too_large(vm)),
        Some(Err(_)) => Err(too_large(vm)),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

fn too_large(vm: &Vm) -> PyErr {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// An optional `Py_ssize_t` argument with its default.
pub fn ssize_or(vm: &mut Vm, v: Option<&Value>, default: isize) -> PyResult<isize> {
    match v {
        Some(v) => ssize_arg(vm, v),
        None => Ok(default),
    }
}

/// A slice index (`_PyEval_SliceIndex`): None for a missing or None
/// argument; big ints clamped to the isize range.
pub fn slice_index(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<isize>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    match index_value(vm, v)? {
        Some(Ok(i)) => Ok(Some(isize::try_from(i).unwrap_or(if i < 0 {
            isize::MIN
        } else {
            isize::MAX
        }))),
        Some(Err(negative)) => Ok(Some(if negative { isize::MIN } else { isize::MAX })),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// The optional `start`/`end` arguments at positions `i`, `i + 1`.
pub fn bounds(vm: &mut Vm, a: &Args<'_>, i: usize) -> PyResult<(Option<isize>, Option<isize>)> {
    let start = slice_index(vm, a.get(i))?;
    let end = slice_index(vm, a.get(i + 1))?;
    Ok((start, end))
}
