//! `hash()` as CPython 3.11 computes it for numbers, None, tuples and
//! frozensets (str hashes are randomised in CPython, so any hash will do),
//! and the native key equality dicts and sets use before falling back to
//! Python's `__eq__`.

use kaa_bytecode::pyhash;

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// Equality decidable without running Python code: Some for numbers,
/// None, str, and tuples of those; None when `__eq__` must be called.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x == y),
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => {
            Some(crate::float::int_float_eq(*x, *y))
        }
        (Value::Float(x), Value::Float(y)) => Some(x == y),
        (Value::Bool(x), Value::Bool(y)) => Some(x == y),
        (Value::Bool(x), Value::Int(y)) | (Value::Int(y), Value::Bool(x)) => Some(*x as i64 == *y),
        (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => {
            Some(*x as i64 as f64 == *y)
        }
        (Value::None, Value::None) => Some(true),
        (Value::Obj(x), Value::Obj(y)) => {
            if x.ptr_eq(y) {
                return Some(true);
            }
            match (&x.payload, &y.payload) {
                (Payload::Str(s), Payload::Str(t)) => {
                    if x.dict.is_some() || y.dict.is_some() {
                        return None;
                    }
                    Some(s == t)
                }
                (Payload::BigInt(s), Payload::BigInt(t)) => Some(s == t),
                (Payload::Bytes(s), Payload::Bytes(t)) => Some(s == t),
                (Payload::Complex(a, b), Payload::Complex(c, d)) => Some(a == c && b == d),
                (Payload::Tuple(s), Payload::Tuple(t)) => {
                    if is_union_object(x) || is_union_object(y) {
                        return None;
                    }
                    if s.len() != t.len() {
                        return Some(false);
                    }
                    for (p, q) in s.iter().zip(t.iter()) {
                        if !simple_eq(p, q)? {
                            return Some(false);
                        }
                    }
                    Some(true)
                }
                (Payload::Plain, Payload::Plain) if x.dict.is_none() && y.dict.is_none() => {
                    Some(false)
                }
                _ => {
                    if is_simple(a) && is_simple(b) {
                        Some(false)
                    } else {
                        None
                    }
                }
            }
        }
        (Value::Obj(_), _) | (_, Value::Obj(_)) => {
            // A big int may equal a float (`{2**70: 1}.get(2.0**70)`):
            // exactly when the float is integral and has the same value.
            let big_float = |x: &Value, y: &Value| match (x.as_bigint(), y) {
                (Some(i), Value::Float(f)) => Some(
                    f.is_finite()
                        && f.fract() == 0.0
                        && num_traits::FromPrimitive::from_f64(*f).as_ref() == Some(i),
                ),
                _ => None,
            };
            if let Some(r) = big_float(a, b).or_else(|| big_float(b, a)) {
                Some(r)
            } else if is_simple(a) && is_simple(b) {
                Some(false)
            } else {
                None
            }
        }
        _ => Some(false),
    }
}

/// Whether `o` is a `types.UnionType` (a tuple payload whose equality is
/// that of a set).
fn is_union_object(o: &crate::object::Object) -> bool {
    o.class
        .as_ref()
        .and_then(crate::types::type_data)
        .is_some_and(|d| d.name == "UnionType")
}

/// Whether a value's equality never runs Python code.
pub fn is_simple(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            o.dict.is_none()
                && match &o.payload {
                    Payload::Str(_) | Payload::BigInt(_) | Payload::Bytes(_) => true,
                    Payload::Tuple(t) => !is_union_object(o) && t.iter().all(is_simple),
                    Payload::Type(_) | Payload::Function(_) | Payload::Builtin(_) => true,
                    _ => false,
                }
        }
        _ => true,
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::None => Ok(0xfca86420 >> 4),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(i) => Ok(pyhash::hash_i64(*i)),
            Value::Float(f) => Ok(pyhash::hash_float(*f).unwrap_or(0)),
            Value::Obj(o) => {
                if let Some(cls) = &o.class {
                    if crate::types::type_data(cls).is_some_and(|d| d.heap) {
                        if let Some(h) = crate::types::lookup_user(cls, "__hash__") {
                            if h.is_none() {
                                return Err(self.type_error(format!(
                                    "unhashable type: '{}'",
                                    self.type_name(v)
                                )));
                            }
                            let r = self.call(&h, std::slice::from_ref(v))?;
                            return match r {
                                Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                                Value::Bool(b) => Ok(b as i64),
                                // A big int (or int subclass) result is
                                // reduced by int's own hash, as slot_tp_hash.
                                ref big if big.as_bigint().is_some() => {
                                    Ok(big.as_bigint().map_or(0, pyhash::hash_bigint))
                                }
                                _ => {
                                    Err(self.type_error("__hash__ method should return an integer"))
                                }
                            };
                        }
                    }
                }
                match &o.payload {
                    Payload::Str(s) => Ok(s.hash()),
                    Payload::BigInt(b) => Ok(pyhash::hash_bigint(b)),
                    Payload::Tuple(items) => {
                        let mut hs = Vec::with_capacity(items.len());
                        for it in items.iter() {
                            hs.push(self.hash(it)?);
                        }
                        // A union hashes as the frozenset of its members.
                        if crate::metaclass::is_union(self, v) {
                            return Ok(frozenset_hash(hs.into_iter()));
                        }
                        Ok(pyhash::hash_tuple(&hs))
                    }
                    Payload::Complex(re, im) => {
                        Ok(crate::complex::complex_hash((*re, *im), o.id()))
                    }
                    Payload::FrozenSet(t) => Ok(frozenset_hash(t.iter_hashed().map(|(h, _)| h))),
                    Payload::Bytes(b) => Ok(crate::strobj::bytes_hash(b)),
                    Payload::List(_) | Payload::Dict(_) | Payload::Set(_) => {
                        Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
                    }
                    Payload::Range(r) => crate::rangeobj::range_hash(self, *r),
                    Payload::Slice(_) => Err(self.type_error("unhashable type: 'slice'")),
                    Payload::ByteArray(_) | Payload::MemoryView(_) => {
                        crate::memoryview::hash(self, v)
                    }
                    Payload::LongRange(_) => crate::rangeobj::long_hash(self, v),
                    Payload::Code(c) => crate::codeobj::code_hash(self, &c.clone()),
                    _ => {
                        // object.__hash__: the address rotated by 4 bits.
                        let id = o.id() as u64;
                        Ok((id.rotate_right(4)) as i64)
                    }
                }
            }
        }
    }
}

/// `frozenset_hash` of Objects/setobject.c.
pub fn frozenset_hash(hashes: impl Iterator<Item = i64>) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    let mut n = 0u64;
    for h in hashes {
        hash ^= shuffle(h as u64);
        n += 1;
    }
    hash ^= (n.wrapping_add(1)).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    if h == -1 {
        590923713
    } else {
        h
    }
}
