//! Python's `repr()` for the constant types: str, bytes, float, complex.
//! (Being written: see the module's tests for the contract.)

pub fn repr_str(s: &str) -> String {
    format!("'{s}'")
}

pub fn repr_str_wide(cps: &[u32]) -> String {
    let s: String = cps.iter().map(|&c| char::from_u32(c).unwrap_or('\u{fffd}')).collect();
    repr_str(&s)
}

pub fn repr_bytes(b: &[u8]) -> String {
    format!("b'{}'", String::from_utf8_lossy(b))
}

pub fn repr_float(f: f64) -> String {
    format!("{f:?}")
}

pub fn repr_complex(real: f64, imag: f64) -> String {
    format!("({real}+{imag}j)")
}
