//! Splitting and joining: split, rsplit (whitespace rules with Unicode
//! spaces, maxsplit), splitlines (every line boundary, keepends), partition,
//! rpartition, join — as CPython 3.11's Objects/stringlib/split.h.

use crate::search::{find_all, find_in, rfind_in};
use crate::storage::Units;
use crate::unicode::{is_linebreak, is_space};
use crate::{Str, StrBuilder, StrError};

/// Runs `$body` with `$u` bound to the string's code unit slice.
macro_rules! with_self_units {
    ($s:expr, |$u:ident| $body:expr) => {
        match $s.units() {
            Units::Latin1($u) => $body,
            Units::Ucs2($u) => $body,
            Units::Ucs4($u) => $body,
        }
    };
}

/// `(start, end)` pieces of a whitespace split from the left.
fn split_ws_spans<T: Copy + Into<u32>>(s: &[T], mut maxcount: usize) -> Vec<(usize, usize)> {
    let sp = |i: usize| is_space(s[i].into());
    let n = s.len();
    let mut out = Vec::new();
    let mut i = 0;
    while maxcount > 0 {
        maxcount -= 1;
        while i < n && sp(i) {
            i += 1;
        }
        if i == n {
            break;
        }
        let j = i;
        i += 1;
        while i < n && !sp(i) {
            i += 1;
        }
        out.push((j, i));
    }
    if i < n {
        // Only when maxcount ran out: skip the whitespace, keep the rest.
        while i < n && sp(i) {
            i += 1;
        }
        if i != n {
            out.push((i, n));
        }
    }
    out
}

/// `(start, end)` pieces of a whitespace split from the right, in order.
fn rsplit_ws_spans<T: Copy + Into<u32>>(s: &[T], mut maxcount: usize) -> Vec<(usize, usize)> {
    let sp = |i: usize| is_space(s[i].into());
    let mut out = Vec::new();
    // `i` counts positions + 1 so it never goes below zero.
    let mut i = s.len();
    while maxcount > 0 {
        maxcount -= 1;
        while i > 0 && sp(i - 1) {
            i -= 1;
        }
        if i == 0 {
            break;
        }
        let j = i;
        i -= 1;
        while i > 0 && !sp(i - 1) {
            i -= 1;
        }
        out.push((i, j));
    }
    if i > 0 {
        while i > 0 && sp(i - 1) {
            i -= 1;
        }
        if i > 0 {
            out.push((0, i));
        }
    }
    out.reverse();
    out
}

/// `(start, end)` lines of splitlines (end includes the break when `keepends`).
fn lines_spans<T: Copy + Into<u32>>(s: &[T], keepends: bool) -> Vec<(usize, usize)> {
    let n = s.len();
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n {
        while i < n && !is_linebreak(s[i].into()) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            // CR LF is one line break.
            if s[i].into() == 0x0D && i + 1 < n && s[i + 1].into() == 0x0A {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        out.push((j, eol));
        j = i;
    }
    out
}

/// maxsplit as a count: negative means unlimited.
fn max_count(maxsplit: isize) -> usize {
    usize::try_from(maxsplit).unwrap_or(usize::MAX)
}

impl Str {
    fn pieces(&self, spans: Vec<(usize, usize)>) -> Vec<Str> {
        spans.into_iter().map(|(a, b)| self.slice(a, b)).collect()
    }

    /// `str.split(sep=None, maxsplit=-1)`; ValueError("empty separator").
    pub fn split(&self, sep: Option<&Str>, maxsplit: isize) -> Result<Vec<Str>, StrError> {
        let maxcount = max_count(maxsplit);
        let Some(sep) = sep else {
            let spans = with_self_units!(self, |u| split_ws_spans(u, maxcount));
            return Ok(self.pieces(spans));
        };
        if sep.is_empty() {
            return Err(StrError::Value("empty separator".into()));
        }
        let mut out = Vec::new();
        let mut i = 0;
        for j in find_all(self, sep, maxcount) {
            out.push(self.slice(i, j));
            i = j + sep.len();
        }
        out.push(self.slice(i, self.len()));
        Ok(out)
    }

    /// `str.rsplit(sep=None, maxsplit=-1)`; ValueError("empty separator").
    pub fn rsplit(&self, sep: Option<&Str>, maxsplit: isize) -> Result<Vec<Str>, StrError> {
        let mut maxcount = max_count(maxsplit);
        let Some(sep) = sep else {
            let spans = with_self_units!(self, |u| rsplit_ws_spans(u, maxcount));
            return Ok(self.pieces(spans));
        };
        if sep.is_empty() {
            return Err(StrError::Value("empty separator".into()));
        }
        let mut out = Vec::new();
        let mut j = self.len();
        while maxcount > 0 {
            maxcount -= 1;
            match rfind_in(self, sep, 0, j) {
                Some(pos) => {
                    out.push(self.slice(pos + sep.len(), j));
                    j = pos;
                }
                None => break,
            }
        }
        out.push(self.slice(0, j));
        out.reverse();
        Ok(out)
    }

    /// `str.splitlines(keepends=False)`: \n \r \r\n \v \f \x1c-\x1e \x85 U+2028 U+2029.
    pub fn splitlines(&self, keepends: bool) -> Vec<Str> {
        let spans = with_self_units!(self, |u| lines_spans(u, keepends));
        self.pieces(spans)
    }

    /// `str.partition(sep)`: (head, sep, tail), or (self, '', '').
    pub fn partition(&self, sep: &Str) -> Result<(Str, Str, Str), StrError> {
        if sep.is_empty() {
            return Err(StrError::Value("empty separator".into()));
        }
        Ok(match find_in(self, sep, 0, self.len()) {
            Some(i) => (
                self.slice(0, i),
                sep.clone(),
                self.slice(i + sep.len(), self.len()),
            ),
            None => (self.clone(), Str::new(), Str::new()),
        })
    }

    /// `str.rpartition(sep)`: (head, sep, tail), or ('', '', self).
    pub fn rpartition(&self, sep: &Str) -> Result<(Str, Str, Str), StrError> {
        if sep.is_empty() {
            return Err(StrError::Value("empty separator".into()));
        }
        Ok(match rfind_in(self, sep, 0, self.len()) {
            Some(i) => (
                self.slice(0, i),
                sep.clone(),
                self.slice(i + sep.len(), self.len()),
            ),
            None => (Str::new(), Str::new(), self.clone()),
        })
    }

    /// `self.join(items)` (the VM has checked every item is a str).
    pub fn join<'a>(&self, items: impl IntoIterator<Item = &'a Str>) -> Str {
        let mut b = StrBuilder::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                b.push_str(self);
            }
            b.push_str(item);
        }
        b.finish()
    }
}
