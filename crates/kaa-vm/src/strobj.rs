//! The `str` payload.
//!
//! TEMPORARY minimal storage until `kaa_str::Str` (PEP 393 storage and the
//! str methods) lands: UTF-8 text with a cached length and hash. Lone
//! surrogates are not representable here yet (they become U+FFFD).

use std::cell::Cell;
use std::hash::Hasher;

/// The data of a str object.
pub struct StrData {
    text: Box<str>,
    /// Length in code points.
    chars: usize,
    /// The cached hash (-1: not computed yet, as CPython).
    hash: Cell<i64>,
}

impl StrData {
    /// A str holding `s`.
    pub fn new(s: &str) -> StrData {
        StrData {
            chars: s.chars().count(),
            text: s.into(),
            hash: Cell::new(-1),
        }
    }

    /// The text.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// `len()` in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Whether every code point is ASCII (byte index = char index).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.text.len()
    }

    /// The code point at index `i` (0-based, in range).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The substring of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if self.is_ascii() {
            return self.text.get(start..end).unwrap_or("");
        }
        let mut it = self.text.char_indices().map(|(i, _)| i);
        let from = it.nth(start).unwrap_or(self.text.len());
        let to = if end > start {
            it.nth(end - start - 1).unwrap_or(self.text.len())
        } else {
            from
        };
        self.text.get(from..to).unwrap_or("")
    }

    /// The str's hash (randomised in CPython, so any good hash will do).
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != -1 {
            return h;
        }
        let h = str_hash(&self.text);
        self.hash.set(h);
        h
    }
}

/// The hash kaa gives the str `s` (the same as `StrData::hash`).
pub fn str_hash(s: &str) -> i64 {
    // CPython: hash('') is 0 whatever the seed.
    if s.is_empty() {
        return 0;
    }
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    hasher.write(s.as_bytes());
    let h = hasher.finish() as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
