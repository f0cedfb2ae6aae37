//! The Python exception a number algorithm raises, with CPython's message.

use std::fmt;

/// Which Python exception to raise, carrying CPython 3.11's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumError {
    /// `ValueError(msg)`.
    Value(String),
    /// `OverflowError(msg)`.
    Overflow(String),
    /// `ZeroDivisionError(msg)`.
    ZeroDivision(String),
    /// `TypeError(msg)`.
    Type(String),
    /// `MemoryError()` (no message), as CPython raises for `1 << 2**64`.
    Memory,
    /// `OverflowError(34, 'Numerical result out of range')`: float `**`
    /// overflow, raised from C's `errno == ERANGE` with two arguments.
    RangeErrno,
}

impl NumError {
    /// The Python exception class name ("ValueError", ...).
    pub fn exception_name(&self) -> &'static str {
        match self {
            NumError::Value(_) => "ValueError",
            NumError::Overflow(_) | NumError::RangeErrno => "OverflowError",
            NumError::ZeroDivision(_) => "ZeroDivisionError",
            NumError::Type(_) => "TypeError",
            NumError::Memory => "MemoryError",
        }
    }

    /// The message (`str(exc)`); empty for `MemoryError`.
    pub fn message(&self) -> &str {
        match self {
            NumError::Value(m)
            | NumError::Overflow(m)
            | NumError::ZeroDivision(m)
            | NumError::Type(m) => m,
            NumError::Memory => "",
            NumError::RangeErrno => "(34, 'Numerical result out of range')",
        }
    }

    /// `ValueError(msg)` from a `&str`.
    pub(crate) fn value(msg: impl Into<String>) -> NumError {
        NumError::Value(msg.into())
    }

    /// `OverflowError(msg)` from a `&str`.
    pub(crate) fn overflow(msg: impl Into<String>) -> NumError {
        NumError::Overflow(msg.into())
    }

    /// `ZeroDivisionError(msg)` from a `&str`.
    pub(crate) fn zero_div(msg: impl Into<String>) -> NumError {
        NumError::ZeroDivision(msg.into())
    }
}

impl fmt::Display for NumError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.exception_name(), self.message())
    }
}

impl std::error::Error for NumError {}
