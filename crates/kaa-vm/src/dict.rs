//! `dict`: lookups with Python-level key equality resolved outside any
//! borrow of the table, the dict methods, and dict views.

use crate::dicttable::DictTable;
use crate::exceptions::PyResult;
use crate::hash::{is_simple, simple_eq};
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::strobj::str_hash;
use crate::value::Value;
use crate::vm::Vm;

fn table(d: &ObjRef) -> Option<&std::cell::RefCell<DictTable>> {
    match &d.payload {
        Payload::Dict(t) => Some(t),
        _ => None,
    }
}

/// The stored key equal to `key` (calling `__eq__` where needed).
fn resolve(vm: &mut Vm, d: &ObjRef, key: &Value, hash: i64) -> PyResult<Option<Value>> {
    let Some(t) = table(d) else { return Ok(None) };
    let cands = t.borrow().candidates(hash);
    for c in cands {
        if c.is(key) {
            return Ok(Some(c));
        }
        let eq = match simple_eq(&c, key) {
            Some(b) => b,
            None => vm.eq(&c, key)?,
        };
        if eq {
            return Ok(Some(c));
        }
    }
    Ok(None)
}

/// Key equality for a probe whose own `==` runs no Python code: a stored
/// key that needs Python-level `==` (an int or str subclass instance, say)
/// counts as different and sets `undecided`, so that the caller redoes the
/// lookup with [`resolve`].
pub(crate) fn simple_match(k: &Value, key: &Value, undecided: &mut bool) -> bool {
    if k.is(key) {
        return true;
    }
    match simple_eq(k, key) {
        Some(b) => b,
        None => {
            *undecided = true;
            false
        }
    }
}

/// `d.get(key)`.
pub fn dict_get(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    let Some(t) = table(d) else { return Ok(None) };
    if is_simple(key) {
        let mut undecided = false;
        let found = t
            .borrow()
            .get(hash, &mut |k| simple_match(k, key, &mut undecided))
            .cloned();
        if found.is_some() || !undecided {
            return Ok(found);
        }
    }
    match resolve(vm, d, key, hash)? {
        Some(stored) => Ok(t.borrow().get(hash, &mut |k| k.is(&stored)).cloned()),
        None => Ok(None),
    }
}

/// `d[key] = value`.
pub fn dict_set(vm: &mut Vm, d: &ObjRef, key: Value, value: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    let Some(t) = table(d) else { return Ok(()) };
    if is_simple(&key) {
        let k2 = key.clone();
        let mut undecided = false;
        let old = t.borrow_mut().insert(hash, key, value, &mut |k| {
            simple_match(k, &k2, &mut undecided)
        });
        if old.is_some() || !undecided {
            return Ok(());
        }
        // A stored key needs Python's `==`: take the new entry back out and
        // insert through the full comparison.
        let e = t.borrow_mut().remove(hash, &mut |k| k.is(&k2));
        return match e {
            Some(e) => dict_set_resolved(vm, d, e.key, e.value, hash),
            None => Ok(()),
        };
    }
    dict_set_resolved(vm, d, key, value, hash)
}

/// `d[key] = value` comparing keys with Python's `==`.
fn dict_set_resolved(vm: &mut Vm, d: &ObjRef, key: Value, value: Value, hash: i64) -> PyResult<()> {
    let Some(t) = table(d) else { return Ok(()) };
    let stored = resolve(vm, d, &key, hash)?;
    match stored {
        Some(s) => {
            t.borrow_mut().insert(hash, key, value, &mut |k| k.is(&s));
        }
        None => {
            t.borrow_mut().insert(hash, key, value, &mut |_| false);
        }
    }
    Ok(())
}

/// `d[key] = value` for keys whose hash needs no Python code.
pub fn dict_set_simple(_vm: &Vm, d: &ObjRef, key: Value, value: Value) {
    let hash = crate::vm::simple_hash(&key);
    if let Some(t) = table(d) {
        let k2 = key.clone();
        t.borrow_mut().insert(hash, key, value, &mut |k| {
            k.is(&k2) || simple_eq(k, &k2).unwrap_or(false)
        });
    }
}

/// `del d[key]`; false when missing.
pub fn dict_del(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<bool> {
    Ok(dict_pop(vm, d, key)?.is_some())
}

/// `d.pop(key)`, None when missing.
pub fn dict_pop(vm: &mut Vm, d: &ObjRef, key: &Value) -> PyResult<Option<Value>> {
    let hash = vm.hash(key)?;
    let Some(t) = table(d) else { return Ok(None) };
    if is_simple(key) {
        let mut undecided = false;
        let e = t
            .borrow_mut()
            .remove(hash, &mut |k| simple_match(k, key, &mut undecided));
        if e.is_some() || !undecided {
            return Ok(e.map(|e| e.value));
        }
    }
    let Some(s) = resolve(vm, d, key, hash)? else {
        return Ok(None);
    };
    Ok(t.borrow_mut()
        .remove(hash, &mut |k| k.is(&s))
        .map(|e| e.value))
}

/// `d[name]` for a str key (globals, class dicts).
pub fn dict_get_str(d: &ObjRef, name: &str) -> Option<Value> {
    let t = table(d)?;
    let h = str_hash(name);
    t.borrow()
        .get(h, &mut |k| k.as_str() == Some(name))
        .cloned()
}

/// `d[name]` for a str value key, using its cached hash (LOAD_GLOBAL).
pub fn dict_get_name(d: &ObjRef, name: &Value) -> Option<Value> {
    let t = table(d)?;
    let Some(Payload::Str(sd)) = name.payload() else {
        return None;
    };
    let h = sd.hash();
    let text = sd.as_str();
    t.borrow()
        .get(h, &mut |k| k.is(name) || k.as_str() == Some(text))
        .cloned()
}

/// `len(d)`.
pub fn dict_len(d: &ObjRef) -> usize {
    table(d).map_or(0, |t| t.borrow().len())
}

/// The (key, value) pairs of a dict, in order.
pub fn dict_items(d: &ObjRef) -> Vec<(Value, Value)> {
    table(d).map_or(Vec::new(), |t| {
        t.borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    })
}

/// `d.copy()`.
pub fn dict_copy(vm: &mut Vm, d: &Value) -> PyResult<Value> {
    match d.payload() {
        Some(Payload::Dict(t)) => Ok(vm.new_dict_from(t.borrow().clone())),
        _ => Err(vm.type_error("expected a dict")),
    }
}

/// `a == b` for dicts.
pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Some(ao), Some(bo)) = (a.as_obj(), b.as_obj()) else {
        return Ok(false);
    };
    if dict_len(ao) != dict_len(bo) {
        return Ok(false);
    }
    for (k, v) in dict_items(ao) {
        match dict_get(vm, bo, &k)? {
            Some(w) => {
                if !(v.is(&w) || vm.eq(&v, &w)?) {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `x in view`.
pub fn view_contains(vm: &mut Vm, kind: u8, d: &ObjRef, x: &Value) -> PyResult<bool> {
    match kind {
        0 => Ok(dict_get(vm, d, x)?.is_some()),
        1 => {
            for (_, v) in dict_items(d) {
                if v.is(x) || vm.eq(&v, x)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            let Some(pair) = x.as_tuple().filter(|t| t.len() == 2) else {
                return Ok(false);
            };
            let (k, v) = (pair[0].clone(), pair[1].clone());
            match dict_get(vm, d, &k)? {
                Some(w) => Ok(w.is(&v) || vm.eq(&w, &v)?),
                None => Ok(false),
            }
        }
    }
}

impl Vm {
    /// DICT_UPDATE / DICT_MERGE and `d |= other`: merge a mapping in
    /// (MERGE refuses duplicate keys, for `f(**a, **b)`).
    pub(crate) fn dict_update_op(
        &mut self,
        d: &ObjRef,
        other: &Value,
        merge: Option<&Value>,
    ) -> PyResult<()> {
        let pairs = match other.as_obj() {
            Some(o) if matches!(o.payload, Payload::Dict(_)) => dict_items(o),
            _ => {
                let keys_m = self.get_attr_opt(other, "keys")?;
                let Some(keys_m) = keys_m else {
                    if let Some(f) = merge {
                        let fs = self.function_str(f);
                        return Err(self.type_error(format!(
                            "{fs} argument after ** must be a mapping, not {}",
                            self.type_name(other)
                        )));
                    }
                    return Err(self.type_error(format!(
                        "'{}' object is not a mapping",
                        self.type_name(other)
                    )));
                };
                let keys = self.call(&keys_m, &[])?;
                let keys = self.collect(&keys)?;
                let mut out = Vec::new();
                for k in keys {
                    let v = self.get_item(other, &k)?;
                    out.push((k, v));
                }
                out
            }
        };
        for (k, v) in pairs {
            if let Some(f) = merge {
                if k.as_str().is_none() {
                    return Err(self.type_error("keywords must be strings"));
                }
                if dict_get(self, d, &k)?.is_some() {
                    let fs = self.function_str(f);
                    return Err(self.type_error(format!(
                        "{fs} got multiple values for keyword argument '{}'",
                        k.as_str().unwrap_or("")
                    )));
                }
            }
            dict_set(self, d, k, v)?;
        }
        Ok(())
    }

    /// `_PyObject_FunctionStr`: "module.qualname()" for messages.
    pub(crate) fn function_str(&mut self, f: &Value) -> String {
        match f.payload() {
            Some(Payload::Function(fd)) => {
                let q = fd.qualname.borrow().clone();
                match fd.module.as_str() {
                    Some(m) if m != "builtins" => format!("{m}.{q}()"),
                    _ => format!("{q}()"),
                }
            }
            Some(Payload::Builtin(b)) => format!("{}()", b.sig.qualname),
            Some(Payload::BoundMethod(bm)) => {
                let inner = bm.0.clone();
                self.function_str(&inner)
            }
            _ => format!("{} object", self.type_name(f)),
        }
    }

    /// `dict(...)` / `d.update(...)`: a mapping or iterable of pairs, then
    /// keyword arguments.
    pub(crate) fn dict_init(
        &mut self,
        d: &ObjRef,
        pos: &[Value],
        kwargs: &[(Value, Value)],
    ) -> PyResult<()> {
        if pos.len() > 1 {
            return Err(self.type_error(format!(
                "dict expected at most 1 argument, got {}",
                pos.len()
            )));
        }
        if let Some(src) = pos.first() {
            let is_mapping = matches!(src.payload(), Some(Payload::Dict(_)))
                || self.get_attr_opt(src, "keys")?.is_some();
            if is_mapping {
                self.dict_update_op(d, src, None)?;
            } else {
                let it = self.get_iter(src)?;
                let mut i = 0;
                while let Some(item) = self.iter_next(&it)? {
                    let kv = match self.collect(&item) {
                        Ok(kv) => kv,
                        Err(_) => {
                            return Err(self.type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                        }
                    };
                    if kv.len() != 2 {
                        return Err(self.value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            kv.len()
                        )));
                    }
                    let mut kv = kv.into_iter();
                    if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
                        dict_set(self, d, k, v)?;
                    }
                    i += 1;
                }
            }
        }
        for (k, v) in kwargs {
            dict_set(self, d, k.clone(), v.clone())?;
        }
        Ok(())
    }
}

fn this_dict(vm: &Vm, a: &Args<'_>) -> PyResult<ObjRef> {
    match a.this.as_obj() {
        Some(o) if matches!(o.payload, Payload::Dict(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("descriptor requires a 'dict' object")),
    }
}

fn view(vm: &Vm, kind: u8, d: ObjRef) -> Value {
    let name = ["dict_keys", "dict_values", "dict_items"][kind as usize % 3];
    let t = vm
        .types
        .by_name
        .get(name)
        .cloned()
        .unwrap_or_else(|| vm.types.object.clone());
    Value::Obj(ObjRef::new(t, Payload::DictView(Box::new((kind, d)))))
}

fn keys(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    Ok(view(vm, 0, d))
}

fn values(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    Ok(view(vm, 1, d))
}

fn items(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    Ok(view(vm, 2, d))
}

fn get(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    Ok(dict_get(vm, &d, a.arg(0))?.unwrap_or_else(|| a.get(1).cloned().unwrap_or(Value::None)))
}

fn pop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    match dict_pop(vm, &d, a.arg(0))? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(v) => Ok(v.clone()),
            None => Err(vm.key_error(a.arg(0).clone())),
        },
    }
}

fn popitem(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    let e = table(&d).and_then(|t| t.borrow_mut().pop_last());
    match e {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => Err(vm.new_error("KeyError", "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    if let Some(v) = dict_get(vm, &d, a.arg(0))? {
        return Ok(v);
    }
    let dv = a.get(1).cloned().unwrap_or(Value::None);
    dict_set(vm, &d, a.arg(0).clone(), dv.clone())?;
    Ok(dv)
}

fn update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    vm.dict_init(&d, a.rest, a.kwrest)?;
    Ok(Value::None)
}

fn clear(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    if let Some(t) = table(&d) {
        let old = std::mem::take(&mut *t.borrow_mut());
        drop(old);
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = this_dict(vm, a)?;
    dict_copy(vm, &Value::Obj(d))
}

fn fromkeys(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = vm.new_dict_obj();
    let keys = vm.collect(a.arg(0))?;
    let v = a.get(1).cloned().unwrap_or(Value::None);
    for k in keys {
        dict_set(vm, &d, k, v.clone())?;
    }
    Ok(Value::Obj(d))
}

fn dict_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = vm.new_dict_obj();
    vm.dict_init(&d, a.rest, a.kwrest)?;
    Ok(Value::Obj(d))
}

/// The dict type's methods.
pub const METHODS: &[(&str, crate::native::NativeFn)] = &[
    ("dict.keys($self, /)", keys),
    ("dict.values($self, /)", values),
    ("dict.items($self, /)", items),
    ("dict.get($self, key, default=None, /)", get),
    ("dict.pop($self, key, default=None, /)", pop),
    ("dict.popitem($self, /)", popitem),
    ("dict.setdefault($self, key, default=None, /)", setdefault),
    ("dict.update($self, *args, **kwargs)", update),
    ("dict.clear($self, /)", clear),
    ("dict.copy($self, /)", copy),
    ("dict.__kaa_new__(*args, **kwargs)", dict_new),
];

/// Static methods of dict (called on the class).
pub const STATIC: &[(&str, crate::native::NativeFn)] =
    &[("dict.fromkeys(iterable, value=None, /)", fromkeys)];
