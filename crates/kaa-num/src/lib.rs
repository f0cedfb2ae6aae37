//! Number algorithms (being built).
#![forbid(unsafe_code)]
