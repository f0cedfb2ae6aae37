//! Exceptions: `PyErr` (a raised Python exception object), the payload of
//! exception instances, and the constructors the VM uses to raise
//! CPython's built-in errors with CPython's messages.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::code::CodeInfo;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A raised Python exception.
#[derive(Clone, Debug)]
pub struct PyErr {
    /// The exception instance.
    pub exc: ObjRef,
}

/// The result of anything that can raise.
pub type PyResult<T> = Result<T, PyErr>;

/// One traceback entry: a code object and the instruction that was running.
#[derive(Clone)]
pub struct TbEntry {
    /// The frame's code.
    pub code: Rc<CodeInfo>,
    /// The code unit index of the instruction (f_lasti / 2).
    pub lasti: usize,
    /// The frame's globals (for NameError suggestions).
    pub globals: Option<ObjRef>,
}

/// The data of an exception instance.
pub struct ExceptionData {
    /// `args` (a tuple).
    pub args: RefCell<Value>,
    /// The traceback: entries are pushed as the exception passes through
    /// each frame, so the innermost frame comes first.
    pub traceback: RefCell<Vec<TbEntry>>,
    /// `__cause__`.
    pub cause: RefCell<Value>,
    /// `__context__`.
    pub context: RefCell<Value>,
    /// `__suppress_context__`.
    pub suppress_context: Cell<bool>,
    /// `__notes__` and other attributes set on built-in exceptions.
    pub attrs: RefCell<Vec<(String, Value)>>,
}

impl ExceptionData {
    /// Fresh data with these args.
    pub fn new(args: Value) -> ExceptionData {
        ExceptionData {
            args: RefCell::new(args),
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(Value::None),
            context: RefCell::new(Value::None),
            suppress_context: Cell::new(false),
            attrs: RefCell::new(Vec::new()),
        }
    }
}

/// The exception data of an exception object.
pub fn exc_data(o: &ObjRef) -> Option<&ExceptionData> {
    match &o.payload {
        Payload::Exception(d) => Some(d),
        _ => None,
    }
}

impl PyErr {
    /// The exception as a value.
    pub fn value(&self) -> Value {
        Value::Obj(self.exc.clone())
    }

    /// The exception's data.
    pub fn data(&self) -> Option<&ExceptionData> {
        exc_data(&self.exc)
    }

    /// The class name (`type(e).__name__`).
    pub fn type_name(&self) -> String {
        match &self.exc.class {
            Some(c) => crate::types::type_data(c).map_or(String::new(), |d| d.name.clone()),
            None => "type".to_string(),
        }
    }
}

impl Vm {
    /// A new exception instance of class `cls` with `args`.
    pub fn new_exception(&self, cls: &ObjRef, args: Vec<Value>) -> ObjRef {
        let args = self.new_tuple(args);
        let dict = self.new_dict_obj();
        ObjRef::with_dict(
            cls.clone(),
            Payload::Exception(ExceptionData::new(args)),
            dict,
        )
    }

    /// The built-in exception class called `name`.
    pub fn exc_type(&self, name: &str) -> ObjRef {
        match self.types.exc.get(name) {
            Some(t) => t.clone(),
            None => self.types.exc["SystemError"].clone(),
        }
    }

    /// An error of built-in class `name` with one message argument.
    pub fn new_error(&self, name: &str, msg: impl Into<String>) -> PyErr {
        let cls = self.exc_type(name);
        let m = self.new_str(&msg.into());
        PyErr {
            exc: self.new_exception(&cls, vec![m]),
        }
    }

    /// An error of built-in class `name` with these args.
    pub fn new_error_args(&self, name: &str, args: Vec<Value>) -> PyErr {
        let cls = self.exc_type(name);
        PyErr {
            exc: self.new_exception(&cls, args),
        }
    }

    /// `TypeError(msg)`.
    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("TypeError", msg)
    }

    /// `ValueError(msg)`.
    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("ValueError", msg)
    }

    /// `IndexError(msg)`.
    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("IndexError", msg)
    }

    /// `KeyError(key)`.
    pub fn key_error(&self, key: Value) -> PyErr {
        self.new_error_args("KeyError", vec![key])
    }

    /// `AttributeError(msg)`.
    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("AttributeError", msg)
    }

    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("ZeroDivisionError", msg)
    }

    /// `OverflowError(msg)`.
    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("OverflowError", msg)
    }

    /// `RuntimeError(msg)`.
    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("RuntimeError", msg)
    }

    /// `SystemError(msg)`.
    pub fn system_error(&self, msg: impl Into<String>) -> PyErr {
        self.new_error("SystemError", msg)
    }

    /// `NotImplementedError(msg)` naming a missing kaa feature.
    pub fn not_implemented(&self, what: impl Into<String>) -> PyErr {
        self.new_error("NotImplementedError", what)
    }

    /// `StopIteration(value)` (no args for None).
    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.new_error_args("StopIteration", args)
    }

    /// Whether the error is an instance of the built-in class `name`.
    pub fn err_matches(&self, err: &PyErr, name: &str) -> bool {
        match (&err.exc.class, self.types.exc.get(name)) {
            (Some(c), Some(t)) => crate::types::is_subtype(c, t),
            _ => false,
        }
    }

    /// `e.__traceback__`: a traceback object, or None before it is raised.
    pub(crate) fn traceback_of(&self, exc: &Value) -> Value {
        crate::tbobject::traceback_of(self, exc)
    }

    /// The args tuple's items of an exception.
    pub fn exc_args(&self, exc: &ObjRef) -> Vec<Value> {
        exc_data(exc)
            .and_then(|d| d.args.borrow().as_tuple().map(|t| t.to_vec()))
            .unwrap_or_default()
    }
}
