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

/// Equality of a stored key `k` with a probe `key` whose own `==` runs no
/// Python code: None when `k`'s does (an int or str subclass instance).
fn decided_eq(k: &Value, key: &Value) -> Option<bool> {
    if k.is(key) {
        return Some(true);
    }
    simple_eq(k, key)
}

/// Whether `key` is in `t` without running Python code; None when that
/// needs Python-level `==` (then compare the candidates outside the
/// table).
fn contains_simple(t: &SetTable, key: &Value, hash: i64) -> Option<bool> {
    if !is_simple(key) {
        return None;
    }
    t.contains_decided(hash, &mut |k| decided_eq(k, key))
}

/// Adds `key` to a table (hash computed by the caller).
fn table_add(vm: &mut Vm, t: &mut SetTable, key: Value, hash: i64) -> PyResult<()> {
    let key = if is_simple(&key) {
        let k2 = key.clone();
        match t.add_decided(hash, key, &mut |k| decided_eq(k, &k2)) {
            Ok(_) => return Ok(()),
            Err(key) => key,
        }
    } else {
        key
    };
    match resolve(vm, t, &key, hash)? {
        Some(_) => Ok(()),
        None => {
            t.add(hash, key, &mut |_| false);
            Ok(())
        }
    }
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
    let simple = match s.payload() {
        Some(Payload::Set(t)) => contains_simple(&t.borrow(), key, hash),
        Some(Payload::FrozenSet(t)) => contains_simple(t, key, hash),
        _ => None,
    };
    if let Some(b) = simple {
        return Ok(b);
    }
    match s.payload() {
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
    let key = if is_simple(&key) {
        let k2 = key.clone();
        let r = cell
            .borrow_mut()
            .add_decided(hash, key, &mut |k| decided_eq(k, &k2));
        match r {
            Ok(_) => return Ok(()),
            Err(key) => key,
        }
    } else {
        key
    };
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

// ---- setobject.c's internal operations, on tables ----

/// The keys and hashes of an exact dict (`_PyDict_Next`), if `v` is one.
fn dict_keys_hashed(vm: &Vm, v: &Value) -> Option<Vec<(i64, Value)>> {
    match v.payload() {
        Some(Payload::Dict(d)) if !vm.is_heap(v) => {
            Some(d.borrow().iter().map(|e| (e.hash, e.key.clone())).collect())
        }
        _ => None,
    }
}

/// `set_update_internal`: a set is merged (`set_merge`: one resize up
/// front, its table copied or reinserted in its order); a dict's keys are
/// added after one resize up front, with their stored hashes; any other
/// iterable is added item by item.
fn update_internal(vm: &mut Vm, t: &mut SetTable, other: &Value) -> PyResult<()> {
    if let Some(o) = snapshot(other) {
        for (h, v) in t.merge(&o) {
            table_add(vm, t, v, h)?;
        }
        return Ok(());
    }
    if let Some(keys) = dict_keys_hashed(vm, other) {
        let mask = t.slots() - 1;
        if (t.fill() + keys.len()) * 5 >= mask * 3 {
            t.resize((t.len() + keys.len()) * 2);
        }
        for (h, k) in keys {
            table_add(vm, t, k, h)?;
        }
        return Ok(());
    }
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.iter_next(&it)? {
        let h = vm.hash(&x)?;
        table_add(vm, t, x, h)?;
    }
    Ok(())
}

/// `set_discard_entry`: removes the element equal to `key`; whether one
/// was there.
fn discard_entry(vm: &mut Vm, t: &mut SetTable, key: &Value, hash: i64) -> PyResult<bool> {
    let stored = match contains_simple(t, key, hash) {
        Some(true) => Some(key.clone()),
        Some(false) => None,
        None => {
            let cands = t.candidates(hash);
            first_equal(vm, &cands, key)?
        }
    };
    Ok(match stored {
        Some(s) => t
            .remove(hash, &mut |k| k.is(&s) || simple_eq(k, &s).unwrap_or(false))
            .is_some(),
        None => false,
    })
}

/// `set_difference_update_internal`: discards every element of `other`,
/// then rebuilds the table if more than a quarter of it is dummies.
fn difference_update_internal(
    vm: &mut Vm,
    t: &mut SetTable,
    this: Option<&Value>,
    other: &Value,
) -> PyResult<()> {
    if this.is_some_and(|v| v.is(other)) {
        t.clear();
        return Ok(());
    }
    if let Some(o) = snapshot(other) {
        for (h, v) in o.iter_hashed() {
            discard_entry(vm, t, v, h)?;
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(x) = vm.iter_next(&it)? {
            let h = vm.hash(&x)?;
            discard_entry(vm, t, &x, h)?;
        }
    }
    let mask = t.slots() - 1;
    if t.fill() - t.len() > mask / 4 {
        let n = t.len();
        t.resize(if n > 50000 { n * 2 } else { n * 4 });
    }
    Ok(())
}

/// `set_intersection`: the elements of `so` also in `other`, in the
/// order of the smaller operand (a set) or of `other`'s iteration.
fn intersection(vm: &mut Vm, so: &SetTable, other: &Value) -> PyResult<SetTable> {
    let mut result = SetTable::new();
    if let Some(o) = snapshot(other) {
        let (big, small) = if o.len() > so.len() {
            (&o, so)
        } else {
            (so, &o)
        };
        for (h, v) in small.iter_hashed() {
            if table_contains_hashed(vm, big, v, h)? {
                table_add(vm, &mut result, v.clone(), h)?;
            }
        }
        return Ok(result);
    }
    let it = vm.get_iter(other)?;
    while let Some(x) = vm.iter_next(&it)? {
        let h = vm.hash(&x)?;
        if table_contains_hashed(vm, so, &x, h)? {
            table_add(vm, &mut result, x, h)?;
        }
    }
    Ok(result)
}

/// `set_contains_entry` with the hash known.
fn table_contains_hashed(vm: &mut Vm, t: &SetTable, key: &Value, hash: i64) -> PyResult<bool> {
    if let Some(b) = contains_simple(t, key, hash) {
        return Ok(b);
    }
    Ok(resolve(vm, t, key, hash)?.is_some())
}

/// `set_copy`: a new table merged from `t`.
fn copy_table(vm: &mut Vm, t: &SetTable) -> PyResult<SetTable> {
    let mut n = SetTable::new();
    for (h, v) in n.merge(t) {
        table_add(vm, &mut n, v, h)?;
    }
    Ok(n)
}

/// `set_difference`: `so` without the elements of `other`.
fn difference(vm: &mut Vm, so: &SetTable, this: &Value, other: &Value) -> PyResult<SetTable> {
    let other_size = match (snapshot(other), dict_keys_hashed(vm, other)) {
        (Some(o), _) => Some(o.len()),
        (None, Some(k)) => Some(k.len()),
        _ => None,
    };
    // A much bigger `so` (or an `other` of unknown size): copy, then
    // discard (`set_copy_and_difference`).
    if other_size.is_none_or(|n| (so.len() >> 2) > n) {
        // (`this` is never `other` here: a set is not much bigger than
        // itself.)
        let mut t = copy_table(vm, so)?;
        difference_update_internal(vm, &mut t, Some(this), other)?;
        return Ok(t);
    }
    let mut result = SetTable::new();
    if let Some(keys) = dict_keys_hashed(vm, other) {
        let mut d = SetTable::new();
        for (h, k) in keys {
            table_add(vm, &mut d, k, h)?;
        }
        for (h, v) in so.iter_hashed() {
            if !table_contains_hashed(vm, &d, v, h)? {
                table_add(vm, &mut result, v.clone(), h)?;
            }
        }
        return Ok(result);
    }
    let o = snapshot(other).unwrap_or_default();
    for (h, v) in so.iter_hashed() {
        if !table_contains_hashed(vm, &o, v, h)? {
            table_add(vm, &mut result, v.clone(), h)?;
        }
    }
    Ok(result)
}

/// `set_symmetric_difference_update`: each element of `other` (as a set,
/// in its table order) is discarded if present, else added.
fn symmetric_difference_update_table(
    vm: &mut Vm,
    t: &mut SetTable,
    this: Option<&Value>,
    other: &Value,
) -> PyResult<()> {
    if this.is_some_and(|v| v.is(other)) {
        t.clear();
        return Ok(());
    }
    let o = match snapshot(other) {
        Some(o) => o,
        None => {
            let mut o = SetTable::new();
            update_internal(vm, &mut o, other)?;
            o
        }
    };
    for (h, v) in o.iter_hashed() {
        if !discard_entry(vm, t, v, h)? {
            table_add(vm, t, v.clone(), h)?;
        }
    }
    Ok(())
}

/// `set_issubset` of two tables.
fn subset(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (h, v) in a.iter_hashed() {
        if !table_contains_hashed(vm, b, v, h)? {
            return Ok(false);
        }
    }
    Ok(true)
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

    /// `s.update(iterable)` (SET_UPDATE): `set_update_internal`.
    pub(crate) fn set_update(&mut self, s: &Value, other: &Value) -> PyResult<()> {
        let Some(Payload::Set(cell)) = s.payload() else {
            return Ok(());
        };
        if let Some(o) = snapshot(other) {
            let rest = cell.borrow_mut().merge(&o);
            for (h, v) in rest {
                add_in_place(self, cell, v, h)?;
            }
            return Ok(());
        }
        // A dict's keys: one resize up front, then each with its hash.
        if let Some(keys) = dict_keys_hashed(self, other) {
            {
                let mut t = cell.borrow_mut();
                let mask = t.slots() - 1;
                if (t.fill() + keys.len()) * 5 >= mask * 3 {
                    let n = t.len() + keys.len();
                    t.resize(n * 2);
                }
            }
            for (h, k) in keys {
                add_in_place(self, cell, k, h)?;
            }
            return Ok(());
        }
        // Any other iterable: item by item into the live set.
        let it = self.get_iter(other)?;
        while let Some(x) = self.iter_next(&it)? {
            let h = self.hash(&x)?;
            add_in_place(self, cell, x, h)?;
        }
        Ok(())
    }

    /// A new set or frozenset (`frozen`) filled by `set_update_internal`
    /// from `iterable` (`make_new_set`).
    pub fn set_from_iterable(&mut self, iterable: &Value, frozen: bool) -> PyResult<Value> {
        let mut t = SetTable::new();
        update_internal(self, &mut t, iterable)?;
        Ok(self.new_set_value(t, frozen))
    }
}

/// `set_discard_entry` on a live set: the stored element equal to `key`
/// is found outside any borrow (`__eq__` may run), then removed by
/// identity.
fn discard_in_place(
    vm: &mut Vm,
    cell: &RefCell<SetTable>,
    key: &Value,
    hash: i64,
) -> PyResult<bool> {
    let simple = contains_simple(&cell.borrow(), key, hash);
    let stored = match simple {
        Some(true) => Some(key.clone()),
        Some(false) => None,
        None => {
            let cands = cell.borrow().candidates(hash);
            first_equal(vm, &cands, key)?
        }
    };
    Ok(match stored {
        Some(s) => cell
            .borrow_mut()
            .remove(hash, &mut |k| k.is(&s) || simple_eq(k, &s).unwrap_or(false))
            .is_some(),
        None => false,
    })
}

/// `set_difference_update_internal` on a live set (`s -= t`,
/// `s.difference_update(x)`).
fn difference_update_cell(
    vm: &mut Vm,
    cell: &RefCell<SetTable>,
    this: &Value,
    other: &Value,
) -> PyResult<()> {
    if this.is(other) {
        cell.borrow_mut().clear();
        return Ok(());
    }
    if let Some(o) = snapshot(other) {
        for (h, v) in o.iter_hashed() {
            discard_in_place(vm, cell, v, h)?;
        }
    } else {
        let it = vm.get_iter(other)?;
        while let Some(x) = vm.iter_next(&it)? {
            let h = vm.hash(&x)?;
            discard_in_place(vm, cell, &x, h)?;
        }
    }
    let mut t = cell.borrow_mut();
    let mask = t.slots() - 1;
    if t.fill() - t.len() > mask / 4 {
        let n = t.len();
        t.resize(if n > 50000 { n * 2 } else { n * 4 });
    }
    Ok(())
}

/// `set_symmetric_difference_update` on a live set.
fn symmetric_difference_update_cell(
    vm: &mut Vm,
    cell: &RefCell<SetTable>,
    this: &Value,
    other: &Value,
) -> PyResult<()> {
    if this.is(other) {
        cell.borrow_mut().clear();
        return Ok(());
    }
    let o = table_arg(vm, other)?;
    for (h, v) in o.iter_hashed() {
        if !discard_in_place(vm, cell, v, h)? {
            add_in_place(vm, cell, v.clone(), h)?;
        }
    }
    Ok(())
}

/// The set operators `| & - ^` between two sets or frozensets (the
/// result has the left operand's kind); None for other operands.
pub fn set_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    let (Some(ta), Some(tb)) = (snapshot(a), snapshot(b)) else {
        return Ok(None);
    };
    let frozen = matches!(a.payload(), Some(Payload::FrozenSet(_)));
    let r = match op {
        // set_or: a copy of `a` updated with `b`.
        nb::OR => {
            let mut t = copy_table(vm, &ta)?;
            if !a.is(b) {
                update_internal(vm, &mut t, b)?;
            }
            t
        }
        nb::AND => {
            if a.is(b) {
                copy_table(vm, &ta)?
            } else {
                intersection(vm, &ta, b)?
            }
        }
        nb::SUBTRACT => difference(vm, &ta, a, b)?,
        // set_symmetric_difference: a copy of `b` updated with `a`.
        nb::XOR => {
            let mut t = copy_table(vm, &tb)?;
            symmetric_difference_update_table(vm, &mut t, Some(b), a)?;
            t
        }
        _ => return Ok(None),
    };
    Ok(Some(vm.new_set_value(r, frozen)))
}

/// The in-place set operators on a set (`|= &= -= ^=`: set_ior,
/// set_iand, set_isub, set_ixor) with a set or frozenset operand: `a`
/// changed in place, as CPython does; None for other operands.
pub fn set_inplace_op(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    let (Some(Payload::Set(cell)), Some(_)) = (a.payload(), snapshot(b)) else {
        return Ok(None);
    };
    match op {
        nb::OR => vm.set_update(a, b)?,
        nb::AND => {
            let t = cell.borrow().clone();
            let r = if a.is(b) { t } else { intersection(vm, &t, b)? };
            *cell.borrow_mut() = r;
        }
        nb::SUBTRACT => difference_update_cell(vm, cell, a, b)?,
        nb::XOR => symmetric_difference_update_cell(vm, cell, a, b)?,
        _ => return Ok(None),
    }
    Ok(Some(a.clone()))
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

/// Whether `self` is a frozenset (results of its methods are too).
fn is_frozen(a: &Args<'_>) -> bool {
    matches!(a.this.payload(), Some(Payload::FrozenSet(_)))
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
    let h = match vm.hash(key) {
        Ok(h) => h,
        // A set argument is looked up as the equal frozenset.
        Err(e)
            if vm.err_matches(&e, "TypeError")
                && matches!(key.payload(), Some(Payload::Set(_))) =>
        {
            let f = vm.new_set_value(snapshot(key).unwrap_or_default(), true);
            let this = a.this.clone();
            let args = [Some(f)];
            let sub = Args {
                this,
                slots: &args,
                rest: &[],
                kwrest: &[],
            };
            return discard_impl(vm, &sub, must);
        }
        Err(e) => return Err(e),
    };
    // In place (no table copy): the stored key equal to `key` is found
    // outside any borrow, then removed by identity.
    let simple = contains_simple(&cell.borrow(), key, h);
    let stored = match simple {
        Some(true) => Some(key.clone()),
        Some(false) => None,
        None => {
            let cands = cell.borrow().candidates(h);
            first_equal(vm, &cands, key)?
        }
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

/// `set.copy()` (a frozenset's copy is itself).
fn copy(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = this_table(vm, a)?;
    if is_frozen(a) && !vm.is_heap(&a.this) {
        return Ok(a.this.clone());
    }
    let n = copy_table(vm, &t)?;
    Ok(vm.new_set_value(n, is_frozen(a)))
}

fn update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    for o in a.rest {
        vm.set_update(&this, o)?;
    }
    Ok(Value::None)
}

/// `set.union(*others)`: a copy updated with each other.
fn union(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut t = copy_table(vm, &this_table(vm, a)?)?;
    for o in a.rest {
        if !o.is(&a.this) {
            update_internal(vm, &mut t, o)?;
        }
    }
    Ok(vm.new_set_value(t, is_frozen(a)))
}

/// `set_intersection_multi`.
fn intersection_multi(vm: &mut Vm, a: &Args<'_>) -> PyResult<SetTable> {
    let mut t = this_table(vm, a)?;
    if a.rest.is_empty() {
        return copy_table(vm, &t);
    }
    for o in a.rest {
        t = if o.is(&a.this) {
            copy_table(vm, &t)?
        } else {
            intersection(vm, &t, o)?
        };
    }
    Ok(t)
}

fn intersection_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = intersection_multi(vm, a)?;
    Ok(vm.new_set_value(t, is_frozen(a)))
}

/// `set.difference(*others)`: `set_difference` with the first, then
/// `set_difference_update_internal` with the rest.
fn difference_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = this_table(vm, a)?;
    let Some((first, more)) = a.rest.split_first() else {
        let n = copy_table(vm, &t)?;
        return Ok(vm.new_set_value(n, is_frozen(a)));
    };
    let mut r = difference(vm, &t, &a.this, first)?;
    for o in more {
        difference_update_internal(vm, &mut r, None, o)?;
    }
    Ok(vm.new_set_value(r, is_frozen(a)))
}

/// `set.symmetric_difference(other)`: a set made from `other`, updated
/// with `self`.
fn symmetric_difference(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut o = SetTable::new();
    update_internal(vm, &mut o, a.arg(0))?;
    symmetric_difference_update_table(vm, &mut o, None, &a.this)?;
    Ok(vm.new_set_value(o, is_frozen(a)))
}

fn symmetric_difference_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(Payload::Set(cell)) = a.this.payload() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    symmetric_difference_update_cell(vm, cell, &a.this, a.arg(0))?;
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = intersection_multi(vm, a)?;
    store(a, t);
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(Payload::Set(cell)) = a.this.payload() else {
        return Err(vm.type_error("descriptor requires a 'set' object"));
    };
    for o in a.rest {
        difference_update_cell(vm, cell, &a.this, o)?;
    }
    Ok(Value::None)
}

/// `other` as a table: a set's own, else a new set from the iterable.
fn table_arg(vm: &mut Vm, other: &Value) -> PyResult<SetTable> {
    match snapshot(other) {
        Some(t) => Ok(t),
        None => {
            let mut t = SetTable::new();
            update_internal(vm, &mut t, other)?;
            Ok(t)
        }
    }
}

fn issubset(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let o = table_arg(vm, a.arg(0))?;
    let t = this_table(vm, a)?;
    Ok(Value::Bool(subset(vm, &t, &o)?))
}

/// `set.issuperset(other)`: every element of `other` is in `self`.
fn issuperset(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = this_table(vm, a)?;
    if let Some(o) = snapshot(a.arg(0)) {
        return Ok(Value::Bool(subset(vm, &o, &t)?));
    }
    let it = vm.get_iter(a.arg(0))?;
    while let Some(x) = vm.iter_next(&it)? {
        let h = vm.hash(&x)?;
        if !table_contains_hashed(vm, &t, &x, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// `set.isdisjoint(other)`: no common element (the smaller set is
/// iterated; any other iterable is iterated against `self`).
fn isdisjoint(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let t = this_table(vm, a)?;
    if a.arg(0).is(&a.this) {
        return Ok(Value::Bool(t.is_empty()));
    }
    if let Some(o) = snapshot(a.arg(0)) {
        let (big, small) = if o.len() > t.len() {
            (&o, &t)
        } else {
            (&t, &o)
        };
        for (h, v) in small.iter_hashed() {
            if table_contains_hashed(vm, big, v, h)? {
                return Ok(Value::Bool(false));
            }
        }
        return Ok(Value::Bool(true));
    }
    let it = vm.get_iter(a.arg(0))?;
    while let Some(x) = vm.iter_next(&it)? {
        let h = vm.hash(&x)?;
        if table_contains_hashed(vm, &t, &x, h)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        Some(v) => vm.set_from_iterable(v, false),
        None => Ok(vm.new_set_value(SetTable::new(), false)),
    }
}

fn frozenset_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        // frozenset(f) of an exact frozenset is f itself.
        Some(v) if matches!(v.payload(), Some(Payload::FrozenSet(_))) && !vm.is_heap(v) => {
            Ok(v.clone())
        }
        Some(v) => vm.set_from_iterable(v, true),
        None => Ok(vm.new_set_value(SetTable::new(), true)),
    }
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
    ("set.intersection($self, *others)", intersection_method),
    ("set.difference($self, *others)", difference_method),
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
    (
        "frozenset.intersection($self, *others)",
        intersection_method,
    ),
    ("frozenset.difference($self, *others)", difference_method),
    (
        "frozenset.symmetric_difference($self, other, /)",
        symmetric_difference,
    ),
    ("frozenset.issubset($self, other, /)", issubset),
    ("frozenset.issuperset($self, other, /)", issuperset),
    ("frozenset.isdisjoint($self, other, /)", isdisjoint),
    ("frozenset.__kaa_new__(iterable=(), /)", frozenset_new),
];

/// A set constant of a code object, as CPython's compiler leaves it:
/// `PyFrozenSet_New` over the items in source order, then rebuilt from
/// that table's iteration order by `merge_consts_recursive` (so that
/// `print({5, 9, 1, 33})` shows CPython's order).
pub fn constant_set(vm: &Vm, items: Vec<Value>, frozen: bool) -> Value {
    let first = vm.new_set_from_hashable(items, true);
    let order: Vec<Value> = match first.payload() {
        Some(Payload::FrozenSet(t)) => t.iter().cloned().collect(),
        _ => Vec::new(),
    };
    vm.new_set_from_hashable(order, frozen)
}
