//! The `str.is*()` predicates, as CPython 3.11's unicode_is*_impl.

use crate::unicode;
use crate::Str;

impl Str {
    /// True when the string is non-empty and `pred` holds for every code point.
    fn all_nonempty(&self, pred: impl Fn(u32) -> bool) -> bool {
        !self.is_empty() && self.code_points().all(pred)
    }

    /// `str.isspace()`.
    pub fn isspace(&self) -> bool {
        self.all_nonempty(unicode::is_space)
    }

    /// `str.isalpha()`.
    pub fn isalpha(&self) -> bool {
        self.all_nonempty(unicode::is_alpha)
    }

    /// `str.isalnum()`.
    pub fn isalnum(&self) -> bool {
        self.all_nonempty(unicode::is_alnum)
    }

    /// `str.isdecimal()`.
    pub fn isdecimal(&self) -> bool {
        self.all_nonempty(unicode::is_decimal)
    }

    /// `str.isdigit()`.
    pub fn isdigit(&self) -> bool {
        self.all_nonempty(unicode::is_digit)
    }

    /// `str.isnumeric()`.
    pub fn isnumeric(&self) -> bool {
        self.all_nonempty(unicode::is_numeric)
    }

    /// `str.isascii()`.
    pub fn isascii(&self) -> bool {
        self.is_ascii()
    }

    /// `str.isprintable()` (true for the empty string).
    pub fn isprintable(&self) -> bool {
        self.code_points().all(unicode::is_printable)
    }

    /// `str.islower()`: no uppercase or titlecase, at least one lowercase.
    pub fn islower(&self) -> bool {
        let mut cased = false;
        for cp in self.code_points() {
            if unicode::is_upper(cp) || unicode::is_title(cp) {
                return false;
            }
            cased |= unicode::is_lower(cp);
        }
        cased
    }

    /// `str.isupper()`: no lowercase or titlecase, at least one uppercase.
    pub fn isupper(&self) -> bool {
        let mut cased = false;
        for cp in self.code_points() {
            if unicode::is_lower(cp) || unicode::is_title(cp) {
                return false;
            }
            cased |= unicode::is_upper(cp);
        }
        cased
    }

    /// `str.istitle()`: upper/titlecase only after uncased, lowercase only after cased.
    pub fn istitle(&self) -> bool {
        let mut cased = false;
        let mut previous_is_cased = false;
        for cp in self.code_points() {
            if unicode::is_upper(cp) || unicode::is_title(cp) {
                if previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else if unicode::is_lower(cp) {
                if !previous_is_cased {
                    return false;
                }
                previous_is_cased = true;
                cased = true;
            } else {
                previous_is_cased = false;
            }
        }
        cased
    }

    /// `str.isidentifier()`: XID_Start or '_' first, XID_Continue after (no NFKC).
    pub fn isidentifier(&self) -> bool {
        let mut it = self.code_points();
        match it.next() {
            Some(first) if unicode::is_xid_start(first) || first == u32::from(b'_') => {
                it.all(unicode::is_xid_continue)
            }
            _ => false,
        }
    }
}
