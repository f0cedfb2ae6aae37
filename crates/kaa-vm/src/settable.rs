//! The set's hash table, with CPython 3.11's algorithm
//! (Objects/setobject.c): open addressing with LINEAR_PROBES linear steps
//! then perturbed jumps, dummies for deleted keys, growth when the table is
//! 60% full, and iteration in table order — so sets print in CPython's
//! order. Like the dict table, comparison is a pure-Rust `eq` from the
//! caller.

use crate::value::Value;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Unused,
    Dummy,
    Active(i64, Value),
}

/// A set's table.
#[derive(Clone)]
pub struct SetTable {
    table: Vec<Slot>,
    fill: usize,
    used: usize,
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable::new()
    }
}

impl SetTable {
    /// An empty set table (8 slots, as `PySet_MINSIZE`).
    pub fn new() -> SetTable {
        SetTable {
            table: vec![Slot::Unused; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }

    /// The number of elements.
    #[inline]
    pub fn len(&self) -> usize {
        self.used
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Active plus dummy slots (`so->fill`).
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// The number of slots (positions for iterators).
    pub fn slots(&self) -> usize {
        self.table.len()
    }

    /// The element at slot `i`, if active.
    pub fn at(&self, i: usize) -> Option<(&Value, i64)> {
        match self.table.get(i) {
            Some(Slot::Active(h, v)) => Some((v, *h)),
            _ => None,
        }
    }

    /// The elements in table order.
    pub fn iter(&self) -> impl Iterator<Item = &Value> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(_, v) => Some(v),
            _ => None,
        })
    }

    /// The elements with their hashes, in table order.
    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, &Value)> {
        self.table.iter().filter_map(|s| match s {
            Slot::Active(h, v) => Some((*h, v)),
            _ => None,
        })
    }

    /// Walks the probe sequence: `visit(slot)` returns true to stop there.
    /// Stops (returning the slot) at the first unused slot too.
    fn walk(&self, hash: i64, mut visit: impl FnMut(usize, &Slot) -> bool) -> usize {
        let mask = self.table.len() - 1;
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in 0..=probes {
                let k = i + j;
                let slot = &self.table[k];
                if matches!(slot, Slot::Unused) || visit(k, slot) {
                    return k;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// The keys with this hash along the probe chain.
    pub fn candidates(&self, hash: i64) -> Vec<Value> {
        let mut out = Vec::new();
        self.walk(hash, |_, s| {
            if let Slot::Active(h, v) = s {
                if *h == hash {
                    out.push(v.clone());
                }
            }
            false
        });
        out
    }

    /// Whether a matching key is present.
    pub fn contains(&self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> bool {
        let k = self.walk(
            hash,
            |_, s| matches!(s, Slot::Active(h, v) if *h == hash && eq(v)),
        );
        matches!(self.table[k], Slot::Active(..))
    }

    /// Whether a key is present, with an equality that may be undecided
    /// (None: a stored key's `==` needs Python code): None then.
    pub fn contains_decided(
        &self,
        hash: i64,
        eq: &mut dyn FnMut(&Value) -> Option<bool>,
    ) -> Option<bool> {
        let mut undecided = false;
        let k = self.walk(hash, |_, s| match s {
            Slot::Active(h, v) if *h == hash => match eq(v) {
                Some(b) => b,
                None => {
                    undecided = true;
                    true
                }
            },
            _ => false,
        });
        if undecided {
            return None;
        }
        Some(matches!(self.table[k], Slot::Active(..)))
    }

    /// [`SetTable::add`] with an equality that may be undecided: the key
    /// is handed back (nothing added) when a stored key's `==` needs
    /// Python code, so that the caller compares outside the table.
    pub fn add_decided(
        &mut self,
        hash: i64,
        key: Value,
        eq: &mut dyn FnMut(&Value) -> Option<bool>,
    ) -> Result<bool, Value> {
        let mut undecided = false;
        let added = self.add(hash, key.clone(), &mut |v| match eq(v) {
            Some(b) => b,
            None => {
                undecided = true;
                true
            }
        });
        if undecided {
            return Err(key);
        }
        Ok(added)
    }

    /// `set_add_entry`: adds the key unless present; true if added (a
    /// key `eq` accepts stops the search: nothing is added).
    pub fn add(&mut self, hash: i64, key: Value, eq: &mut dyn FnMut(&Value) -> bool) -> bool {
        let mut freeslot = None;
        let k = self.walk(hash, |k, s| match s {
            Slot::Active(h, v) => *h == hash && eq(v),
            Slot::Dummy => {
                // 3.11 reuses the last dummy on the chain (`freeslot`
                // is overwritten at each one).
                freeslot = Some(k);
                false
            }
            Slot::Unused => true,
        });
        if matches!(self.table[k], Slot::Active(..)) {
            return false;
        }
        if let Some(f) = freeslot {
            self.table[f] = Slot::Active(hash, key);
            self.used += 1;
            return true;
        }
        self.table[k] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
        let mask = self.table.len() - 1;
        if self.fill * 5 >= mask * 3 {
            let min = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            self.resize(min);
        }
        true
    }

    /// `set_table_resize`: the smallest power of two above `minused`, and
    /// every active key reinserted in table order.
    pub fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Slot::Unused; size]);
        self.fill = 0;
        self.used = 0;
        for slot in old {
            if let Slot::Active(h, v) = slot {
                self.insert_clean(h, v);
            }
        }
    }

    /// `set_insert_clean`: a key known to be absent, no dummies around.
    fn insert_clean(&mut self, hash: i64, key: Value) {
        let k = self.walk(hash, |_, _| false);
        self.table[k] = Slot::Active(hash, key);
        self.fill += 1;
        self.used += 1;
    }

    /// `set_merge`'s table step for keys known to be distinct from each
    /// other: grows first as CPython does, then copies the table when the
    /// sizes agree, or reinserts in `other`'s table order. Returns the keys
    /// that need a full (comparing) insertion because `self` was not empty.
    pub fn merge(&mut self, other: &SetTable) -> Vec<(i64, Value)> {
        let mask = self.table.len() - 1;
        if (self.fill + other.used) * 5 >= mask * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.table.len() == other.table.len() && other.fill == other.used {
            self.table = other.table.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Vec::new();
        }
        if self.fill == 0 {
            for (h, v) in other.iter_hashed() {
                self.insert_clean(h, v.clone());
            }
            return Vec::new();
        }
        other.iter_hashed().map(|(h, v)| (h, v.clone())).collect()
    }

    /// Removes a matching key; returns it.
    pub fn remove(&mut self, hash: i64, eq: &mut dyn FnMut(&Value) -> bool) -> Option<Value> {
        let k = self.walk(
            hash,
            |_, s| matches!(s, Slot::Active(h, v) if *h == hash && eq(v)),
        );
        if let Slot::Active(_, v) = std::mem::replace(&mut self.table[k], Slot::Dummy) {
            self.used -= 1;
            Some(v)
        } else {
            self.table[k] = Slot::Unused;
            None
        }
    }

    /// `set.pop()`: the first active slot from the finger, as set_pop.
    pub fn pop_first(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let n = self.table.len();
        let mut k = self.finger & (n - 1);
        while !matches!(self.table[k], Slot::Active(..)) {
            k = (k + 1) % n;
        }
        self.finger = k + 1;
        if let Slot::Active(_, v) = std::mem::replace(&mut self.table[k], Slot::Dummy) {
            self.used -= 1;
            return Some(v);
        }
        None
    }

    /// Empties the table.
    pub fn clear(&mut self) {
        *self = SetTable::new();
    }

    /// Moves every key out (for dropping without recursion).
    pub fn drain_into(&mut self, out: &mut Vec<Value>) {
        for s in std::mem::take(&mut self.table) {
            if let Slot::Active(_, v) = s {
                out.push(v);
            }
        }
        self.fill = 0;
        self.used = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ints(t: &SetTable) -> Vec<i64> {
        t.iter()
            .map(|v| match v {
                Value::Int(i) => *i,
                _ => -1,
            })
            .collect()
    }

    fn add(t: &mut SetTable, i: i64) -> bool {
        t.add(
            i,
            Value::Int(i),
            &mut |k| matches!(k, Value::Int(j) if *j == i),
        )
    }

    #[test]
    fn reuses_the_last_dummy_on_the_chain() {
        // CPython 3.11: {0, 8, 16} - {0, 8} + {24} prints {24, 16}, and a
        // further 32 lands before 24 (24 took slot 1, the last dummy).
        let mut t = SetTable::new();
        for i in [0, 8, 16] {
            add(&mut t, i);
        }
        for i in [0, 8] {
            t.remove(i, &mut |k| matches!(k, Value::Int(j) if *j == i));
        }
        add(&mut t, 24);
        assert_eq!(ints(&t), vec![24, 16]);
        add(&mut t, 32);
        assert_eq!(ints(&t), vec![32, 24, 16]);
    }

    #[test]
    fn undecided_equality_hands_the_key_back() {
        let mut t = SetTable::new();
        add(&mut t, 5);
        let r = t.add_decided(5, Value::Int(5), &mut |_| None);
        assert!(r.is_err());
        assert_eq!(t.len(), 1);
        assert_eq!(t.contains_decided(5, &mut |_| None), None);
        assert_eq!(t.contains_decided(6, &mut |_| None), Some(false));
    }

    #[test]
    fn merge_copies_a_same_size_table() {
        let mut a = SetTable::new();
        for i in [100, 5, 37] {
            add(&mut a, i);
        }
        let mut b = SetTable::new();
        assert!(b.merge(&a).is_empty());
        assert_eq!(ints(&b), ints(&a));
    }
}
