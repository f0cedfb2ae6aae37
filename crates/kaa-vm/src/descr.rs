//! The descriptor protocol (CPython's `tp_descr_get`/`tp_descr_set` and
//! `PyObject_GenericGetAttr`'s precedence): functions bind, classmethods
//! bind to the owner, properties and user objects with `__get__`/`__set__`/
//! `__delete__` run, data descriptors win over the instance `__dict__`;
//! plus `object.__getattribute__`/`__setattr__`/`__delattr__`/`__dir__`.

use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::types::{lookup_user, type_data};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Whether `d` (an attribute found on a class) is a data descriptor:
    /// a property, a slot member, or an object whose class defines
    /// `__set__` or `__delete__`.
    pub(crate) fn is_data_descr(&self, d: &Value) -> bool {
        match d.payload() {
            Some(Payload::Property(_) | Payload::Member(_)) => true,
            _ => {
                self.is_heap(d) && {
                    let t = self.type_of(d);
                    lookup_user(&t, "__set__").is_some() || lookup_user(&t, "__delete__").is_some()
                }
            }
        }
    }

    /// Whether a data descriptor `d` also has `__get__` (one with only
    /// `__set__` does not hide the instance `__dict__` on reads).
    pub(crate) fn descr_has_get(&self, d: &Value) -> bool {
        match d.payload() {
            Some(Payload::Property(_) | Payload::Member(_)) => true,
            _ => lookup_user(&self.type_of(d), "__get__").is_some(),
        }
    }

    /// `d.__get__(obj, owner)` (`obj` None: looked up on the class).
    pub(crate) fn descr_get(
        &mut self,
        d: Value,
        obj: Option<&Value>,
        owner: &ObjRef,
    ) -> PyResult<Value> {
        match d.payload() {
            Some(Payload::Function(_)) => Ok(match obj {
                Some(o) => self.bind_method(d, o.clone()),
                None => d,
            }),
            Some(Payload::Builtin(b)) => {
                let kind = crate::slotwrap::builtin_kind(self, &d);
                match kind {
                    "getset_descriptor" | "member_descriptor" => match obj {
                        None => Ok(d),
                        Some(o) => {
                            let name = b.sig.name.clone();
                            Ok(self.builtin_attr(o, &name)?.unwrap_or(Value::None))
                        }
                    },
                    _ if b.sig.has_self => Ok(match obj {
                        Some(o) => self.bind_builtin(d.clone(), o.clone()),
                        None => d,
                    }),
                    _ => Ok(d),
                }
            }
            Some(Payload::Member(_)) => match obj {
                Some(o) => crate::slots::member_get(self, &d, o),
                None => Ok(d),
            },
            Some(Payload::ClassMethod(f)) => {
                let f = f.clone();
                Ok(self.bind_method(f, Value::Obj(owner.clone())))
            }
            Some(Payload::StaticMethod(f)) => Ok(f.clone()),
            Some(Payload::Property(p)) => {
                let Some(o) = obj else { return Ok(d) };
                let getter = p[0].clone();
                if getter.is_none() {
                    return Err(self.attribute_error(format!(
                        "property {}of '{}' object has no getter",
                        self.property_name(&d),
                        self.type_name(o)
                    )));
                }
                self.call(&getter, std::slice::from_ref(o))
            }
            _ => {
                if self.is_heap(&d) {
                    let t = self.type_of(&d);
                    if let Some(get) = lookup_user(&t, "__get__") {
                        let inst = obj.cloned().unwrap_or(Value::None);
                        return self.call(&get, &[d.clone(), inst, Value::Obj(owner.clone())]);
                    }
                }
                Ok(d)
            }
        }
    }

    /// `'name' ` of a property for messages (its getter's `__name__`), or
    /// "" when it has none.
    fn property_name(&self, p: &Value) -> String {
        if let Some(Payload::Property(parts)) = p.payload() {
            for f in parts.iter() {
                if let Some(Payload::Function(fd)) = f.payload() {
                    return format!("'{}' ", fd.name.borrow());
                }
            }
        }
        String::new()
    }

    /// A built-in method bound to `this`; a slot wrapper binds to a
    /// `method-wrapper`.
    pub(crate) fn bind_builtin(&self, f: Value, this: Value) -> Value {
        if crate::slotwrap::builtin_kind(self, &f) == "wrapper_descriptor" {
            if let Some(mw) = self.types.by_name.get("method-wrapper") {
                return Value::Obj(ObjRef::new(
                    mw.clone(),
                    Payload::BoundMethod(Box::new((f, this))),
                ));
            }
        }
        self.bind_method(f, this)
    }

    /// `d.__set__(obj, value)` (value None: `d.__delete__(obj)`) for a data
    /// descriptor `d` found on the class of `obj`; `n` is the attribute
    /// name for messages.
    pub(crate) fn descr_set(&mut self, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
        match d.payload() {
            Some(Payload::Property(p)) => {
                let (f, what) = match &v {
                    Some(_) => (p[1].clone(), "setter"),
                    None => (p[2].clone(), "deleter"),
                };
                if f.is_none() {
                    return Err(self.attribute_error(format!(
                        "property {}of '{}' object has no {what}",
                        self.property_name(d),
                        self.type_name(obj)
                    )));
                }
                match v {
                    Some(v) => self.call(&f, &[obj.clone(), v])?,
                    None => self.call(&f, std::slice::from_ref(obj))?,
                };
                Ok(())
            }
            Some(Payload::Member(_)) => crate::slots::member_set(self, d, obj, v),
            _ => {
                let t = self.type_of(d);
                let (name, args) = match v {
                    Some(v) => ("__set__", vec![d.clone(), obj.clone(), v]),
                    None => ("__delete__", vec![d.clone(), obj.clone()]),
                };
                match lookup_user(&t, name) {
                    Some(m) => {
                        self.call(&m, &args)?;
                        Ok(())
                    }
                    None => Err(self.attribute_error(name)),
                }
            }
        }
    }

    /// The user `__getattribute__` of `obj`'s class, if any class defines
    /// one (checked only once some class has).
    #[inline]
    pub(crate) fn getattribute_hook(&self, obj: &Value) -> Option<Value> {
        if !self.attr_cache.hooks_seen.get() || !self.is_heap(obj) {
            return None;
        }
        lookup_user(&self.type_of(obj), "__getattribute__")
    }

    /// `obj.name` through a user `__getattribute__` (then `__getattr__` on
    /// AttributeError, as CPython's slot_tp_getattr_hook).
    pub(crate) fn get_attr_hooked(
        &mut self,
        hook: &Value,
        obj: &Value,
        name: &Value,
    ) -> PyResult<Value> {
        match self.call(hook, &[obj.clone(), name.clone()]) {
            Ok(v) => Ok(v),
            Err(e) if self.err_matches(&e, "AttributeError") => {
                match self.user_method(obj, "__getattr__") {
                    Some(m) => self.call(&m, &[obj.clone(), name.clone()]),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }
}

/// `cls[key]` through `cls.__class_getitem__` (an implicit classmethod).
pub(crate) fn class_getitem(vm: &mut Vm, cls: &ObjRef, m: Value, key: &Value) -> PyResult<Value> {
    let f = vm.descr_get(m, None, cls)?;
    vm.call(&f, std::slice::from_ref(key))
}

/// `object.__getattribute__(self, name)`.
pub(crate) fn s_getattribute(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(n) = a.arg(0).as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(a.arg(0))
        )));
    };
    let this = a.this.clone();
    match vm.get_attr_opt(&this, &n)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&this, &n)),
    }
}

/// `object.__setattr__(self, name, value)`.
pub(crate) fn s_setattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    check_name(vm, a.arg(0))?;
    let this = a.this.clone();
    vm.generic_setattr(&this, a.arg(0), a.arg(1).clone())?;
    Ok(Value::None)
}

/// `object.__delattr__(self, name)`.
pub(crate) fn s_delattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    check_name(vm, a.arg(0))?;
    let this = a.this.clone();
    vm.generic_delattr(&this, a.arg(0))?;
    Ok(Value::None)
}

fn check_name(vm: &Vm, n: &Value) -> PyResult<()> {
    if n.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(n)
        )));
    }
    Ok(())
}

/// `object.__dir__(self)` / `type.__dir__(cls)`: the names `dir()` sorts.
pub(crate) fn s_dir(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let names = default_dir(vm, &a.this)?;
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}

/// The names of the attributes of `v` (unsorted, deduplicated later).
fn default_dir(vm: &mut Vm, v: &Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |names: &mut Vec<String>, d: &ObjRef| {
        for (k, _) in crate::dict::dict_items(d) {
            if let Some(s) = k.as_str() {
                names.push(s.to_string());
            }
        }
    };
    if let Value::Obj(o) = v {
        if let Payload::Module(m) = &o.payload {
            add_dict(&mut names, &m.dict);
            return Ok(names);
        }
    }
    let chain_of = |t: &ObjRef| {
        let mut chain = vec![t.clone()];
        if let Some(d) = type_data(t) {
            chain.extend(d.mro.iter().cloned());
        }
        chain
    };
    let chain = match v {
        Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => chain_of(o),
        _ => {
            if let Some(Value::Obj(d)) = vm.get_attr_opt(v, "__dict__")? {
                if matches!(d.payload, Payload::Dict(_)) {
                    add_dict(&mut names, &d);
                }
            }
            chain_of(&vm.type_of(v))
        }
    };
    for c in chain {
        if let Some(d) = type_data(&c) {
            for e in d.dict.borrow().iter() {
                if let Some(s) = e.key.as_str() {
                    if s != "__kaa_new__" {
                        names.push(s.to_string());
                    }
                }
            }
        }
    }
    Ok(names)
}

/// `dir(obj)`: `type(obj).__dir__(obj)` sorted; `dir()` the caller's names.
pub(crate) fn b_dir(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut names: Vec<String> = Vec::new();
    match a.get(0) {
        None => {
            if let Some(g) = vm.main_globals.clone() {
                for (k, _) in crate::dict::dict_items(&g) {
                    names.push(k.as_str().unwrap_or("").to_string());
                }
            }
        }
        Some(v) => {
            let t = vm.type_of(v);
            let user = if vm.is_heap(v) {
                lookup_user(&t, "__dir__")
            } else {
                None
            };
            match user {
                Some(m) => {
                    let r = vm.call(&m, std::slice::from_ref(v))?;
                    for x in vm.collect(&r)? {
                        match x.as_str() {
                            Some(s) => names.push(s.to_string()),
                            None => {
                                // Not all str: sorted() raises as CPython's dir().
                                let items = vm.collect(&r)?;
                                let l = vm.new_list(items);
                                let sorted = crate::dict::dict_get_str(&vm.builtins, "sorted")
                                    .unwrap_or(Value::None);
                                return vm.call(&sorted, &[l]);
                            }
                        }
                    }
                }
                None => names = default_dir(vm, v)?,
            }
        }
    }
    names.sort();
    names.dedup();
    let items = names.iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}

/// `vars(obj)`: its `__dict__`, with CPython's TypeError when it has none.
pub(crate) fn b_vars(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        None => match &vm.main_globals {
            Some(g) => Ok(Value::Obj(g.clone())),
            None => Ok(Value::Obj(vm.new_dict_obj())),
        },
        Some(v) => {
            let found = match vm.get_attr_opt(v, "__dict__") {
                Ok(x) => x,
                Err(e) if vm.err_matches(&e, "AttributeError") => None,
                Err(e) => return Err(e),
            };
            match found {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}
