//! Attribute access: `getattr`/`setattr`/`delattr` and LOAD_METHOD for
//! built-in objects, instances of Python classes (instance `__dict__`,
//! class attributes along the MRO, properties, classmethod/staticmethod,
//! `__getattr__`), types, modules and `super` objects.

use crate::exceptions::{exc_data, PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::types::{lookup, type_data};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        if let Some(v) = self.instance_attr_fast(obj, name) {
            return Ok(v);
        }
        if let Some(v) = self.class_attr_fast(obj, name) {
            return Ok(v);
        }
        if let Some(hook) = self.getattribute_hook(obj) {
            return self.get_attr_hooked(&hook, obj, name);
        }
        let Some(n) = name.as_str() else {
            return Err(self.attr_name_error(name));
        };
        match self.get_attr_opt(obj, n) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                if let Some(m) = self.user_method(obj, "__getattr__") {
                    return self.call_dunder(&m, obj, std::slice::from_ref(name));
                }
                Err(self.no_attribute(obj, n))
            }
            // slot_tp_getattr_hook: an AttributeError (from a property,
            // say) falls back to __getattr__ too.
            Err(e) if self.err_matches(&e, "AttributeError") => {
                match self.user_method(obj, "__getattr__") {
                    Some(m) => self.call_dunder(&m, obj, std::slice::from_ref(name)),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    /// The common case of `obj.name` (PyObject_GenericGetAttr) for an
    /// instance of a Python class with a `__dict__` and a non-dunder name,
    /// hashing the name once (its cached hash) for the MRO walk and the
    /// instance dict: the instance `__dict__`, else the class attribute
    /// bound. None (take the general path) when the class attribute could
    /// be a descriptor the general path handles, or nothing was found.
    fn instance_attr_fast(&mut self, obj: &Value, name: &Value) -> Option<Value> {
        let Value::Obj(o) = obj else { return None };
        let (Payload::Plain, Some(d), Some(t)) = (&o.payload, &o.dict, &o.class) else {
            return None;
        };
        if self.attr_cache.hooks_seen.get() {
            return None;
        }
        let Some(Payload::Str(sd)) = name.payload() else {
            return None;
        };
        let n = sd.as_str();
        if n.starts_with("__") {
            return None;
        }
        let cls_attr = self.type_lookup_cached(t, name, false);
        if let Some(a) = &cls_attr {
            if !self.is_plain_class_attr(a) {
                return None;
            }
        }
        if let Some(v) = crate::dict::dict_get_name(d, name) {
            return Some(v);
        }
        cls_attr.map(|a| self.bind_attr(a, obj, t))
    }

    /// The common case of `C.name` (type_getattro) for a class whose
    /// metaclass is `type` and a non-dunder name: the attribute found along
    /// the MRO through the attribute cache, when it needs no binding (a
    /// function stays unbound). None (take the general path) otherwise.
    fn class_attr_fast(&mut self, obj: &Value, name: &Value) -> Option<Value> {
        let Value::Obj(t) = obj else { return None };
        let (Payload::Type(_), None) = (&t.payload, &t.class) else {
            return None;
        };
        let Some(Payload::Str(sd)) = name.payload() else {
            return None;
        };
        if sd.as_str().starts_with("__") {
            return None;
        }
        let v = self.type_lookup_cached(t, name, false)?;
        let plain = match v.payload() {
            Some(
                Payload::ClassMethod(_)
                | Payload::StaticMethod(_)
                | Payload::Property(_)
                | Payload::Member(_),
            ) => false,
            Some(Payload::Builtin(_)) => !matches!(
                crate::slotwrap::builtin_kind(self, &v),
                "getset_descriptor" | "member_descriptor"
            ),
            _ => !self.is_heap(&v),
        };
        plain.then_some(v)
    }

    /// Whether a class attribute is no data descriptor, so an instance
    /// `__dict__` entry of the same name wins over it: anything but a
    /// property or an instance of a Python class (which may define
    /// `__get__`/`__set__`).
    fn is_plain_class_attr(&self, a: &Value) -> bool {
        !matches!(a.payload(), Some(Payload::Property(_) | Payload::Member(_))) && !self.is_heap(a)
    }

    /// CPython's TypeError for an attribute name that is not a str.
    pub(crate) fn attr_name_error(&self, name: &Value) -> PyErr {
        self.type_error(format!(
            "attribute name must be string, not '{}'",
            self.type_name(name)
        ))
    }

    /// The AttributeError for `obj.name`.
    pub(crate) fn no_attribute(&self, obj: &Value, n: &str) -> PyErr {
        let e = self.no_attribute_plain(obj, n);
        if let Some(d) = e.data() {
            let mut attrs = d.attrs.borrow_mut();
            attrs.push(("name".into(), self.new_str(n)));
            attrs.push(("obj".into(), obj.clone()));
        }
        e
    }

    fn no_attribute_plain(&self, obj: &Value, n: &str) -> PyErr {
        let msg = match obj {
            Value::Obj(o) => match &o.payload {
                Payload::Type(d) => format!("type object '{}' has no attribute '{n}'", d.name),
                Payload::Module(_) => self.module_no_attribute(o, n),
                _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
            },
            _ => format!("'{}' object has no attribute '{n}'", self.type_name(obj)),
        };
        self.attribute_error(msg)
    }

    /// `obj.name`, None when missing (before `__getattr__`).
    pub(crate) fn get_attr_opt(&mut self, obj: &Value, n: &str) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            match &o.payload {
                Payload::Type(_) => return self.type_attr(o, n),
                Payload::Module(m) => {
                    if let Some(v) = crate::dict::dict_get_str(&m.dict, n) {
                        return Ok(Some(v));
                    }
                    if n == "__dict__" {
                        return Ok(Some(Value::Obj(m.dict.clone())));
                    }
                    if n == "__name__" {
                        return Ok(Some(self.new_str(&m.name.clone())));
                    }
                    let d = m.dict.clone();
                    return self.module_getattr_hook(&d, n);
                }
                Payload::Super(s) => {
                    let (t, this) = (s.0.clone(), s.1.clone());
                    return self.super_attr(&t, &this, n);
                }
                _ => {}
            }
        }
        if let Some(v) = self.special_attr(obj, n)? {
            return Ok(Some(v));
        }
        // PyObject_GenericGetAttr: a data descriptor on the class, the
        // instance __dict__, then the class attribute (through __get__).
        let t = self.type_of(obj);
        let cls_attr = lookup(&t, n);
        if let Some(a) = &cls_attr {
            if self.is_data_descr(a) && self.descr_has_get(a) {
                return self.descr_get(a.clone(), Some(obj), &t).map(Some);
            }
        }
        if let Value::Obj(o) = obj {
            if let Some(d) = &o.dict {
                if let Some(v) = crate::dict::dict_get_str(d, n) {
                    return Ok(Some(v));
                }
            }
        }
        match cls_attr {
            Some(a) => self.descr_get(a, Some(obj), &t).map(Some),
            None => Ok(None),
        }
    }

    /// A built-in attribute of `obj` computed by the special-attribute
    /// code (the value a built-in getset/member descriptor gives).
    pub(crate) fn builtin_attr(&mut self, obj: &Value, n: &str) -> PyResult<Option<Value>> {
        if let Value::Obj(o) = obj {
            if matches!(o.payload, Payload::Type(_)) {
                return self.type_special(o, n);
            }
        }
        self.special_attr(obj, n)
    }

    /// A class attribute as seen through an instance (methods bind).
    fn bind_attr(&self, a: Value, obj: &Value, t: &ObjRef) -> Value {
        match a.payload() {
            Some(Payload::Function(_)) => self.bind_method(a, obj.clone()),
            Some(Payload::Builtin(b)) if b.sig.has_self => self.bind_builtin(a, obj.clone()),
            Some(Payload::ClassMethod(f)) => self.bind_method(f.clone(), Value::Obj(t.clone())),
            Some(Payload::StaticMethod(f)) => f.clone(),
            _ => a,
        }
    }

    /// The attributes every type has (`__name__`, `__mro__`...).
    fn type_special(&mut self, t: &ObjRef, n: &str) -> PyResult<Option<Value>> {
        let Some(d) = type_data(t) else {
            return Ok(None);
        };
        Ok(Some(match n {
            "__name__" => self.new_str(&d.name.clone()),
            "__qualname__" => self.new_str(&d.qualname.clone()),
            "__module__" if !d.heap => self.new_str(&d.module.clone()),
            "__bases__" => {
                let b: Vec<Value> = d.bases.iter().map(|b| Value::Obj(b.clone())).collect();
                self.new_tuple(b)
            }
            "__mro__" => {
                let mut m = vec![Value::Obj(t.clone())];
                m.extend(d.mro.iter().map(|b| Value::Obj(b.clone())));
                self.new_tuple(m)
            }
            "__base__" => d
                .bases
                .first()
                .map_or(Value::None, |b| Value::Obj(b.clone())),
            "__dict__" => {
                // A read-only view in CPython (mappingproxy); kaa's is a
                // snapshot of the class dict.
                let table = d.dict.borrow().clone();
                match self.types.by_name.get("mappingproxy") {
                    Some(mp) => Value::Obj(ObjRef::new(
                        mp.clone(),
                        Payload::Dict(std::cell::RefCell::new(table)),
                    )),
                    None => self.new_dict_from(table),
                }
            }
            "__class__" => Value::Obj(self.type_of(&Value::Obj(t.clone()))),
            "__doc__" if d.get_own("__doc__").is_none() => Value::None,
            _ => return Ok(None),
        }))
    }

    /// Attributes of types (type_getattro): a data descriptor of the
    /// metaclass, the class's own MRO (descriptors get `None` as the
    /// instance), then the metaclass's attributes bound to the class.
    fn type_attr(&mut self, t: &ObjRef, n: &str) -> PyResult<Option<Value>> {
        if let Some(v) = self.type_special(t, n)? {
            return Ok(Some(v));
        }
        let tv = Value::Obj(t.clone());
        let meta = self.type_of(&tv);
        let meta_attr = lookup(&meta, n);
        if let Some(ma) = &meta_attr {
            if self.is_data_descr(ma) {
                return self.descr_get(ma.clone(), Some(&tv), &meta).map(Some);
            }
        }
        if let Some(v) = lookup(t, n) {
            return self.descr_get(v, None, t).map(Some);
        }
        if let Some(ma) = meta_attr {
            return self.descr_get(ma, Some(&tv), &meta).map(Some);
        }
        Ok(None)
    }

    /// `super(t, this).n` (super_getattro): the MRO of the start type
    /// (`this` itself when it is a subclass of `t`, else its class) after
    /// `t`, the attribute bound through its `__get__`.
    fn super_attr(&mut self, t: &ObjRef, this: &Value, n: &str) -> PyResult<Option<Value>> {
        let this_type = this
            .as_obj()
            .filter(|o| matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, t));
        let (start, inst) = match this_type {
            Some(o) => (o.clone(), None),
            None => (self.type_of(this), Some(this)),
        };
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.types.super_.clone())));
        }
        let mut mro = vec![start.clone()];
        if let Some(d) = type_data(&start) {
            mro.extend(d.mro.iter().cloned());
        }
        let pos = mro
            .iter()
            .position(|c| c.ptr_eq(t))
            .map_or(mro.len(), |p| p + 1);
        for c in &mro[pos..] {
            if let Some(v) = type_data(c).and_then(|d| d.get_own(n)) {
                return self.descr_get(v, inst, &start).map(Some);
            }
        }
        Ok(match n {
            "__thisclass__" => Some(Value::Obj(t.clone())),
            "__self__" => Some(this.clone()),
            "__self_class__" => Some(Value::Obj(start)),
            _ => None,
        })
    }

    /// Attributes every object of a built-in kind has.
    pub(crate) fn special_attr(&mut self, obj: &Value, n: &str) -> PyResult<Option<Value>> {
        if n == "__class__" {
            return Ok(Some(Value::Obj(self.type_of(obj))));
        }
        let Value::Obj(o) = obj else {
            return Ok(match (obj, n) {
                (Value::Int(_) | Value::Bool(_), "real" | "numerator") => {
                    Some(Value::Int(match obj {
                        Value::Bool(b) => *b as i64,
                        Value::Int(i) => *i,
                        _ => 0,
                    }))
                }
                (Value::Int(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
                (Value::Int(_) | Value::Bool(_), "denominator") => Some(Value::Int(1)),
                (Value::Float(f), "real") => Some(Value::Float(*f)),
                (Value::Float(_), "imag") => Some(Value::Float(0.0)),
                _ => None,
            });
        };
        if n == "__dict__" {
            if let Some(d) = &o.dict {
                return Ok(Some(Value::Obj(d.clone())));
            }
        }
        Ok(match &o.payload {
            Payload::Exception(_)
                if matches!(n, "message" | "exceptions")
                    && self.isinstance(obj, &self.exc_type("BaseExceptionGroup")) =>
            {
                let args = self.exc_args(o);
                match n {
                    "message" => args.first().cloned(),
                    _ => {
                        let items = match args.get(1) {
                            Some(v) => self.collect(v)?,
                            None => Vec::new(),
                        };
                        Some(self.new_tuple(items))
                    }
                }
            }
            Payload::Exception(d) => match n {
                "args" => Some(d.args.borrow().clone()),
                "__cause__" => Some(d.cause.borrow().clone()),
                "__context__" => Some(d.context.borrow().clone()),
                "__suppress_context__" => Some(Value::Bool(d.suppress_context.get())),
                "__traceback__" => Some(self.traceback_of(obj)),
                "value" | "code"
                    if o.dict
                        .as_ref()
                        .and_then(|dd| crate::dict::dict_get_str(dd, n))
                        .is_none() =>
                {
                    let is_stop =
                        self.isinstance(obj, &self.exc_type("StopIteration")) && n == "value";
                    let is_exit = self.isinstance(obj, &self.exc_type("SystemExit")) && n == "code";
                    if is_stop || is_exit {
                        let args = self.exc_args(o);
                        Some(match args.len() {
                            0 => Value::None,
                            1 if is_stop || is_exit => args[0].clone(),
                            _ => self.new_tuple(args),
                        })
                    } else {
                        None
                    }
                }
                _ => d
                    .attrs
                    .borrow()
                    .iter()
                    .find(|(k, _)| k == n)
                    .map(|(_, v)| v.clone()),
            },
            Payload::Function(f)
                if matches!(n, "__doc__" | "__module__")
                    && f.attrs
                        .borrow()
                        .as_ref()
                        .is_some_and(|d| crate::dict::dict_get_str(d, n).is_some()) =>
            {
                f.attrs
                    .borrow()
                    .as_ref()
                    .and_then(|d| crate::dict::dict_get_str(d, n))
            }
            Payload::Function(f) => match n {
                "__name__" => Some(self.new_str(&f.name.borrow().clone())),
                "__qualname__" => Some(self.new_str(&f.qualname.borrow().clone())),
                "__doc__" => Some(f.doc.clone()),
                "__module__" => Some(f.module.clone()),
                "__defaults__" => Some(if f.defaults.is_empty() {
                    Value::None
                } else {
                    self.new_tuple(f.defaults.clone())
                }),
                "__kwdefaults__" => Some(f.kwdefaults.clone().map_or(Value::None, Value::Obj)),
                "__globals__" => Some(Value::Obj(f.globals.clone())),
                "__code__" => Some(Value::Obj(ObjRef::new(
                    self.types.code.clone(),
                    Payload::Code(f.code.clone()),
                ))),
                "__closure__" => Some(if f.closure.is_empty() {
                    Value::None
                } else {
                    self.new_tuple(f.closure.clone())
                }),
                "__annotations__" => Some(self.function_annotations(f)?),
                "__dict__" => {
                    let d = f.attrs.borrow().clone();
                    Some(Value::Obj(match d {
                        Some(d) => d,
                        None => {
                            let d = self.new_dict_obj();
                            *f.attrs.borrow_mut() = Some(d.clone());
                            d
                        }
                    }))
                }
                _ => f
                    .attrs
                    .borrow()
                    .as_ref()
                    .and_then(|d| crate::dict::dict_get_str(d, n)),
            },
            Payload::Builtin(b) => match n {
                "__name__" => Some(self.new_str(&b.sig.name.clone())),
                "__qualname__" => Some(self.new_str(&b.sig.qualname.clone())),
                "__doc__" => Some(Value::None),
                "__text_signature__" => Some(Value::None),
                _ => None,
            },
            Payload::BoundMethod(bm) => match n {
                "__self__" => Some(bm.1.clone()),
                "__func__" => Some(bm.0.clone()),
                "__name__" | "__qualname__" | "__doc__" => {
                    let f = bm.0.clone();
                    return self.get_attr_opt(&f, n);
                }
                _ => None,
            },
            Payload::Range(r) => match n {
                "start" => Some(Value::Int(r.start)),
                "stop" => Some(Value::Int(r.stop)),
                "step" => Some(Value::Int(r.step)),
                _ => None,
            },
            Payload::Slice(s) => match n {
                "start" => Some(s[0].clone()),
                "stop" => Some(s[1].clone()),
                "step" => Some(s[2].clone()),
                _ => None,
            },
            Payload::Code(c) => crate::codeobj::code_attr(self, c, n),
            Payload::Property(p) => match n {
                "fget" => Some(p[0].clone()),
                "fset" => Some(p[1].clone()),
                "fdel" => Some(p[2].clone()),
                _ => None,
            },
            Payload::Generator(g) => match n {
                "gi_running" => Some(Value::Bool(g.borrow().running)),
                "gi_frame" => {
                    let alive = g.borrow().frame.is_some() || g.borrow().running;
                    Some(if alive {
                        let t = self
                            .types
                            .by_name
                            .get("frame")
                            .cloned()
                            .unwrap_or_else(|| self.types.object.clone());
                        Value::Obj(ObjRef::new(t, Payload::Plain))
                    } else {
                        Value::None
                    })
                }
                "gi_code" => g.borrow().frame.as_ref().map(|f| {
                    Value::Obj(ObjRef::new(
                        self.types.code.clone(),
                        Payload::Code(f.code.clone()),
                    ))
                }),
                "__name__" => Some(self.new_str(&g.borrow().name.clone())),
                "__qualname__" => Some(self.new_str(&g.borrow().qualname.clone())),
                _ => None,
            },
            Payload::Member(m) if matches!(n, "__name__" | "__qualname__") => {
                Some(self.new_str(&if n == "__name__" {
                    m.name.clone()
                } else {
                    format!("{}.{}", m.owner, m.name)
                }))
            }
            Payload::StaticMethod(f) | Payload::ClassMethod(f) if n == "__func__" => {
                Some(f.clone())
            }
            _ => None,
        })
    }

    /// LOAD_METHOD: (Some(function), self) for a method found on the
    /// class, so no bound method is allocated; else (None, attribute).
    pub(crate) fn load_method(
        &mut self,
        obj: &Value,
        name: &Value,
    ) -> PyResult<(Option<Value>, Value)> {
        let n = name.as_str().unwrap_or("");
        let is_plain = match obj {
            Value::Obj(o) => !matches!(
                o.payload,
                Payload::Type(_) | Payload::Module(_) | Payload::Super(_)
            ),
            _ => true,
        };
        if is_plain && self.getattribute_hook(obj).is_none() {
            let t = self.type_of(obj);
            let found = match name.payload() {
                Some(Payload::Str(_)) => self.type_lookup_cached(&t, name, false),
                _ => lookup(&t, n),
            };
            if let Some(a) = found {
                let is_method = match a.payload() {
                    Some(Payload::Function(_)) => true,
                    Some(Payload::Builtin(b)) => b.sig.has_self,
                    _ => false,
                };
                let shadowed = match obj {
                    Value::Obj(o) => o
                        .dict
                        .as_ref()
                        .is_some_and(|d| crate::dict::dict_get_name(d, name).is_some()),
                    _ => false,
                };
                if is_method && !shadowed {
                    return Ok((Some(a), obj.clone()));
                }
            }
        }
        Ok((None, self.get_attr(obj, name)?))
    }

    /// `obj.name = v`.
    pub fn set_attr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        // Fast path (PyObject_GenericSetAttr's common case): an instance of
        // a Python class with a `__dict__`, a non-dunder name, no Python
        // `__setattr__` and no possible data descriptor of that name on the
        // class: a store into the instance dict.
        if let (Value::Obj(o), Some(Payload::Str(sd))) = (obj, name.payload()) {
            if let (Payload::Plain, Some(d), Some(t)) = (&o.payload, &o.dict, &o.class) {
                let setattr = self.setattr_name.clone();
                if !sd.as_str().starts_with("__")
                    && self.type_lookup_cached(t, &setattr, true).is_none()
                    && self
                        .type_lookup_cached(t, name, false)
                        .is_none_or(|a| self.is_plain_class_attr(&a))
                {
                    let d = d.clone();
                    return crate::dict::dict_set(self, &d, name.clone(), v);
                }
            }
        }
        if name.as_str().is_none() {
            return Err(self.attr_name_error(name));
        }
        if self.is_heap(obj) {
            let t = self.type_of(obj);
            if let Some(setattr) = crate::types::lookup_user(&t, "__setattr__") {
                self.call(&setattr, &[obj.clone(), name.clone(), v])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, v)
    }

    /// `object.__setattr__(obj, name, v)`: without the class's hook.
    pub fn generic_setattr(&mut self, obj: &Value, name: &Value, v: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Value::Obj(o) = obj {
            if let Payload::Type(d) = &o.payload {
                let meta = self.type_of(obj);
                if let Some(ma) = lookup(&meta, n) {
                    if self.is_data_descr(&ma) {
                        return self.descr_set(&ma, obj, Some(v));
                    }
                }
                if !d.heap {
                    return Err(self.type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{}'",
                        d.name
                    )));
                }
                if n == "__getattribute__" {
                    self.attr_cache.hooks_seen.set(true);
                }
                d.set_own(name.clone(), v);
                return Ok(());
            }
            let t = self.type_of(obj);
            let cls_attr = lookup(&t, n);
            if let Some(a) = &cls_attr {
                if self.is_data_descr(a) {
                    return self.descr_set(a, obj, Some(v));
                }
            }
            if let Some(data) = exc_data(o) {
                match n {
                    "__cause__" => {
                        *data.cause.borrow_mut() = v;
                        data.suppress_context.set(true);
                        return Ok(());
                    }
                    "__context__" => {
                        *data.context.borrow_mut() = v;
                        return Ok(());
                    }
                    "__suppress_context__" => {
                        let b = self.is_true(&v)?;
                        data.suppress_context.set(b);
                        return Ok(());
                    }
                    "args" => {
                        let items = self.collect(&v)?;
                        *data.args.borrow_mut() = self.new_tuple(items);
                        return Ok(());
                    }
                    "__traceback__" => return Ok(()),
                    _ => {}
                }
            }
            if let Some(d) = &o.dict {
                let d = d.clone();
                return crate::dict::dict_set(self, &d, name.clone(), v);
            }
            if let Payload::Function(f) = &o.payload {
                match (n, v.as_str()) {
                    ("__name__", Some(s)) => {
                        *f.name.borrow_mut() = s.to_string();
                        return Ok(());
                    }
                    ("__qualname__", Some(s)) => {
                        *f.qualname.borrow_mut() = s.to_string();
                        return Ok(());
                    }
                    ("__annotations__", _) => {
                        // func_set_annotations: a dict or None.
                        if !v.is_none() && !matches!(v.payload(), Some(Payload::Dict(_))) {
                            return Err(
                                self.type_error("__annotations__ must be set to a dict object")
                            );
                        }
                        *f.annotations.borrow_mut() = (!v.is_none()).then_some(v);
                        return Ok(());
                    }
                    _ => {}
                }
                let d = f.attrs.borrow().clone();
                let d = match d {
                    Some(d) => d,
                    None => {
                        let d = self.new_dict_obj();
                        *f.attrs.borrow_mut() = Some(d.clone());
                        d
                    }
                };
                return crate::dict::dict_set(self, &d, name.clone(), v);
            }
            if let Payload::Module(m) = &o.payload {
                let d = m.dict.clone();
                return crate::dict::dict_set(self, &d, name.clone(), v);
            }
            if matches!(
                cls_attr.as_ref().and_then(|a| a.payload()),
                Some(Payload::Builtin(_))
            ) {
                return Err(self.attribute_error(format!(
                    "'{}' object attribute '{n}' is read-only",
                    self.type_name(obj)
                )));
            }
        }
        Err(self.no_attribute(obj, n))
    }

    /// `del obj.name`: the class's `__delattr__` when defined in Python.
    pub fn del_attr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        if name.as_str().is_none() {
            return Err(self.attr_name_error(name));
        }
        if self.is_heap(obj) {
            let t = self.type_of(obj);
            if let Some(h) = crate::types::lookup_user(&t, "__delattr__") {
                self.call(&h, &[obj.clone(), name.clone()])?;
                return Ok(());
            }
        }
        self.generic_delattr(obj, name)
    }

    /// `object.__delattr__(obj, name)`: without the class's hook.
    pub fn generic_delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        if let Value::Obj(o) = obj {
            if let Payload::Type(d) = &o.payload {
                let meta = self.type_of(obj);
                if let Some(ma) = lookup(&meta, n) {
                    if self.is_data_descr(&ma) {
                        return self.descr_set(&ma, obj, None);
                    }
                }
                if !d.heap {
                    return Err(self.type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{}'",
                        d.name
                    )));
                }
                crate::attrcache::types_changed();
                let h = crate::strobj::str_hash(n);
                if d.dict
                    .borrow_mut()
                    .remove(h, &mut |k| k.as_str() == Some(n))
                    .is_some()
                {
                    return Ok(());
                }
                return Err(self.no_attribute(obj, n));
            }
            let t = self.type_of(obj);
            if let Some(a) = lookup(&t, n) {
                if self.is_data_descr(&a) {
                    return self.descr_set(&a, obj, None);
                }
            }
            if let Some(d) = &o.dict {
                let d = d.clone();
                if crate::dict::dict_del(self, &d, name)? {
                    return Ok(());
                }
            }
            if let Payload::Module(m) = &o.payload {
                // The module's namespace; a missing name gets the generic
                // object message (PyObject_GenericSetAttr), not the
                // module's getattr one.
                let d = m.dict.clone();
                if crate::dict::dict_del(self, &d, name)? {
                    return Ok(());
                }
                return Err(self.attribute_error(format!("'module' object has no attribute '{n}'")));
            }
        }
        Err(self.no_attribute(obj, n))
    }
}

impl Vm {
    /// `function.__annotations__` (func_get_annotations): made into a dict
    /// on first read from MAKE_FUNCTION's pairs (or `{}`) and kept, so
    /// that changes to it persist.
    fn function_annotations(&mut self, f: &crate::function::Function) -> PyResult<Value> {
        let current = f.annotations.borrow().clone();
        if let Some(v) = &current {
            if v.as_tuple().is_none() {
                return Ok(v.clone());
            }
        }
        let d = self.new_dict_obj();
        if let Some(items) = current.as_ref().and_then(|v| v.as_tuple()) {
            let items = items.to_vec();
            for pair in items.chunks(2) {
                if let [k, v] = pair {
                    crate::dict::dict_set(self, &d, k.clone(), v.clone())?;
                }
            }
        }
        let d = Value::Obj(d);
        *f.annotations.borrow_mut() = Some(d.clone());
        Ok(d)
    }
}
