//! Padding and stripping: center, ljust, rjust, zfill, expandtabs, strip,
//! lstrip, rstrip, removeprefix, removesuffix (CPython 3.11's pad(),
//! do_strip, unicode_expandtabs_impl).

use crate::unicode::is_space;
use crate::{Str, StrBuilder, StrError};

/// The fill character argument of center/ljust/rjust: exactly one code point,
/// else TypeError as CPython's `convert_uc`.
pub fn fill_char(s: &Str) -> Result<u32, StrError> {
    match (s.len(), s.get(0)) {
        (1, Some(cp)) => Ok(cp),
        _ => Err(StrError::Type(
            "The fill character must be exactly one character long".into(),
        )),
    }
}

impl Str {
    /// `left` fill characters, the string, `right` fill characters.
    fn pad(&self, left: usize, right: usize, fill: u32) -> Result<Str, StrError> {
        let total = self.len().saturating_add(left).saturating_add(right);
        let mut b = StrBuilder::new();
        b.try_reserve(total)?;
        b.push_repeated(fill, left);
        b.push_str(self);
        b.push_repeated(fill, right);
        Ok(b.finish())
    }

    /// The padding needed to reach `width`, or None when already that wide.
    fn margin(&self, width: isize) -> Option<usize> {
        usize::try_from(width)
            .ok()
            .filter(|&w| w > self.len())
            .map(|w| w - self.len())
    }

    /// `str.ljust(width, fillchar)`.
    pub fn ljust(&self, width: isize, fill: u32) -> Result<Str, StrError> {
        match self.margin(width) {
            Some(m) => self.pad(0, m, fill),
            None => Ok(self.clone()),
        }
    }

    /// `str.rjust(width, fillchar)`.
    pub fn rjust(&self, width: isize, fill: u32) -> Result<Str, StrError> {
        match self.margin(width) {
            Some(m) => self.pad(m, 0, fill),
            None => Ok(self.clone()),
        }
    }

    /// `str.center(width, fillchar)`: the odd extra goes left when width is odd.
    pub fn center(&self, width: isize, fill: u32) -> Result<Str, StrError> {
        match self.margin(width) {
            Some(m) => {
                let left = m / 2 + (m & (width as usize) & 1);
                self.pad(left, m - left, fill)
            }
            None => Ok(self.clone()),
        }
    }

    /// `str.zfill(width)`: zeros after a leading '+'/'-'.
    pub fn zfill(&self, width: isize) -> Result<Str, StrError> {
        let Some(m) = self.margin(width) else {
            return Ok(self.clone());
        };
        let sign = self
            .get(0)
            .filter(|&c| c == u32::from(b'+') || c == u32::from(b'-'));
        let mut b = StrBuilder::new();
        b.try_reserve(self.len().saturating_add(m))?;
        match sign {
            Some(c) => {
                b.push(c);
                b.push_repeated(u32::from(b'0'), m);
                b.push_slice(self, 1, self.len());
            }
            None => {
                b.push_repeated(u32::from(b'0'), m);
                b.push_str(self);
            }
        }
        Ok(b.finish())
    }

    /// `str.expandtabs(tabsize=8)`; OverflowError("new string is too long").
    pub fn expandtabs(&self, tabsize: isize) -> Result<Str, StrError> {
        let too_long = || StrError::Overflow("new string is too long".into());
        // First pass: the result length, as CPython checks for overflow.
        let (mut col, mut total) = (0usize, 0usize);
        for cp in self.code_points() {
            if cp == u32::from(b'\t') {
                if tabsize > 0 {
                    let ts = tabsize as usize;
                    let incr = ts - col % ts;
                    col = col.checked_add(incr).ok_or_else(too_long)?;
                    total = total.checked_add(incr).ok_or_else(too_long)?;
                }
            } else {
                col += 1;
                total = total.checked_add(1).ok_or_else(too_long)?;
                if cp == u32::from(b'\n') || cp == u32::from(b'\r') {
                    col = 0;
                }
            }
        }
        if isize::try_from(total).is_err() {
            return Err(too_long());
        }
        let mut b = StrBuilder::new();
        b.try_reserve(total)?;
        let mut col = 0usize;
        for cp in self.code_points() {
            if cp == u32::from(b'\t') {
                if tabsize > 0 {
                    let ts = tabsize as usize;
                    let incr = ts - col % ts;
                    col += incr;
                    b.push_repeated(u32::from(b' '), incr);
                }
            } else {
                col += 1;
                b.push(cp);
                if cp == u32::from(b'\n') || cp == u32::from(b'\r') {
                    col = 0;
                }
            }
        }
        Ok(b.finish())
    }

    /// The span left after stripping `chars` (None = whitespace) from either side.
    fn strip_span(&self, chars: Option<&Str>, left: bool, right: bool) -> (usize, usize) {
        let set: Option<Vec<u32>> = chars.map(|c| c.to_code_points());
        let strip = |cp: u32| match &set {
            None => is_space(cp),
            Some(v) => v.contains(&cp),
        };
        let (mut i, mut j) = (0, self.len());
        if left {
            while i < j && self.get(i).is_some_and(strip) {
                i += 1;
            }
        }
        if right {
            while j > i && self.get(j - 1).is_some_and(strip) {
                j -= 1;
            }
        }
        (i, j)
    }

    /// `str.strip(chars=None)`.
    pub fn strip(&self, chars: Option<&Str>) -> Str {
        let (i, j) = self.strip_span(chars, true, true);
        self.slice(i, j)
    }

    /// `str.lstrip(chars=None)`.
    pub fn lstrip(&self, chars: Option<&Str>) -> Str {
        let (i, j) = self.strip_span(chars, true, false);
        self.slice(i, j)
    }

    /// `str.rstrip(chars=None)`.
    pub fn rstrip(&self, chars: Option<&Str>) -> Str {
        let (i, j) = self.strip_span(chars, false, true);
        self.slice(i, j)
    }

    /// `str.removeprefix(prefix)`.
    pub fn removeprefix(&self, prefix: &Str) -> Str {
        if self.startswith(prefix, None, None) {
            self.slice(prefix.len(), self.len())
        } else {
            self.clone()
        }
    }

    /// `str.removesuffix(suffix)`.
    pub fn removesuffix(&self, suffix: &Str) -> Str {
        if !suffix.is_empty() && self.endswith(suffix, None, None) {
            self.slice(0, self.len() - suffix.len())
        } else {
            self.clone()
        }
    }
}
