//! Python str algorithms (being built).
#![forbid(unsafe_code)]
