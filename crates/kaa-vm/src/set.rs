//! `set` and `frozenset`: membership with Python-level equality resolved
//! outside any borrow, the set operators and methods.

use std::cell::RefCell;

use crate::exceptions::PyResult;
use crate::hash::{is_simple, simple_eq};
use crate::int::nb;
use crate::native::{Args, NativeFn};
use crate::object::Payload;
use crate::settable::SetTable;
use crate::value::Value;
use crate::vm::Vm;

/// A copy of a set's or frozenset's table.
fn snapshot(v: &Value) -> Option<SetTable> {
    match v.payload() {
        Some(Payload::Set(t)) => Some(t.borrow().clone()),
        Some(Payload::FrozenSet(t)) => Some(t.clone()),
        _ => None,
    }
}

/// The stored element equal to `key`, if any.
fn resolve(vm: &mut Vm, t: &SetTable, key: &Value, hash: i64) -> PyResult<Option<Value>> {
    for c in t.candidates(hash) {
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

/// Adds `key` to a table (hash computed by the caller).
fn table_add(vm: &mut Vm, t: &mut SetTable, key: Value, hash: i64) -> PyResult<()> {
    if is_simple(&key) {
        let k2 = key.clone();
        t.add(hash, key, &mut |k| {
            k.is(&k2) || simple_eq(k, &k2).unwrap_or(false)
        });
        return Ok(());
    }
    match resolve(vm, t, &key, hash)? {
        Some(_) => Ok(()),
        None => {
            t.add(hash, key, &mut |_| false);
            Ok(())
        }
    }
}

fn table_contains(vm: &mut Vm, t: &SetTable, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    if is_simple(key) {
        return Ok(t.contains(hash, &mut |k| {
            k.is(key) || simple_eq(k, key).unwrap_or(false)
        }));
    }
    Ok(resolve(vm, t, key, hash)?.is_some())
}

/// `x in s`.
pub fn set_contains(vm: &mut Vm, s: &Value, x: &Value) -> PyResult<bool> {
    match contains_in_place(vm, s, x) {
        Err(e)
            if vm.err_matches(&e, "TypeError") && matches!(x.payload(), Some(Payload::Set(_))) =>
        {
            // A set is looked up as the equal frozenset.
            let ft = snapshot(x).unwrap_or_default();
            let f = vm.new_set_value(ft, true);
            contains_in_place(vm, s, &f)
        }
        r => r,
    }
}

/// `set_contains_key` without copying the table: a key whose equality runs
/// no Python code is looked up under the borrow; otherwise only the
/// candidates with an equal hash are copied out and compared outside it
/// (`__eq__` may mutate the set).
fn contains_in_place(vm: &mut Vm, s: &Value, key: &Value) -> PyResult<bool> {
    let hash = vm.hash(key)?;
    let simple = is_simple(key);
    let eq = &mut |k: &Value| k.is(key) || simple_eq(k, key).unwrap_or(false);
    match s.payload() {
        Some(Payload::Set(t)) if simple => Ok(t.borrow().contains(hash, eq)),
        Some(Payload::FrozenSet(t)) if simple => Ok(t.contains(hash, eq)),
        Some(Payload::Set(t)) => {
            let cands = t.borrow().candidates(hash);
            Ok(first_equal(vm, &cands, key)?.is_some())
        }
        Some(Payload::FrozenSet(t)) => Ok(resolve(vm, t, key, hash)?.is_some()),
        _ => Ok(false),
    }
}

/// The first of `cands` equal to `key` (identity first, then `==`).
fn first_equal(vm: &mut Vm, cands: &[Value], key: &Value) -> PyResult<Option<Value>> {
    for c in cands {
        if c.is(key) {
            return Ok(Some(c.clone()));
        }
        let eq = match simple_eq(c, key) {
            Some(b) => b,
            None => vm.eq(c, key)?,
        };
        if eq {
            return Ok(Some(c.clone()));
        }
    }
    Ok(None)
}

/// `set_add_entry` on a mutable set, in place (no table copy). A key whose
/// equality runs no Python code is inserted under the borrow; otherwise the
/// candidates are compared outside any borrow and, as CPython restarts when
/// the table changed during a comparison, the comparison is redone if the
/// candidates changed meanwhile.
fn add_in_place(vm: &mut Vm, cell: &RefCell<SetTable>, key: Value, hash: i64) -> PyResult<()> {
    if is_simple(&key) {
        let k2 = key.clone();
        cell.borrow_mut().add(hash, key, &mut |k| {
            k.is(&k2) || simple_eq(k, &k2).unwrap_or(false)
        });
        return Ok(());
    }
    loop {
        let cands = cell.borrow().candidates(hash);
        if first_equal(vm, &cands, &key)?.is_some() {
            return Ok(());
        }
        let mut t = cell.borrow_mut();
        let now = t.candidates(hash);
        if now.len() == cands.len() && now.iter().zip(&cands).all(|(a, b)| a.is(b)) {
            t.add(hash, key, &mut |_| false);
            return Ok(());
        }
    }
}

fn table_of(vm: &mut Vm, items: Vec<Value>) -> PyResult<SetTable> {
    let mut t = SetTable::new();
    for v in items {
        let h = vm.hash(&v)?;
        table_add(vm, &mut t, v, h)?;
    }
    Ok(t)
}

impl Vm {
    /// BUILD_SET / `set(items)`.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let t = table_of(self, items)?;
        Ok(self.new_set_value(t, false))
    }

    /// `s.add(v)` (SET_ADD).
    pub(crate) fn set_add(&mut self, s: &Value, v: Value) -> PyResult<()> {
        let h = self.hash(&v)?;
        if let Some(Payload::Set(t)) = s.payload() {
            add_in_place(self, t, v, h)?;
        }
        Ok(())
    }

    /// `s.update(iterable)` (SET_UPDATE).
    pub(crate) fn set_update(&mut self, s: &Value, other: &Value) -> PyResult<()> {
        if let (Some(t), Some(Payload::Set(me))) = (snapshot(other), s.payload()) {
            let rest = me.borrow_mut().merge(&t);
            for (h, v) in rest {
                add_in_place(self, me, v, h)?;
            }
            return Ok(());
        }
        let items: Vec<(i64, Value)> = match snapshot(other) {
            Some(t) => t.iter_hashed().map(|(h, v)| (h, v.clone())).collect(),
            None => {
                let items = self.collect(other)?;
                let mut out = Vec::with_capacity(items.len());
                for v in items {
                    out.push((self.hash(&v)?, v));
                }
                out
            }
        };
        if let Some(Payload::Set(t)) = s.payload() {
            for (h, v) in items {
                add_in_place(self, t, v, h)?;
            }
        }
        Ok(())
    }
}

/// The set operators `| & - ^`; None for other operators.
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    let (Some(ta), Some(tb)) = (snapshot(a), snapshot(b)) else {
        return Ok(None);
    };
    let frozen = matches!(a.payload(), Some(Payload::FrozenSet(_)));
    let copy_of = |vm: &mut Vm, t: &SetTable| -> PyResult<SetTable> {
        let mut n = SetTable::new();
        for (h, v) in n.merge(t) {
            table_add(vm, &mut n, v, h)?;
        }
        Ok(n)
    };
    let r = match op {
        nb::OR => {
            let mut t = copy_of(vm, &ta)?;
            for (h, v) in t.merge(&tb) {
                table_add(vm, &mut t, v, h)?;
            }
            t
        }
        nb::AND => {
            // set_intersection: iterate the smaller set.
            let (big, small) = if tb.len() > ta.len() {
                (&tb, &ta)
            } else {
                (&ta, &tb)
            };
            let mut t = SetTable::new();
            for (h, v) in small.iter_hashed() {
                if table_contains(vm, big, v)? {
                    table_add(vm, &mut t, v.clone(), h)?;
                }
            }
            t
        }
        nb::SUBTRACT => {
            if (ta.len() >> 2) > tb.len() {
                let mut t = copy_of(vm, &ta)?;
                for v in tb.iter() {
                    let v2 = v.clone();
                    let h = vm.hash(&v2)?;
                    t.remove(h, &mut |k| k.is(&v2) || simple_eq(k, &v2).unwrap_or(false));
                }
                t
            } else {
                let mut t = SetTable::new();
                for (h, v) in ta.iter_hashed() {
                    if !table_contains(vm, &tb, v)? {
                        table_add(vm, &mut t, v.clone(), h)?;
                    }
                }
                t
            }
        }
        nb::XOR => {
            let mut t = copy_of(vm, &tb)?;
            for (h, v) in ta.iter_hashed() {
                let v2 = v.clone();
                if table_contains(vm, &t, &v2)? {
                    t.remove(h, &mut |k| k.is(&v2) || simple_eq(k, &v2).unwrap_or(false));
                } else {
                    table_add(vm, &mut t, v2, h)?;
                }
            }
            t
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.new_set_value(r, frozen)))
}

fn subset(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for v in a.iter() {
        if !table_contains(vm, b, v)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set comparisons (subset order).
pub fn set_compare(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
    let (ta, tb) = (
        snapshot(a).unwrap_or_default(),
        snapshot(b).unwrap_or_default(),
    );
    let r = match op {
        0 => ta.len() < tb.len() && subset(vm, &ta, &tb)?,
        1 => subset(vm, &ta, &tb)?,
        2 => ta.len() == tb.len() && subset(vm, &ta, &tb)?,
        3 => !(ta.len() == tb.len() && subset(vm, &ta, &tb)?),
        4 => tb.len() < ta.len() && subset(vm, &tb, &ta)?,
        _ => subset(vm, &tb, &ta)?,
    };
    Ok(Value::Bool(r))
}

fn this_table(vm: &Vm, a: &Args<'_>) -> PyResult<SetTable> {
    snapshot(&a.this).ok_or_else(|| vm.type_error("descriptor requires a 'set' object"))
}

fn store(a: &Args<'_>, t: SetTable) {
    if let Some(Payload::Set(s)) = a.this.payload() {
        *s.borrow_mut() = t;
    }
}

fn add(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    vm.set_add(&this, a.arg(0).clone())?;
    Ok(Value::None)
}

fn discard_impl(vm: &mut Vm, a: &Args<'_>, must: bool) -> PyResult<Value> {
    let Some(Payload::Set(cell)) = a.this.payload() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    let key = a.arg(0);
    let h = vm.hash(key)?;
    // In place (no table copy): the stored key equal to `key` is found
    // outside any borrow, then removed by identity.
    let stored = if is_simple(key) {
        Some(key.clone())
    } else {
        let cands = cell.borrow().candidates(h);
        first_equal(vm, &cands, key)?
    };
    let removed = match stored {
        Some(s) => cell
            .borrow_mut()
            .remove(h, &mut |k| k.is(&s) || simple_eq(k, &s).unwrap_or(false))
            .is_some(),
        None => false,
    };
    if must && !removed {
        return Err(vm.key_error(key.clone()));
    }
    Ok(Value::None)
}

fn remove(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    discard_impl(vm, a, true)
}

fn discard(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    discard_impl(vm, a, false)
}

fn pop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(Payload::Set(s)) = a.this.payload() {
        let v = s.borrow_mut().pop_first();
        return v.ok_or_else(|| vm.new_error("KeyError", "pop from an empty set"));
    }
    Err(vm.type_error("descriptor requires a 'set' object"))
}

fn clear(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    store(a, SetTable::new());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = this_table(vm, a)?;
    let frozen = matches!(a.this.payload(), Some(Payload::FrozenSet(_)));
    Ok(vm.new_set_value(t, frozen))
}

fn update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    for o in a.rest {
        vm.set_update(&this, o)?;
    }
    Ok(Value::None)
}

fn as_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if snapshot(v).is_some() {
        return Ok(v.clone());
    }
    let items = vm.collect(v)?;
    vm.new_set(items)
}

fn multi(vm: &mut Vm, a: &Args<'_>, op: usize) -> PyResult<Value> {
    let mut acc = a.this.clone();
    let frozen = matches!(a.this.payload(), Some(Payload::FrozenSet(_)));
    let t = this_table(vm, a)?;
    acc = if frozen {
        acc
    } else {
        vm.new_set_value(t, false)
    };
    for o in a.rest {
        let s = as_set(vm, o)?;
        if let Some(r) = set_binop(vm, &acc, &s, op)? {
            acc = r;
        }
    }
    Ok(acc)
}

fn union(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    multi(vm, a, nb::OR)
}

fn intersection(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    multi(vm, a, nb::AND)
}

fn difference(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    multi(vm, a, nb::SUBTRACT)
}

fn symmetric_difference(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = as_set(vm, a.arg(0))?;
    let this = a.this.clone();
    Ok(set_binop(vm, &this, &s, nb::XOR)?.unwrap_or(Value::None))
}

fn in_place(vm: &mut Vm, a: &Args<'_>, op: usize) -> PyResult<Value> {
    let r = multi(vm, a, op)?;
    if let Some(t) = snapshot(&r) {
        store(a, t);
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let other = as_set(vm, a.arg(0))?;
    let this = a.this.clone();
    if let Some(r) = set_binop(vm, &this, &other, nb::XOR)? {
        if let Some(t) = snapshot(&r) {
            store(a, t);
        }
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    in_place(vm, a, nb::AND)
}

fn difference_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    in_place(vm, a, nb::SUBTRACT)
}

fn issubset(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = as_set(vm, a.arg(0))?;
    let this = a.this.clone();
    set_compare(vm, &this, &s, 1)
}

fn issuperset(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = as_set(vm, a.arg(0))?;
    let this = a.this.clone();
    set_compare(vm, &this, &s, 5)
}

fn isdisjoint(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = as_set(vm, a.arg(0))?;
    let this = a.this.clone();
    let r = set_binop(vm, &this, &s, nb::AND)?;
    Ok(Value::Bool(
        r.and_then(|r| snapshot(&r)).is_none_or(|t| t.is_empty()),
    ))
}

fn set_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let items = match a.get(0) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    vm.new_set(items)
}

fn frozenset_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let items = match a.get(0) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    let t = table_of(vm, items)?;
    Ok(vm.new_set_value(t, true))
}

/// The set type's methods.
pub const SET_METHODS: &[(&str, NativeFn)] = &[
    ("set.add($self, object, /)", add),
    ("set.remove($self, object, /)", remove),
    ("set.discard($self, object, /)", discard),
    ("set.pop($self, /)", pop),
    ("set.clear($self, /)", clear),
    ("set.copy($self, /)", copy),
    ("set.update($self, *others)", update),
    ("set.union($self, *others)", union),
    ("set.intersection($self, *others)", intersection),
    ("set.difference($self, *others)", difference),
    (
        "set.symmetric_difference($self, other, /)",
        symmetric_difference,
    ),
    (
        "set.intersection_update($self, *others)",
        intersection_update,
    ),
    (
        "set.symmetric_difference_update($self, other, /)",
        symmetric_difference_update,
    ),
    ("set.difference_update($self, *others)", difference_update),
    ("set.issubset($self, other, /)", issubset),
    ("set.issuperset($self, other, /)", issuperset),
    ("set.isdisjoint($self, other, /)", isdisjoint),
    ("set.__kaa_new__(iterable=(), /)", set_new),
];

/// The frozenset type's methods.
pub const FROZENSET_METHODS: &[(&str, NativeFn)] = &[
    ("frozenset.copy($self, /)", copy),
    ("frozenset.union($self, *others)", union),
    ("frozenset.intersection($self, *others)", intersection),
    ("frozenset.difference($self, *others)", difference),
    (
        "frozenset.symmetric_difference($self, other, /)",
        symmetric_difference,
    ),
    ("frozenset.issubset($self, other, /)", issubset),
    ("frozenset.issuperset($self, other, /)", issuperset),
    ("frozenset.isdisjoint($self, other, /)", isdisjoint),
    ("frozenset.__kaa_new__(iterable=(), /)", frozenset_new),
];
