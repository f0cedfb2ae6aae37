//! Float and complex arithmetic as CPython 3.11's AST optimizer folds it
//! (`Python/ast_opt.c` `fold_binop` calls the number protocol): the same
//! operations the VM runs (kaa-num's), and no folding where Python raises
//! (`1.0 / 0`, `0.0 ** -1`, an overflowing `**`).
//!
//! Both the compile-time checks ([`super::fold`]) and the code generator's
//! constants use it, so the two agree on what folds and to what.

use kaa_num::{Complex, FloatPow};
use kaa_parser::ast::Operator;

/// What a float or complex operation folds to.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumValue {
    /// A float.
    Float(f64),
    /// A complex (real, imaginary).
    Complex(f64, f64),
}

/// `a op b` for floats (ints already converted), or None where Python
/// raises or the operator does not apply.
pub(crate) fn float_binary(a: f64, op: Operator, b: f64) -> Option<NumValue> {
    let r = match op {
        Operator::Add => a + b,
        Operator::Sub => a - b,
        Operator::Mult => a * b,
        Operator::Div => kaa_num::float_div(a, b).ok()?,
        Operator::FloorDiv => kaa_num::float_floordiv(a, b).ok()?,
        Operator::Mod => kaa_num::float_mod(a, b).ok()?,
        Operator::Pow => match kaa_num::float_pow(a, b).ok()? {
            FloatPow::Float(r) => r,
            // A negative base to a fractional power is complex.
            FloatPow::Complex(re, im) => return Some(NumValue::Complex(re, im)),
        },
        _ => return None,
    };
    Some(NumValue::Float(r))
}

/// `a op b` for complex numbers (floats and ints as complex), or None
/// where Python raises or the operator does not apply (`//` and `%`).
pub(crate) fn complex_binary(a: Complex, op: Operator, b: Complex) -> Option<NumValue> {
    let (re, im) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        // `_Py_c_prod`.
        Operator::Mult => (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0),
        Operator::Div => kaa_num::complex_div(a, b).ok()?,
        Operator::Pow => kaa_num::complex_pow(a, b).ok()?,
        _ => return None,
    };
    Some(NumValue::Complex(re, im))
}
