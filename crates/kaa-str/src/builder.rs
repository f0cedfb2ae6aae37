//! `StrBuilder`: efficient appends (str.join, f-strings, `+=` loops) that
//! widen the buffer only when a wider code point arrives, so `finish` yields
//! canonical PEP 393 storage without a second scan.

use crate::storage::{Data, Str, Units};

/// The growing buffer, always the narrowest kind for what it holds so far.
#[derive(Debug)]
enum Buf {
    /// Only code points < 0x80 so far.
    Ascii(String),
    /// Max code point in 0x80..=0xFF.
    Latin1(Vec<u8>),
    /// Max code point in 0x100..=0xFFFF.
    Ucs2(Vec<u16>),
    /// Max code point >= 0x10000.
    Ucs4(Vec<u32>),
}

/// Builds a [`Str`] by appending code points and strings.
#[derive(Debug)]
pub struct StrBuilder {
    buf: Buf,
}

impl Default for StrBuilder {
    fn default() -> StrBuilder {
        StrBuilder::new()
    }
}

impl StrBuilder {
    /// An empty builder.
    pub fn new() -> StrBuilder {
        StrBuilder {
            buf: Buf::Ascii(String::new()),
        }
    }

    /// An empty builder with room for `n` code points (ASCII assumed).
    pub fn with_capacity(n: usize) -> StrBuilder {
        StrBuilder {
            buf: Buf::Ascii(String::with_capacity(n)),
        }
    }

    /// A builder continuing from existing canonical storage (no copy).
    pub(crate) fn from_data(data: Data) -> StrBuilder {
        let buf = match data {
            Data::Ascii(s) => Buf::Ascii(s),
            Data::Latin1(v) => Buf::Latin1(v),
            Data::Ucs2(v) => Buf::Ucs2(v),
            Data::Ucs4(v) => Buf::Ucs4(v),
        };
        StrBuilder { buf }
    }

    /// The number of code points appended so far.
    pub fn len(&self) -> usize {
        match &self.buf {
            Buf::Ascii(s) => s.len(),
            Buf::Latin1(v) => v.len(),
            Buf::Ucs2(v) => v.len(),
            Buf::Ucs4(v) => v.len(),
        }
    }

    /// True when nothing was appended.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Widens the buffer so it can hold `cp`.
    fn widen_for(&mut self, cp: u32) {
        let need = if cp < 0x80 {
            0
        } else if cp <= 0xFF {
            1
        } else if cp <= 0xFFFF {
            2
        } else {
            3
        };
        let have = match &self.buf {
            Buf::Ascii(_) => 0,
            Buf::Latin1(_) => 1,
            Buf::Ucs2(_) => 2,
            Buf::Ucs4(_) => 3,
        };
        if need <= have {
            return;
        }
        let old = std::mem::replace(&mut self.buf, Buf::Ascii(String::new()));
        let extra = 16;
        self.buf = match (old, need) {
            (Buf::Ascii(s), 1) => Buf::Latin1(s.into_bytes()),
            (Buf::Ascii(s), 2) => {
                let mut v = Vec::with_capacity(s.len() + extra);
                v.extend(s.bytes().map(u16::from));
                Buf::Ucs2(v)
            }
            (Buf::Ascii(s), _) => {
                let mut v = Vec::with_capacity(s.len() + extra);
                v.extend(s.bytes().map(u32::from));
                Buf::Ucs4(v)
            }
            (Buf::Latin1(b), 2) => {
                let mut v = Vec::with_capacity(b.len() + extra);
                v.extend(b.iter().map(|&c| u16::from(c)));
                Buf::Ucs2(v)
            }
            (Buf::Latin1(b), _) => {
                let mut v = Vec::with_capacity(b.len() + extra);
                v.extend(b.iter().map(|&c| u32::from(c)));
                Buf::Ucs4(v)
            }
            (Buf::Ucs2(u), _) => {
                let mut v = Vec::with_capacity(u.len() + extra);
                v.extend(u.iter().map(|&c| u32::from(c)));
                Buf::Ucs4(v)
            }
            (b @ Buf::Ucs4(_), _) => b,
        };
    }

    /// Appends one code point.
    pub fn push(&mut self, cp: u32) {
        self.widen_for(cp);
        match &mut self.buf {
            Buf::Ascii(s) => s.push(char::from(cp as u8)),
            Buf::Latin1(v) => v.push(cp as u8),
            Buf::Ucs2(v) => v.push(cp as u16),
            Buf::Ucs4(v) => v.push(cp),
        }
    }

    /// Appends an ASCII-or-not Rust string.
    pub fn push_rust_str(&mut self, s: &str) {
        if s.is_ascii() {
            match &mut self.buf {
                Buf::Ascii(b) => b.push_str(s),
                Buf::Latin1(v) => v.extend_from_slice(s.as_bytes()),
                Buf::Ucs2(v) => v.extend(s.bytes().map(u16::from)),
                Buf::Ucs4(v) => v.extend(s.bytes().map(u32::from)),
            }
        } else {
            for c in s.chars() {
                self.push(u32::from(c));
            }
        }
    }

    /// Appends a whole Str.
    pub fn push_str(&mut self, s: &Str) {
        if let Some(a) = s.as_ascii_str() {
            self.push_rust_str(a);
            return;
        }
        self.widen_for(s.max_char_of_kind());
        self.push_units(s.units());
    }

    /// Appends code units known to fit the current buffer after widening.
    fn push_units(&mut self, units: Units<'_>) {
        match (&mut self.buf, units) {
            (Buf::Latin1(v), Units::Latin1(b)) => v.extend_from_slice(b),
            (Buf::Ucs2(v), Units::Latin1(b)) => v.extend(b.iter().map(|&c| u16::from(c))),
            (Buf::Ucs2(v), Units::Ucs2(u)) => v.extend_from_slice(u),
            (Buf::Ucs4(v), Units::Latin1(b)) => v.extend(b.iter().map(|&c| u32::from(c))),
            (Buf::Ucs4(v), Units::Ucs2(u)) => v.extend(u.iter().map(|&c| u32::from(c))),
            (Buf::Ucs4(v), Units::Ucs4(u)) => v.extend_from_slice(u),
            (_, units) => {
                // Not reached after widen_for; handled point by point for safety.
                let cps: Vec<u32> = match units {
                    Units::Latin1(b) => b.iter().map(|&c| u32::from(c)).collect(),
                    Units::Ucs2(u) => u.iter().map(|&c| u32::from(c)).collect(),
                    Units::Ucs4(u) => u.to_vec(),
                };
                for cp in cps {
                    self.push(cp);
                }
            }
        }
    }

    /// Appends code points `start..stop` of `s` (clamped).
    pub fn push_slice(&mut self, s: &Str, start: usize, stop: usize) {
        let stop = stop.min(s.len());
        if start >= stop {
            return;
        }
        match s.units() {
            Units::Latin1(b) => {
                let part = b.get(start..stop).unwrap_or(&[]);
                if let Buf::Ascii(a) = &mut self.buf {
                    if part.is_ascii() {
                        a.extend(part.iter().map(|&c| char::from(c)));
                        return;
                    }
                }
                if part.is_ascii() {
                    self.push_units(Units::Latin1(part));
                } else {
                    self.widen_for(0xFF);
                    self.push_units(Units::Latin1(part));
                }
            }
            Units::Ucs2(u) => {
                let part = u.get(start..stop).unwrap_or(&[]);
                let max = part.iter().copied().max().map_or(0, u32::from);
                self.widen_for(max);
                self.push_units(Units::Ucs2(part));
            }
            Units::Ucs4(u) => {
                let part = u.get(start..stop).unwrap_or(&[]);
                let max = part.iter().copied().max().unwrap_or(0);
                self.widen_for(max);
                self.push_units(Units::Ucs4(part));
            }
        }
    }

    /// Appends `cp` `n` times.
    pub fn push_repeated(&mut self, cp: u32, n: usize) {
        self.widen_for(cp);
        match &mut self.buf {
            Buf::Ascii(s) => s.extend(std::iter::repeat_n(char::from(cp as u8), n)),
            Buf::Latin1(v) => v.resize(v.len() + n, cp as u8),
            Buf::Ucs2(v) => v.resize(v.len() + n, cp as u16),
            Buf::Ucs4(v) => v.resize(v.len() + n, cp),
        }
    }

    /// Reserves room for `n` more code points, failing with MemoryError
    /// instead of aborting when the allocation is impossible.
    pub fn try_reserve(&mut self, n: usize) -> Result<(), crate::StrError> {
        let r = match &mut self.buf {
            Buf::Ascii(s) => s.try_reserve(n),
            Buf::Latin1(v) => v.try_reserve(n),
            Buf::Ucs2(v) => v.try_reserve(n),
            Buf::Ucs4(v) => v.try_reserve(n),
        };
        r.map_err(|_| crate::StrError::Memory)
    }

    /// The built string (spare capacity beyond a quarter is given back).
    pub fn finish(mut self) -> Str {
        fn trim<T>(v: &mut Vec<T>) {
            if v.capacity() > v.len() + v.len() / 4 + 16 {
                v.shrink_to_fit();
            }
        }
        match &mut self.buf {
            Buf::Ascii(s) => {
                if s.capacity() > s.len() + s.len() / 4 + 16 {
                    s.shrink_to_fit();
                }
            }
            Buf::Latin1(v) => trim(v),
            Buf::Ucs2(v) => trim(v),
            Buf::Ucs4(v) => trim(v),
        }
        self.finish_keeping_capacity()
    }

    /// The built string, keeping spare capacity for later appends.
    pub(crate) fn finish_keeping_capacity(self) -> Str {
        let data = match self.buf {
            Buf::Ascii(s) => Data::Ascii(s),
            Buf::Latin1(v) => Data::Latin1(v),
            Buf::Ucs2(v) => Data::Ucs2(v),
            Buf::Ucs4(v) => Data::Ucs4(v),
        };
        Str::from_data(data)
    }
}

impl Str {
    /// The smallest code point that forces this string's storage kind
    /// (0x80, 0x100 or 0x10000; 0 for ASCII): enough to widen a builder.
    pub(crate) fn max_char_of_kind(&self) -> u32 {
        if self.is_ascii() {
            return 0;
        }
        match self.kind() {
            crate::Kind::Latin1 => 0x80,
            crate::Kind::Ucs2 => 0x100,
            crate::Kind::Ucs4 => 0x10000,
        }
    }
}
