//! The identity of NaN floats. kaa keeps floats unboxed and `is` on two
//! floats compares their bits, but in CPython every `float('nan')` is a
//! new object: `x in [x]` is True (identity) while
//! `float('nan') in [float('nan')]` is False, and a NaN key is found in a
//! dict only through the same object. So each NaN that `float()` makes
//! carries its own payload bits (a quiet NaN with a serial number), which
//! prints and compares like any NaN but is `is`-distinct from the others.

use crate::vm::Vm;

/// The NaN payload bits kaa numbers (the low 51 bits of a quiet NaN).
const PAYLOAD: u64 = (1 << 51) - 1;

/// `f` itself, or for a NaN a new NaN (same sign) whose bits no earlier
/// call of this Vm returned.
pub fn distinct_nan(vm: &mut Vm, f: f64) -> f64 {
    if !f.is_nan() {
        return f;
    }
    vm.nan_serial = (vm.nan_serial % PAYLOAD) + 1;
    let sign = f.to_bits() & (1 << 63);
    f64::from_bits(sign | 0x7ff8_0000_0000_0000 | vm.nan_serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_nan_has_its_own_bits() {
        let mut vm = Vm::new(crate::VmOptions::default());
        let (a, b) = (
            distinct_nan(&mut vm, f64::NAN),
            distinct_nan(&mut vm, f64::NAN),
        );
        assert!(a.is_nan() && b.is_nan());
        assert_ne!(a.to_bits(), b.to_bits());
        assert!(distinct_nan(&mut vm, -f64::NAN).is_sign_negative());
        assert_eq!(distinct_nan(&mut vm, 1.5), 1.5);
    }
}
