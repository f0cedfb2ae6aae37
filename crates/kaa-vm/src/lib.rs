//! The virtual machine (being built).
#![forbid(unsafe_code)]
