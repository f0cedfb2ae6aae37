//! Metaclasses and the methods of `type` and `object` that create objects:
//! the most derived metaclass rule, `type.__new__`/`type.__call__`,
//! `object.__new__`/`object.__init__` with CPython's excess-argument
//! errors, `__instancecheck__`/`__subclasscheck__` (isinstance and
//! issubclass), and `X | Y` union types.

use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::types::{is_subtype, lookup, lookup_user, type_data};
use crate::value::Value;
use crate::vm::Vm;

/// Whether `v` is a type object.
fn as_type(v: &Value) -> Option<&ObjRef> {
    v.as_obj().filter(|o| matches!(o.payload, Payload::Type(_)))
}

fn name_of(t: &ObjRef) -> String {
    type_data(t).map_or(String::new(), |d| d.name.clone())
}

/// Whether `t`'s attribute `name` is `object`'s own (not overridden).
fn is_objects(vm: &Vm, t: &ObjRef, name: &str) -> bool {
    match (
        lookup(t, name),
        type_data(&vm.types.object).and_then(|d| d.get_own(name)),
    ) {
        (Some(a), Some(b)) => a.is(&b),
        _ => false,
    }
}

/// `object.__init__(self, *args, **kwargs)` (object_init).
pub(crate) fn object_init(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !a.rest.is_empty() || !a.kwrest.is_empty() {
        let t = vm.type_of(&a.this);
        if !is_objects(vm, &t, "__init__") {
            return Err(vm.type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        if is_objects(vm, &t, "__new__") {
            return Err(vm.type_error(format!("{}() takes no arguments", name_of(&t))));
        }
    }
    Ok(Value::None)
}

/// `type.__init__(cls, *args, **kwargs)` (type_init): only checks the
/// argument count.
pub(crate) fn type_init(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if a.rest.len() == 1 && !a.kwrest.is_empty() {
        return Err(vm.type_error("type.__init__() takes no keyword arguments"));
    }
    if a.rest.len() != 1 && a.rest.len() != 3 {
        return Err(vm.type_error("type.__init__() takes 1 or 3 arguments"));
    }
    Ok(Value::None)
}

/// `object.__new__(cls, *args, **kwargs)` (object_new).
pub(crate) fn object_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some((cls, rest)) = a.rest.split_first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let Some(t) = as_type(cls).cloned() else {
        return Err(vm.type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    };
    if !rest.is_empty() || !a.kwrest.is_empty() {
        if !is_objects(vm, &t, "__new__") {
            return Err(vm.type_error(
                "object.__new__() takes exactly one argument (the type to instantiate)",
            ));
        }
        if is_objects(vm, &t, "__init__") {
            return Err(vm.type_error(format!("{}() takes no arguments", name_of(&t))));
        }
    }
    let d = type_data(&t);
    if d.is_some_and(|d| !d.heap) && !t.ptr_eq(&vm.types.object) {
        let n = name_of(&t);
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {n}.__new__()"
        )));
    }
    if d.is_some_and(|d| d.layout != crate::types::Layout::Object) {
        let n = name_of(&t);
        let base = d
            .and_then(|d| {
                d.mro
                    .iter()
                    .find(|b| type_data(b).is_some_and(|bd| !bd.heap))
                    .map(name_of)
            })
            .unwrap_or_default();
        return Err(vm.type_error(format!(
            "object.__new__({n}) is not safe, use {base}.__new__()"
        )));
    }
    vm.new_instance(&t, &[], &[])
}

/// `type.__instancecheck__(cls, instance)`.
pub(crate) fn s_instancecheck(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(cls) = as_type(&a.this).cloned() else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(real_isinstance(vm, a.arg(0), &cls)?))
}

/// `type.__subclasscheck__(cls, subclass)`.
pub(crate) fn s_subclasscheck(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(cls) = as_type(&a.this).cloned() else {
        return Ok(Value::Bool(false));
    };
    let Some(sub) = as_type(a.arg(0)) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    Ok(Value::Bool(is_subtype(sub, &cls)))
}

/// `type.__subclasses__(cls)`: the live classes whose `__bases__` name
/// `cls`.
pub(crate) fn s_subclasses(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let subs = as_type(&a.this)
        .and_then(type_data)
        .map(|d| d.subclasses.borrow().clone())
        .unwrap_or_default();
    let items = subs.into_iter().map(Value::Obj).collect();
    Ok(vm.new_list(items))
}

/// isinstance by class (and by `__class__`, as object_isinstance).
fn real_isinstance(vm: &mut Vm, v: &Value, cls: &ObjRef) -> PyResult<bool> {
    if vm.isinstance(v, cls) {
        return Ok(true);
    }
    if vm.is_heap(v) {
        if let Some(c) = vm.get_attr_opt(v, "__class__")? {
            if let Some(c) = as_type(&c) {
                return Ok(is_subtype(c, cls));
            }
        }
    }
    Ok(false)
}

/// The metaclass hook of `cls` for `name` (`__instancecheck__`...) when
/// its metaclass is a class defined in Python that overrides it.
fn meta_hook(cls: &ObjRef, name: &str) -> Option<Value> {
    let meta = cls.class.as_ref()?;
    if !type_data(meta).is_some_and(|d| d.heap) {
        return None;
    }
    lookup_user(meta, name)
}

/// The member types of a union object (`int | str`).
fn union_args(vm: &Vm, v: &Value) -> Option<Vec<Value>> {
    let o = v.as_obj()?;
    let ut = vm.types.by_name.get("UnionType")?;
    if !o.class.as_ref().is_some_and(|c| c.ptr_eq(ut)) {
        return None;
    }
    v.as_tuple().map(|t| t.to_vec())
}

/// Whether `v` is a `types.UnionType`.
pub(crate) fn is_union(vm: &Vm, v: &Value) -> bool {
    union_args(vm, v).is_some()
}

/// `==`/`!=` of unions (unionobject.c `union_richcompare`): equal when
/// their member sets are, whatever the order; other comparisons and other
/// operands are NotImplemented (None).
pub(crate) fn union_compare(vm: &Vm, a: &Value, b: &Value, op: usize) -> Option<Value> {
    let (x, y) = (union_args(vm, a)?, union_args(vm, b)?);
    if op != 2 && op != 3 {
        return None;
    }
    let same = x.len() == y.len() && x.iter().all(|m| y.iter().any(|n| n.is(m)));
    Some(Value::Bool(same == (op == 2)))
}

/// `types.UnionType.__args__`: the member types, in order.
fn union_get_args(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let members = union_args(vm, a.arg(0)).unwrap_or_default();
    Ok(vm.new_tuple(members))
}

/// Fills `types.UnionType`'s dict (`__args__`).
pub(crate) fn install_union(vm: &Vm) {
    if let Some(t) = vm.types.by_name.get("UnionType").cloned() {
        crate::getset::install_getters(vm, &t, &[("UnionType.__args__(self, /)", union_get_args)]);
    }
}

/// `isinstance(obj, classinfo)` (PyObject_IsInstance).
pub(crate) fn isinstance_of(vm: &mut Vm, v: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > vm.recursion_limit {
        return Err(vm.new_error(
            "RecursionError",
            "maximum recursion depth exceeded in __instancecheck__",
        ));
    }
    if let Some(t) = as_type(cls) {
        if vm.isinstance(v, t) {
            return Ok(true);
        }
        if let Some(h) = meta_hook(t, "__instancecheck__") {
            let r = vm.call(&h, &[cls.clone(), v.clone()])?;
            return vm.is_true(&r);
        }
        let t = t.clone();
        return real_isinstance(vm, v, &t);
    }
    let items = match (union_args(vm, cls), cls.as_tuple()) {
        (Some(items), _) => items,
        (None, Some(items)) => items.to_vec(),
        (None, None) => {
            if vm.is_heap(cls) {
                if let Some(h) = vm.user_method(cls, "__instancecheck__") {
                    let r = vm.call(&h, &[cls.clone(), v.clone()])?;
                    return vm.is_true(&r);
                }
            }
            return Err(
                vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union")
            );
        }
    };
    for it in items {
        if isinstance_of(vm, v, &it, depth + 1)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `issubclass(cls, classinfo)` (PyObject_IsSubclass).
pub(crate) fn issubclass_of(vm: &mut Vm, c: &Value, cls: &Value, depth: usize) -> PyResult<bool> {
    if depth > vm.recursion_limit {
        return Err(vm.new_error(
            "RecursionError",
            "maximum recursion depth exceeded in __subclasscheck__",
        ));
    }
    if let Some(t) = as_type(cls) {
        if let Some(h) = meta_hook(t, "__subclasscheck__") {
            let r = vm.call(&h, &[cls.clone(), c.clone()])?;
            return vm.is_true(&r);
        }
        let Some(sub) = as_type(c) else {
            return Err(vm.type_error("issubclass() arg 1 must be a class"));
        };
        return Ok(is_subtype(sub, t));
    }
    let items = match (union_args(vm, cls), cls.as_tuple()) {
        (Some(items), _) => items,
        (None, Some(items)) => items.to_vec(),
        (None, None) => {
            if as_type(c).is_none() {
                return Err(vm.type_error("issubclass() arg 1 must be a class"));
            }
            return Err(
                vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union")
            );
        }
    };
    for it in items {
        if issubclass_of(vm, c, &it, depth + 1)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// `isinstance(obj, class_or_tuple, /)`.
pub(crate) fn b_isinstance(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(isinstance_of(vm, a.arg(0), a.arg(1), 0)?))
}

/// `issubclass(cls, class_or_tuple, /)`.
pub(crate) fn b_issubclass(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(issubclass_of(vm, a.arg(0), a.arg(1), 0)?))
}

/// Whether `v` may be a member of a union (`X | Y`): a type, None or a
/// union.
fn unionable(vm: &Vm, v: &Value) -> bool {
    v.is_none() || as_type(v).is_some() || union_args(vm, v).is_some()
}

/// `type.__or__(self, other)` / `__ror__`: a `types.UnionType`.
fn union_of(vm: &mut Vm, x: &Value, y: &Value) -> PyResult<Value> {
    if !unionable(vm, x) || !unionable(vm, y) {
        return Ok(vm.not_implemented.clone());
    }
    let mut members: Vec<Value> = Vec::new();
    for v in [x, y] {
        let parts = union_args(vm, v).unwrap_or_else(|| vec![v.clone()]);
        for p in parts {
            let p = if p.is_none() {
                Value::Obj(vm.types.none.clone())
            } else {
                p
            };
            if !members.iter().any(|m| m.is(&p)) {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.swap_remove(0));
    }
    let ut = vm.types.by_name.get("UnionType").cloned();
    match ut {
        Some(ut) => Ok(Value::Obj(ObjRef::new(
            ut,
            Payload::Tuple(members.into_boxed_slice()),
        ))),
        None => Ok(vm.not_implemented.clone()),
    }
}

/// BINARY_OP `|` on types (`int | str`), for ops.rs: None when the
/// operands are not types/None/unions.
pub(crate) fn type_union_op(
    vm: &mut Vm,
    a: &Value,
    b: &Value,
    op: usize,
) -> PyResult<Option<Value>> {
    let operand = |v: &Value| as_type(v).is_some() || union_args(vm, v).is_some();
    if op != crate::int::nb::OR || !(operand(a) || operand(b)) {
        return Ok(None);
    }
    let r = union_of(vm, a, b)?;
    Ok(if r.is(&vm.not_implemented) {
        None
    } else {
        Some(r)
    })
}

/// `type.__or__`.
pub(crate) fn s_type_or(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    union_of(vm, &a.this, a.arg(0))
}

/// `type.__ror__`.
pub(crate) fn s_type_ror(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    union_of(vm, a.arg(0), &a.this)
}

/// repr of a union: `int | str | None`.
pub(crate) fn union_repr(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let Some(items) = union_args(vm, v) else {
        return Ok(None);
    };
    let mut parts = Vec::new();
    for it in items {
        parts.push(match as_type(&it).and_then(type_data) {
            Some(_) if it.as_obj().is_some_and(|o| o.ptr_eq(&vm.types.none)) => "None".to_string(),
            Some(d) if d.module == "builtins" => d.qualname.clone(),
            Some(d) => format!("{}.{}", d.module, d.qualname),
            None => vm.repr_of(&it)?,
        });
    }
    Ok(Some(parts.join(" | ")))
}

/// The most derived of `meta` and the metaclasses of `bases`
/// (`_PyType_CalculateMetaclass`), or CPython's "metaclass conflict".
pub(crate) fn calculate_meta(vm: &Vm, meta: &ObjRef, bases: &[Value]) -> PyResult<ObjRef> {
    let mut winner = meta.clone();
    for b in bases {
        let bt = vm.type_of(b);
        if is_subtype(&winner, &bt) {
            continue;
        }
        if is_subtype(&bt, &winner) {
            winner = bt;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

impl Vm {
    /// `type.__new__(meta, name, bases, ns, **kwargs)`.
    pub(crate) fn type_new(
        &mut self,
        meta: &ObjRef,
        args: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if args.len() == 1 && kwargs.is_empty() && meta.ptr_eq(&self.types.type_) {
            return Ok(Value::Obj(self.type_of(&args[0])));
        }
        if args.len() != 3 {
            return Err(self.type_error(if meta.ptr_eq(&self.types.type_) {
                "type() takes 1 or 3 arguments".to_string()
            } else {
                format!(
                    "type.__new__() takes exactly 3 arguments ({} given)",
                    args.len()
                )
            }));
        }
        if args[0].as_str().is_none() {
            return Err(self.type_error(format!(
                "type.__new__() argument 1 must be str, not {}",
                self.type_name(&args[0])
            )));
        }
        if args[1].as_tuple().is_none() || !self.isinstance(&args[1], &self.types.tuple) {
            return Err(self.type_error(format!(
                "type.__new__() argument 2 must be tuple, not {}",
                self.type_name(&args[1])
            )));
        }
        if !matches!(args[2].payload(), Some(Payload::Dict(_))) {
            return Err(self.type_error(format!(
                "type.__new__() argument 3 must be dict, not {}",
                self.type_name(&args[2])
            )));
        }
        let base_vals = args[1].as_tuple().unwrap_or(&[]).to_vec();
        let winner = calculate_meta(self, meta, &base_vals)?;
        for b in &base_vals {
            match as_type(b) {
                Some(_) => {}
                None => {
                    return Err(self.type_error(format!(
                        "type.__new__() argument 2 must be tuple of types, not {}",
                        self.type_name(b)
                    )))
                }
            }
        }
        self.new_class_with(&winner, &args[0], &args[1], &args[2], kwargs)
    }

    /// `type.__call__(t, *args, **kwargs)` and calling a class whose
    /// metaclass does not override `__call__`: `__new__` then `__init__`.
    pub(crate) fn call_type_default(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if is_subtype(t, &self.types.type_) {
            // A metaclass: type.__new__ unless overridden, then __init__.
            let inst = match self.call_user_new(t, pos, kwargs)? {
                Some(inst) => inst,
                None => self.type_new(t, pos, kwargs)?,
            };
            if pos.len() == 1 && t.ptr_eq(&self.types.type_) {
                return Ok(inst);
            }
            if self.isinstance(&inst, t) {
                self.call_user_init(t, &inst, pos, kwargs)?;
            }
            return Ok(inst);
        }
        self.call_class(t, pos, kwargs)
    }
}
