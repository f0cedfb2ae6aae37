//! The type attribute cache (CPython's method cache in typeobject.c):
//! results of MRO lookups keyed by (type, name object), so that `obj.x`
//! and `obj.m()` do not walk the MRO and probe each class dict every time.
//!
//! Invalidation: any write to any type's dict (`TypeData::set_own`,
//! `del C.x`) calls [`types_changed`], and the next cached lookup empties
//! the whole cache (CPython bumps per-type version tags instead; writes to
//! class dicts are rare next to reads). Entries hold the type and the name
//! object, so neither address can be reused by another object while cached.

use std::cell::Cell;

use crate::object::{ObjRef, Payload};
use crate::types::{lookup_hashed, lookup_user_hashed};
use crate::value::Value;
use crate::vm::Vm;

/// Number of slots (a power of two).
const SLOTS: usize = 512;

thread_local! {
    /// Set when some type's dict changed since the cache was last emptied.
    static TYPES_CHANGED: Cell<bool> = const { Cell::new(false) };
}

/// Records that a type's dict (hence MRO lookups) may have changed.
pub fn types_changed() {
    TYPES_CHANGED.with(|c| c.set(true));
}

/// One cached lookup.
struct Entry {
    /// The type looked up on.
    ty: ObjRef,
    /// The name object (matched by identity).
    name: Value,
    /// Whether this is a [`lookup_user_hashed`] result.
    user: bool,
    /// The result.
    value: Option<Value>,
}

/// The cache itself (a `Vm` field), with the attribute-dispatch state the
/// object model keeps next to it.
#[derive(Default)]
pub struct AttrCache {
    slots: Vec<Option<Entry>>,
    /// Indices of occupied slots, to empty the cache cheaply.
    used: Vec<usize>,
    /// Set once any class defines `__getattribute__`: until then the
    /// attribute fast paths need not look for that hook.
    pub(crate) hooks_seen: Cell<bool>,
    /// The (object, dunder) a built-in slot wrapper is running the
    /// built-in behaviour of (`slotwrap.rs`).
    pub(crate) native_self: crate::slotwrap::NativeSelf,
}

impl AttrCache {
    fn clear(&mut self) {
        for i in self.used.drain(..) {
            if let Some(s) = self.slots.get_mut(i) {
                *s = None;
            }
        }
    }
}

impl Vm {
    /// `_PyType_Lookup(t, name)` for a str name object, through the cache
    /// (`user`: [`lookup_user_hashed`] instead, for user hooks such as
    /// `__setattr__`).
    pub(crate) fn type_lookup_cached(
        &mut self,
        t: &ObjRef,
        name: &Value,
        user: bool,
    ) -> Option<Value> {
        let Some(Payload::Str(sd)) = name.payload() else {
            return None;
        };
        let h = sd.hash();
        let c = &mut self.attr_cache;
        if TYPES_CHANGED.with(|f| f.replace(false)) {
            c.clear();
        }
        if c.slots.is_empty() {
            c.slots.resize_with(SLOTS, || None);
        }
        let i = ((t.id() >> 4) ^ (h as usize) ^ user as usize) & (SLOTS - 1);
        if let Some(Some(e)) = c.slots.get(i) {
            if e.user == user && e.ty.ptr_eq(t) && e.name.is(name) {
                return e.value.clone();
            }
        }
        let text = sd.as_str();
        let value = if user {
            lookup_user_hashed(t, text, h)
        } else {
            lookup_hashed(t, text, h)
        };
        // A lookup runs no Python code, but stay safe if it ever does:
        // entries are only stored while no change is pending.
        if TYPES_CHANGED.with(|f| f.get()) {
            return value;
        }
        if let Some(slot) = c.slots.get_mut(i) {
            if slot.is_none() {
                c.used.push(i);
            }
            *slot = Some(Entry {
                ty: t.clone(),
                name: name.clone(),
                user,
                value: value.clone(),
            });
        }
        value
    }
}
