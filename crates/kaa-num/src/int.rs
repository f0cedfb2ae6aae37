//! [`Int`]: an integer result, small (i64) when it fits, big otherwise.

use num_bigint::BigInt;
use num_traits::ToPrimitive;

/// An integer result: `Small` whenever the value fits an i64 (normalised),
/// `Big` otherwise, matching the VM's `Value::Int(i64)` / heap big int split.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Int {
    /// A value in i64 range.
    Small(i64),
    /// A value outside i64 range.
    Big(BigInt),
}

impl Int {
    /// The value as a BigInt (allocates for `Small`).
    pub fn to_bigint(&self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(*i),
            Int::Big(b) => b.clone(),
        }
    }

    /// The value as a BigInt, consuming `self`.
    pub fn into_bigint(self) -> BigInt {
        match self {
            Int::Small(i) => BigInt::from(i),
            Int::Big(b) => b,
        }
    }
}

impl From<BigInt> for Int {
    fn from(b: BigInt) -> Int {
        match b.to_i64() {
            Some(i) => Int::Small(i),
            None => Int::Big(b),
        }
    }
}

impl From<i64> for Int {
    fn from(i: i64) -> Int {
        Int::Small(i)
    }
}

impl From<i128> for Int {
    fn from(i: i128) -> Int {
        match i64::try_from(i) {
            Ok(s) => Int::Small(s),
            Err(_) => Int::Big(BigInt::from(i)),
        }
    }
}
