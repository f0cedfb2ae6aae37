//! Functions defined in Python: `Function` (code, globals, defaults,
//! closure...) and MAKE_FUNCTION.

use std::cell::RefCell;
use std::rc::Rc;

use crate::code::CodeInfo;
use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A Python function object's data.
pub struct Function {
    /// `__code__`.
    pub code: Rc<CodeInfo>,
    /// `__globals__`.
    pub globals: ObjRef,
    /// `__name__`.
    pub name: RefCell<String>,
    /// `__qualname__`.
    pub qualname: RefCell<String>,
    /// `__defaults__` items.
    pub defaults: Vec<Value>,
    /// `__kwdefaults__` (a dict) if any.
    pub kwdefaults: Option<ObjRef>,
    /// `__closure__` cells.
    pub closure: Vec<Value>,
    /// `__annotations__`: a dict, or MAKE_FUNCTION's flat tuple of name,
    /// value pairs until first read (then the dict it becomes); None
    /// until read or after `None` is assigned (a read then makes `{}`).
    pub annotations: RefCell<Option<Value>>,
    /// `__dict__` for attributes set on the function.
    pub attrs: RefCell<Option<ObjRef>>,
    /// `__doc__`.
    pub doc: Value,
    /// `__module__`.
    pub module: Value,
}

/// The function data of a function object.
pub fn func_data(o: &ObjRef) -> Option<&Function> {
    match &o.payload {
        Payload::Function(f) => Some(f),
        _ => None,
    }
}

impl Vm {
    /// MAKE_FUNCTION: `code` plus the parts its flags say are on the stack.
    pub(crate) fn make_function(
        &mut self,
        code: &Value,
        globals: &ObjRef,
        defaults: Option<Value>,
        kwdefaults: Option<Value>,
        annotations: Option<Value>,
        closure: Option<Value>,
    ) -> PyResult<Value> {
        let Some(Payload::Code(info)) = code.payload() else {
            return Err(self.system_error("MAKE_FUNCTION expects a code object"));
        };
        let info = info.clone();
        let doc = match info.consts.first() {
            Some(v) if v.as_str().is_some() && info.obj.flags & 0x20 == 0 => v.clone(),
            _ => Value::None,
        };
        let doc = if info.obj.code.is_empty() {
            Value::None
        } else {
            doc
        };
        let module = crate::dict::dict_get_str(globals, "__name__").unwrap_or(Value::None);
        let f = Function {
            name: RefCell::new(info.name.clone()),
            qualname: RefCell::new(info.qualname.clone()),
            globals: globals.clone(),
            defaults: defaults
                .and_then(|d| d.as_tuple().map(|t| t.to_vec()))
                .unwrap_or_default(),
            kwdefaults: kwdefaults.and_then(|d| d.as_obj().cloned()),
            closure: closure
                .and_then(|c| c.as_tuple().map(|t| t.to_vec()))
                .unwrap_or_default(),
            annotations: RefCell::new(annotations),
            attrs: RefCell::new(None),
            doc,
            module,
            code: info,
        };
        Ok(Value::Obj(ObjRef::new(
            self.types.function.clone(),
            Payload::Function(Box::new(f)),
        )))
    }
}
