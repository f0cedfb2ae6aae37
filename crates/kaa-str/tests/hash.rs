//! hash(str) and hash(bytes) against CPython 3.11 under several PYTHONHASHSEEDs.
mod common;
use common::*;
use kaa_str::{hash_bytes, HashKey};

#[test]
fn hashes_match_cpython() {
    check("hash.txt", |c| {
        let key = HashKey::from_seed(i(&c.args[0]) as u32);
        Some(match (c.method.as_str(), &c.args[1]) {
            ("hash", V::S(s)) => V::I(s.hash(&key)),
            ("hash_bytes", V::Y(b)) => V::I(hash_bytes(&key, b)),
            _ => panic!("unknown case {}", c.method),
        })
    });
}

#[test]
fn cached_hash_follows_the_key() {
    let s = kaa_str::Str::from_str("abc");
    let a = s.hash(&HashKey::from_seed(1));
    let b = s.hash(&HashKey::from_seed(2));
    assert_ne!(a, b);
    assert_eq!(s.hash(&HashKey::from_seed(1)), a);
    let r = HashKey::random();
    assert_eq!(s.hash(&r), s.hash(&r));
}
