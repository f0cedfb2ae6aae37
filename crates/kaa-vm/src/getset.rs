//! Read-only data attributes of built-in types (CPython's getset and
//! member descriptors, e.g. `memoryview.nbytes`, `slice.start`): a
//! `property` whose getter is a built-in function.

use crate::native::NativeFn;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// Installs each `("type.name(self, /)", getter)` of `getters` into `t`'s
/// dict as a read-only property named `name`.
pub fn install_getters(vm: &Vm, t: &ObjRef, getters: &[(&str, NativeFn)]) {
    let Some(d) = crate::types::type_data(t) else {
        return;
    };
    for (sig, f) in getters {
        let getter = crate::builtins::make_builtin(vm, sig, *f);
        let raw = sig.split('(').next().unwrap_or("");
        let name = raw.rsplit('.').next().unwrap_or(raw);
        let prop = Value::Obj(ObjRef::new(
            vm.types.property.clone(),
            Payload::Property(Box::new([getter, Value::None, Value::None])),
        ));
        d.set_own(vm.new_str(name), prop);
    }
}
