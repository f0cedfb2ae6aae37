//! Classes: calling a type (instance creation with `__new__`/`__init__`,
//! the built-in constructors, `type(x)`), `__build_class__` for class
//! statements, and `super`.

use std::cell::RefCell;

use crate::dicttable::DictTable;
use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::types::{c3_mro, lookup_user, type_data, Layout, TypeData};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `cls.__new__(cls, *args, **kwargs)` when a class in `t`'s MRO
    /// defined in Python has `__new__` (a staticmethod is unwrapped);
    /// None when the built-in allocation applies.
    pub(crate) fn call_user_new(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Option<Value>> {
        let Some(new) = lookup_user(t, "__new__") else {
            return Ok(None);
        };
        let new = match new.payload() {
            Some(Payload::StaticMethod(f)) => f.clone(),
            _ => new,
        };
        let mut a = vec![Value::Obj(t.clone())];
        a.extend_from_slice(pos);
        self.call_with_kwargs(&new, &a, kwargs).map(Some)
    }

    /// `inst.__init__(*args, **kwargs)` when a class in `t`'s MRO defined
    /// in Python has `__init__` (false when none does); it must return
    /// None.
    pub(crate) fn call_user_init(
        &mut self,
        t: &ObjRef,
        inst: &Value,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<bool> {
        let Some(init) = lookup_user(t, "__init__") else {
            return Ok(false);
        };
        let mut a = vec![inst.clone()];
        a.extend_from_slice(pos);
        let r = self.call_with_kwargs(&init, &a, kwargs)?;
        if !r.is_none() {
            return Err(self.type_error(format!(
                "__init__() should return None, not '{}'",
                self.type_name(&r)
            )));
        }
        Ok(true)
    }

    /// `t(*pos, **kwargs)`: the metaclass's `__call__` when a metaclass
    /// defined in Python overrides it, else `type.__call__`.
    pub(crate) fn call_type(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        if let Some(meta) = &t.class {
            if type_data(meta).is_some_and(|d| d.heap) {
                if let Some(call) = lookup_user(meta, "__call__") {
                    let mut a = Vec::with_capacity(pos.len() + 1);
                    a.push(Value::Obj(t.clone()));
                    a.extend_from_slice(pos);
                    return self.call_with_kwargs(&call, &a, kwargs);
                }
            }
        }
        self.call_type_default(t, pos, kwargs)
    }

    /// Instance creation for a class that is not a metaclass: a built-in
    /// type's constructor, or `__new__` then `__init__`.
    pub(crate) fn call_class(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Some(d) = type_data(t) else {
            return Err(self.type_error("not a type"));
        };
        if !d.heap {
            return self.construct_builtin(t, pos, kwargs);
        }
        // A class defined in Python.
        let inst = match self.call_user_new(t, pos, kwargs)? {
            Some(inst) => inst,
            None => self.new_instance(t, pos, kwargs)?,
        };
        if !self.isinstance(&inst, t) {
            return Ok(inst);
        }
        let initialised = self.call_user_init(t, &inst, pos, kwargs)?;
        if !initialised
            && d.layout == Layout::Object
            && (!pos.is_empty() || !kwargs.is_empty())
            && lookup_user(t, "__new__").is_none()
        {
            return Err(self.type_error(format!("{}() takes no arguments", d.name)));
        }
        Ok(inst)
    }

    /// `object.__new__(t)` and the built-in bases' `__new__` for a class
    /// defined in Python.
    pub(crate) fn new_instance(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let layout = type_data(t).map_or(Layout::Object, |d| d.layout);
        let dict = self.new_dict_obj();
        let has_init = lookup_user(t, "__init__").is_some();
        let payload = match layout {
            Layout::Object => {
                let (has_dict, n) = type_data(t).map_or((true, 0), |d| (d.has_dict, d.slot_count));
                if n > 0 || !has_dict {
                    let p = Payload::Slots(RefCell::new(vec![None; n]));
                    return Ok(Value::Obj(if has_dict {
                        ObjRef::with_dict(t.clone(), p, dict)
                    } else {
                        ObjRef::new(t.clone(), p)
                    }));
                }
                Payload::Plain
            }
            Layout::Exception => crate::excattrs::new_payload(self, t, &dict, pos)?,
            Layout::List => {
                let items = if has_init || pos.is_empty() {
                    Vec::new()
                } else {
                    self.collect(&pos[0])?
                };
                Payload::List(RefCell::new(items))
            }
            Layout::Dict => {
                let o = ObjRef::with_dict(t.clone(), Payload::Dict(Default::default()), dict);
                if !has_init {
                    self.dict_init(&o, pos, kwargs)?;
                }
                return Ok(Value::Obj(o));
            }
            Layout::Set => {
                let base = self.types.set.clone();
                let s = if has_init {
                    self.call_type(&base, &[], &[])?
                } else {
                    self.call_type(&base, pos, &[])?
                };
                match s.payload() {
                    Some(Payload::Set(st)) => Payload::Set(RefCell::new(st.borrow().clone())),
                    _ => Payload::Plain,
                }
            }
            Layout::Int | Layout::Float | Layout::Str | Layout::Tuple => {
                let base = match layout {
                    Layout::Int => self.types.int.clone(),
                    Layout::Float => self.types.float.clone(),
                    Layout::Str => self.types.str_.clone(),
                    _ => self.types.tuple.clone(),
                };
                let v = self.construct_builtin(&base, pos, kwargs)?;
                match v {
                    Value::Int(i) => Payload::BigInt(i.into()),
                    Value::Bool(b) => Payload::BigInt((b as i64).into()),
                    Value::Float(_) => {
                        return Err(self
                            .not_implemented("subclasses of float are not supported by kaa yet"))
                    }
                    Value::Obj(o) => match &o.payload {
                        Payload::Str(s) => {
                            Payload::Str(crate::strobj::StrData::from_pystr(s.as_pystr().clone()))
                        }
                        Payload::Tuple(items) => Payload::Tuple(items.clone()),
                        Payload::BigInt(b) => Payload::BigInt(b.clone()),
                        _ => Payload::Plain,
                    },
                    Value::None => Payload::Plain,
                }
            }
            Layout::Other => match crate::bytearray::subclass_payload(self, t, pos, kwargs)? {
                Some(p) => p,
                None => {
                    return Err(self.not_implemented(format!(
                        "kaa cannot subclass this built-in type yet ({})",
                        type_data(t).map_or(String::new(), |d| d.name.clone())
                    )))
                }
            },
        };
        Ok(Value::Obj(ObjRef::with_dict(t.clone(), payload, dict)))
    }

    /// Calls a built-in type's constructor (`__kaa_new__` in its dict).
    fn construct_builtin(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let d = type_data(t);
        let ctor = d.and_then(|d| d.get_own("__kaa_new__"));
        if let Some(c) = ctor {
            return self.call_with_kwargs(&c, pos, kwargs);
        }
        if d.is_some_and(|d| d.layout == Layout::Exception) {
            return crate::excattrs::construct(self, t, pos, kwargs);
        }
        Err(self.type_error(format!(
            "cannot create '{}' instances",
            d.map_or(String::new(), |d| d.name.clone())
        )))
    }

    /// `type.__new__(meta, name, bases, ns, **kwargs)` once the arguments
    /// are checked: a new class whose metaclass is `meta`; `kwargs` go to
    /// `__init_subclass__`.
    pub(crate) fn new_class_with(
        &mut self,
        meta: &ObjRef,
        name: &Value,
        bases: &Value,
        ns: &Value,
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let name_s = name.as_str().unwrap_or("").to_string();
        let mut base_list: Vec<ObjRef> = Vec::new();
        for b in bases.as_tuple().unwrap_or(&[]) {
            match b {
                Value::Obj(o) if matches!(o.payload, Payload::Type(_)) => {
                    let d = type_data(o);
                    if d.is_some_and(|d| !d.subclassable) {
                        return Err(self.type_error(format!(
                            "type '{}' is not an acceptable base type",
                            d.map_or(String::new(), |d| d.name.clone())
                        )));
                    }
                    base_list.push(o.clone())
                }
                _ => return Err(self.type_error("bases must be types")),
            }
        }
        if base_list.is_empty() {
            base_list.push(self.types.object.clone());
        }
        let mro = c3_mro(&base_list).map_err(|m| self.type_error(m))?;
        // The solid base: CPython's "multiple bases have instance lay-out
        // conflict" when two bases need different built-in layouts.
        let mut layout = Layout::Object;
        for b in &base_list {
            let l = type_data(b).map_or(Layout::Object, |d| d.layout);
            if l == Layout::Object {
                continue;
            }
            if layout != Layout::Object && layout != l {
                return Err(self.type_error("multiple bases have instance lay-out conflict"));
            }
            layout = l;
        }
        let mut table = DictTable::new();
        if let Some(Payload::Dict(d)) = ns.payload() {
            table = d.borrow().clone();
        }
        let get = |t: &DictTable, k: &str| {
            let h = crate::strobj::str_hash(k);
            t.get(h, &mut |x| x.as_str() == Some(k)).cloned()
        };
        let put = |vm: &Vm, t: &mut DictTable, k: &str, v: Value| {
            let key = vm.new_str(k);
            let h = crate::strobj::str_hash(k);
            t.insert(h, key, v, &mut |x| x.as_str() == Some(k));
        };
        let remove = |t: &mut DictTable, k: &str| {
            let h = crate::strobj::str_hash(k);
            t.remove(h, &mut |x| x.as_str() == Some(k)).map(|e| e.value)
        };
        let qualname = match remove(&mut table, "__qualname__") {
            Some(q) => match q.as_str() {
                Some(s) => s.to_string(),
                None => {
                    return Err(self.type_error(format!(
                        "type __qualname__ must be a str, not {}",
                        self.type_name(&q)
                    )))
                }
            },
            None => name_s.clone(),
        };
        let classcell = remove(&mut table, "__classcell__");
        let module = match get(&table, "__module__") {
            Some(m) => m.as_str().unwrap_or("").to_string(),
            None => {
                // CPython takes the caller's globals' __name__.
                let m = self
                    .main_globals
                    .as_ref()
                    .and_then(|g| crate::dict::dict_get_str(g, "__name__"))
                    .unwrap_or_else(|| self.new_str("__main__"));
                let s = m.as_str().unwrap_or("__main__").to_string();
                put(self, &mut table, "__module__", m);
                s
            }
        };
        if get(&table, "__doc__").is_none() {
            put(self, &mut table, "__doc__", Value::None);
        }
        // A class that defines __eq__ without __hash__ is unhashable.
        if get(&table, "__eq__").is_some() && get(&table, "__hash__").is_none() {
            put(self, &mut table, "__hash__", Value::None);
        }
        // __init_subclass__ and __class_getitem__ are implicit classmethods,
        // __new__ an implicit staticmethod.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = get(&table, special) {
                if matches!(f.payload(), Some(Payload::Function(_))) {
                    let cm = Value::Obj(ObjRef::new(
                        self.types.classmethod.clone(),
                        Payload::ClassMethod(f),
                    ));
                    put(self, &mut table, special, cm);
                }
            }
        }
        if get(&table, "__getattribute__").is_some() {
            self.attr_cache.hooks_seen.set(true);
        }
        // __slots__: member descriptors, and no __dict__ unless a base has
        // one or the slots name it.
        let base_slots = base_list
            .iter()
            .filter_map(type_data)
            .map(|d| d.slot_count)
            .max()
            .unwrap_or(0);
        let base_dict = base_list.iter().filter_map(type_data).any(|d| d.has_dict);
        let mut has_dict = layout != Layout::Object || base_dict;
        let mut slot_count = base_slots;
        let mut members = Vec::new();
        match get(&table, "__slots__") {
            None => has_dict = true,
            Some(sv) => {
                for n in crate::slots::slot_names(self, &sv)? {
                    let n = crate::slots::mangle(&name_s, n);
                    if n == "__dict__" {
                        if has_dict {
                            return Err(
                                self.type_error("__dict__ slot disallowed: we already got one")
                            );
                        }
                        has_dict = true;
                        continue;
                    }
                    if n == "__weakref__" {
                        continue;
                    }
                    if get(&table, &n).is_some() {
                        return Err(self.value_error(format!(
                            "'{n}' in __slots__ conflicts with class variable"
                        )));
                    }
                    members.push((n, slot_count));
                    slot_count += 1;
                }
            }
        }
        // The class that introduces the instance __dict__ (and weak
        // reference support) gets their getset descriptors.
        if has_dict && !base_dict && get(&table, "__dict__").is_none() {
            let g = crate::slotwrap::getset(self, &name_s, "__dict__");
            put(self, &mut table, "__dict__", g);
        }
        let wants_weakref = match get(&table, "__slots__") {
            None => true,
            Some(sv) => crate::slots::slot_names(self, &sv)?
                .iter()
                .any(|n| n == "__weakref__"),
        };
        let base_weakref = base_list
            .iter()
            .any(|b| crate::types::lookup(b, "__weakref__").is_some());
        if wants_weakref && !base_weakref && get(&table, "__weakref__").is_none() {
            let g = crate::slotwrap::getset(self, &name_s, "__weakref__");
            put(self, &mut table, "__weakref__", g);
        }
        if layout != Layout::Object {
            // kaa keeps slots of subclasses of built-ins in the __dict__.
            members.clear();
            slot_count = 0;
        }
        let member_t = self.types.by_name.get("member_descriptor").cloned();
        for (n, index) in members {
            let m = Value::Obj(ObjRef::new(
                member_t
                    .clone()
                    .unwrap_or_else(|| self.types.object.clone()),
                Payload::Member(Box::new(crate::slots::MemberDescr {
                    name: n.clone(),
                    owner: name_s.clone(),
                    index,
                })),
            ));
            put(self, &mut table, &n, m);
        }
        let has_del = get(&table, "__del__").is_some()
            || base_list
                .iter()
                .filter_map(type_data)
                .any(|d| d.del_queue.is_some());
        let del_queue = has_del.then(|| self.del_queue_handle());
        let data = TypeData {
            name: name_s,
            qualname,
            module,
            bases: base_list,
            mro,
            dict: RefCell::new(table),
            heap: true,
            layout,
            subclassable: true,
            has_dict,
            slot_count,
            subclasses: RefCell::new(Vec::new()),
            del_queue,
        };
        let cls = if meta.ptr_eq(&self.types.type_) {
            ObjRef::new_type(data)
        } else {
            ObjRef::new_type_with_meta(data, meta.clone())
        };
        crate::attrcache::types_changed();
        let cls_v = Value::Obj(cls.clone());
        if let Some(d) = type_data(&cls) {
            for b in &d.bases {
                if let Some(bd) = type_data(b) {
                    bd.subclasses.borrow_mut().push(cls.clone());
                }
            }
        }
        if let Some(Payload::Cell(c)) = classcell.as_ref().and_then(|c| c.payload()) {
            *c.borrow_mut() = Some(cls_v.clone());
        }
        // __set_name__ on attributes that define it.
        let entries: Vec<(Value, Value)> = type_data(&cls)
            .map(|d| {
                d.dict
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect()
            })
            .unwrap_or_default();
        for (k, v) in entries {
            if let Some(m) = self.user_method(&v, "__set_name__") {
                self.call(&m, &[v.clone(), cls_v.clone(), k])?;
            }
        }
        // super(cls, cls).__init_subclass__(**kwargs).
        let parent = type_data(&cls).and_then(|d| {
            d.mro.iter().find_map(|c| {
                type_data(c)
                    .and_then(|cd| cd.get_own("__init_subclass__"))
                    .map(|f| (c.clone(), f))
            })
        });
        if let Some((owner, f)) = parent {
            let f = match f.payload() {
                Some(Payload::ClassMethod(f)) => f.clone(),
                _ => f,
            };
            if owner.ptr_eq(&self.types.object) {
                if !kwargs.is_empty() {
                    return Err(self.type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        type_data(&cls).map_or(String::new(), |d| d.name.clone())
                    )));
                }
            } else {
                self.call_with_kwargs(&f, std::slice::from_ref(&cls_v), kwargs)?;
            }
        }
        Ok(cls_v)
    }

    /// `__build_class__(func, name, *bases, **kwds)`: the metaclass (the
    /// `metaclass=` keyword or the bases' most derived one), its
    /// `__prepare__`, the class body run in that namespace, then
    /// `metaclass(name, bases, ns, **kwds)`.
    pub(crate) fn build_class(
        &mut self,
        func: &Value,
        name: &Value,
        bases: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Some(fobj) = func.as_obj() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let Payload::Function(f) = &fobj.payload else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        if name.as_str().is_none() {
            return Err(self.type_error("__build_class__: name is not a string"));
        }
        let mut meta: Option<Value> = None;
        let mut kw: Vec<(Value, Value)> = Vec::new();
        for (k, v) in kwargs {
            if k.as_str() == Some("metaclass") {
                meta = Some(v.clone());
            } else {
                kw.push((k.clone(), v.clone()));
            }
        }
        let meta = match meta {
            Some(m) => m,
            None => match bases.first() {
                Some(b) => Value::Obj(self.type_of(b)),
                None => Value::Obj(self.types.type_.clone()),
            },
        };
        // A class as metaclass: the most derived of it and the bases'.
        let meta = match meta.as_obj() {
            Some(m) if matches!(m.payload, Payload::Type(_)) => {
                Value::Obj(crate::metaclass::calculate_meta(self, m, bases)?)
            }
            _ => meta,
        };
        let bases_t = self.new_tuple(bases.to_vec());
        let plain_type = matches!(&meta, Value::Obj(o) if o.ptr_eq(&self.types.type_));
        let ns = if plain_type {
            Value::Obj(self.new_dict_obj())
        } else {
            match self.get_attr_opt(&meta, "__prepare__")? {
                Some(prep) => {
                    let ns = self.call_with_kwargs(&prep, &[name.clone(), bases_t.clone()], &kw)?;
                    let is_mapping = matches!(ns.payload(), Some(Payload::Dict(_)))
                        || self.get_attr_opt(&ns, "__getitem__")?.is_some();
                    if !is_mapping {
                        let mname = match meta.as_obj().and_then(type_data) {
                            Some(d) => d.name.clone(),
                            None => "<metaclass>".to_string(),
                        };
                        return Err(self.type_error(format!(
                            "{mname}.__prepare__() must return a mapping, not {}",
                            self.type_name(&ns)
                        )));
                    }
                    ns
                }
                None => Value::Obj(self.new_dict_obj()),
            }
        };
        let mut frame = self.bind_function(fobj, f, &[], &[])?;
        frame.locals = Some(ns.clone());
        let cell = self.run_frame(frame)?;
        let cls = if plain_type {
            let t = self.types.type_.clone();
            self.new_class_with(&t, name, &bases_t, &ns, &kw)?
        } else {
            self.call_with_kwargs(&meta, &[name.clone(), bases_t, ns], &kw)?
        };
        if let Some(Payload::Cell(c)) = cell.payload() {
            if c.borrow().is_none() {
                *c.borrow_mut() = Some(cls.clone());
            }
        }
        Ok(cls)
    }

    /// `super(t, obj)`.
    pub(crate) fn new_super(&mut self, t: &Value, obj: &Value) -> PyResult<Value> {
        let Some(to) = t.as_obj().filter(|o| matches!(o.payload, Payload::Type(_))) else {
            return Err(self.type_error(format!(
                "super() argument 1 must be a type, not {}",
                self.type_name(t)
            )));
        };
        let ok = self.isinstance(obj, to)
            || matches!(obj, Value::Obj(o) if matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, to));
        if !ok {
            return Err(
                self.type_error("super(type, obj): obj must be an instance or subtype of type")
            );
        }
        Ok(Value::Obj(ObjRef::new(
            self.types.super_.clone(),
            Payload::Super(Box::new((to.clone(), obj.clone()))),
        )))
    }
}
