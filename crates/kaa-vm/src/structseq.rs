//! Struct sequences (CPython's Objects/structseq.c: `sys.version_info`,
//! `sys.float_info`): tuples whose items are also named attributes, with
//! the repr `sys.version_info(major=3, ...)`; and `types.SimpleNamespace`
//! objects as `sys.implementation` uses them (`namespace(name='kaa', ...)`).

use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::types::{new_builtin_type, type_data, Layout};
use crate::value::Value;
use crate::vm::Vm;

/// The class-dict key holding a struct sequence's field names.
const FIELDS_KEY: &str = "__match_args__";
/// The class-dict key marking a SimpleNamespace-like class.
const NAMESPACE_KEY: &str = "__kaa_namespace__";

/// A struct-sequence type named `qualname` (e.g. `sys.version_info`) with
/// these fields (`n_fields`, `n_sequence_fields`, `__match_args__`).
pub(crate) fn structseq_type(vm: &Vm, qualname: &str, fields: &[&str]) -> ObjRef {
    let t = new_builtin_type(qualname, Some(&vm.types.tuple), Layout::Other, false);
    if let Some(td) = type_data(&t) {
        let names = fields.iter().map(|f| vm.new_str(f)).collect();
        td.set_own(vm.new_str(FIELDS_KEY), vm.new_tuple(names));
        let n = Value::Int(fields.len() as i64);
        td.set_own(vm.new_str("n_fields"), n.clone());
        td.set_own(vm.new_str("n_sequence_fields"), n);
        td.set_own(vm.new_str("n_unnamed_fields"), Value::Int(0));
    }
    t
}

/// An instance of struct-sequence type `t` holding `values` (one per
/// field, in order).
pub(crate) fn new_structseq(vm: &Vm, t: &ObjRef, values: Vec<Value>) -> Value {
    let d = vm.new_dict_obj();
    for (name, v) in field_names(t).iter().zip(values.iter()) {
        crate::dict::dict_set_simple(vm, &d, vm.new_str(name), v.clone());
    }
    Value::Obj(ObjRef::with_dict(
        t.clone(),
        Payload::Tuple(values.into_boxed_slice()),
        d,
    ))
}

/// The field names of a struct-sequence type (empty for other types).
fn field_names(t: &ObjRef) -> Vec<String> {
    crate::types::lookup(t, FIELDS_KEY)
        .as_ref()
        .and_then(|v| v.as_tuple())
        .map(|items| {
            items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A `types.SimpleNamespace`-like object with these attributes.
pub(crate) fn new_namespace(vm: &Vm, attrs: Vec<(&str, Value)>) -> Value {
    let t = new_builtin_type(
        "types.SimpleNamespace",
        Some(&vm.types.object),
        Layout::Other,
        false,
    );
    if let Some(td) = type_data(&t) {
        td.set_own(vm.new_str(NAMESPACE_KEY), Value::Bool(true));
    }
    let d = vm.new_dict_obj();
    for (k, v) in attrs {
        crate::dict::dict_set_simple(vm, &d, vm.new_str(k), v);
    }
    Value::Obj(ObjRef::with_dict(t, Payload::Plain, d))
}

/// Whether `o` is a namespace made by [`new_namespace`].
pub(crate) fn is_namespace(o: &ObjRef) -> bool {
    o.dict.is_some()
        && matches!(o.payload, Payload::Plain)
        && o.class
            .as_ref()
            .is_some_and(|c| crate::types::lookup(c, NAMESPACE_KEY).is_some())
}

impl Vm {
    /// The repr of a struct sequence (`sys.version_info(major=3, ...)`) or
    /// a namespace (`namespace(name='kaa', ...)`); None for other values.
    pub(crate) fn structseq_repr(&mut self, v: &Value) -> PyResult<Option<String>> {
        let Value::Obj(o) = v else {
            return Ok(None);
        };
        let Some(class) = &o.class else {
            return Ok(None);
        };
        match &o.payload {
            Payload::Tuple(items) if !class.ptr_eq(&self.types.tuple) => {
                let names = field_names(class);
                if names.is_empty() {
                    return Ok(None);
                }
                let tname = type_data(class).map_or(String::new(), |d| d.qualname.clone());
                let mut parts = Vec::with_capacity(items.len());
                for (n, item) in names.iter().zip(items.iter()) {
                    parts.push(format!("{n}={}", self.repr_of(item)?));
                }
                Ok(Some(format!("{tname}({})", parts.join(", "))))
            }
            Payload::Plain if is_namespace(o) => {
                let Some(d) = &o.dict else {
                    return Ok(None);
                };
                let mut parts = Vec::new();
                for (k, val) in crate::dict::dict_items(d) {
                    let k = k.as_str().unwrap_or("").to_string();
                    parts.push(format!("{k}={}", self.repr_of(&val)?));
                }
                Ok(Some(format!("namespace({})", parts.join(", "))))
            }
            _ => Ok(None),
        }
    }
}
