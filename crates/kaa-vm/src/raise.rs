//! Raising and catching: name lookups that raise NameError, `raise X
//! from Y`, except-clause matching, and the `with` statement's entry.

use crate::exceptions::{exc_data, PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `NameError: name 'x' is not defined`.
    pub(crate) fn name_error(&self, name: &Value) -> PyErr {
        let n = name.as_str().unwrap_or("?");
        let e = self.new_error("NameError", format!("name '{n}' is not defined"));
        if let Some(d) = e.data() {
            d.attrs.borrow_mut().push(("name".into(), name.clone()));
        }
        e
    }

    /// LOAD_GLOBAL: globals, then builtins.
    pub(crate) fn load_global(&mut self, globals: &ObjRef, name: &Value) -> PyResult<Value> {
        if let Some(v) = crate::dict::dict_get_name(globals, name) {
            return Ok(v);
        }
        if let Some(v) = crate::dict::dict_get_name(&self.builtins, name) {
            return Ok(v);
        }
        Err(self.name_error(name))
    }

    /// LOAD_NAME: locals, globals, builtins.
    pub(crate) fn load_name(
        &mut self,
        locals: Option<&Value>,
        globals: &ObjRef,
        name: &Value,
    ) -> PyResult<Value> {
        if let Some(l) = locals {
            if let Some(v) = self.mapping_get(l, name)? {
                return Ok(v);
            }
        }
        self.load_global(globals, name)
    }

    /// `m[key]` for a locals mapping, None when the key is missing.
    pub(crate) fn mapping_get(&mut self, m: &Value, key: &Value) -> PyResult<Option<Value>> {
        match m.as_obj() {
            Some(o) if matches!(o.payload, Payload::Dict(_)) => crate::dict::dict_get(self, o, key),
            _ => match self.get_item(m, key) {
                Ok(v) => Ok(Some(v)),
                Err(e) if self.err_matches(&e, "KeyError") => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// The exception to raise for `raise exc from cause`.
    pub(crate) fn make_raise(&mut self, exc: Value, cause: Option<Value>) -> PyErr {
        let e = match self.exception_instance(exc) {
            Ok(e) => e,
            Err(err) => return err,
        };
        if let Some(c) = cause {
            let c = if c.is_none() {
                Ok(Value::None)
            } else {
                self.exception_instance(c).map(|ce| ce.value())
            };
            match c {
                Ok(c) => {
                    if let Some(d) = e.data() {
                        *d.cause.borrow_mut() = c;
                        d.suppress_context.set(true);
                    }
                }
                Err(_) => {
                    return self.type_error("exception causes must derive from BaseException")
                }
            }
        }
        e
    }

    /// An exception instance from `raise X`: instances as they are,
    /// classes called with no arguments.
    pub(crate) fn exception_instance(&mut self, exc: Value) -> PyResult<PyErr> {
        let base = self.exc_type("BaseException");
        if let Value::Obj(o) = &exc {
            if exc_data(o).is_some() {
                return Ok(PyErr { exc: o.clone() });
            }
            if matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, &base) {
                let inst = self.call(&exc, &[])?;
                if let Value::Obj(i) = &inst {
                    if exc_data(i).is_some() {
                        return Ok(PyErr { exc: i.clone() });
                    }
                }
                let r = self.repr_of(&exc)?;
                return Err(self.type_error(format!(
                    "calling {} should have returned an instance of BaseException, not {}",
                    r,
                    self.type_name(&inst)
                )));
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// CHECK_EXC_MATCH: `isinstance(exc, t)` for except clauses.
    pub(crate) fn exception_matches(&mut self, exc: &Value, t: &Value) -> PyResult<bool> {
        let base = self.exc_type("BaseException");
        let types: Vec<Value> = match t.as_tuple() {
            Some(items) => items.to_vec(),
            None => vec![t.clone()],
        };
        for ty in &types {
            let ok = matches!(ty, Value::Obj(o) if matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, &base));
            if !ok {
                return Err(self.type_error(
                    "catching classes that do not inherit from BaseException is not allowed",
                ));
            }
        }
        let et = self.type_of(exc);
        Ok(types.iter().any(|ty| match ty {
            Value::Obj(o) => crate::types::is_subtype(&et, o),
            _ => false,
        }))
    }

    /// BEFORE_WITH: (bound `__exit__`, result of `__enter__()`).
    pub(crate) fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = self.type_of(mgr);
        let enter = crate::types::lookup(&t, "__enter__");
        let exit = crate::types::lookup(&t, "__exit__");
        let (Some(enter), Some(exit)) = (enter.clone(), exit) else {
            // CPython 3.11 names a missing __exit__ when __enter__ exists.
            let suffix = if enter.is_some() {
                " (missed __exit__ method)"
            } else {
                ""
            };
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol{suffix}",
                self.type_name(mgr)
            )));
        };
        let exit_bound = self.bind_method(exit, mgr.clone());
        let entered = self.call(&enter, std::slice::from_ref(mgr))?;
        Ok((exit_bound, entered))
    }
}
