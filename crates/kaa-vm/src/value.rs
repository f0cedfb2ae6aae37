//! `Value`: what a Python variable holds. `None`, `bool`, small `int` and
//! `float` live inside the value; everything else is a reference-counted
//! heap object. Code reaches the representation through the accessors here.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::object::{ObjRef, Payload};

/// A Python value in 16 bytes.
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits (bigger ints are `Payload::BigInt`).
    Int(i64),
    /// A float.
    Float(f64),
    /// Any heap object.
    Obj(ObjRef),
}

impl Value {
    /// The heap object, if this is one.
    #[inline]
    pub fn as_obj(&self) -> Option<&ObjRef> {
        match self {
            Value::Obj(o) => Some(o),
            _ => None,
        }
    }

    /// The payload of a heap value.
    #[inline]
    pub fn payload(&self) -> Option<&Payload> {
        match self {
            Value::Obj(o) => Some(&o.payload),
            _ => None,
        }
    }

    /// Whether this is `None`.
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`): same immediate value or same object.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // CPython caches small ints; equal ints are `is`-equal in
            // ordinary programs, and kaa keeps ints unboxed.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a.ptr_eq(b),
            _ => false,
        }
    }

    /// An int value from a big int, normalised to `Int` when it fits.
    pub fn from_bigint(i: BigInt, vm: &crate::Vm) -> Value {
        match i.to_i64() {
            Some(v) => Value::Int(v),
            None => Value::Obj(ObjRef::new(vm.types.int.clone(), Payload::BigInt(i))),
        }
    }

    /// The text of a str value (lossy: a lone surrogate reads as U+FFFD;
    /// [`Value::as_pystr`] is exact).
    #[inline]
    pub fn as_str(&self) -> Option<&str> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The exact string (code points, surrogates kept) of a str value.
    #[inline]
    pub fn as_pystr(&self) -> Option<&kaa_str::Str> {
        match self.payload() {
            Some(Payload::Str(s)) => Some(s.as_pystr()),
            _ => None,
        }
    }

    /// The items of a tuple value.
    #[inline]
    pub fn as_tuple(&self) -> Option<&[Value]> {
        match self.payload() {
            Some(Payload::Tuple(t)) => Some(t),
            _ => None,
        }
    }

    /// The big int of a heap int.
    pub fn as_bigint(&self) -> Option<&BigInt> {
        match self.payload() {
            Some(Payload::BigInt(b)) => Some(b),
            _ => None,
        }
    }

    /// Whether this is an int (bool included), small or big.
    pub fn is_int_like(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Bool(_)) || self.as_bigint().is_some()
    }

    /// The value as a big int, for ints and bools.
    pub fn to_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            _ => self.as_bigint().cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_16_bytes() {
        assert_eq!(std::mem::size_of::<Value>(), 16);
        assert_eq!(std::mem::size_of::<Option<Value>>(), 16);
    }
}
