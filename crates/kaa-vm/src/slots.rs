//! `__slots__`: a class whose every class in the MRO declares slots has
//! instances without a `__dict__` (`Payload::Slots`, one value per slot),
//! and each slot is a member descriptor in its class
//! (`<member 'x' of 'P' objects>`), a data descriptor reading and writing
//! the instance's slot.

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// A member descriptor: the slot's name, its class's name and index.
pub struct MemberDescr {
    /// The slot name.
    pub name: String,
    /// `__name__` of the class that declared it.
    pub owner: String,
    /// Index into the instance's slot values.
    pub index: usize,
}

/// `member.__get__(obj)`: the slot's value, AttributeError when unset.
pub(crate) fn member_get(vm: &mut Vm, d: &Value, obj: &Value) -> PyResult<Value> {
    let Some(Payload::Member(m)) = d.payload() else {
        return Err(vm.type_error("not a member descriptor"));
    };
    if !applies(vm, d, m, obj) {
        return Err(descriptor_mismatch(vm, m, obj));
    }
    if let Some(Payload::Slots(vals)) = obj.payload() {
        if let Some(Some(v)) = vals.borrow().get(m.index) {
            return Ok(v.clone());
        }
    }
    Err(vm.no_attribute(obj, &m.name))
}

/// `member.__set__(obj, v)` / `member.__delete__(obj)` (v None).
pub(crate) fn member_set(vm: &mut Vm, d: &Value, obj: &Value, v: Option<Value>) -> PyResult<()> {
    let Some(Payload::Member(m)) = d.payload() else {
        return Err(vm.type_error("not a member descriptor"));
    };
    if !applies(vm, d, m, obj) {
        return Err(descriptor_mismatch(vm, m, obj));
    }
    if let Some(Payload::Slots(vals)) = obj.payload() {
        let mut vals = vals.borrow_mut();
        if let Some(slot) = vals.get_mut(m.index) {
            let deleting = v.is_none();
            let old = std::mem::replace(slot, v);
            drop(vals);
            if deleting && old.is_none() {
                // CPython's member_set: a bare AttributeError(name).
                return Err(vm.attribute_error(m.name.clone()));
            }
            drop(old);
            return Ok(());
        }
    }
    Err(descriptor_mismatch(vm, m, obj))
}

/// Whether member `d` belongs to a class in the MRO of `obj`'s class.
fn applies(vm: &Vm, d: &Value, m: &MemberDescr, obj: &Value) -> bool {
    let t = vm.type_of(obj);
    let Some(td) = crate::types::type_data(&t) else {
        return false;
    };
    std::iter::once(&t).chain(td.mro.iter()).any(|c| {
        crate::types::type_data(c)
            .and_then(|cd| cd.get_own(&m.name))
            .is_some_and(|v| v.is(d))
    })
}

fn descriptor_mismatch(vm: &Vm, m: &MemberDescr, obj: &Value) -> crate::exceptions::PyErr {
    vm.type_error(format!(
        "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
        m.name,
        m.owner,
        vm.type_name(obj)
    ))
}

/// The names a `__slots__` value declares (a str is one name).
pub(crate) fn slot_names(vm: &mut Vm, slots: &Value) -> PyResult<Vec<String>> {
    let items = if slots.as_str().is_some() {
        vec![slots.clone()]
    } else {
        vm.collect(slots)?
    };
    let mut out = Vec::new();
    for it in items {
        let Some(s) = it.as_str() else {
            return Err(vm.type_error(format!(
                "__slots__ items must be strings, not '{}'",
                vm.type_name(&it)
            )));
        };
        let ok = s
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && s.chars().all(|c| c == '_' || c.is_alphanumeric());
        if !ok {
            return Err(vm.type_error("__slots__ must be identifiers"));
        }
        out.push(s.to_string());
    }
    Ok(out)
}

/// A private slot name as the class body's code sees it (`_Py_Mangle`):
/// `__x` in class `C` is `_C__x`; dunders, dotted names and classes named
/// only with underscores are left alone.
pub(crate) fn mangle(class_name: &str, name: String) -> String {
    let stripped = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name;
    }
    format!("_{stripped}{name}")
}

/// repr of a member descriptor.
pub(crate) fn member_repr(m: &MemberDescr) -> String {
    format!("<member '{}' of '{}' objects>", m.name, m.owner)
}
