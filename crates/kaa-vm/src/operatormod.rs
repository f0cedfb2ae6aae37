//! `_kaa_operator`: the native `__call__` of `operator.itemgetter` and
//! `operator.attrgetter` (crates/kaa-vm/lib/operator.py declares the
//! types), so that they are fast as sort keys, as Modules/_operator.c's
//! `itemgetter_call` and `attrgetter_call` are. Each instance keeps its
//! state in its first slot `_s`:
//!
//! - itemgetter: `(single, item)` where item is the one key when single
//!   is true, else the tuple of keys
//! - attrgetter: a tuple with, per requested attribute, the tuple of its
//!   dotted parts (as strs)

use crate::builtins::make_builtin;
use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The state tuple of a getter (its slot `_s`).
fn state(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let slot = match this.payload() {
        Some(Payload::Slots(vals)) => vals.borrow().first().cloned().flatten(),
        _ => None,
    };
    let v = match slot {
        Some(v) => v,
        None => {
            let name = vm.new_str("_s");
            vm.get_attr(this, &name)?
        }
    };
    if v.as_tuple().is_some() {
        Ok(v)
    } else {
        Err(vm.type_error("operator getter has no valid state"))
    }
}

/// `itemgetter.__call__(obj, /)`: `obj[item]`, or the tuple of
/// `obj[i]` for each item.
fn itemgetter_call(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = state(vm, &a.this)?;
    let parts = st.as_tuple().unwrap_or(&[]);
    let single = matches!(parts.first(), Some(Value::Bool(true)));
    let item = parts.get(1).cloned().unwrap_or(Value::None);
    let obj = a.arg(0);
    if single {
        return vm.get_item(obj, &item);
    }
    let keys: Vec<Value> = item.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut out = Vec::with_capacity(keys.len());
    for k in &keys {
        out.push(vm.get_item(obj, k)?);
    }
    Ok(vm.new_tuple(out))
}

/// One dotted attribute path from `obj`.
fn dotted(vm: &mut Vm, obj: &Value, path: &Value) -> PyResult<Value> {
    let names: Vec<Value> = path.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let mut o = obj.clone();
    for n in &names {
        o = vm.get_attr(&o, n)?;
    }
    Ok(o)
}

/// `attrgetter.__call__(obj, /)`: the (dotted) attribute, or the tuple
/// of them.
fn attrgetter_call(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = state(vm, &a.this)?;
    let paths: Vec<Value> = st.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
    let obj = a.arg(0);
    if let [one] = paths.as_slice() {
        return dotted(vm, obj, one);
    }
    let mut out = Vec::with_capacity(paths.len());
    for p in &paths {
        out.push(dotted(vm, obj, p)?);
    }
    Ok(vm.new_tuple(out))
}

/// Makes the `_kaa_operator` module.
pub fn kaa_operator_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        (
            "itemgetter_call",
            make_builtin(vm, "__call__($self, obj, /)", itemgetter_call),
        ),
        (
            "attrgetter_call",
            make_builtin(vm, "__call__($self, obj, /)", attrgetter_call),
        ),
    ];
    crate::module::new_native_module(vm, "_kaa_operator", None, values, &[])
}
