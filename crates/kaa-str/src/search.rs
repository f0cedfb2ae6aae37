//! Substring search: find, rfind, index, rindex, count, `in`, startswith,
//! endswith, replace. Index arguments follow CPython's ADJUST_INDICES.
//! One-code-point needles scan directly (word-at-a-time for bytes); longer
//! needles use Horspool with a KMP fallback that keeps the worst case linear
//! (ASCII strings use std's two-way `str` search).

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
    chunks
        .remainder()
        .iter()
        .position(|&b| b == c)
        .map(|i| base + i)
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

/// A needle prepared for Horspool search (skip table on the units' low byte).
struct Horspool<'a, T> {
    n: &'a [T],
    skip: [usize; 256],
}

impl<'a, T: Scan> Horspool<'a, T> {
    fn new(n: &'a [T]) -> Self {
        let m = n.len();
        let mut skip = [m.max(1); 256];
        for (i, &u) in n.iter().enumerate().take(m.saturating_sub(1)) {
            skip[low(u)] = m - 1 - i;
        }
        Horspool { n, skip }
    }

    /// First occurrence in `h`.
    fn find(&self, h: &[T]) -> Option<usize> {
        let n = self.n;
        let m = n.len();
        match n {
            [] => return Some(0),
            [c] => return T::find_one(*c, h),
            _ if m > h.len() => return None,
            _ => {}
        }
        let last = n[m - 1];
        // Horspool is O(n*m) on adversarial input: past a work budget the
        // rest of the haystack is searched with KMP (linear), as CPython
        // switches to two-way for long needles.
        let mut budget = 4 * h.len() + 4096;
        let mut i = 0;
        while i + m <= h.len() {
            let tail = h[i + m - 1];
            if tail == last {
                if h[i..i + m - 1] == n[..m - 1] {
                    return Some(i);
                }
                budget = budget.saturating_sub(m);
                if budget == 0 {
                    return kmp_find(&h[i..], n).map(|k| k + i);
                }
            }
            i += self.skip[low(tail)];
        }
        None
    }
}

/// Knuth-Morris-Pratt search: linear time whatever the input.
fn kmp_find<T: Unit>(h: &[T], n: &[T]) -> Option<usize> {
    let m = n.len();
    if m == 0 {
        return Some(0);
    }
    // fail[i]: length of the longest proper border of n[..=i].
    let mut fail = vec![0usize; m];
    let mut k = 0;
    for i in 1..m {
        while k > 0 && n[i] != n[k] {
            k = fail[k - 1];
        }
        if n[i] == n[k] {
            k += 1;
        }
        fail[i] = k;
    }
    let mut q = 0;
    for (i, &c) in h.iter().enumerate() {
        while q > 0 && c != n[q] {
            q = fail[q - 1];
        }
        if c == n[q] {
            q += 1;
        }
        if q == m {
            return Some(i + 1 - m);
        }
    }
    None
}

/// First occurrence of `n` in `h`.
fn find_units<T: Scan>(h: &[T], n: &[T]) -> Option<usize> {
    Horspool::new(n).find(h)
}

/// Start indices of up to `max` non-overlapping occurrences of a non-empty `n`.
fn find_all_units<T: Scan>(h: &[T], n: &[T], max: usize) -> Vec<usize> {
    let searcher = Horspool::new(n);
    let mut out = Vec::new();
    let mut pos = 0;
    while out.len() < max {
        match h.get(pos..).and_then(|rest| searcher.find(rest)) {
            Some(i) => {
                out.push(pos + i);
                pos += i + n.len().max(1);
            }
            None => break,
        }
    }
    out
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
    let mut budget = 4 * h.len() + 4096;
    let mut i = h.len() - m;
    loop {
        let head = h[i];
        if head == first {
            if h[i + 1..i + m] == n[1..] {
                return Some(i);
            }
            budget = budget.saturating_sub(m);
            if budget == 0 {
                // Linear fallback: KMP over the reversed window and needle.
                let rh: Vec<T> = h[..i + m].iter().rev().copied().collect();
                let rn: Vec<T> = n.iter().rev().copied().collect();
                return kmp_find(&rh, &rn).map(|k| i + m - k - m);
            }
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
    find_all_units(h, n, max).len()
}

/// Start indices of up to `max` non-overlapping occurrences of a non-empty
/// `needle` in `hay` (one pass, one prepared searcher).
pub(crate) fn find_all(hay: &Str, needle: &Str, max: usize) -> Vec<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return Vec::new();
    }
    if let (Some(h), Some(n)) = (hay.as_ascii_str(), needle.as_ascii_str()) {
        return h.match_indices(n).take(max).map(|(i, _)| i).collect();
    }
    with_units!(hay, needle, Vec::new(), |h, n| find_all_units(h, n, max))
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
    with_units!(hay, needle, None, |h, n| find_units(&h[start..end], n)
        .map(|i| i + start))
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
    with_units!(hay, needle, None, |h, n| rfind_units(&h[start..end], n)
        .map(|i| i + start))
}

/// Non-overlapping count of a non-empty needle in `hay[start..end]`, at most `max`.
pub(crate) fn count_in(hay: &Str, needle: &Str, start: usize, end: usize, max: usize) -> usize {
    let end = end.min(hay.len());
    if start > end {
        return 0;
    }
    if let (Some(h), Some(n)) = (hay.as_ascii_str(), needle.as_ascii_str()) {
        if n.len() > 1 {
            return h
                .get(start..end)
                .map_or(0, |w| w.matches(n).take(max).count());
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
    pub fn index(
        &self,
        sub: &Str,
        start: Option<isize>,
        end: Option<isize>,
    ) -> Result<usize, StrError> {
        usize::try_from(self.find(sub, start, end))
            .map_err(|_| StrError::Value("substring not found".into()))
    }

    /// `str.rindex(...)`: ValueError("substring not found") when absent.
    pub fn rindex(
        &self,
        sub: &Str,
        start: Option<isize>,
        end: Option<isize>,
    ) -> Result<usize, StrError> {
        usize::try_from(self.rfind(sub, start, end))
            .map_err(|_| StrError::Value("substring not found".into()))
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
            _ => sub
                .code_points()
                .enumerate()
                .all(|(i, c)| self.get(at + i) == Some(c)),
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
        let found = find_all(self, old, max);
        if found.is_empty() {
            return Ok(self.clone());
        }
        let total = (self.len() - found.len() * old.len())
            .checked_add(new.len().saturating_mul(found.len()))
            .filter(|&t| isize::try_from(t).is_ok())
            .ok_or_else(|| StrError::Overflow("replace string is too long".into()))?;
        let mut b = StrBuilder::new();
        b.try_reserve(total)?;
        let mut pos = 0;
        for i in found {
            b.push_slice(self, pos, i);
            b.push_str(new);
            pos = i + old.len();
        }
        b.push_slice(self, pos, self.len());
        Ok(b.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn adversarial_needles_stay_linear_and_correct() {
        // 'é' * 200_000 then 'xé...é': Horspool alone would do ~n*m work.
        let mut hay = vec![0xE9u32; 200_000];
        let mut needle = vec![0x78u32];
        needle.extend(std::iter::repeat_n(0xE9u32, 999));
        hay.extend(&needle);
        let h = Str::from_code_points(&hay);
        let n = Str::from_code_points(&needle);
        assert_eq!(h.find(&n, None, None), 200_000);
        assert_eq!(kmp_find(&hay, &needle), Some(200_000));
        assert_eq!(h.count(&n, None, None), 1);
        // The mirror image for rfind.
        let mut rhay: Vec<u32> = needle.iter().rev().copied().collect();
        rhay.extend(std::iter::repeat_n(0xE9u32, 200_000));
        let rn: Vec<u32> = needle.iter().rev().copied().collect();
        let h = Str::from_code_points(&rhay);
        assert_eq!(h.rfind(&Str::from_code_points(&rn), None, None), 0);
    }
}
