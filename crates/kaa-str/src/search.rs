//! Substring search: find, rfind, index, rindex, count, `in`, startswith,
//! endswith, replace. Index arguments follow CPython's ADJUST_INDICES.
//! One-code-point needles scan directly (word-at-a-time for bytes); longer
//! needles use Horspool (ASCII strings use std's two-way `str` search).

use crate::storage::{Unit, Units};
use crate::{Str, StrBuilder, StrError};

/// CPython's ADJUST_INDICES: optional start/end (None = 0 / len) clamped
/// into `0..=len` with negative values counted from the end. The returned
/// start may exceed end (meaning an empty, out-of-range window).
pub fn adjust_indices(start: Option<isize>, end: Option<isize>, len: usize) -> (usize, usize) {
    let len_i = isize::try_from(len).unwrap_or(isize::MAX);
    let mut end = end.unwrap_or(isize::MAX);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = end.saturating_add(len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = start.saturating_add(len_i).max(0);
    }
    (start as usize, end as usize)
}

/// The needle's units converted to the haystack's width, or None when the
/// needle holds a code point too wide to occur in the haystack.
fn narrow<T: Unit>(needle: Units<'_>) -> Option<Vec<T>> {
    match needle {
        Units::Latin1(b) => b.iter().map(|&c| T::from_cp(u32::from(c))).collect(),
        Units::Ucs2(u) => u.iter().map(|&c| T::from_cp(u32::from(c))).collect(),
        Units::Ucs4(u) => u.iter().map(|&c| T::from_cp(c)).collect(),
    }
}

/// Runs `$body` with `$h` and `$n` bound to same-typed unit slices of the
/// haystack and needle; evaluates to `$none` when the needle cannot occur.
macro_rules! with_units {
    ($hay:expr, $needle:expr, $none:expr, |$h:ident, $n:ident| $body:expr) => {
        match ($hay.units(), $needle.units()) {
            (Units::Latin1($h), Units::Latin1($n)) => $body,
            (Units::Ucs2($h), Units::Ucs2($n)) => $body,
            (Units::Ucs4($h), Units::Ucs4($n)) => $body,
            (Units::Ucs2($h), n) => match narrow::<u16>(n) {
                Some(v) => {
                    let $n: &[u16] = &v;
                    $body
                }
                None => $none,
            },
            (Units::Ucs4($h), n) => match narrow::<u32>(n) {
                Some(v) => {
                    let $n: &[u32] = &v;
                    $body
                }
                None => $none,
            },
            (Units::Latin1(_), _) => $none,
        }
    };
}

/// First index of byte `c` (word-at-a-time, like memchr).
fn memchr(c: u8, h: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let pattern = LO.wrapping_mul(u64::from(c));
    let mut chunks = h.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(chunk);
        let x = u64::from_le_bytes(w) ^ pattern;
        if x.wrapping_sub(LO) & !x & HI != 0 {
            return chunk.iter().position(|&b| b == c).map(|i| base + i);
        }
        base += 8;
    }
    chunks.remainder().iter().position(|&b| b == c).map(|i| base + i)
}

/// Trait for the per-width single-unit scan (bytes get memchr).
trait Scan: Unit {
    fn find_one(c: Self, h: &[Self]) -> Option<usize>;
}

impl Scan for u8 {
    fn find_one(c: u8, h: &[u8]) -> Option<usize> {
        memchr(c, h)
    }
}

impl Scan for u16 {
    fn find_one(c: u16, h: &[u16]) -> Option<usize> {
        h.iter().position(|&x| x == c)
    }
}

impl Scan for u32 {
    fn find_one(c: u32, h: &[u32]) -> Option<usize> {
        h.iter().position(|&x| x == c)
    }
}

/// The low byte of a unit: the Horspool skip-table index.
fn low<T: Unit>(u: T) -> usize {
    (u.into() & 0xFF) as usize
}

/// First occurrence of `n` in `h` (Horspool with a 256-entry skip table).
fn find_units<T: Scan>(h: &[T], n: &[T]) -> Option<usize> {
    let m = n.len();
    match n {
        [] => return Some(0),
        [c] => return T::find_one(*c, h),
        _ if m > h.len() => return None,
        _ => {}
    }
    let mut skip = [m; 256];
    for (i, &u) in n.iter().enumerate().take(m - 1) {
        skip[low(u)] = m - 1 - i;
    }
    let last = n[m - 1];
    let mut i = 0;
    while i + m <= h.len() {
        let tail = h[i + m - 1];
        if tail == last && h[i..i + m - 1] == n[..m - 1] {
            return Some(i);
        }
        i += skip[low(tail)];
    }
    None
}

/// Last occurrence of `n` in `h` (reverse Horspool).
fn rfind_units<T: Unit>(h: &[T], n: &[T]) -> Option<usize> {
    let m = n.len();
    if m == 0 {
        return Some(h.len());
    }
    if m > h.len() {
        return None;
    }
    if m == 1 {
        return h.iter().rposition(|&x| x == n[0]);
    }
    let mut skip = [m; 256];
    for (i, &u) in n.iter().enumerate().skip(1).rev() {
        skip[low(u)] = i;
    }
    let first = n[0];
    let mut i = h.len() - m;
    loop {
        let head = h[i];
        if head == first && h[i + 1..i + m] == n[1..] {
            return Some(i);
        }
        let s = skip[low(head)];
        if i < s {
            return None;
        }
        i -= s;
    }
}

/// Non-overlapping occurrences of a non-empty `n` in `h`, at most `max`.
fn count_units<T: Scan>(h: &[T], n: &[T], max: usize) -> usize {
    if let [c] = n {
        if max == usize::MAX {
            return h.iter().filter(|&&x| x == *c).count();
        }
    }
    let mut count = 0;
    let mut pos = 0;
    while count < max {
        match h.get(pos..).and_then(|rest| find_units(rest, n)) {
            Some(i) => {
                count += 1;
                pos += i + n.len().max(1);
            }
            None => break,
        }
    }
    count
}

/// First index of `needle` in `hay[start..end]` (absolute), windows clamped.
pub(crate) fn find_in(hay: &Str, needle: &Str, start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if let (Some(h), Some(n)) = (hay.as_ascii_str(), needle.as_ascii_str()) {
        return h.get(start..end)?.find(n).map(|i| i + start);
    }
    with_units!(hay, needle, None, |h, n| find_units(&h[start..end], n).map(|i| i + start))
}

/// Last index of `needle` in `hay[start..end]` (absolute).
pub(crate) fn rfind_in(hay: &Str, needle: &Str, start: usize, end: usize) -> Option<usize> {
    let end = end.min(hay.len());
    if start > end {
        return None;
    }
    if let (Some(h), Some(n)) = (hay.as_ascii_str(), needle.as_ascii_str()) {
        return h.get(start..end)?.rfind(n).map(|i| i + start);
    }
    with_units!(hay, needle, None, |h, n| rfind_units(&h[start..end], n).map(|i| i + start))
}

/// Non-overlapping count of a non-empty needle in `hay[start..end]`, at most `max`.
pub(crate) fn count_in(hay: &Str, needle: &Str, start: usize, end: usize, max: usize) -> usize {
    let end = end.min(hay.len());
    if start > end {
        return 0;
    }
    if let (Some(h), Some(n)) = (hay.as_ascii_str(), needle.as_ascii_str()) {
        if n.len() > 1 {
            return h.get(start..end).map_or(0, |w| w.matches(n).take(max).count());
        }
    }
    with_units!(hay, needle, 0, |h, n| count_units(&h[start..end], n, max))
}

impl Str {
    /// `str.find(sub[, start[, end]])`: -1 when absent.
    pub fn find(&self, sub: &Str, start: Option<isize>, end: Option<isize>) -> isize {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < sub.len() {
            return -1;
        }
        find_in(self, sub, start, end).map_or(-1, |i| i as isize)
    }

    /// `str.rfind(sub[, start[, end]])`: -1 when absent.
    pub fn rfind(&self, sub: &Str, start: Option<isize>, end: Option<isize>) -> isize {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < sub.len() {
            return -1;
        }
        rfind_in(self, sub, start, end).map_or(-1, |i| i as isize)
    }

    /// `str.index(...)`: ValueError("substring not found") when absent.
    pub fn index(&self, sub: &Str, start: Option<isize>, end: Option<isize>) -> Result<usize, StrError> {
        usize::try_from(self.find(sub, start, end)).map_err(|_| StrError::Value("substring not found".into()))
    }

    /// `str.rindex(...)`: ValueError("substring not found") when absent.
    pub fn rindex(&self, sub: &Str, start: Option<isize>, end: Option<isize>) -> Result<usize, StrError> {
        usize::try_from(self.rfind(sub, start, end)).map_err(|_| StrError::Value("substring not found".into()))
    }

    /// `str.count(sub[, start[, end]])`: non-overlapping occurrences.
    pub fn count(&self, sub: &Str, start: Option<isize>, end: Option<isize>) -> usize {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < sub.len() {
            return 0;
        }
        if sub.is_empty() {
            return end - start + 1;
        }
        count_in(self, sub, start, end, usize::MAX)
    }

    /// `sub in self`.
    pub fn contains(&self, sub: &Str) -> bool {
        sub.len() <= self.len() && find_in(self, sub, 0, self.len()).is_some()
    }

    /// True when `self[at..at + sub.len()] == sub`.
    fn matches_at(&self, sub: &Str, at: usize) -> bool {
        if at.checked_add(sub.len()).is_none_or(|e| e > self.len()) {
            return false;
        }
        match (self.units(), sub.units()) {
            (Units::Latin1(h), Units::Latin1(n)) => h.get(at..at + n.len()) == Some(n),
            _ => sub.code_points().enumerate().all(|(i, c)| self.get(at + i) == Some(c)),
        }
    }

    /// `str.startswith(prefix[, start[, end]])` for one prefix (the VM loops over tuples).
    pub fn startswith(&self, prefix: &Str, start: Option<isize>, end: Option<isize>) -> bool {
        let (start, end) = adjust_indices(start, end, self.len());
        // tailmatch: the prefix must fit in [start, end).
        if end < start || end - start < prefix.len() {
            return false;
        }
        self.matches_at(prefix, start)
    }

    /// `str.endswith(suffix[, start[, end]])` for one suffix.
    pub fn endswith(&self, suffix: &Str, start: Option<isize>, end: Option<isize>) -> bool {
        let (start, end) = adjust_indices(start, end, self.len());
        if end < start || end - start < suffix.len() {
            return false;
        }
        self.matches_at(suffix, end - suffix.len())
    }

    /// `str.replace(old, new[, count])`; a negative count replaces all.
    /// OverflowError("replace string is too long") / MemoryError for huge results.
    pub fn replace(&self, old: &Str, new: &Str, count: isize) -> Result<Str, StrError> {
        let max = usize::try_from(count).unwrap_or(usize::MAX);
        if max == 0 || old.len() > self.len() || (old == new && !old.is_empty()) {
            return Ok(self.clone());
        }
        if old.is_empty() {
            // Insert `new` before each code point and at the end, up to max times.
            let n = max.min(self.len() + 1);
            let total = new
                .len()
                .checked_mul(n)
                .and_then(|t| t.checked_add(self.len()))
                .filter(|&t| isize::try_from(t).is_ok())
                .ok_or_else(|| StrError::Overflow("replace string is too long".into()))?;
            let mut b = StrBuilder::new();
            b.try_reserve(total)?;
            for (i, cp) in self.code_points().enumerate() {
                if i < n {
                    b.push_str(new);
                }
                b.push(cp);
            }
            if n > self.len() {
                b.push_str(new);
            }
            return Ok(b.finish());
        }
        let found = count_in(self, old, 0, self.len(), max);
        if found == 0 {
            return Ok(self.clone());
        }
        let total = (self.len() - found * old.len())
            .checked_add(new.len().checked_mul(found).unwrap_or(usize::MAX))
            .filter(|&t| isize::try_from(t).is_ok())
            .ok_or_else(|| StrError::Overflow("replace string is too long".into()))?;
        if let (Some(h), Some(o), Some(nw)) = (self.as_ascii_str(), old.as_ascii_str(), new.as_ascii_str()) {
            let mut out = String::new();
            out.try_reserve(total).map_err(|_| StrError::Memory)?;
            let mut last = 0;
            for (i, _) in h.match_indices(o).take(found) {
                out.push_str(&h[last..i]);
                out.push_str(nw);
                last = i + o.len();
            }
            out.push_str(&h[last..]);
            return Ok(Str::from_string(out));
        }
        let mut b = StrBuilder::new();
        b.try_reserve(total)?;
        let mut pos = 0;
        for _ in 0..found {
            let Some(i) = find_in(self, old, pos, self.len()) else {
                break;
            };
            b.push_slice(self, pos, i);
            b.push_str(new);
            pos = i + old.len();
        }
        b.push_slice(self, pos, self.len());
        Ok(b.finish())
    }
}
