//! Calling: binding arguments to a Python function's parameters (with
//! every TypeError CPython 3.11 raises for a bad call), and dispatch of a
//! call to functions, built-ins, bound methods, classes and instances with
//! `__call__`.

use kaa_bytecode::code::{
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS,
};

use crate::exceptions::PyResult;
use crate::frame::Frame;
use crate::function::Function;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'" (ceval's format_missing).
fn name_list(names: &[String]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

/// A function's `__qualname__`, read when an error message is formatted.
struct Qual<'a>(&'a std::cell::RefCell<String>);

impl std::fmt::Display for Qual<'_> {
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str(&self.0.borrow())
    }
}

impl Vm {
    /// A frame for calling the Python function `func` with these arguments.
    pub(crate) fn bind_function(
        &mut self,
        fobj: &ObjRef,
        f: &Function,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Frame> {
        let code = &f.code;
        let co = &code.obj;
        let argc = co.argcount as usize;
        let posonly = co.posonlyargcount as usize;
        let kwonly = co.kwonlyargcount as usize;
        let has_varargs = co.flags & CO_VARARGS != 0;
        let has_varkw = co.flags & CO_VARKEYWORDS != 0;
        // Fast path (CPython's "simple" argument binding): exactly the
        // positional parameters, no keywords, no */** parameters.
        if kwargs.is_empty()
            && pos.len() == argc
            && kwonly == 0
            && !has_varargs
            && !has_varkw
            && argc <= code.varnames.len()
        {
            let mut frame = Frame::pooled(
                &mut self.frame_pool,
                code.clone(),
                f.globals.clone(),
                None,
                Some(fobj.clone()),
            );
            for (slot, v) in frame.fast.iter_mut().zip(pos) {
                *slot = Some(v.clone());
            }
            return Ok(frame);
        }
        // Only formatted into an error message (no String copy per call).
        let qual = Qual(&f.qualname);
        // A malformed code object must not make the indexing below panic.
        let needed = argc + kwonly + has_varargs as usize + has_varkw as usize;
        if needed > code.varnames.len() || posonly > argc {
            return Err(self.system_error(format!(
                "code object of {qual}() has inconsistent argument counts"
            )));
        }
        let mut frame = Frame::pooled(
            &mut self.frame_pool,
            code.clone(),
            f.globals.clone(),
            None,
            Some(fobj.clone()),
        );
        let fast = &mut frame.fast;
        let n = pos.len();
        for (i, v) in pos.iter().take(argc).enumerate() {
            fast[i] = Some(v.clone());
        }
        let mut slot = argc + kwonly;
        if has_varargs {
            let extra = if n > argc {
                pos[argc..].to_vec()
            } else {
                Vec::new()
            };
            fast[slot] = Some(self.new_tuple(extra));
            slot += 1;
        } else if n > argc {
            let ndefs = f.defaults.len();
            let kw_given = kwargs
                .iter()
                .filter(|(k, _)| {
                    let k = k.as_str().unwrap_or("");
                    code.varnames[argc..argc + kwonly]
                        .iter()
                        .any(|v| v.as_str() == Some(k))
                })
                .count();
            let takes = if ndefs > 0 {
                format!("from {} to {}", argc - ndefs.min(argc), argc)
            } else {
                argc.to_string()
            };
            let s = if argc == 1 && ndefs == 0 { "" } else { "s" };
            let msg = if kw_given > 0 {
                format!(
                    "{qual}() takes {takes} positional argument{s} but {n} positional argument{} (and {kw_given} keyword-only argument{}) were given",
                    if n == 1 { "" } else { "s" },
                    if kw_given == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{qual}() takes {takes} positional argument{s} but {n} {} given",
                    if n == 1 { "was" } else { "were" }
                )
            };
            return Err(self.type_error(msg));
        }
        let kwdict = if has_varkw {
            let d = self.new_dict_obj();
            fast[slot] = Some(Value::Obj(d.clone()));
            Some(d)
        } else {
            None
        };
        let mut posonly_as_kw = Vec::new();
        for (k, v) in kwargs {
            let kname = k.as_str().unwrap_or("");
            // Interned names match by identity first (CPython's fast
            // pointer scan in positional_or_keyword binding).
            let names = &code.varnames[..argc + kwonly];
            let found = names
                .iter()
                .position(|vn| vn.is(k))
                .or_else(|| names.iter().position(|vn| vn.as_str() == Some(kname)));
            match found {
                Some(i) if i >= posonly => {
                    if frame.fast[i].is_some() {
                        return Err(self.type_error(format!(
                            "{qual}() got multiple values for argument '{kname}'"
                        )));
                    }
                    frame.fast[i] = Some(v.clone());
                }
                other => match &kwdict {
                    Some(d) => {
                        crate::dict::dict_set(self, d, k.clone(), v.clone())?;
                    }
                    None => {
                        if other.is_some() {
                            posonly_as_kw.push(kname.to_string());
                            continue;
                        }
                        return Err(self.type_error(format!(
                            "{qual}() got an unexpected keyword argument '{kname}'"
                        )));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }
        // Defaults for the last positional parameters.
        let ndefs = f.defaults.len();
        let first_def = argc.saturating_sub(ndefs);
        let mut missing = Vec::new();
        for i in 0..argc {
            if frame.fast[i].is_none() {
                if i >= first_def {
                    frame.fast[i] = f.defaults.get(i - first_def).cloned();
                } else {
                    missing.push(code.varnames[i].as_str().unwrap_or("").to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required positional argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        for i in argc..argc + kwonly {
            if frame.fast[i].is_none() {
                let name = code.varnames[i].as_str().unwrap_or("").to_string();
                if let Some(kd) = &f.kwdefaults {
                    if let Some(v) = crate::dict::dict_get_str(kd, &name) {
                        frame.fast[i] = Some(v);
                        continue;
                    }
                }
                missing.push(name);
            }
        }
        if !missing.is_empty() {
            return Err(self.type_error(format!(
                "{qual}() missing {} required keyword-only argument{}: {}",
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            )));
        }
        Ok(frame)
    }

    /// For CALL: a frame to push when `callable` is a plain Python function
    /// (not a generator); None when the call must go through
    /// [`Vm::call_with_kwargs`].
    pub(crate) fn prepare_call(
        &mut self,
        callable: &Value,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Option<Frame>> {
        if let Value::Obj(o) = callable {
            if let Payload::Function(f) = &o.payload {
                if f.code.obj.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) == 0 {
                    return self.bind_function(o, f, pos, kwargs).map(Some);
                }
            }
        }
        Ok(None)
    }

    /// `callable(*args)`.
    pub fn call(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call_with_kwargs(callable, args, &[])
    }

    /// `callable(*pos, **kwargs)`.
    pub fn call_with_kwargs(
        &mut self,
        callable: &Value,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<Value> {
        let Value::Obj(o) = callable else {
            return Err(self.not_callable(callable));
        };
        match &o.payload {
            Payload::Function(f) => {
                let frame = self.bind_function(o, f, pos, kwargs)?;
                if f.code.obj.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0 {
                    return Ok(self.new_generator(frame));
                }
                self.run_frame(frame)
            }
            Payload::Builtin(b) => {
                if b.sig.has_self {
                    let Some((this, rest)) = pos.split_first() else {
                        return Err(self.type_error(format!(
                            "unbound method {}() needs an argument",
                            b.sig.qualname
                        )));
                    };
                    crate::native::call_native(self, &b.sig, b.func, this.clone(), rest, kwargs)
                } else {
                    crate::native::call_native(self, &b.sig, b.func, Value::None, pos, kwargs)
                }
            }
            Payload::BoundMethod(bm) => {
                let mut a = Vec::with_capacity(pos.len() + 1);
                a.push(bm.1.clone());
                a.extend_from_slice(pos);
                let f = bm.0.clone();
                self.call_with_kwargs(&f, &a, kwargs)
            }
            Payload::Type(_) => self.call_type(o, pos, kwargs),
            Payload::StaticMethod(f) => {
                let f = f.clone();
                self.call_with_kwargs(&f, pos, kwargs)
            }
            _ => {
                if let Some(m) = self.user_method(callable, "__call__") {
                    let mut a = Vec::with_capacity(pos.len() + 1);
                    a.push(callable.clone());
                    a.extend_from_slice(pos);
                    return self.call_with_kwargs(&m, &a, kwargs);
                }
                Err(self.not_callable(callable))
            }
        }
    }

    fn not_callable(&self, v: &Value) -> crate::exceptions::PyErr {
        self.type_error(format!("'{}' object is not callable", self.type_name(v)))
    }

    /// CALL_FUNCTION_EX: `f(*args, **kwargs)`.
    pub(crate) fn call_ex(
        &mut self,
        f: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let pos = match args.as_tuple() {
            Some(t) => t.to_vec(),
            None => match self.collect(args) {
                Ok(v) => v,
                Err(e) if self.err_matches(&e, "TypeError") && self.get_iter(args).is_err() => {
                    let fs = self.function_str(f);
                    return Err(self.type_error(format!(
                        "{fs} argument after * must be an iterable, not {}",
                        self.type_name(args)
                    )));
                }
                Err(e) => return Err(e),
            },
        };
        let mut kw = Vec::new();
        if let Some(Value::Obj(d)) = kwargs {
            if let Payload::Dict(t) = &d.payload {
                for e in t.borrow().iter() {
                    kw.push((e.key.clone(), e.value.clone()));
                }
            }
        }
        self.call_with_kwargs(f, &pos, &kw)
    }

    /// A bound method of `f` to `this`.
    pub(crate) fn bind_method(&self, f: Value, this: Value) -> Value {
        // A built-in bound to its object is a builtin_function_or_method.
        let class = if matches!(f.payload(), Some(Payload::Builtin(_))) {
            self.types.builtin.clone()
        } else {
            self.types.method.clone()
        };
        Value::Obj(ObjRef::new(
            class,
            Payload::BoundMethod(Box::new((f, this))),
        ))
    }
}
