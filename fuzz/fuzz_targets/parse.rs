//! Fuzz target: any bytes, parsed in every mode, must give `Ok` or `Err` —
//! never a panic, a hang or a stack overflow (libFuzzer reports all three).
#![no_main]

use kaa_parser::{parse_bytes, Mode};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for mode in [Mode::Exec, Mode::Eval, Mode::Single, Mode::FuncType] {
        // The result does not matter; the tree is dropped here too, which
        // must not overflow the stack on deep trees either.
        let _ = parse_bytes(data, mode);
    }
});
