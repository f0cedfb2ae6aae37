//! slice objects, after CPython 3.11's Objects/sliceobject.c: the
//! constructor, `indices()`, and comparison (as the tuple
//! `(start, stop, step)`; slices are unhashable in 3.11).

use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// `slice(stop)` / `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = a.rest;
    let parts = match r {
        [stop] => [Value::None, stop.clone(), Value::None],
        [start, stop] => [start.clone(), stop.clone(), Value::None],
        [start, stop, step] => [start.clone(), stop.clone(), step.clone()],
        [] => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        _ => {
            return Err(vm.type_error(format!(
                "slice expected at most 3 arguments, got {}",
                r.len()
            )))
        }
    };
    Ok(Value::Obj(ObjRef::new(
        vm.types.slice.clone(),
        Payload::Slice(Box::new(parts)),
    )))
}

/// `slice.indices(length)`: (start, stop, step) adjusted to a sequence of
/// `length` elements ("length should not be negative").
fn slice_indices(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(Payload::Slice(parts)) = a.this.payload() else {
        return Err(vm.type_error("descriptor requires a 'slice' object"));
    };
    let parts = (**parts).clone();
    let n = match vm.index_of(a.arg(0))? {
        Some(n) => n,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(a.arg(0))
            )))
        }
    };
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (start, stop, step) = vm.slice_indices(&parts, n)?;
    Ok(vm.new_tuple(vec![Value::Int(start), Value::Int(stop), Value::Int(step)]))
}

/// COMPARE_OP between two slices (`slice_richcompare`): their
/// `(start, stop, step)` tuples compared.
pub fn slice_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let tuple = |vm: &Vm, v: &Value| match v.payload() {
        Some(Payload::Slice(p)) => vm.new_tuple(p.to_vec()),
        _ => vm.new_tuple(Vec::new()),
    };
    let (x, y) = (tuple(vm, a), tuple(vm, b));
    vm.compare(&x, &y, op)
}

/// The slice's part `i` (start, stop, step).
fn part(vm: &Vm, v: &Value, i: usize) -> PyResult<Value> {
    match v.payload() {
        Some(Payload::Slice(p)) => Ok(p[i].clone()),
        _ => Err(vm.type_error("descriptor requires a 'slice' object")),
    }
}

/// `slice.start`.
fn get_start(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    part(vm, a.arg(0), 0)
}

/// `slice.stop`.
fn get_stop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    part(vm, a.arg(0), 1)
}

/// `slice.step`.
fn get_step(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    part(vm, a.arg(0), 2)
}

/// slice's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("slice.__kaa_new__(*args)", slice_new),
    ("slice.indices($self, length, /)", slice_indices),
];

/// Fills slice's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.slice.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
    crate::getset::install_getters(
        vm,
        &t,
        &[
            ("slice.start(self, /)", get_start),
            ("slice.stop(self, /)", get_stop),
            ("slice.step(self, /)", get_step),
        ],
    );
}
