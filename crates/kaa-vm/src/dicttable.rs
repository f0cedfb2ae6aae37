//! The dict's hash table: CPython's compact layout (an index table that
//! points into an insertion-ordered entry array), so iteration follows
//! insertion order. Key comparison is the caller's: these functions take a
//! pure-Rust `eq` and never call back into Python (dict.rs resolves
//! Python-level `__eq__` first, outside any borrow).

use crate::value::Value;

const EMPTY: u32 = u32::MAX;
const DUMMY: u32 = u32::MAX - 1;
const MIN_SIZE: usize = 8;
const PERTURB_SHIFT: u32 = 5;

/// One key/value pair with the key's hash.
#[derive(Clone)]
pub struct DictEntry {
    /// `hash(key)`.
    pub hash: i64,
    /// The key.
    pub key: Value,
    /// The value.
    pub value: Value,
}

/// An insertion-ordered hash table of `Value` keys.
#[derive(Clone, Default)]
pub struct DictTable {
    indices: Vec<u32>,
    entries: Vec<Option<DictEntry>>,
    used: usize,
    /// The keys version (CPython's dk_version): 0 after any change to the
    /// set of keys or their positions, a process-unique number once a
    /// cache asks (`keys_version`). Equal versions mean the same keys at
    /// the same entry positions (LOAD_GLOBAL's cache relies on it).
    version: std::cell::Cell<u64>,
}

impl DictTable {
    /// An empty table.
    pub fn new() -> DictTable {
        DictTable::default()
    }

    /// The number of items.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the table is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// The entry-array length (positions for iterators).
    pub fn capacity_end(&self) -> usize {
        self.entries.len()
    }

    /// The entry at array position `i`, if live.
    pub fn entry_at(&self, i: usize) -> Option<&DictEntry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    /// The live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().flatten()
    }

    /// The probe sequence's slots, yielding (slot, index) until an empty slot.
    fn probe(&self, hash: i64, mut f: impl FnMut(usize, u32) -> bool) -> Option<usize> {
        if self.indices.is_empty() {
            return None;
        }
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let ix = self.indices[i];
            if ix == EMPTY {
                return None;
            }
            if f(i, ix) {
                return Some(i);
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
    }

    /// The slot of the entry whose key matches.
    fn find_slot(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        let entries = &self.entries;
        self.probe(hash, |_, ix| {
            if ix == DUMMY {
                return false;
            }
            match entries.get(ix as usize).and_then(|e| e.as_ref()) {
                Some(e) => e.hash == hash && eq(&e.key),
                None => false,
            }
        })
    }

    /// The keys stored with this hash along the probe chain (for callers
    /// that must compare with Python's `__eq__` outside any borrow).
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut out = Vec::new();
        let entries = &self.entries;
        self.probe(hash, |_, ix| {
            if let Some(Some(e)) = entries.get(ix as usize) {
                if e.hash == hash {
                    out.push(e.key.clone());
                }
            }
            false
        });
        out
    }

    /// The entry position of the matching key.
    pub fn find(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<usize> {
        let slot = self.find_slot(hash, eq)?;
        Some(self.indices[slot] as usize)
    }

    /// The value of the matching key.
    pub fn get(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<&Value> {
        let ix = self.find(hash, eq)?;
        self.entry_at(ix).map(|e| &e.value)
    }

    /// Sets `key` to `value`; returns the old value if the key was there.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: &mut dyn FnMut(&Value) -> bool,
    ) -> Option<Value> {
        if let Some(ix) = self.find(hash, eq) {
            if let Some(Some(e)) = self.entries.get_mut(ix) {
                return Some(std::mem::replace(&mut e.value, value));
            }
        }
        self.version.set(0);
        if (self.entries.len() + 1) * 3 > self.indices.len() * 2 {
            self.resize((self.used + 1) * 3);
        }
        let ix = self.entries.len() as u32;
        self.entries.push(Some(DictEntry { hash, key, value }));
        self.used += 1;
        self.place(hash, ix);
        None
    }

    /// Writes index `ix` into the first free slot of `hash`'s chain.
    fn place(&mut self, hash: i64, ix: u32) {
        let mask = self.indices.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY && self.indices[i] != DUMMY {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        self.indices[i] = ix;
    }

    /// Rebuilds the index table with room for `min` slots, dropping
    /// deleted entries.
    fn resize(&mut self, min: usize) {
        let mut size = MIN_SIZE;
        while size < min {
            size <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        self.entries = old.into_iter().flatten().map(Some).collect();
        self.indices = vec![EMPTY; size];
        for ix in 0..self.entries.len() {
            if let Some(Some(e)) = self.entries.get(ix) {
                let h = e.hash;
                self.place(h, ix as u32);
            }
        }
    }

    /// Removes the matching key; returns its entry.
    pub fn remove(&mut self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<DictEntry> {
        let slot = self.find_slot(hash, eq)?;
        let ix = self.indices[slot] as usize;
        self.version.set(0);
        self.indices[slot] = DUMMY;
        self.used -= 1;
        self.entries.get_mut(ix).and_then(|e| e.take())
    }

    /// Removes and returns the last entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<DictEntry> {
        self.version.set(0);
        while let Some(last) = self.entries.pop() {
            if let Some(e) = last {
                let pos = self.entries.len() as u32;
                let hash = e.hash;
                if let Some(slot) = self.probe(hash, |_, ix| ix == pos) {
                    self.indices[slot] = DUMMY;
                }
                self.used -= 1;
                return Some(e);
            }
        }
        None
    }

    /// The keys version for the current keys (assigned on first request
    /// after a change, from a process-wide counter, as
    /// `_PyDictKeys_GetVersionForCurrentState`).
    pub fn keys_version(&self) -> u64 {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let v = self.version.get();
        if v != 0 {
            return v;
        }
        let v = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.version.set(v);
        v
    }

    /// The current keys version, 0 when none is assigned (never equal to
    /// a cached one).
    #[inline]
    pub fn current_version(&self) -> u64 {
        self.version.get()
    }

    /// Empties the table.
    pub fn clear(&mut self) {
        *self = DictTable::default();
    }

    /// Moves every key and value out (for dropping without recursion).
    pub fn drain_into(&mut self, out: &mut Vec<Value>) {
        for e in std::mem::take(&mut self.entries).into_iter().flatten() {
            out.push(e.key);
            out.push(e.value);
        }
        self.clear();
    }
}
