//! `Constant`: the values a code object's `co_consts` can hold — what
//! CPython 3.11's compiler puts there, plus the other values marshal can
//! carry (a `.pyc` may hold them, and `marshal.loads` must read them).

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::code::CodeObject;
use crate::pystr::PyStr;

/// An immutable value of a code object's constant table or of marshal data.
///
/// The compiler produces None, Ellipsis, Bool, Int/BigInt, Float, Complex,
/// Str, Bytes, Tuple, FrozenSet and Code; StopIteration, List, Set and Dict
/// only come from marshal data.
///
/// Equality is identity of constants, as CPython's compiler merges them
/// (`_PyCode_ConstantKey`): the type counts (`1`, `1.0` and `True` differ)
/// and floats compare by their bits (`0.0` and `-0.0` differ, a NaN equals
/// the same NaN); sets compare as sets, whatever their order.
///
/// Containers are shared (`Arc`), so cloning is cheap and marshal
/// back-references never copy. Dropping, comparing and hashing walk
/// nested values with an explicit stack (marshal allows 2000 levels), so
/// `Constant` implements `Drop`: match it by reference and clone the parts
/// you keep.
#[derive(Clone, Debug)]
pub enum Constant {
    /// `None`.
    None,
    /// `...`.
    Ellipsis,
    /// The `StopIteration` class (marshal's `S`).
    StopIteration,
    /// `True` or `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// An int that does not fit in 64 bits (use [`Constant::int`] to
    /// build ints of any size).
    BigInt(Arc<BigInt>),
    /// A float.
    Float(f64),
    /// A complex number.
    Complex {
        /// The real part.
        re: f64,
        /// The imaginary part.
        im: f64,
    },
    /// A str.
    Str(PyStr),
    /// A bytes object.
    Bytes(Arc<[u8]>),
    /// A tuple.
    Tuple(Arc<[Constant]>),
    /// A frozenset, its elements in marshal order (CPython writes them
    /// sorted by their own marshal bytes; [`Constant::frozenset`] sorts).
    FrozenSet(Arc<[Constant]>),
    /// A nested code object (a function, class body, comprehension...).
    Code(Arc<CodeObject>),
    /// A list (marshal data only).
    List(Arc<[Constant]>),
    /// A set (marshal data only).
    Set(Arc<[Constant]>),
    /// A dict, as its (key, value) pairs in order (marshal data only).
    Dict(Arc<[(Constant, Constant)]>),
}

impl Constant {
    /// An int constant of any size (`Int` when it fits in 64 bits).
    pub fn int(value: BigInt) -> Constant {
        match value.to_i64() {
            Some(v) => Constant::Int(v),
            None => Constant::BigInt(Arc::new(value)),
        }
    }

    /// A str constant.
    pub fn str(s: &str) -> Constant {
        Constant::Str(PyStr::new(s))
    }

    /// A bytes constant.
    pub fn bytes(b: &[u8]) -> Constant {
        Constant::Bytes(Arc::from(b))
    }

    /// A tuple constant.
    pub fn tuple(items: Vec<Constant>) -> Constant {
        Constant::Tuple(Arc::from(items))
    }

    /// A code object constant.
    pub fn code(code: CodeObject) -> Constant {
        Constant::Code(Arc::new(code))
    }

    /// A frozenset constant with its elements in the order CPython 3.11's
    /// marshal writes them (sorted by their marshal bytes, bpo-37596), so
    /// that equal sets compare equal and marshal identically.
    /// Duplicates (by constant identity) are dropped.
    pub fn frozenset(items: Vec<Constant>) -> Constant {
        let mut keyed: Vec<(Vec<u8>, Constant)> = Vec::with_capacity(items.len());
        for item in items {
            if keyed.iter().any(|(_, c)| *c == item) {
                continue;
            }
            keyed.push((crate::marshal::set_element_key(&item), item));
        }
        keyed.sort_by(|a, b| a.0.cmp(&b.0));
        Constant::FrozenSet(keyed.into_iter().map(|(_, c)| c).collect())
    }

    /// The Python type name (`type(x).__name__`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Constant::None => "NoneType",
            Constant::Ellipsis => "ellipsis",
            Constant::StopIteration => "type",
            Constant::Bool(_) => "bool",
            Constant::Int(_) | Constant::BigInt(_) => "int",
            Constant::Float(_) => "float",
            Constant::Complex { .. } => "complex",
            Constant::Str(_) => "str",
            Constant::Bytes(_) => "bytes",
            Constant::Tuple(_) => "tuple",
            Constant::FrozenSet(_) => "frozenset",
            Constant::Code(_) => "code",
            Constant::List(_) => "list",
            Constant::Set(_) => "set",
            Constant::Dict(_) => "dict",
        }
    }

    /// The first unhashable type inside a value (as `hash()` would meet
    /// it), or None when the value is hashable.
    pub fn unhashable_type(&self) -> Option<&'static str> {
        let mut work = vec![self];
        while let Some(c) = work.pop() {
            match c {
                Constant::List(_) | Constant::Set(_) | Constant::Dict(_) => {
                    return Some(c.type_name())
                }
                Constant::Tuple(items) => work.extend(items.iter().rev()),
                _ => {}
            }
        }
        None
    }

    /// Whether the value holds other constants (containers, code).
    fn has_parts(&self) -> bool {
        matches!(
            self,
            Constant::Tuple(_)
                | Constant::FrozenSet(_)
                | Constant::List(_)
                | Constant::Set(_)
                | Constant::Dict(_)
                | Constant::Code(_)
        )
    }

    /// Moves out the parts this value alone owns, for [`Drop`].
    fn take_parts(&mut self, out: &mut Vec<Constant>) {
        let mut take = |c: &mut Constant| {
            if c.has_parts() {
                out.push(std::mem::replace(c, Constant::None));
            }
        };
        match self {
            Constant::Tuple(items)
            | Constant::FrozenSet(items)
            | Constant::List(items)
            | Constant::Set(items) => {
                if let Some(items) = Arc::get_mut(items) {
                    items.iter_mut().for_each(take);
                }
            }
            Constant::Dict(pairs) => {
                if let Some(pairs) = Arc::get_mut(pairs) {
                    for (k, v) in pairs.iter_mut() {
                        take(k);
                        take(v);
                    }
                }
            }
            Constant::Code(code) => {
                if let Some(code) = Arc::get_mut(code) {
                    code.consts.iter_mut().for_each(take);
                }
            }
            _ => {}
        }
    }
}

impl Drop for Constant {
    /// Drops nested constants one by one instead of recursively, so that
    /// 2000 levels of nesting (what marshal accepts) need no deep stack.
    fn drop(&mut self) {
        if !self.has_parts() {
            return;
        }
        let mut pending = Vec::new();
        self.take_parts(&mut pending);
        while let Some(mut c) = pending.pop() {
            c.take_parts(&mut pending);
        }
    }
}

impl PartialEq for Constant {
    /// Compares with an explicit stack: nesting costs no Rust stack.
    fn eq(&self, other: &Constant) -> bool {
        use Constant::*;
        let mut work: Vec<(&Constant, &Constant)> = vec![(self, other)];
        while let Some(pair) = work.pop() {
            let same = match pair {
                (None, None) | (Ellipsis, Ellipsis) | (StopIteration, StopIteration) => true,
                (Bool(a), Bool(b)) => a == b,
                (Int(a), Int(b)) => a == b,
                (BigInt(a), BigInt(b)) => a == b,
                (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
                (Complex { re: a, im: b }, Complex { re: c, im: d }) => {
                    a.to_bits() == c.to_bits() && b.to_bits() == d.to_bits()
                }
                (Str(a), Str(b)) => a == b,
                (Bytes(a), Bytes(b)) => a == b,
                (Tuple(a), Tuple(b)) | (List(a), List(b)) => {
                    if !Arc::ptr_eq(a, b) {
                        if a.len() != b.len() {
                            return false;
                        }
                        work.extend(a.iter().zip(b.iter()));
                    }
                    true
                }
                (FrozenSet(a), FrozenSet(b)) | (Set(a), Set(b)) => {
                    Arc::ptr_eq(a, b) || same_set(a, b)
                }
                (Dict(a), Dict(b)) => {
                    if !Arc::ptr_eq(a, b) {
                        if a.len() != b.len() {
                            return false;
                        }
                        for ((k1, v1), (k2, v2)) in a.iter().zip(b.iter()) {
                            work.push((k1, k2));
                            work.push((v1, v2));
                        }
                    }
                    true
                }
                (Code(a), Code(b)) => {
                    if !Arc::ptr_eq(a, b) {
                        if !a.same_except_consts(b) {
                            return false;
                        }
                        work.extend(a.consts.iter().zip(b.consts.iter()));
                    }
                    true
                }
                _ => false,
            };
            if !same {
                return false;
            }
        }
        true
    }
}

impl Eq for Constant {}

/// Set equality: the same elements, whatever their order (marshal data
/// orders them, the compiler may not).
fn same_set(a: &[Constant], b: &[Constant]) -> bool {
    let in_b: HashSet<&Constant> = b.iter().collect();
    let in_a: HashSet<&Constant> = a.iter().collect();
    a.iter().all(|x| in_b.contains(x)) && b.iter().all(|y| in_a.contains(y))
}

impl Hash for Constant {
    /// Hashes with an explicit stack; sets hash their elements separately
    /// and add the results, so that order does not matter.
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut work = vec![self];
        while let Some(c) = work.pop() {
            std::mem::discriminant(c).hash(state);
            match c {
                Constant::None | Constant::Ellipsis | Constant::StopIteration => {}
                Constant::Bool(b) => b.hash(state),
                Constant::Int(i) => i.hash(state),
                Constant::BigInt(i) => i.hash(state),
                Constant::Float(f) => f.to_bits().hash(state),
                Constant::Complex { re, im } => (re.to_bits(), im.to_bits()).hash(state),
                Constant::Str(s) => s.hash(state),
                Constant::Bytes(b) => b.hash(state),
                Constant::Tuple(items) | Constant::List(items) => {
                    items.len().hash(state);
                    work.extend(items.iter().rev());
                }
                Constant::FrozenSet(items) | Constant::Set(items) => {
                    let mut sum = 0u64;
                    for item in items.iter() {
                        let mut h = std::collections::hash_map::DefaultHasher::new();
                        item.hash(&mut h);
                        sum = sum.wrapping_add(h.finish());
                    }
                    sum.hash(state);
                }
                Constant::Dict(pairs) => {
                    pairs.len().hash(state);
                    for (k, v) in pairs.iter().rev() {
                        work.push(v);
                        work.push(k);
                    }
                }
                Constant::Code(code) => code.name.hash(state),
            }
        }
    }
}

impl From<bool> for Constant {
    fn from(b: bool) -> Constant {
        Constant::Bool(b)
    }
}

impl From<i64> for Constant {
    fn from(i: i64) -> Constant {
        Constant::Int(i)
    }
}

impl From<f64> for Constant {
    fn from(f: f64) -> Constant {
        Constant::Float(f)
    }
}

impl From<&str> for Constant {
    fn from(s: &str) -> Constant {
        Constant::str(s)
    }
}
