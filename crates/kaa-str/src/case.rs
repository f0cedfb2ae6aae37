//! Case conversion: lower, upper, casefold, title, capitalize, swapcase with
//! full (SpecialCasing) mappings and the final-sigma rule, as CPython 3.11's
//! `Objects/unicodeobject.c` (do_lower, do_upper, do_title, ...).

use crate::unicode::{is_case_ignorable, is_cased, is_lower, is_upper, map_full, CaseMap};
use crate::{Str, StrBuilder};

/// Appends the full mapping of `cp`.
fn push_mapped(b: &mut StrBuilder, map: CaseMap, cp: u32) {
    let (m, n) = map_full(map, cp);
    for &c in m.iter().take(n) {
        b.push(c);
    }
}

impl Str {
    /// U+03A3 lowers to final sigma U+03C2 when preceded by a cased letter
    /// and not followed by one (case-ignorables skipped): `handle_capital_sigma`.
    fn sigma_at(&self, i: usize) -> u32 {
        let mut before = None;
        for j in (0..i).rev() {
            match self.get(j) {
                Some(c) if is_case_ignorable(c) => continue,
                other => {
                    before = other;
                    break;
                }
            }
        }
        let mut final_sigma = before.is_some_and(is_cased);
        if final_sigma {
            let mut after = None;
            for j in i + 1..self.len() {
                match self.get(j) {
                    Some(c) if is_case_ignorable(c) => continue,
                    other => {
                        after = other;
                        break;
                    }
                }
            }
            final_sigma = after.is_none_or(|c| !is_cased(c));
        }
        if final_sigma {
            0x3C2
        } else {
            0x3C3
        }
    }

    /// `lower_ucs4`: the lower mapping of the code point at `i`, sigma-aware.
    fn push_lower_at(&self, b: &mut StrBuilder, i: usize, cp: u32) {
        if cp == 0x3A3 {
            b.push(self.sigma_at(i));
        } else {
            push_mapped(b, CaseMap::Lower, cp);
        }
    }

    /// `str.lower()`.
    pub fn lower(&self) -> Str {
        if let Some(a) = self.as_ascii_str() {
            return Str::from_string(a.to_ascii_lowercase());
        }
        let mut b = StrBuilder::with_capacity(self.len());
        for (i, cp) in self.code_points().enumerate() {
            self.push_lower_at(&mut b, i, cp);
        }
        b.finish()
    }

    /// `str.upper()`.
    pub fn upper(&self) -> Str {
        if let Some(a) = self.as_ascii_str() {
            return Str::from_string(a.to_ascii_uppercase());
        }
        let mut b = StrBuilder::with_capacity(self.len());
        for cp in self.code_points() {
            push_mapped(&mut b, CaseMap::Upper, cp);
        }
        b.finish()
    }

    /// `str.casefold()`.
    pub fn casefold(&self) -> Str {
        if let Some(a) = self.as_ascii_str() {
            return Str::from_string(a.to_ascii_lowercase());
        }
        let mut b = StrBuilder::with_capacity(self.len());
        for cp in self.code_points() {
            push_mapped(&mut b, CaseMap::Fold, cp);
        }
        b.finish()
    }

    /// `str.swapcase()`: uppercase letters lowered (sigma-aware), lowercase raised.
    pub fn swapcase(&self) -> Str {
        let mut b = StrBuilder::with_capacity(self.len());
        for (i, cp) in self.code_points().enumerate() {
            if is_upper(cp) {
                self.push_lower_at(&mut b, i, cp);
            } else if is_lower(cp) {
                push_mapped(&mut b, CaseMap::Upper, cp);
            } else {
                b.push(cp);
            }
        }
        b.finish()
    }

    /// `str.title()`: title-case after an uncased character, lower otherwise.
    pub fn title(&self) -> Str {
        let mut b = StrBuilder::with_capacity(self.len());
        let mut previous_is_cased = false;
        for (i, cp) in self.code_points().enumerate() {
            if previous_is_cased {
                self.push_lower_at(&mut b, i, cp);
            } else {
                push_mapped(&mut b, CaseMap::Title, cp);
            }
            previous_is_cased = is_cased(cp);
        }
        b.finish()
    }

    /// `str.capitalize()`: the first character title-cased (3.8+), the rest lowered.
    pub fn capitalize(&self) -> Str {
        let mut b = StrBuilder::with_capacity(self.len());
        for (i, cp) in self.code_points().enumerate() {
            if i == 0 {
                push_mapped(&mut b, CaseMap::Title, cp);
            } else {
                self.push_lower_at(&mut b, i, cp);
            }
        }
        b.finish()
    }
}
