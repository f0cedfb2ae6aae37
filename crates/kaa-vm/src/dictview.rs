//! The set behaviour of dict key and item views, after CPython 3.11's
//! Objects/dictobject.c: `& | - ^` with any iterable (the result is a
//! set built as `dictviews_to_set` builds it, then the set operation),
//! comparisons with sets and other views (`dictview_richcompare`), and
//! `isdisjoint`.

use crate::exceptions::PyResult;
use crate::int::nb;
use crate::native::{Args, NativeFn};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// Whether `v` is a keys or items view (the set-like views).
fn is_set_view(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::DictView(dv)) if dv.0 != 1)
}

/// Whether `v` is a set or frozenset.
fn is_anyset(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_) | Payload::FrozenSet(_)))
}

/// `dictviews_to_set`: a keys view becomes `set(dict)` (the dict's keys
/// with their hashes, one resize up front), anything else `set(x)`.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(Payload::DictView(dv)) = v.payload() {
        if dv.0 == 0 {
            return vm.set_from_iterable(&Value::Obj(dv.1.clone()), false);
        }
    }
    vm.set_from_iterable(v, false)
}

/// Calls the set method `name` of `s` with `arg`.
fn call_method(vm: &mut Vm, s: &Value, name: &str, arg: &Value) -> PyResult<Value> {
    let n = vm.new_str(name);
    let m = vm.get_attr(s, &n)?;
    vm.call(&m, std::slice::from_ref(arg))
}

/// BINARY_OP `& | - ^` when an operand is a keys or items view; None
/// otherwise (and for other operators).
pub fn view_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    if !matches!(op, nb::AND | nb::OR | nb::SUBTRACT | nb::XOR) {
        return Ok(None);
    }
    if !is_set_view(a) && !is_set_view(b) {
        return Ok(None);
    }
    if op == nb::SUBTRACT {
        // dictviews_sub: set(a), then difference_update(b).
        let r = to_set(vm, a)?;
        call_method(vm, &r, "difference_update", b)?;
        return Ok(Some(r));
    }
    // The commutative ones swap so that the view comes first.
    let (x, y) = if is_set_view(a) { (a, b) } else { (b, a) };
    let r = match op {
        nb::AND => intersect(vm, x, y)?,
        nb::OR => {
            let r = to_set(vm, x)?;
            call_method(vm, &r, "update", y)?;
            r
        }
        _ => {
            let r = to_set(vm, x)?;
            call_method(vm, &r, "symmetric_difference_update", y)?;
            r
        }
    };
    Ok(Some(r))
}

/// `_PyDictView_Intersect(view, other)`.
fn intersect(vm: &mut Vm, view: &Value, other: &Value) -> PyResult<Value> {
    let len_self = vm.len(view)?;
    // A bigger exact set: its own intersection with the view.
    if matches!(other.payload(), Some(Payload::Set(_))) && !vm.is_heap(other) {
        let len_other = vm.len(other)?;
        if len_self <= len_other {
            return call_method(vm, other, "intersection", view);
        }
    }
    // Iterate the smaller operand, checking membership in the other.
    let (mut this, mut it_src) = (view.clone(), other.clone());
    if is_set_view(other) && vm.len(other)? > len_self {
        std::mem::swap(&mut this, &mut it_src);
    }
    let result = vm.new_set(Vec::new())?;
    let it = vm.get_iter(&it_src)?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.contains(&this, &x)? {
            vm.set_add(&result, x)?;
        }
    }
    Ok(result)
}

/// `all_contained_in(a, b)`: every element of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.get_iter(a)?;
    while let Some(x) = vm.iter_next(&it)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// COMPARE_OP with a keys or items view and a set or another such view
/// (`dictview_richcompare`, reflected when the view is on the right);
/// None for NotImplemented.
pub fn view_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    // The view is `this`; a view on the right sees the reflected operator.
    let (this, other, op) = if is_set_view(a) {
        (a, b, op)
    } else {
        (b, a, [4, 5, 2, 3, 0, 1][op.min(5)])
    };
    if !is_set_view(this) || !(is_anyset(other) || is_set_view(other)) {
        return Ok(None);
    }
    let (ls, lo) = (vm.len(this)?, vm.len(other)?);
    let r = match op {
        0 => ls < lo && all_contained_in(vm, this, other)?,
        1 => ls <= lo && all_contained_in(vm, this, other)?,
        2 => ls == lo && all_contained_in(vm, this, other)?,
        3 => !(ls == lo && all_contained_in(vm, this, other)?),
        4 => ls > lo && all_contained_in(vm, other, this)?,
        _ => ls >= lo && all_contained_in(vm, other, this)?,
    };
    Ok(Some(Value::Bool(r)))
}

/// `view.isdisjoint(other)` (`dictviews_isdisjoint`).
fn isdisjoint(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (this, other) = (&a.this, a.arg(0));
    if this.is(other) {
        return Ok(Value::Bool(vm.len(this)? == 0));
    }
    // Iterate the smaller when both sizes are known.
    let (mut probe, mut it_src) = (this.clone(), other.clone());
    if (is_anyset(other) || is_set_view(other)) && vm.len(other)? > vm.len(this)? {
        std::mem::swap(&mut probe, &mut it_src);
    }
    let it = vm.get_iter(&it_src)?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.contains(&probe, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The keys and items views' methods.
pub const METHODS: &[(&str, NativeFn)] = &[("isdisjoint($self, other, /)", isdisjoint)];

/// Fills `dict_keys` and `dict_items`.
pub fn install(vm: &Vm) {
    for name in ["dict_keys", "dict_items"] {
        if let Some(t) = vm.types.by_name.get(name).cloned() {
            for (sig, f) in METHODS {
                let sig = format!("{name}.{sig}");
                let b = crate::builtins::make_builtin(vm, &sig, *f);
                if let Some(d) = crate::types::type_data(&t) {
                    d.set_own(vm.new_str("isdisjoint"), b);
                }
            }
        }
    }
}
