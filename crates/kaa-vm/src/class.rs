//! Classes: calling a type (instance creation with `__new__`/`__init__`,
//! the built-in constructors, `type(x)`), `__build_class__` for class
//! statements, and `super`.

use std::cell::RefCell;

use crate::dicttable::DictTable;
use crate::exceptions::{ExceptionData, PyResult};
use crate::object::{ObjRef, Payload};
use crate::types::{c3_mro, lookup_user, type_data, Layout, TypeData};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `t(*pos, **kwargs)`.
    pub(crate) fn call_type(
        &mut self,
        t: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Some(d) = type_data(t) else {
            return Err(self.type_error("not a type"));
        };
        if t.ptr_eq(&self.types.type_) {
            if pos.len() == 1 && kwargs.is_empty() {
                return Ok(Value::Obj(self.type_of(&pos[0])));
            }
            if pos.len() == 3 {
                return self.new_class(&pos[0], &pos[1], &pos[2]);
            }
            return Err(self.type_error("type() takes 1 or 3 arguments"));
        }
        if !d.heap {
            return self.construct_builtin(t, pos, kwargs);
        }
        // A class defined in Python.
        let inst = if let Some(new) = lookup_user(t, "__new__") {
            let new = match new.payload() {
                Some(Payload::StaticMethod(f)) => f.clone(),
                _ => new,
            };
            let mut a = vec![Value::Obj(t.clone())];
            a.extend_from_slice(pos);
            self.call_with_kwargs(&new, &a, kwargs)?
        } else {
            self.new_instance(t, pos, kwargs)?
        };
        if !self.isinstance(&inst, t) {
            return Ok(inst);
        }
        if let Some(init) = lookup_user(t, "__init__") {
            let mut a = vec![inst.clone()];
            a.extend_from_slice(pos);
            let r = self.call_with_kwargs(&init, &a, kwargs)?;
            if !r.is_none() {
                return Err(self.type_error(format!(
                    "__init__() should return None, not '{}'",
                    self.type_name(&r)
                )));
            }
        } else if d.layout == Layout::Object
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
            Layout::Object => Payload::Plain,
            Layout::Exception => {
                Payload::Exception(ExceptionData::new(self.new_tuple(pos.to_vec())))
            }
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
                        Payload::Str(s) => Payload::Str(crate::strobj::StrData::new(s.as_str())),
                        Payload::Tuple(items) => Payload::Tuple(items.clone()),
                        Payload::BigInt(b) => Payload::BigInt(b.clone()),
                        _ => Payload::Plain,
                    },
                    Value::None => Payload::Plain,
                }
            }
            Layout::Other => {
                return Err(self.not_implemented(format!(
                    "kaa cannot subclass this built-in type yet ({})",
                    type_data(t).map_or(String::new(), |d| d.name.clone())
                )))
            }
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
            if !kwargs.is_empty() {
                let name = d.map_or(String::new(), |d| d.name.clone());
                return Err(self.type_error(format!("{name}() takes no keyword arguments")));
            }
            let dict = self.new_dict_obj();
            return Ok(Value::Obj(ObjRef::with_dict(
                t.clone(),
                Payload::Exception(ExceptionData::new(self.new_tuple(pos.to_vec()))),
                dict,
            )));
        }
        Err(self.type_error(format!(
            "cannot create '{}' instances",
            d.map_or(String::new(), |d| d.name.clone())
        )))
    }

    /// `type(name, bases, ns)`: a new class.
    pub(crate) fn new_class(&mut self, name: &Value, bases: &Value, ns: &Value) -> PyResult<Value> {
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
        let layout = mro
            .iter()
            .filter_map(type_data)
            .map(|d| d.layout)
            .find(|l| *l != Layout::Object)
            .unwrap_or(Layout::Object);
        let mut table = DictTable::new();
        if let Some(Payload::Dict(d)) = ns.payload() {
            table = d.borrow().clone();
        }
        let get = |t: &DictTable, k: &str| {
            let h = crate::strobj::str_hash(k);
            t.get(h, &mut |x| x.as_str() == Some(k)).cloned()
        };
        let qualname = get(&table, "__qualname__")
            .and_then(|q| q.as_str().map(str::to_string))
            .unwrap_or_else(|| name_s.clone());
        let module = get(&table, "__module__")
            .and_then(|q| q.as_str().map(str::to_string))
            .unwrap_or_else(|| "__main__".to_string());
        // A class that defines __eq__ without __hash__ is unhashable.
        if get(&table, "__eq__").is_some() && get(&table, "__hash__").is_none() {
            let k = self.new_str("__hash__");
            let h = crate::strobj::str_hash("__hash__");
            table.insert(h, k, Value::None, &mut |x| x.as_str() == Some("__hash__"));
        }
        // __init_subclass__ and __class_getitem__ are implicit classmethods.
        for special in ["__init_subclass__", "__class_getitem__"] {
            if let Some(f) = get(&table, special) {
                if matches!(f.payload(), Some(Payload::Function(_))) {
                    let cm = Value::Obj(ObjRef::new(
                        self.types.classmethod.clone(),
                        Payload::ClassMethod(f),
                    ));
                    let k = self.new_str(special);
                    let h = crate::strobj::str_hash(special);
                    table.insert(h, k, cm, &mut |x| x.as_str() == Some(special));
                }
            }
        }
        let cls = ObjRef::new_type(TypeData {
            name: name_s,
            qualname,
            module,
            bases: base_list,
            mro,
            dict: RefCell::new(table),
            heap: true,
            layout,
            subclassable: true,
        });
        let cls_v = Value::Obj(cls.clone());
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
        // __init_subclass__ of the parent.
        if let Some(d) = type_data(&cls) {
            for c in d.mro.iter() {
                if let Some(f) = type_data(c).and_then(|cd| {
                    if cd.heap {
                        cd.get_own("__init_subclass__")
                    } else {
                        None
                    }
                }) {
                    let f = match f.payload() {
                        Some(Payload::ClassMethod(f)) => f.clone(),
                        _ => f,
                    };
                    self.call(&f, std::slice::from_ref(&cls_v))?;
                    break;
                }
            }
        }
        Ok(cls_v)
    }

    /// `__build_class__(func, name, *bases, **kwds)`.
    pub(crate) fn build_class(
        &mut self,
        func: &Value,
        name: &Value,
        bases: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        for (k, v) in kwargs {
            if k.as_str() == Some("metaclass") {
                let is_type = matches!(v, Value::Obj(o) if o.ptr_eq(&self.types.type_));
                if !is_type {
                    return Err(self.not_implemented("metaclasses are not supported by kaa yet"));
                }
            } else {
                return Err(
                    self.not_implemented("class keyword arguments are not supported by kaa yet")
                );
            }
        }
        let Some(fobj) = func.as_obj() else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let Payload::Function(f) = &fobj.payload else {
            return Err(self.type_error("__build_class__: func must be a function"));
        };
        let ns = Value::Obj(self.new_dict_obj());
        let mut frame = self.bind_function(fobj, f, &[], &[])?;
        frame.locals = Some(ns.clone());
        let cell = self.run_frame(frame)?;
        let bases_t = self.new_tuple(bases.to_vec());
        let cls = self.new_class(name, &bases_t, &ns)?;
        if let Some(Payload::Cell(c)) = cell.payload() {
            *c.borrow_mut() = Some(cls.clone());
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
