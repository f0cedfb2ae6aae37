//! The `Str` type: a Python str stored as PEP 393 does (Latin-1 bytes, UCS-2
//! or UCS-4 code units, always the narrowest kind that fits), with O(1)
//! indexing and a cached hash. ASCII strings are kept as a Rust `str` so the
//! common path hands out `&str` without copying.

use std::borrow::Cow;
use std::cell::Cell;
use std::cmp::Ordering;
use std::fmt;

/// The PEP 393 storage kind: bytes per code point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// One byte per code point (max <= U+00FF), `PyUnicode_1BYTE_KIND`.
    Latin1 = 1,
    /// Two bytes per code point (max <= U+FFFF), `PyUnicode_2BYTE_KIND`.
    Ucs2 = 2,
    /// Four bytes per code point, `PyUnicode_4BYTE_KIND`.
    Ucs4 = 4,
}

impl Kind {
    /// The narrowest kind able to hold `max_cp`.
    pub fn for_max(max_cp: u32) -> Kind {
        if max_cp <= 0xFF {
            Kind::Latin1
        } else if max_cp <= 0xFFFF {
            Kind::Ucs2
        } else {
            Kind::Ucs4
        }
    }
}

/// A borrowed view of a string's code units, one variant per storage kind.
#[derive(Clone, Copy, Debug)]
pub enum Units<'a> {
    /// Latin-1 (including ASCII) code units.
    Latin1(&'a [u8]),
    /// UCS-2 code units (may include lone surrogates).
    Ucs2(&'a [u16]),
    /// UCS-4 code units.
    Ucs4(&'a [u32]),
}

/// The canonical storage: the variant is determined by the maximum code point.
#[derive(Clone)]
pub(crate) enum Data {
    /// All code points < 0x80 (including the empty string).
    Ascii(String),
    /// Max code point in 0x80..=0xFF.
    Latin1(Vec<u8>),
    /// Max code point in 0x100..=0xFFFF.
    Ucs2(Vec<u16>),
    /// Max code point >= 0x10000.
    Ucs4(Vec<u32>),
}

/// The hash computed under one key (the key is kept so a different key
/// never sees a stale value).
#[derive(Clone, Copy)]
struct CachedHash {
    k0: u64,
    k1: u64,
    hash: i64,
}

/// A Python str: an immutable sequence of code points (lone surrogates
/// allowed), stored as PEP 393 does, with O(1) indexing and a cached hash.
#[derive(Clone)]
pub struct Str {
    data: Data,
    hash: Cell<Option<CachedHash>>,
}

/// A code unit type of one storage kind (u8, u16 or u32).
pub(crate) trait Unit: Copy + Eq + Ord + Into<u32> + fmt::Debug + 'static {
    /// The unit holding `cp`, or None when it does not fit this width.
    fn from_cp(cp: u32) -> Option<Self>;
}

impl Unit for u8 {
    fn from_cp(cp: u32) -> Option<Self> {
        u8::try_from(cp).ok()
    }
}

impl Unit for u16 {
    fn from_cp(cp: u32) -> Option<Self> {
        u16::try_from(cp).ok()
    }
}

impl Unit for u32 {
    fn from_cp(cp: u32) -> Option<Self> {
        Some(cp)
    }
}

impl Str {
    fn with_data(data: Data) -> Str {
        Str {
            data,
            hash: Cell::new(None),
        }
    }

    /// The empty string.
    pub fn new() -> Str {
        Str::with_data(Data::Ascii(String::new()))
    }

    /// A Str holding the code points of a Rust string.
    #[allow(clippy::should_implement_trait)]
    pub fn from_str(s: &str) -> Str {
        if s.is_ascii() {
            return Str::with_data(Data::Ascii(String::from(s)));
        }
        let max = s.chars().map(u32::from).max().unwrap_or(0);
        match Kind::for_max(max) {
            Kind::Latin1 => Str::with_data(Data::Latin1(s.chars().map(|c| c as u8).collect())),
            Kind::Ucs2 => Str::with_data(Data::Ucs2(s.chars().map(|c| c as u16).collect())),
            Kind::Ucs4 => Str::with_data(Data::Ucs4(s.chars().map(u32::from).collect())),
        }
    }

    /// A Str from an owned Rust string (no copy when it is ASCII).
    pub fn from_string(s: String) -> Str {
        if s.is_ascii() {
            Str::with_data(Data::Ascii(s))
        } else {
            Str::from_str(&s)
        }
    }

    /// A Str of the given code points (values above 0x10FFFF are the caller's
    /// error: `chr()` rejects them; they are stored as given, never a panic).
    pub fn from_code_points(cps: &[u32]) -> Str {
        Str::from_units(cps)
    }

    /// A one-code-point Str (`chr(cp)`).
    pub fn from_char(cp: u32) -> Str {
        Str::from_units(&[cp])
    }

    /// A Str of Latin-1 bytes (each byte is its code point: `bytes.decode('latin-1')`).
    pub fn from_latin1(bytes: &[u8]) -> Str {
        Str::from_units(bytes)
    }

    /// A Str from code units of any width, narrowed to the canonical kind.
    pub(crate) fn from_units<T: Unit>(units: &[T]) -> Str {
        let max = units.iter().map(|&u| u.into()).max().unwrap_or(0);
        Str::from_units_max(units, max)
    }

    /// As [`Str::from_units`] when the maximum code point is already known.
    pub(crate) fn from_units_max<T: Unit>(units: &[T], max: u32) -> Str {
        let data = if max < 0x80 {
            let s: String = units.iter().map(|&u| char::from(u.into() as u8)).collect();
            Data::Ascii(s)
        } else if max <= 0xFF {
            Data::Latin1(units.iter().map(|&u| u.into() as u8).collect())
        } else if max <= 0xFFFF {
            Data::Ucs2(units.iter().map(|&u| u.into() as u16).collect())
        } else {
            Data::Ucs4(units.iter().map(|&u| u.into()).collect())
        };
        Str::with_data(data)
    }

    /// Takes ownership of canonical storage built by [`crate::StrBuilder`].
    pub(crate) fn from_data(data: Data) -> Str {
        Str::with_data(data)
    }

    /// `self += other` in place, amortised O(len(other)) like CPython's
    /// in-place concatenation of an unshared str (the VM calls it when its
    /// reference is the only one).
    pub fn append(&mut self, other: &Str) {
        if other.is_empty() {
            return;
        }
        let data = std::mem::replace(&mut self.data, Data::Ascii(String::new()));
        let mut b = crate::StrBuilder::from_data(data);
        b.push_str(other);
        *self = b.finish_keeping_capacity();
    }

    /// The number of code points (`len(s)`).
    #[inline]
    pub fn len(&self) -> usize {
        match &self.data {
            Data::Ascii(s) => s.len(),
            Data::Latin1(b) => b.len(),
            Data::Ucs2(u) => u.len(),
            Data::Ucs4(u) => u.len(),
        }
    }

    /// True for the empty string.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when every code point is below 0x80 (`str.isascii()`), O(1).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        matches!(self.data, Data::Ascii(_))
    }

    /// The storage kind (PEP 393): what the hash is computed over.
    #[inline]
    pub fn kind(&self) -> Kind {
        match &self.data {
            Data::Ascii(_) | Data::Latin1(_) => Kind::Latin1,
            Data::Ucs2(_) => Kind::Ucs2,
            Data::Ucs4(_) => Kind::Ucs4,
        }
    }

    /// The largest code point (0 for the empty string); scans the string.
    pub fn max_char(&self) -> u32 {
        match self.units() {
            Units::Latin1(b) => b.iter().copied().max().map_or(0, u32::from),
            Units::Ucs2(u) => u.iter().copied().max().map_or(0, u32::from),
            Units::Ucs4(u) => u.iter().copied().max().unwrap_or(0),
        }
    }

    /// The code units, by storage kind.
    #[inline]
    pub fn units(&self) -> Units<'_> {
        match &self.data {
            Data::Ascii(s) => Units::Latin1(s.as_bytes()),
            Data::Latin1(b) => Units::Latin1(b),
            Data::Ucs2(u) => Units::Ucs2(u),
            Data::Ucs4(u) => Units::Ucs4(u),
        }
    }

    /// The code point at index `i` (`s[i]` after the VM normalised `i`).
    #[inline]
    pub fn get(&self, i: usize) -> Option<u32> {
        match self.units() {
            Units::Latin1(b) => b.get(i).map(|&c| u32::from(c)),
            Units::Ucs2(u) => u.get(i).map(|&c| u32::from(c)),
            Units::Ucs4(u) => u.get(i).copied(),
        }
    }

    /// The code points in order.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints {
            units: self.units(),
            front: 0,
            back: self.len(),
        }
    }

    /// All code points as a vector (UCS-4).
    pub fn to_code_points(&self) -> Vec<u32> {
        self.code_points().collect()
    }

    /// `s[start:stop]` with `start`/`stop` already clamped by the caller
    /// (values past the end are clamped again here; start >= stop gives '').
    pub fn slice(&self, start: usize, stop: usize) -> Str {
        let stop = stop.min(self.len());
        if start >= stop {
            return Str::new();
        }
        if start == 0 && stop == self.len() {
            return self.clone_fresh();
        }
        match &self.data {
            Data::Ascii(s) => {
                Str::with_data(Data::Ascii(String::from(s.get(start..stop).unwrap_or(""))))
            }
            Data::Latin1(b) => Str::from_units(b.get(start..stop).unwrap_or(&[])),
            Data::Ucs2(u) => Str::from_units(u.get(start..stop).unwrap_or(&[])),
            Data::Ucs4(u) => Str::from_units(u.get(start..stop).unwrap_or(&[])),
        }
    }

    /// `s[start::step]` taking `count` items, as computed by the VM's
    /// `PySlice_AdjustIndices` (indices out of range are skipped, never a panic).
    pub fn slice_step(&self, start: isize, step: isize, count: usize) -> Str {
        if step == 1 && start >= 0 {
            let start = start as usize;
            return self.slice(start, start.saturating_add(count));
        }
        let mut out = Vec::with_capacity(count.min(self.len()));
        let mut i = start;
        for _ in 0..count {
            if let Some(cp) = usize::try_from(i).ok().and_then(|i| self.get(i)) {
                out.push(cp);
            }
            i = i.wrapping_add(step);
        }
        Str::from_units(&out)
    }

    /// `self + other`.
    pub fn concat(&self, other: &Str) -> Str {
        if other.is_empty() {
            return self.clone_fresh();
        }
        if self.is_empty() {
            return other.clone_fresh();
        }
        let mut b = crate::StrBuilder::with_capacity(self.len() + other.len());
        b.push_str(self);
        b.push_str(other);
        b.finish()
    }

    /// `self * n` (the VM has turned negative counts into 0). Panics never:
    /// use [`Str::try_repeat`] to learn about a too-large result.
    pub fn repeat(&self, n: usize) -> Str {
        self.try_repeat(n).unwrap_or_default()
    }

    /// `self * n`, failing as CPython does when the result cannot exist:
    /// OverflowError("repeated string is too long") past `isize::MAX` code
    /// points, MemoryError when the allocation fails.
    pub fn try_repeat(&self, n: usize) -> Result<Str, crate::StrError> {
        if n == 0 || self.is_empty() {
            return Ok(Str::new());
        }
        if n == 1 {
            return Ok(self.clone_fresh());
        }
        let total = self
            .len()
            .checked_mul(n)
            .filter(|&t| isize::try_from(t).is_ok())
            .ok_or_else(|| crate::StrError::Overflow("repeated string is too long".into()))?;
        fn rep<T: Copy>(src: &[T], n: usize, total: usize) -> Result<Vec<T>, crate::StrError> {
            let mut v: Vec<T> = Vec::new();
            v.try_reserve_exact(total)
                .map_err(|_| crate::StrError::Memory)?;
            for _ in 0..n {
                v.extend_from_slice(src);
            }
            Ok(v)
        }
        let data = match &self.data {
            Data::Ascii(s) => {
                let bytes = rep(s.as_bytes(), n, total)?;
                Data::Ascii(String::from_utf8(bytes).unwrap_or_default())
            }
            Data::Latin1(b) => Data::Latin1(rep(b, n, total)?),
            Data::Ucs2(u) => Data::Ucs2(rep(u, n, total)?),
            Data::Ucs4(u) => Data::Ucs4(rep(u, n, total)?),
        };
        Ok(Str::with_data(data))
    }

    /// The string as a Rust `&str` when it is ASCII (zero-copy, O(1)).
    #[inline]
    pub fn as_ascii_str(&self) -> Option<&str> {
        match &self.data {
            Data::Ascii(s) => Some(s),
            _ => None,
        }
    }

    /// The string as UTF-8 when it has no lone surrogates; otherwise the
    /// UnicodeEncodeError CPython raises ('utf-8' codec, "surrogates not allowed").
    pub fn to_utf8(&self) -> Result<Cow<'_, str>, crate::StrError> {
        if let Data::Ascii(s) = &self.data {
            return Ok(Cow::Borrowed(s));
        }
        let mut out = String::with_capacity(self.len() * 2);
        for (i, cp) in self.code_points().enumerate() {
            match char::from_u32(cp) {
                Some(c) => out.push(c),
                None => {
                    let end = (i..self.len())
                        .take_while(|&j| self.get(j).is_some_and(|c| (0xD800..0xE000).contains(&c)))
                        .count()
                        + i;
                    return Err(crate::StrError::UnicodeEncode(Box::new(
                        crate::UnicodeEncodeError {
                            encoding: "utf-8".into(),
                            object: self.clone_fresh(),
                            start: i,
                            end: end.max(i + 1),
                            reason: "surrogates not allowed".into(),
                        },
                    )));
                }
            }
        }
        Ok(Cow::Owned(out))
    }

    /// The string as UTF-8 with each lone surrogate replaced by U+FFFD
    /// (for diagnostics; Python-visible output uses [`Str::to_utf8`]).
    pub fn to_utf8_lossy(&self) -> Cow<'_, str> {
        if let Data::Ascii(s) = &self.data {
            return Cow::Borrowed(s);
        }
        Cow::Owned(
            self.code_points()
                .map(|cp| char::from_u32(cp).unwrap_or('\u{FFFD}'))
                .collect(),
        )
    }

    /// A copy of this string (the cached hash comes along: same content).
    fn clone_fresh(&self) -> Str {
        self.clone()
    }

    /// The cached hash for key (k0, k1), if computed.
    pub(crate) fn cached_hash(&self, k0: u64, k1: u64) -> Option<i64> {
        self.hash
            .get()
            .filter(|c| c.k0 == k0 && c.k1 == k1)
            .map(|c| c.hash)
    }

    /// Stores the hash computed under key (k0, k1).
    pub(crate) fn set_cached_hash(&self, k0: u64, k1: u64, hash: i64) {
        self.hash.set(Some(CachedHash { k0, k1, hash }));
    }
}

impl Default for Str {
    fn default() -> Str {
        Str::new()
    }
}

impl From<&str> for Str {
    fn from(s: &str) -> Str {
        Str::from_str(s)
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str::from_string(s)
    }
}

/// Iterator over a Str's code points (double-ended, exact size).
#[derive(Clone, Debug)]
pub struct CodePoints<'a> {
    units: Units<'a>,
    front: usize,
    back: usize,
}

impl CodePoints<'_> {
    fn at(&self, i: usize) -> Option<u32> {
        match self.units {
            Units::Latin1(b) => b.get(i).map(|&c| u32::from(c)),
            Units::Ucs2(u) => u.get(i).map(|&c| u32::from(c)),
            Units::Ucs4(u) => u.get(i).copied(),
        }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        let cp = self.at(self.front);
        self.front += 1;
        cp
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.back.saturating_sub(self.front);
        (n, Some(n))
    }
}

impl DoubleEndedIterator for CodePoints<'_> {
    fn next_back(&mut self) -> Option<u32> {
        if self.front >= self.back {
            return None;
        }
        self.back -= 1;
        self.at(self.back)
    }
}

impl ExactSizeIterator for CodePoints<'_> {}

impl PartialEq for Str {
    #[inline]
    fn eq(&self, other: &Str) -> bool {
        // Storage is canonical, so equal strings have equal kinds.
        match (&self.data, &other.data) {
            (Data::Ascii(a), Data::Ascii(b)) => a == b,
            (Data::Latin1(a), Data::Latin1(b)) => a == b,
            (Data::Ucs2(a), Data::Ucs2(b)) => a == b,
            (Data::Ucs4(a), Data::Ucs4(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Str {}

impl PartialOrd for Str {
    fn partial_cmp(&self, other: &Str) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Str {
    /// Code point order, as CPython's `unicode_compare`.
    #[inline]
    fn cmp(&self, other: &Str) -> Ordering {
        match (self.units(), other.units()) {
            (Units::Latin1(a), Units::Latin1(b)) => a.cmp(b),
            (Units::Ucs2(a), Units::Ucs2(b)) => a.cmp(b),
            (Units::Ucs4(a), Units::Ucs4(b)) => a.cmp(b),
            _ => self.code_points().cmp(other.code_points()),
        }
    }
}

impl std::hash::Hash for Str {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // Canonical storage: equal strings hash the same units.
        match self.units() {
            Units::Latin1(b) => b.hash(state),
            Units::Ucs2(u) => u.hash(state),
            Units::Ucs4(u) => u.hash(state),
        }
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.to_utf8_lossy(), f)
    }
}

impl fmt::Display for Str {
    /// Lossy (lone surrogates become U+FFFD); Python output uses `to_utf8`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_utf8_lossy())
    }
}
