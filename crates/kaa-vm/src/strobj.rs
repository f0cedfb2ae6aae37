//! The `str` payload: a [`kaa_str::Str`] (PEP 393 storage: Latin-1, UCS-2
//! or UCS-4, lone surrogates allowed, O(1) indexing) with its cached hash,
//! and the str operations the interpreter's hot paths call (concatenation,
//! comparison, `in`, indexing, slicing, BUILD_STRING, one-character strs).
//!
//! `as_str()` gives Rust text for the many places of the VM that work on
//! `&str`: ASCII strings are borrowed as they are stored; any other string
//! is rendered to UTF-8 once and cached, with each lone surrogate rendered
//! as U+FFFD. That rendering is lossy for surrogates: code that must keep
//! them uses `as_pystr()` (the exact `Str`).
//!
//! The str hash is CPython 3.11's SipHash-1-3 (kaa_str::HashKey) under one
//! key per process, as CPython's `_Py_HashSecret`: PYTHONHASHSEED=0 gives
//! CPython's fixed key, so set orders of strs match CPython's; unset or
//! "random" gives a random key.

use std::cell::{Cell, OnceCell};
use std::cmp::Ordering;
use std::sync::OnceLock;

use kaa_str::{HashKey, Str};

use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The data of a str object.
pub struct StrData {
    /// The code points.
    s: Str,
    /// UTF-8 rendering of a non-ASCII string (surrogates as U+FFFD), made
    /// on the first `as_str()`.
    utf8: OnceCell<Box<str>>,
    /// The cached hash (-1: not computed yet, as CPython).
    hash: Cell<i64>,
}

impl StrData {
    /// A str holding the text `s`.
    pub fn new(s: &str) -> StrData {
        StrData::from_pystr(Str::from_str(s))
    }

    /// A str holding `s` (exact: surrogates kept).
    pub fn from_pystr(s: Str) -> StrData {
        StrData {
            s,
            utf8: OnceCell::new(),
            hash: Cell::new(-1),
        }
    }

    /// The text as UTF-8: borrowed for ASCII, else rendered once with each
    /// lone surrogate as U+FFFD (lossy; use [`StrData::as_pystr`] for the
    /// exact code points).
    #[inline]
    pub fn as_str(&self) -> &str {
        match self.s.as_ascii_str() {
            Some(a) => a,
            None => self
                .utf8
                .get_or_init(|| self.s.to_utf8_lossy().into_owned().into_boxed_str()),
        }
    }

    /// The exact string.
    #[inline]
    pub fn as_pystr(&self) -> &Str {
        &self.s
    }

    /// `len()` in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.s.len()
    }

    /// Whether every code point is ASCII.
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.s.is_ascii()
    }

    /// The code point at index `i` (None past the end).
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        self.s.get(i)
    }

    /// The code point at index `i` as a Rust char (a lone surrogate
    /// becomes U+FFFD; [`StrData::get`] is exact).
    pub fn char_at(&self, i: usize) -> Option<char> {
        self.s
            .get(i)
            .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
    }

    /// `hash(s)`: CPython's SipHash-1-3 under the process key, cached.
    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = self.s.hash(hash_key());
        self.hash.set(h);
        h
    }

    /// Whether the hash has been computed (a cheap inequality test).
    #[inline]
    fn cached_hash(&self) -> Option<i64> {
        Some(self.hash.get()).filter(|&h| h != -1)
    }
}

impl PartialEq for StrData {
    fn eq(&self, other: &StrData) -> bool {
        if let (Some(a), Some(b)) = (self.cached_hash(), other.cached_hash()) {
            if a != b {
                return false;
            }
        }
        self.s == other.s
    }
}

impl Eq for StrData {}

impl PartialOrd for StrData {
    fn partial_cmp(&self, other: &StrData) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for StrData {
    /// Code point order, as CPython's `unicode_compare`.
    fn cmp(&self, other: &StrData) -> Ordering {
        self.s.cmp(&other.s)
    }
}

/// The process's str/bytes hash key (`_Py_HashSecret`), fixed at first use.
static HASH_KEY: OnceLock<HashKey> = OnceLock::new();

/// The key str and bytes hashes use: the one [`set_hash_seed`] chose, else
/// PYTHONHASHSEED's as CPython reads it at startup (an integer in
/// [0, 4294967295]: that seed, 0 disabling randomisation; unset, "random"
/// or anything else: a random key).
pub fn hash_key() -> &'static HashKey {
    HASH_KEY.get_or_init(|| key_for(std::env::var("PYTHONHASHSEED").ok().as_deref()))
}

/// The key for a PYTHONHASHSEED value.
fn key_for(seed: Option<&str>) -> HashKey {
    match seed.and_then(|s| s.trim().parse::<u32>().ok()) {
        Some(n) => HashKey::from_seed(n),
        None => HashKey::random(),
    }
}

/// Fixes the hash key before any str is hashed (an embedder, or `-E`
/// ignoring PYTHONHASHSEED): `Some(n)` as PYTHONHASHSEED=n, None random.
/// False when the key was already fixed (it never changes afterwards).
pub fn set_hash_seed(seed: Option<u32>) -> bool {
    let key = match seed {
        Some(n) => HashKey::from_seed(n),
        None => HashKey::random(),
    };
    HASH_KEY.set(key).is_ok()
}

/// The hash of the str holding the text `s` (equal to [`StrData::hash`]
/// of that str): names looked up by Rust text in dicts.
pub fn str_hash(s: &str) -> i64 {
    if s.is_ascii() {
        // An ASCII str is hashed over its Latin-1 (= byte) code units.
        kaa_str::hash_bytes(hash_key(), s.as_bytes())
    } else {
        Str::from_str(s).hash(hash_key())
    }
}

/// `hash(b)` of a bytes object (CPython's `_Py_HashBytes`, same key).
pub fn bytes_hash(b: &[u8]) -> i64 {
    kaa_str::hash_bytes(hash_key(), b)
}

impl Vm {
    /// A str value holding `s` (exact: surrogates kept).
    pub fn new_pystr(&self, s: Str) -> Value {
        if s.len() == 1 {
            if let Some(cp) = s.get(0) {
                if cp < 256 {
                    return self.new_char(cp);
                }
            }
        }
        Value::Obj(ObjRef::new(
            self.types.str_.clone(),
            Payload::Str(StrData::from_pystr(s)),
        ))
    }

    /// The one-character str `chr(cp)` (Latin-1 ones are shared, as
    /// CPython's `unicode_latin1` cache).
    pub fn new_char(&self, cp: u32) -> Value {
        if let Some(v) = self.latin1_chars.get(cp as usize) {
            return v.clone();
        }
        Value::Obj(ObjRef::new(
            self.types.str_.clone(),
            Payload::Str(StrData::from_pystr(Str::from_char(cp))),
        ))
    }

    /// The exact string of a str value (a subclass instance included).
    pub fn pystr_of<'a>(&self, v: &'a Value) -> Option<&'a Str> {
        match v.payload() {
            Some(Payload::Str(s)) => Some(s.as_pystr()),
            _ => None,
        }
    }
}

/// The shared one-character strs U+0000..U+00FF (`Vm::latin1_chars`).
pub(crate) fn latin1_chars(str_type: &ObjRef) -> Vec<Value> {
    (0..256u32)
        .map(|cp| {
            Value::Obj(ObjRef::new(
                str_type.clone(),
                Payload::Str(StrData::from_pystr(Str::from_char(cp))),
            ))
        })
        .collect()
}

/// Raises the UnicodeEncodeError writing a str with lone surrogates to
/// a UTF-8 stream raises (`print('\ud800')`); Ok for any other value.
pub fn check_utf8(vm: &Vm, v: &Value) -> PyResult<()> {
    match v.as_pystr() {
        // Only UCS-2 strings can hold surrogates.
        Some(s) if s.kind() == kaa_str::Kind::Ucs2 => match s.to_utf8() {
            Ok(_) => Ok(()),
            Err(e) => Err(crate::strargs::str_error(vm, e)),
        },
        _ => Ok(()),
    }
}

/// `x + y` for two strs.
pub fn concat(vm: &Vm, x: &StrData, y: &StrData) -> Value {
    vm.new_pystr(x.s.concat(&y.s))
}

/// `s * n` (n already clamped to >= 0): OverflowError/MemoryError as CPython.
pub fn repeat(vm: &Vm, s: &StrData, n: usize) -> PyResult<Value> {
    match s.s.try_repeat(n) {
        Ok(r) => Ok(vm.new_pystr(r)),
        Err(e) => Err(crate::strargs::str_error(vm, e)),
    }
}

/// `x <op> y` for two strs (COMPARE_OP's 0..=5: < <= == != > >=):
/// equality tests lengths (and cached hashes) before the code points.
pub fn compare(x: &StrData, y: &StrData, op: usize) -> bool {
    match op {
        2 => x == y,
        3 => x != y,
        _ => crate::interp::cmp_result(x.cmp(y), op),
    }
}

/// `needle in s` for a str needle.
pub fn contains(s: &StrData, needle: &Value) -> Option<bool> {
    match needle.payload() {
        Some(Payload::Str(n)) => Some(s.s.contains(&n.s)),
        _ => None,
    }
}

/// `s[start:stop]` of the str value `v` (indices already adjusted to
/// 0..=len): the whole of an exact str is `v` itself, as in CPython.
pub fn slice(vm: &Vm, v: &Value, s: &StrData, start: usize, stop: usize) -> Value {
    if start == 0 && stop >= s.char_len() && !vm.is_heap(v) {
        return v.clone();
    }
    vm.new_pystr(s.s.slice(start, stop))
}

/// `s[start::step]` taking `count` items (from `PySlice_AdjustIndices`).
pub fn slice_step(vm: &Vm, s: &StrData, start: isize, step: isize, count: usize) -> Value {
    vm.new_pystr(s.s.slice_step(start, step, count))
}

/// The code points of `s` at the positions `pos` (an extended slice).
pub fn pick(vm: &Vm, s: &StrData, pos: &[usize]) -> Value {
    let mut b = kaa_str::StrBuilder::with_capacity(pos.len());
    for cp in pos.iter().filter_map(|&i| s.get(i)) {
        b.push(cp);
    }
    vm.new_pystr(b.finish())
}

/// A str constant of a code object (surrogates kept).
pub fn constant(vm: &Vm, s: &kaa_bytecode::PyStr) -> Value {
    match s.as_str() {
        Some(t) => vm.new_str(t),
        None => vm.new_pystr(Str::from_code_points(&s.code_points())),
    }
}

/// `s[i]` (i already normalised into range), or the i-th step of iteration.
pub fn item(vm: &Vm, s: &StrData, i: usize) -> Option<Value> {
    s.get(i).map(|cp| vm.new_char(cp))
}

/// BUILD_STRING: the concatenation of str values (f-string parts).
pub fn build_string(vm: &Vm, items: &[Value]) -> Value {
    let mut b = kaa_str::StrBuilder::new();
    for it in items {
        if let Some(Payload::Str(s)) = it.payload() {
            b.push_str(&s.s);
        }
    }
    vm.new_pystr(b.finish())
}

/// `repr()` of a str, as CPython's `unicode_repr` (surrogates escaped).
pub fn repr(s: &StrData) -> String {
    match s.s.as_ascii_str() {
        Some(a) => kaa_repr::repr_str(a),
        None => kaa_repr::repr_code_points(&s.s.to_code_points()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_wide_hash_agree_with_text_hash() {
        for t in ["", "a", "hello", "é", "日本", "\u{1F600}"] {
            assert_eq!(StrData::new(t).hash(), str_hash(t));
        }
    }

    #[test]
    fn surrogates_kept_but_rendered_lossy() {
        let s = StrData::from_pystr(Str::from_code_points(&[0x61, 0xD800]));
        assert_eq!(s.char_len(), 2);
        assert_eq!(s.get(1), Some(0xD800));
        assert_eq!(s.as_str(), "a\u{FFFD}");
        assert_eq!(repr(&s), "'a\\ud800'");
    }

    #[test]
    fn code_point_order() {
        let a = StrData::new("\u{FFFF}");
        let b = StrData::new("\u{10000}");
        assert!(a < b);
        assert!(StrData::new("a") != StrData::new("b"));
    }
}
