//! `StrError`: the Python exception a str operation raises, named by class
//! with CPython 3.11's message (the VM turns it into an exception object).

use crate::Str;
use std::fmt;

/// The exception a str algorithm raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StrError {
    /// `ValueError(message)`, e.g. "substring not found", "empty separator".
    Value(String),
    /// `TypeError(message)`, e.g. "The fill character must be exactly one character long".
    Type(String),
    /// `OverflowError(message)`, e.g. "repeated string is too long".
    Overflow(String),
    /// `LookupError(message)`, e.g. "unknown encoding: foo".
    Lookup(String),
    /// `MemoryError()` (an allocation failed).
    Memory,
    /// `UnicodeEncodeError` with its attributes.
    UnicodeEncode(Box<UnicodeEncodeError>),
    /// `UnicodeDecodeError` with its attributes.
    UnicodeDecode(Box<UnicodeDecodeError>),
}

impl StrError {
    /// The Python exception class name.
    pub fn class_name(&self) -> &'static str {
        match self {
            StrError::Value(_) => "ValueError",
            StrError::Type(_) => "TypeError",
            StrError::Overflow(_) => "OverflowError",
            StrError::Lookup(_) => "LookupError",
            StrError::Memory => "MemoryError",
            StrError::UnicodeEncode(_) => "UnicodeEncodeError",
            StrError::UnicodeDecode(_) => "UnicodeDecodeError",
        }
    }

    /// `str(exc)` as CPython prints it after `ClassName: `.
    pub fn message(&self) -> String {
        match self {
            StrError::Value(m)
            | StrError::Type(m)
            | StrError::Overflow(m)
            | StrError::Lookup(m) => m.clone(),
            StrError::Memory => String::new(),
            StrError::UnicodeEncode(e) => e.to_string(),
            StrError::UnicodeDecode(e) => e.to_string(),
        }
    }
}

impl fmt::Display for StrError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

/// CPython's UnicodeEncodeError attributes (`encoding`, `object`, `start`, `end`, `reason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeEncodeError {
    /// The codec name as CPython reports it ('utf-8', 'ascii', 'latin-1').
    pub encoding: String,
    /// The string being encoded.
    pub object: Str,
    /// First offending code point index.
    pub start: usize,
    /// One past the last offending index.
    pub end: usize,
    /// Why, e.g. "ordinal not in range(128)".
    pub reason: String,
}

impl fmt::Display for UnicodeEncodeError {
    /// CPython's `UnicodeEncodeError.__str__`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start < self.object.len() && self.end == self.start + 1 {
            let cp = self.object.get(self.start).unwrap_or(0);
            let ch = if cp <= 0xFF {
                format!("\\x{cp:02x}")
            } else if cp <= 0xFFFF {
                format!("\\u{cp:04x}")
            } else {
                format!("\\U{cp:08x}")
            };
            write!(
                f,
                "'{}' codec can't encode character '{}' in position {}: {}",
                self.encoding, ch, self.start, self.reason
            )
        } else {
            write!(
                f,
                "'{}' codec can't encode characters in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.wrapping_sub(1),
                self.reason
            )
        }
    }
}

/// CPython's UnicodeDecodeError attributes (`encoding`, `object`, `start`, `end`, `reason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnicodeDecodeError {
    /// The codec name as CPython reports it.
    pub encoding: String,
    /// The bytes being decoded.
    pub object: Vec<u8>,
    /// First offending byte index.
    pub start: usize,
    /// One past the last offending byte index.
    pub end: usize,
    /// Why, e.g. "invalid start byte".
    pub reason: String,
}

impl fmt::Display for UnicodeDecodeError {
    /// CPython's `UnicodeDecodeError.__str__`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.start < self.object.len() && self.end == self.start + 1 {
            let b = self.object.get(self.start).copied().unwrap_or(0);
            write!(
                f,
                "'{}' codec can't decode byte 0x{:02x} in position {}: {}",
                self.encoding, b, self.start, self.reason
            )
        } else {
            write!(
                f,
                "'{}' codec can't decode bytes in position {}-{}: {}",
                self.encoding,
                self.start,
                self.end.wrapping_sub(1),
                self.reason
            )
        }
    }
}
