//! The special methods of the built-in types as attributes: CPython's slot
//! wrappers (`int.__add__` is `<slot wrapper '__add__' of 'int' objects>`,
//! `(1).__add__` a `method-wrapper`), method descriptors (`list.append`),
//! and the getset/member descriptors (`type.__name__`) that `dir()` lists.
//!
//! `slottable.rs` (generated from CPython by tools/gen_slot_table.py) says
//! which dunders each built-in type's dict holds and of which kind; `install`
//! fills every name a type's own module did not, with one generic
//! implementation per dunder that runs the built-in behaviour of the
//! object's payload. A subclass that overrides a dunder and calls the
//! base's (`super().__len__()`, `dict.__setitem__(self, k, v)`) must get the
//! built-in behaviour, not its own override again: `with_native` marks
//! (object, dunder) so the next `user_method` lookup of exactly that pair
//! answers "none" once.

use std::cell::Cell;

use crate::exceptions::PyResult;
use crate::native::{Args, Builtin, NativeFn, Sig};
use crate::object::{ObjRef, Payload};
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

/// The kind of a dunder attribute in a built-in type's dict (CPython's
/// descriptor type), as `slottable.rs` records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// `wrapper_descriptor` (a type slot).
    W,
    /// `method_descriptor`.
    M,
    /// `classmethod_descriptor`.
    C,
    /// `__new__`: a built-in bound to the type.
    S,
    /// `getset_descriptor`.
    G,
    /// `member_descriptor`.
    B,
    /// The value None (`list.__hash__`).
    N,
    /// The type's `__doc__`.
    D,
}

/// The (object, dunder) whose next `user_method` lookup is skipped.
#[derive(Default)]
pub struct NativeSelf(Cell<Option<(usize, &'static str)>>);

impl NativeSelf {
    /// Whether `user_method(v, name)` must answer None (consumes the mark).
    #[inline]
    pub fn skip(&self, v: &Value, name: &str) -> bool {
        match (self.0.get(), v) {
            (Some((id, n)), Value::Obj(o)) if id == o.id() && n == name => {
                self.0.set(None);
                true
            }
            _ => false,
        }
    }
}

/// Runs `f` with (this, name) marked so that the generic operation inside
/// skips `this`'s own override of `name` (the base type's slot runs).
fn with_native<T>(
    vm: &mut Vm,
    this: &Value,
    name: &'static str,
    f: impl FnOnce(&mut Vm) -> PyResult<T>,
) -> PyResult<T> {
    if let Value::Obj(o) = this {
        if vm.is_heap(this) {
            vm.attr_cache.native_self.0.set(Some((o.id(), name)));
            let r = f(vm);
            vm.attr_cache.native_self.0.set(None);
            return r;
        }
    }
    f(vm)
}

/// `v` as a value of its built-in base type (an instance of a subclass of
/// an immutable or copied built-in becomes a plain one), so that the
/// generic operations run the built-in behaviour only.
pub(crate) fn exact(vm: &Vm, v: &Value) -> Value {
    if !vm.is_heap(v) {
        return v.clone();
    }
    match v.payload() {
        Some(Payload::BigInt(b)) => Value::from_bigint(b.clone(), vm),
        Some(Payload::Str(_)) => vm.new_str(v.as_str().unwrap_or("")),
        Some(Payload::Tuple(t)) => vm.new_tuple(t.to_vec()),
        Some(Payload::List(l)) => vm.new_list(l.borrow().clone()),
        Some(Payload::Dict(d)) => vm.new_dict_from(d.borrow().clone()),
        Some(Payload::Set(s)) => vm.new_set_value(s.borrow().clone(), false),
        Some(Payload::FrozenSet(s)) => vm.new_set_value(s.clone(), true),
        Some(Payload::Bytes(b)) => crate::bytes::new_bytes(vm, b.to_vec()),
        Some(Payload::Complex(re, im)) => Value::Obj(ObjRef::new(
            vm.types.complex.clone(),
            Payload::Complex(*re, *im),
        )),
        _ => v.clone(),
    }
}

/// The built-in family of a value, for which operands a slot accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fam {
    Int,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Other,
}

fn fam(v: &Value) -> Fam {
    match v {
        Value::Int(_) | Value::Bool(_) => Fam::Int,
        _ => match v.payload() {
            Some(Payload::BigInt(_)) => Fam::Int,
            Some(Payload::Str(_)) => Fam::Str,
            Some(Payload::Bytes(_)) => Fam::Bytes,
            Some(Payload::List(_)) => Fam::List,
            Some(Payload::Tuple(_)) => Fam::Tuple,
            Some(Payload::Dict(_)) => Fam::Dict,
            Some(Payload::Set(_) | Payload::FrozenSet(_)) => Fam::Set,
            Some(Payload::Range(_)) => Fam::Range,
            _ => Fam::Other,
        },
    }
}

/// Whether `v` can be a repeat count (`int` or `__index__`).
fn is_index(vm: &Vm, v: &Value) -> bool {
    fam(v) == Fam::Int || vm.user_method(v, "__index__").is_some()
}

// ---- the generic implementations ----

fn s_repr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = with_native(vm, &a.this, "__repr__", |vm| vm.repr_of(&a.this))?;
    Ok(vm.new_str(&s))
}

fn s_str(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(Payload::Str(_)) = a.this.payload() {
        return Ok(exact(vm, &a.this));
    }
    let s = with_native(vm, &a.this, "__str__", |vm| vm.str_of(&a.this))?;
    Ok(vm.new_str(&s))
}

fn s_hash(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let e = exact(vm, &a.this);
    if vm.is_heap(&e) {
        let id = e.as_obj().map_or(0, |o| o.id()) as u64;
        return Ok(Value::Int(id.rotate_right(4) as i64));
    }
    Ok(Value::Int(vm.hash(&e)?))
}

fn s_len(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = with_native(vm, &a.this, "__len__", |vm| vm.len(&a.this))?;
    Ok(Value::Int(n as i64))
}

fn s_contains(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = with_native(vm, &a.this, "__contains__", |vm| {
        vm.contains(&a.this, a.arg(0))
    })?;
    Ok(Value::Bool(r))
}

fn s_getitem(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    with_native(vm, &a.this, "__getitem__", |vm| {
        vm.get_item(&a.this, a.arg(0))
    })
}

fn s_setitem(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    with_native(vm, &a.this, "__setitem__", |vm| {
        vm.set_item(&a.this, a.arg(0).clone(), a.arg(1).clone())
    })?;
    Ok(Value::None)
}

fn s_delitem(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    with_native(vm, &a.this, "__delitem__", |vm| {
        vm.del_item(&a.this, a.arg(0))
    })?;
    Ok(Value::None)
}

fn s_iter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if matches!(
        a.this.payload(),
        Some(Payload::Iter(_) | Payload::Generator(_))
    ) {
        return Ok(a.this.clone());
    }
    with_native(vm, &a.this, "__iter__", |vm| vm.get_iter(&a.this))
}

fn s_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match vm.iter_next(&a.this)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn s_bool(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let e = exact(vm, &a.this);
    Ok(Value::Bool(vm.is_true(&e)?))
}

fn s_format(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(spec) = a.arg(0).as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    };
    let s = with_native(vm, &a.this, "__format__", |vm| vm.format(&a.this, &spec))?;
    Ok(vm.new_str(&s))
}

fn s_reversed(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let e = exact(vm, &a.this);
    let r = vm.types.by_name.get("reversed").cloned();
    match r {
        Some(t) => vm.call(&Value::Obj(t), &[e]),
        None => Err(vm.type_error("reversed is missing")),
    }
}

fn s_getnewargs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let e = exact(vm, &a.this);
    Ok(vm.new_tuple(vec![e]))
}

fn s_getstate(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.this.as_obj().and_then(|o| o.dict.clone()) {
        Some(d) if crate::dict::dict_len(&d) > 0 => Ok(Value::Obj(d)),
        _ => Ok(Value::None),
    }
}

fn s_unsupported(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = vm.type_name(&a.this);
    Err(vm.not_implemented(format!(
        "kaa does not support this special method of '{t}' objects yet"
    )))
}

fn s_subclasshook(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.not_implemented.clone())
}

/// `list[int]`: kaa has no `types.GenericAlias` yet; the class itself.
fn s_class_getitem(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(a.this.clone())
}

/// `type.mro(cls)`: the MRO as a list.
fn s_mro(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(t) = a
        .this
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
    else {
        return Err(vm.type_error("descriptor 'mro' requires a 'type' object"));
    };
    let mut m = vec![a.this.clone()];
    if let Some(d) = type_data(t) {
        m.extend(d.mro.iter().map(|b| Value::Obj(b.clone())));
    }
    Ok(vm.new_list(m))
}

fn s_prepare(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(vm.new_dict_obj()))
}

/// Rich comparison slot `OP` (COMPARE_OP numbering) of a built-in type.
fn s_richcmp<const OP: usize>(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (x, y) = (&a.this, a.arg(0));
    let fx = fam(x);
    let ok = match fx {
        Fam::Other | Fam::Int => false,
        Fam::Dict | Fam::Range => OP == 2 || OP == 3,
        f => f == fam(y),
    } && fx == fam(y);
    if !ok {
        if fx == Fam::Other || fx == Fam::Int {
            // object's comparisons: identity for ==, != inverts __eq__.
            return match OP {
                2 if x.is(y) => Ok(Value::Bool(true)),
                3 => {
                    let t = vm.type_of(x);
                    let Some(eq) = crate::types::lookup(&t, "__eq__") else {
                        return Ok(vm.not_implemented.clone());
                    };
                    let r = vm.call(&eq, &[x.clone(), y.clone()])?;
                    if r.is(&vm.not_implemented) {
                        return Ok(r);
                    }
                    Ok(Value::Bool(!vm.is_true(&r)?))
                }
                _ => Ok(vm.not_implemented.clone()),
            };
        }
        return Ok(vm.not_implemented.clone());
    }
    let (ex, ey) = (exact(vm, x), exact(vm, y));
    vm.compare(&ex, &ey, OP)
}

/// Binary slot `OP` (`_nb_ops` numbering), reflected when `R`.
fn s_binop<const OP: usize, const R: bool>(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    use crate::int::nb;
    let (this, other) = (&a.this, a.arg(0));
    let (ft, fo) = (fam(this), fam(other));
    // Sequences' concat/repeat slots raise rather than return
    // NotImplemented (sq_concat, sq_repeat).
    let seq = matches!(ft, Fam::Str | Fam::Bytes | Fam::List | Fam::Tuple);
    if seq && OP == nb::MULTIPLY && !is_index(vm, other) {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        )));
    }
    let ok = match OP {
        nb::ADD | nb::MULTIPLY if seq => true,
        nb::MULTIPLY => is_index(vm, other),
        nb::REMAINDER => !R || ft == fo,
        nb::OR => ft == fo && matches!(ft, Fam::Set | Fam::Dict),
        _ => ft == fo && ft == Fam::Set,
    };
    if !ok {
        return Ok(vm.not_implemented.clone());
    }
    let (et, eo) = (exact(vm, this), exact(vm, other));
    if R && OP != nb::MULTIPLY {
        vm.binary_op(&eo, &et, OP)
    } else {
        vm.binary_op(&et, &eo, OP)
    }
}

/// In-place slot `OP` of a mutable built-in (list, set, dict): mutates
/// `self` and returns it.
fn s_inplace<const OP: usize>(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    use crate::int::nb;
    let (this, other) = (a.this.clone(), a.arg(0));
    match (this.payload(), OP) {
        (Some(Payload::List(_)), nb::ADD) => {
            vm.list_extend(&this, other)?;
        }
        (Some(Payload::List(l)), nb::MULTIPLY) => {
            let Some(n) = vm.index_of(other)? else {
                return Ok(vm.not_implemented.clone());
            };
            let items = l.borrow().clone();
            let mut out = Vec::with_capacity(items.len().saturating_mul(n.max(0) as usize));
            for _ in 0..n.max(0) {
                out.extend(items.iter().cloned());
            }
            *l.borrow_mut() = out;
        }
        (Some(Payload::Dict(_)), nb::OR) => {
            if let Some(o) = this.as_obj() {
                vm.dict_update_op(o, other, None)?;
            }
        }
        (Some(Payload::Set(s)), _) => {
            if fam(other) != Fam::Set {
                return Ok(vm.not_implemented.clone());
            }
            if OP == nb::OR {
                vm.set_update(&this, other)?;
            } else {
                let e = exact(vm, &this);
                if let Some(r) = crate::set::set_binop(vm, &e, other, OP)? {
                    if let Some(Payload::Set(t)) = r.payload() {
                        let t = t.borrow().clone();
                        *s.borrow_mut() = t;
                    }
                }
            }
        }
        _ => return Ok(vm.not_implemented.clone()),
    }
    Ok(this)
}

/// `__init__` of list, dict, set and plain objects.
fn s_init(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    match this.payload() {
        Some(Payload::List(l)) => {
            if !a.kwrest.is_empty() {
                return Err(vm.type_error("list() takes no keyword arguments"));
            }
            if a.rest.len() > 1 {
                return Err(vm.type_error(format!(
                    "list expected at most 1 argument, got {}",
                    a.rest.len()
                )));
            }
            let items = match a.rest.first() {
                Some(it) => vm.collect(it)?,
                None => Vec::new(),
            };
            *l.borrow_mut() = items;
        }
        Some(Payload::Dict(_)) => {
            if let Some(o) = this.as_obj() {
                vm.dict_init(o, a.rest, a.kwrest)?;
            }
        }
        Some(Payload::Set(s)) => {
            if !a.kwrest.is_empty() {
                return Err(vm.type_error("set() takes no keyword arguments"));
            }
            if a.rest.len() > 1 {
                return Err(vm.type_error(format!(
                    "set expected at most 1 argument, got {}",
                    a.rest.len()
                )));
            }
            s.borrow_mut().clear();
            if let Some(it) = a.rest.first() {
                vm.set_update(&this, it)?;
            }
        }
        _ => return crate::metaclass::object_init(vm, a),
    }
    Ok(Value::None)
}

fn s_call(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Value::Obj(t) = &a.this {
        if matches!(t.payload, Payload::Type(_)) {
            let t = t.clone();
            return vm.call_type_default(&t, a.rest, a.kwrest);
        }
    }
    vm.call_with_kwargs(&a.this, a.rest, a.kwrest)
}

fn s_get(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let inst = a.arg(0).clone();
    let owner = match a.opt(1) {
        Some(Value::Obj(o)) => o.clone(),
        _ => vm.type_of(&inst),
    };
    let inst = if inst.is_none() { None } else { Some(inst) };
    vm.descr_get(a.this.clone(), inst.as_ref(), &owner)
}

fn s_set(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    vm.descr_set(&a.this, a.arg(0), Some(a.arg(1).clone()))?;
    Ok(Value::None)
}

fn s_delete(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    vm.descr_set(&a.this, a.arg(0), None)?;
    Ok(Value::None)
}

fn s_noop(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn s_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = a.rest.split_first() else {
        return Err(vm.type_error("__new__(): not enough arguments"));
    };
    let Some(t) = cls
        .as_obj()
        .filter(|o| matches!(o.payload, Payload::Type(_)))
        .cloned()
    else {
        return Err(vm.type_error(format!(
            "__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if crate::types::is_subtype(&t, &vm.types.type_) {
        return vm.type_new(&t, rest, a.kwrest);
    }
    if type_data(&t).is_some_and(|d| d.heap) {
        return vm.new_instance(&t, rest, a.kwrest);
    }
    vm.call_type_default(&t, rest, a.kwrest)
}

/// Calls `f` with `self` and the arguments as plain built-in values, so
/// that int's special methods (int.rs), which run the generic operators,
/// do not dispatch back to a subclass's override (`super().__add__(x)` in
/// a subclass of int).
fn call_exact(vm: &mut Vm, a: &Args<'_>, f: Option<&(&str, NativeFn)>) -> PyResult<Value> {
    let Some(&(_, f)) = f else {
        return Err(vm.system_error("missing int method"));
    };
    let heap = |vm: &Vm, v: &Value| vm.is_heap(v);
    if !heap(vm, &a.this) && a.slots.iter().flatten().all(|v| !heap(vm, v)) {
        return f(vm, a);
    }
    let this = exact(vm, &a.this);
    let slots: Vec<Option<Value>> = a
        .slots
        .iter()
        .map(|s| s.as_ref().map(|v| exact(vm, v)))
        .collect();
    f(
        vm,
        &Args {
            this,
            slots: &slots,
            rest: a.rest,
            kwrest: a.kwrest,
        },
    )
}

/// `crate::int::DUNDERS[I]` through [`call_exact`].
fn int_dunder<const I: usize>(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    call_exact(vm, a, crate::int::DUNDERS.get(I))
}

/// `crate::int::METHODS[I]` through [`call_exact`].
fn int_method<const I: usize>(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    call_exact(vm, a, crate::int::METHODS.get(I))
}

macro_rules! indexed {
    ($f:ident; $($i:literal)*) => { [$($f::<$i> as NativeFn),*] };
}

/// int's special methods wrapped by index (int.rs's tables).
const INT_DUNDERS: [NativeFn; 64] = indexed!(int_dunder; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
    16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45
    46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 62 63);
const INT_METHODS: [NativeFn; 32] = indexed!(int_method; 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15
    16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31);

/// A method table (signature, function) and the wrappers of its entries.
type WrappedTable<'a> = (&'a [(&'a str, NativeFn)], &'a [NativeFn]);

/// Replaces int's special methods by their [`call_exact`] wrappers.
fn wrap_int(vm: &Vm) {
    let Some(d) = type_data(&vm.types.int) else {
        return;
    };
    let tables: [WrappedTable<'_>; 2] = [
        (crate::int::DUNDERS, &INT_DUNDERS),
        (crate::int::METHODS, &INT_METHODS),
    ];
    for (table, wrapped) in tables {
        for ((sig, _), w) in table.iter().zip(wrapped.iter()) {
            let raw = sig.split('(').next().unwrap_or("");
            let name = raw.rsplit('.').next().unwrap_or(raw);
            if !(name.starts_with("__") && name.ends_with("__")) || name == "__kaa_new__" {
                continue;
            }
            let Some(Value::Obj(old)) = d.get_own(name) else {
                continue;
            };
            let cls = match &old.class {
                Some(c) => c.clone(),
                None => continue,
            };
            let f = Value::Obj(ObjRef::new(
                cls,
                Payload::Builtin(Box::new(Builtin {
                    sig: Sig::parse(sig),
                    func: *w,
                })),
            ));
            d.set_own(vm.new_str(name), f);
        }
    }
}

/// `object.__init_subclass__(cls)`: CPython names the new class when given
/// keywords.
fn s_init_subclass(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !a.kwrest.is_empty() || !a.rest.is_empty() {
        let n = a
            .this
            .as_obj()
            .and_then(type_data)
            .map_or(String::new(), |d| d.name.clone());
        return Err(vm.type_error(format!(
            "{n}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// The parameters of a binary slot.
const BINARY: &str = "($self, value, /)";

/// The text signature and implementation of the generic dunder `name`.
fn generic(name: &str) -> Option<(&'static str, NativeFn)> {
    use crate::int::nb;
    let unary = "($self, /)";
    let binary = BINARY;
    Some(match name {
        "__repr__" => (unary, s_repr),
        "__str__" => (unary, s_str),
        "__hash__" => (unary, s_hash),
        "__len__" => (unary, s_len),
        "__iter__" => (unary, s_iter),
        "__next__" => (unary, s_next),
        "__bool__" => (unary, s_bool),
        "__reversed__" => (unary, s_reversed),
        "__getnewargs__" => (unary, s_getnewargs),
        "__getstate__" => (unary, s_getstate),
        "__bytes__" => (unary, s_getnewargs_first),
        "__contains__" => ("($self, key, /)", s_contains),
        "__getitem__" => ("($self, key, /)", s_getitem),
        "__delitem__" => ("($self, key, /)", s_delitem),
        "__setitem__" => ("($self, key, value, /)", s_setitem),
        "__format__" => ("($self, format_spec, /)", s_format),
        "__lt__" => (binary, s_richcmp::<0>),
        "__le__" => (binary, s_richcmp::<1>),
        "__eq__" => (binary, s_richcmp::<2>),
        "__ne__" => (binary, s_richcmp::<3>),
        "__gt__" => (binary, s_richcmp::<4>),
        "__ge__" => (binary, s_richcmp::<5>),
        "__add__" => (binary, s_binop::<{ nb::ADD }, false>),
        "__mul__" => (binary, s_binop::<{ nb::MULTIPLY }, false>),
        "__rmul__" => (binary, s_binop::<{ nb::MULTIPLY }, true>),
        "__mod__" => (binary, s_binop::<{ nb::REMAINDER }, false>),
        "__rmod__" => (binary, s_binop::<{ nb::REMAINDER }, true>),
        "__or__" => (binary, s_binop::<{ nb::OR }, false>),
        "__ror__" => (binary, s_binop::<{ nb::OR }, true>),
        "__and__" => (binary, s_binop::<{ nb::AND }, false>),
        "__rand__" => (binary, s_binop::<{ nb::AND }, true>),
        "__sub__" => (binary, s_binop::<{ nb::SUBTRACT }, false>),
        "__rsub__" => (binary, s_binop::<{ nb::SUBTRACT }, true>),
        "__xor__" => (binary, s_binop::<{ nb::XOR }, false>),
        "__rxor__" => (binary, s_binop::<{ nb::XOR }, true>),
        "__iadd__" => (binary, s_inplace::<{ nb::ADD }>),
        "__imul__" => (binary, s_inplace::<{ nb::MULTIPLY }>),
        "__ior__" => (binary, s_inplace::<{ nb::OR }>),
        "__iand__" => (binary, s_inplace::<{ nb::AND }>),
        "__isub__" => (binary, s_inplace::<{ nb::SUBTRACT }>),
        "__ixor__" => (binary, s_inplace::<{ nb::XOR }>),
        "__init__" => ("($self, /, *args, **kwargs)", s_init),
        "__call__" => ("($self, /, *args, **kwargs)", s_call),
        "__get__" => ("($self, instance, owner=None, /)", s_get),
        "__set__" => ("($self, instance, value, /)", s_set),
        "__delete__" => ("($self, instance, /)", s_delete),
        "__set_name__" => ("($self, owner, name, /)", s_noop),
        "__subclasshook__" => ("($self, object, /)", s_subclasshook),
        "__class_getitem__" => ("($self, object, /)", s_class_getitem),
        "__prepare__" => ("($self, /, *args, **kwargs)", s_prepare),
        "__new__" => ("(*args, **kwargs)", s_new),
        "__getattribute__" => ("($self, name, /)", crate::descr::s_getattribute),
        "__setattr__" => ("($self, name, value, /)", crate::descr::s_setattr),
        "__delattr__" => ("($self, name, /)", crate::descr::s_delattr),
        "__dir__" => (unary, crate::descr::s_dir),
        "__instancecheck__" => ("($self, instance, /)", crate::metaclass::s_instancecheck),
        "__subclasscheck__" => ("($self, subclass, /)", crate::metaclass::s_subclasscheck),
        "__subclasses__" => (unary, crate::metaclass::s_subclasses),
        _ => return None,
    })
}

fn s_getnewargs_first(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(exact(vm, &a.this))
}

/// The type object of a built-in type named in `slottable.rs`.
fn builtin_type(vm: &Vm, name: &str) -> Option<ObjRef> {
    let t = &vm.types;
    Some(match name {
        "object" => t.object.clone(),
        "type" => t.type_.clone(),
        "int" => t.int.clone(),
        "bool" => t.bool_.clone(),
        "float" => t.float.clone(),
        "complex" => t.complex.clone(),
        "str" => t.str_.clone(),
        "bytes" => t.bytes.clone(),
        "list" => t.list.clone(),
        "tuple" => t.tuple.clone(),
        "dict" => t.dict.clone(),
        "set" => t.set.clone(),
        "frozenset" => t.frozenset.clone(),
        "range" => t.range.clone(),
        "slice" => t.slice.clone(),
        "property" => t.property.clone(),
        "staticmethod" => t.staticmethod.clone(),
        "classmethod" => t.classmethod.clone(),
        "super" => t.super_.clone(),
        "NoneType" => t.none.clone(),
        "builtin_function_or_method" => t.builtin.clone(),
        "function" => t.function.clone(),
        "method" => t.method.clone(),
        "NotImplementedType" => t.not_implemented_type.clone(),
        "ellipsis" => t.ellipsis_type.clone(),
        "generator" => t.generator.clone(),
        "BaseException" => t.exc.get("BaseException")?.clone(),
        other => t.by_name.get(other)?.clone(),
    })
}

/// A built-in descriptor object of class `cls` (one of the descriptor
/// types in `Types::by_name`).
fn descriptor(vm: &Vm, cls: &str, sig: &str, f: NativeFn) -> Value {
    let class = vm
        .types
        .by_name
        .get(cls)
        .cloned()
        .unwrap_or_else(|| vm.types.builtin.clone());
    Value::Obj(ObjRef::new(
        class,
        Payload::Builtin(Box::new(Builtin {
            sig: Sig::parse(sig),
            func: f,
        })),
    ))
}

/// A `getset_descriptor` named `name` of class `owner` (the `__dict__`
/// and `__weakref__` attributes a class defined in Python gets).
pub(crate) fn getset(vm: &Vm, owner: &str, name: &str) -> Value {
    descriptor(
        vm,
        "getset_descriptor",
        &format!("{owner}.{name}()"),
        getset_get,
    )
}

/// A getset/member descriptor of a built-in type called directly (its
/// value is computed by `descr_get`, through `__get__`).
fn getset_get(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("'getset_descriptor' object is not callable"))
}

/// Fills the built-in types' dicts with the dunders CPython has, and sets
/// the descriptor types of the methods already there (`method_descriptor`,
/// `wrapper_descriptor`, `classmethod_descriptor`).
pub fn install(vm: &mut Vm) {
    for (tname, entries) in crate::slottable::TYPE_DUNDERS {
        let Some(t) = builtin_type(vm, tname) else {
            continue;
        };
        let Some(d) = type_data(&t) else { continue };
        for (name, kind) in entries.iter() {
            let existing = d.get_own(name);
            let value = match (kind, existing) {
                (SlotKind::N, _) => Value::None,
                (SlotKind::D, None) => Value::None,
                (SlotKind::D, Some(_)) => continue,
                (SlotKind::G | SlotKind::B, None) => {
                    let cls = if *kind == SlotKind::G {
                        "getset_descriptor"
                    } else {
                        "member_descriptor"
                    };
                    descriptor(vm, cls, &format!("{tname}.{name}()"), getset_get)
                }
                (SlotKind::G | SlotKind::B, Some(_)) => continue,
                (k, Some(v)) => match v.payload() {
                    Some(Payload::Builtin(b)) => {
                        let cls = match k {
                            SlotKind::W => "wrapper_descriptor",
                            SlotKind::S => continue,
                            _ => "method_descriptor",
                        };
                        if b.sig.has_self {
                            descriptor_from(vm, cls, b)
                        } else {
                            continue;
                        }
                    }
                    _ => continue,
                },
                (k, None) => {
                    let special: Option<(&str, NativeFn)> = match (*tname, *name) {
                        ("type", "__or__") => Some((BINARY, crate::metaclass::s_type_or)),
                        ("type", "__ror__") => Some((BINARY, crate::metaclass::s_type_ror)),
                        ("type", "__init__") => {
                            Some(("($self, /, *args, **kwargs)", crate::metaclass::type_init))
                        }
                        ("object", "__new__") => {
                            Some(("(*args, **kwargs)", crate::metaclass::object_new))
                        }
                        _ => None,
                    };
                    let (params, f) = match special.or_else(|| generic(name)) {
                        Some(x) => x,
                        None if matches!(k, SlotKind::M | SlotKind::C) => {
                            ("($self, /, *args, **kwargs)", s_unsupported as NativeFn)
                        }
                        None => continue,
                    };
                    let sig = format!("{tname}.{name}{params}");
                    match k {
                        SlotKind::W => descriptor(vm, "wrapper_descriptor", &sig, f),
                        SlotKind::M => descriptor(vm, "method_descriptor", &sig, f),
                        SlotKind::S => crate::builtins::make_builtin(vm, &sig, f),
                        SlotKind::C => {
                            let b = crate::builtins::make_builtin(vm, &sig, f);
                            Value::Obj(ObjRef::new(
                                vm.types.classmethod.clone(),
                                Payload::ClassMethod(b),
                            ))
                        }
                        _ => continue,
                    }
                }
            };
            d.set_own(vm.new_str(name), value);
        }
        if tname == &"mappingproxy" {
            // The read-only methods of dict work on a mappingproxy's table.
            if let Some(dd) = type_data(&vm.types.dict) {
                for m in ["keys", "values", "items", "get", "copy"] {
                    if let Some(Value::Obj(f)) = dd.get_own(m) {
                        if let Payload::Builtin(b) = &f.payload {
                            let nv = descriptor_from(vm, "method_descriptor", b);
                            d.set_own(vm.new_str(m), nv);
                        }
                    }
                }
            }
        }
        if tname == &"type" {
            let mro = descriptor(vm, "method_descriptor", "type.mro($self, /)", s_mro);
            d.set_own(vm.new_str("mro"), mro);
        }
        if tname == &"int" {
            wrap_int(vm);
        }
        if tname == &"object" {
            let f = crate::builtins::make_builtin(
                vm,
                "object.__init_subclass__($self, /, *args, **kwargs)",
                s_init_subclass,
            );
            let cm = Value::Obj(ObjRef::new(
                vm.types.classmethod.clone(),
                Payload::ClassMethod(f),
            ));
            d.set_own(vm.new_str("__init_subclass__"), cm);
            // object.__new__/__init__ with CPython's excess-argument errors.
            let new = crate::builtins::make_builtin(
                vm,
                "object.__new__(*args, **kwargs)",
                crate::metaclass::object_new,
            );
            d.set_own(vm.new_str("__new__"), new);
            let init = descriptor(
                vm,
                "wrapper_descriptor",
                "object.__init__($self, /, *args, **kwargs)",
                crate::metaclass::object_init,
            );
            d.set_own(vm.new_str("__init__"), init);
            for (n, f) in [
                ("__hash__", generic("__hash__")),
                ("__getattribute__", generic("__getattribute__")),
                ("__setattr__", generic("__setattr__")),
                ("__delattr__", generic("__delattr__")),
            ] {
                if let Some((params, f)) = f {
                    let w = descriptor(vm, "wrapper_descriptor", &format!("object.{n}{params}"), f);
                    d.set_own(vm.new_str(n), w);
                }
            }
        }
        // The other methods of the type are method descriptors.
        let methods: Vec<(Value, Value)> = d
            .dict
            .borrow()
            .iter()
            .filter(|e| {
                matches!(e.value.payload(), Some(Payload::Builtin(b)) if b.sig.has_self)
                    && e.value
                        .as_obj()
                        .and_then(|o| o.class.as_ref())
                        .is_some_and(|c| c.ptr_eq(&vm.types.builtin))
            })
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        for (k, v) in methods {
            if let Some(Payload::Builtin(b)) = v.payload() {
                let nv = descriptor_from(vm, "method_descriptor", b);
                d.set_own(k, nv);
            }
        }
    }
}

fn descriptor_from(vm: &Vm, cls: &str, b: &Builtin) -> Value {
    let class = vm
        .types
        .by_name
        .get(cls)
        .cloned()
        .unwrap_or_else(|| vm.types.builtin.clone());
    Value::Obj(ObjRef::new(
        class,
        Payload::Builtin(Box::new(Builtin {
            sig: b.sig.clone(),
            func: b.func,
        })),
    ))
}

/// The descriptor kind of a built-in function object by its class name:
/// "wrapper_descriptor", "method_descriptor", "getset_descriptor",
/// "member_descriptor" or "" (a plain built-in).
pub(crate) fn builtin_kind(vm: &Vm, f: &Value) -> &'static str {
    let Some(c) = f.as_obj().and_then(|o| o.class.as_ref()) else {
        return "";
    };
    for k in [
        "wrapper_descriptor",
        "method_descriptor",
        "getset_descriptor",
        "member_descriptor",
    ] {
        if vm.types.by_name.get(k).is_some_and(|t| t.ptr_eq(c)) {
            return k;
        }
    }
    ""
}
