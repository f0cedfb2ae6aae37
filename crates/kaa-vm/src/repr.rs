//! `repr()` and `str()` of every built-in object as CPython prints them,
//! including recursive containers (`[[...]]`), and `__repr__`/`__str__` of
//! classes defined in Python.

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `repr(v)`.
    pub fn repr_of(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::None => return Ok("None".into()),
            Value::Bool(b) => return Ok(if *b { "True" } else { "False" }.into()),
            Value::Int(i) => return Ok(i.to_string()),
            Value::Float(f) => return Ok(kaa_repr::repr_float(*f)),
            Value::Obj(_) => {}
        }
        if let Some(m) = self.user_method(v, "__repr__") {
            self.enter_native()?;
            let r = self.call_dunder(&m, v, &[]);
            self.leave();
            let r = r?;
            return match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(self.type_error(format!(
                    "__repr__ returned non-string (type {})",
                    self.type_name(&r)
                ))),
            };
        }
        let Value::Obj(o) = v else {
            return Ok(String::new());
        };
        if let Some(u) = crate::metaclass::union_repr(self, v)? {
            return Ok(u);
        }
        if let (Payload::Dict(t), Some(mp)) = (&o.payload, self.types.by_name.get("mappingproxy")) {
            if o.class.as_ref().is_some_and(|c| c.ptr_eq(mp)) {
                let d = self.new_dict_from(t.borrow().clone());
                return Ok(format!("mappingproxy({})", self.repr_of(&d)?));
            }
        }
        let id = o.id();
        Ok(match &o.payload {
            Payload::Str(s) => crate::strobj::repr(s),
            Payload::BigInt(b) => b.to_string(),
            Payload::Bytes(b) => kaa_repr::repr_bytes(b),
            Payload::ByteArray(_) | Payload::MemoryView(_) => crate::bytearray::repr(v),
            Payload::LongRange(_) => crate::rangeobj::repr(v),
            Payload::Complex(re, im) => crate::complex::complex_repr((*re, *im)),
            Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Dict(_)
            | Payload::Set(_)
            | Payload::FrozenSet(_)
            | Payload::DictView(_) => {
                return self.repr_container(v);
            }
            Payload::Range(r) => {
                if r.step == 1 {
                    format!("range({}, {})", r.start, r.stop)
                } else {
                    format!("range({}, {}, {})", r.start, r.stop, r.step)
                }
            }
            Payload::Slice(s) => {
                let parts = (**s).clone();
                format!(
                    "slice({}, {}, {})",
                    self.repr_of(&parts[0])?,
                    self.repr_of(&parts[1])?,
                    self.repr_of(&parts[2])?
                )
            }
            Payload::Function(f) => format!("<function {} at {:#x}>", f.qualname.borrow(), id),
            Payload::Builtin(b) => {
                let owner = b.sig.qualname.split('.').next().unwrap_or("");
                match crate::slotwrap::builtin_kind(self, v) {
                    "wrapper_descriptor" => {
                        format!("<slot wrapper '{}' of '{}' objects>", b.sig.name, owner)
                    }
                    "getset_descriptor" => {
                        format!("<attribute '{}' of '{}' objects>", b.sig.name, owner)
                    }
                    "member_descriptor" => {
                        format!("<member '{}' of '{}' objects>", b.sig.name, owner)
                    }
                    _ if b.sig.has_self => {
                        format!("<method '{}' of '{}' objects>", b.sig.name, owner)
                    }
                    // A type's __new__ is bound to the type.
                    _ if b.sig.name == "__new__" && owner != b.sig.qualname => {
                        format!("<built-in method __new__ of type object at {:#x}>", id)
                    }
                    _ => format!("<built-in function {}>", b.sig.name),
                }
            }
            Payload::Member(m) => crate::slots::member_repr(m),
            Payload::BoundMethod(bm) => {
                let (f, this) = (bm.0.clone(), bm.1.clone());
                let wrapper = self
                    .types
                    .by_name
                    .get("method-wrapper")
                    .is_some_and(|mw| o.class.as_ref().is_some_and(|c| c.ptr_eq(mw)));
                match f.payload() {
                    Some(Payload::Builtin(b)) if wrapper => format!(
                        "<method-wrapper '{}' of {} object at {:#x}>",
                        b.sig.name,
                        self.type_name(&this),
                        this.as_obj().map_or(0, |o| o.id())
                    ),
                    Some(Payload::Builtin(b)) => format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.sig.name,
                        self.type_name(&this),
                        this.as_obj().map_or(0, |o| o.id())
                    ),
                    Some(Payload::Function(fd)) => {
                        let q = fd.qualname.borrow().clone();
                        format!("<bound method {} of {}>", q, self.repr_of(&this)?)
                    }
                    _ => format!("<bound method of {}>", self.repr_of(&this)?),
                }
            }
            Payload::Type(d) => {
                if d.module == "builtins" {
                    format!("<class '{}'>", d.qualname)
                } else {
                    format!("<class '{}.{}'>", d.module, d.qualname)
                }
            }
            Payload::Module(_) => self.module_repr(o)?,
            Payload::Exception(_) => {
                let name = self.type_name(v);
                let args = self.exc_args(o);
                if args.len() == 1 {
                    format!("{}({})", name, self.repr_of(&args[0])?)
                } else {
                    let t = self.new_tuple(args);
                    let r = self.repr_of(&t)?;
                    if r == "()" {
                        format!("{name}()")
                    } else {
                        // Two or more args: the tuple's repr is `name(...)`'s.
                        let inner = r.strip_prefix('(').unwrap_or(&r);
                        let inner = inner.strip_suffix(')').unwrap_or(inner);
                        format!("{name}({inner})")
                    }
                }
            }
            Payload::Generator(g) => {
                let g = g.borrow();
                format!(
                    "<{} object {} at {:#x}>",
                    g.kind.type_name(),
                    g.qualname,
                    id
                )
            }
            Payload::Code(c) => format!(
                "<code object {} at {:#x}, file \"{}\", line {}>",
                c.name, id, c.filename, c.obj.firstlineno
            ),
            Payload::Cell(_) => format!("<cell at {:#x}>", id),
            Payload::Super(s) => {
                let n = type_data(&s.0).map_or(String::new(), |d| d.name.clone());
                format!(
                    "<super: <class '{}'>, <{} object>>",
                    n,
                    self.type_name(&s.1)
                )
            }
            Payload::Plain if v.is(&self.not_implemented) => "NotImplemented".into(),
            Payload::Plain if v.is(&self.ellipsis) => "Ellipsis".into(),
            Payload::Plain if crate::structseq::is_namespace(o) => {
                self.structseq_repr(v)?.unwrap_or_default()
            }
            _ => {
                let t = self.type_of(v);
                let d = type_data(&t);
                let (m, q) = d.map_or(("builtins".to_string(), String::new()), |d| {
                    (d.module.clone(), d.qualname.clone())
                });
                if m == "builtins" {
                    format!("<{} object at {:#x}>", q, id)
                } else {
                    format!("<{}.{} object at {:#x}>", m, q, id)
                }
            }
        })
    }

    /// repr of lists, tuples, dicts, sets and views, with the recursion
    /// guard CPython's Py_ReprEnter gives.
    fn repr_container(&mut self, v: &Value) -> PyResult<String> {
        let Value::Obj(o) = v else {
            return Ok(String::new());
        };
        let id = o.id();
        let tname = self.type_name(v);
        if self.repr_stack.contains(&id) {
            return Ok(match &o.payload {
                Payload::List(_) => "[...]".into(),
                Payload::Tuple(_) => "(...)".into(),
                Payload::Dict(_) => "{...}".into(),
                _ => format!("{tname}(...)"),
            });
        }
        if let Err(e) = self.enter() {
            let _ = e;
            return Err(self.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while getting the repr of an object",
            ));
        }
        self.repr_stack.push(id);
        let r = self.repr_container_inner(v, &tname);
        self.repr_stack.pop();
        self.leave();
        r
    }

    fn repr_container_inner(&mut self, v: &Value, tname: &str) -> PyResult<String> {
        let join = |vm: &mut Vm, items: &[Value]| -> PyResult<String> {
            let mut parts = Vec::with_capacity(items.len());
            for it in items {
                parts.push(vm.repr_of(it)?);
            }
            Ok(parts.join(", "))
        };
        let Some(p) = v.payload() else {
            return Ok(String::new());
        };
        if let Some(s) = self.structseq_repr(v)? {
            return Ok(s);
        }
        Ok(match p {
            Payload::List(l) => {
                let items = l.borrow().clone();
                format!("[{}]", join(self, &items)?)
            }
            Payload::Tuple(t) => {
                let items = t.to_vec();
                if items.len() == 1 {
                    format!("({},)", self.repr_of(&items[0])?)
                } else {
                    format!("({})", join(self, &items)?)
                }
            }
            Payload::Dict(_) => {
                let pairs = v.as_obj().map(crate::dict::dict_items).unwrap_or_default();
                let mut parts = Vec::with_capacity(pairs.len());
                for (k, val) in pairs {
                    parts.push(format!("{}: {}", self.repr_of(&k)?, self.repr_of(&val)?));
                }
                format!("{{{}}}", parts.join(", "))
            }
            Payload::Set(t) => {
                let items: Vec<Value> = t.borrow().iter().cloned().collect();
                if items.is_empty() {
                    format!("{tname}()")
                } else if tname == "set" {
                    format!("{{{}}}", join(self, &items)?)
                } else {
                    format!("{tname}({{{}}})", join(self, &items)?)
                }
            }
            Payload::FrozenSet(t) => {
                let items: Vec<Value> = t.iter().cloned().collect();
                if items.is_empty() {
                    format!("{tname}()")
                } else {
                    format!("{tname}({{{}}})", join(self, &items)?)
                }
            }
            Payload::DictView(dv) => {
                let pairs = crate::dict::dict_items(&dv.1);
                let items: Vec<Value> = match dv.0 {
                    0 => pairs.into_iter().map(|(k, _)| k).collect(),
                    1 => pairs.into_iter().map(|(_, v)| v).collect(),
                    _ => pairs
                        .into_iter()
                        .map(|(k, v)| self.new_tuple(vec![k, v]))
                        .collect(),
                };
                format!("{tname}([{}])", join(self, &items)?)
            }
            _ => String::new(),
        })
    }

    /// `str(v)`.
    pub fn str_of(&mut self, v: &Value) -> PyResult<String> {
        if let Some(m) = self.user_method(v, "__str__") {
            let r = self.call_dunder(&m, v, &[])?;
            return match r.as_str() {
                Some(s) => Ok(s.to_string()),
                None => Err(self.type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(&r)
                ))),
            };
        }
        match v.payload() {
            Some(Payload::Str(s)) => Ok(s.as_str().to_string()),
            Some(Payload::Exception(_)) => {
                if let Some(s) = v.as_obj().and_then(|o| self.syntax_error_str(o)) {
                    return Ok(s);
                }
                if self.user_method(v, "__repr__").is_some()
                    && self.user_method(v, "__str__").is_none()
                {
                    // BaseException.__str__ is still used.
                }
                let o = v.as_obj().cloned();
                let args = o.map(|o| self.exc_args(&o)).unwrap_or_default();
                let is_key_error = self.isinstance(v, &self.exc_type("KeyError"));
                if self.isinstance(v, &self.exc_type("BaseExceptionGroup")) && args.len() == 2 {
                    // BaseExceptionGroup.__str__: "msg (2 sub-exceptions)".
                    let msg = self.str_of(&args[0])?;
                    let n = self.len(&args[1])?;
                    return Ok(format!(
                        "{msg} ({n} sub-exception{})",
                        if n == 1 { "" } else { "s" }
                    ));
                }
                if let Some(s) = crate::excattrs::exc_str(self, v)? {
                    return Ok(s);
                }
                match args.len() {
                    0 => Ok(String::new()),
                    1 if is_key_error => self.repr_of(&args[0]),
                    1 => self.str_of(&args[0]),
                    _ => {
                        let t = self.new_tuple(args);
                        self.repr_of(&t)
                    }
                }
            }
            _ => self.repr_of(v),
        }
    }
}
