//! Python's `repr()` of constants, character for character as CPython 3.11
//! (`unicode_repr`, `bytes_repr`, `float_repr`, `complex_repr`,
//! `tuplerepr`, `set_repr`, `code_repr`): what `dis` prints for LOAD_CONST
//! and `dis.code_info` for the constant list.
//!
//! The str, bytes, float and complex parts come from the kaa-repr crate,
//! shared with the parser's AST dump.

use std::fmt::Write;
use std::sync::Arc;

use num_bigint::BigInt;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::pystr::PyStr;

/// CPython 3.11's default `sys.get_int_max_str_digits()`: repr() of an int
/// with more decimal digits raises ValueError.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// A repr() that CPython would refuse, with its exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReprError {
    /// The exception type name.
    pub kind: &'static str,
    /// Its message.
    pub message: String,
}

/// `repr()` of a str (lone surrogates print as `\udXXX`).
pub fn repr_pystr(s: &PyStr) -> String {
    kaa_repr::repr_code_points(&s.code_points())
}

pub use kaa_repr::{repr_bytes, repr_complex, repr_float};

/// `repr()` of a big int, refused past [`INT_MAX_STR_DIGITS`] digits as
/// CPython 3.11 refuses it.
pub fn repr_bigint(i: &BigInt) -> Result<String, ReprError> {
    // A quick bound first: bits * log10(2) digits, give or take one.
    if i.bits() > (INT_MAX_STR_DIGITS as u64 + 2) * 10 / 3 + 8 {
        return Err(int_too_long());
    }
    let s = i.to_string();
    let digits = s.trim_start_matches('-').len();
    if digits > INT_MAX_STR_DIGITS {
        return Err(int_too_long());
    }
    Ok(s)
}

fn int_too_long() -> ReprError {
    ReprError {
        kind: "ValueError",
        message: format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ),
    }
}

/// `repr()` of a code object:
/// `<code object NAME at 0xADDR, file "FILE", line N>`. kaa prints the
/// address of the shared `CodeObject` (its `Arc`), unique while it lives;
/// tests mask it as they must CPython's.
pub fn repr_code(code: &Arc<CodeObject>) -> String {
    let line = if code.firstlineno != 0 {
        code.firstlineno
    } else {
        -1
    };
    format!(
        "<code object {} at {:#x}, file \"{}\", line {}>",
        code.name,
        Arc::as_ptr(code) as usize,
        code.filename,
        line
    )
}

/// How deeply `repr()` may nest when called at the top of a program:
/// CPython 3.11 raises RecursionError from 997 nested tuples on (its
/// recursion limit is 1000, and each object's repr is one level).
pub const REPR_MAX_DEPTH: usize = 996;

/// A piece of a repr still to be written.
enum Piece<'a> {
    /// A value, at a nesting depth.
    Value(&'a Constant, usize),
    /// Punctuation.
    Text(&'static str),
}

/// A set's items in CPython's iteration order: the hash table order of a
/// set built by adding them in marshal order, where the hashes are
/// reproducible (numbers, tuples of them); otherwise marshal order (str
/// hashes are randomised per process, so CPython's order varies too).
fn set_order(items: &[Constant]) -> Vec<&Constant> {
    match crate::pyhash::set_iteration_order(items) {
        Some(order) => order.iter().filter_map(|&i| items.get(i)).collect(),
        None => items.iter().collect(),
    }
}

/// Queues `items` separated by ", " (in reverse, for the stack).
fn queue_items<'a>(work: &mut Vec<Piece<'a>>, items: &[&'a Constant], depth: usize) {
    for (i, item) in items.iter().enumerate().rev() {
        work.push(Piece::Value(item, depth));
        if i > 0 {
            work.push(Piece::Text(", "));
        }
    }
}

/// `repr()` of a constant; fails as CPython does for ints longer than
/// [`INT_MAX_STR_DIGITS`] digits and for values nested more than
/// [`REPR_MAX_DEPTH`] deep.
pub fn repr(c: &Constant) -> Result<String, ReprError> {
    repr_limited(c, REPR_MAX_DEPTH)
}

/// `repr()` with a nesting limit (the recursion CPython has left where the
/// repr is asked for). Written with an explicit stack: nesting costs no
/// Rust stack.
pub fn repr_limited(c: &Constant, max_depth: usize) -> Result<String, ReprError> {
    let mut out = String::new();
    let mut work = vec![Piece::Value(c, 0)];
    while let Some(piece) = work.pop() {
        let (c, depth) = match piece {
            Piece::Text(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Value(c, depth) => (c, depth),
        };
        if depth > max_depth {
            return Err(ReprError {
                kind: "RecursionError",
                message: "maximum recursion depth exceeded while getting the repr of an object"
                    .to_string(),
            });
        }
        let inner = depth + 1;
        match c {
            Constant::None => out.push_str("None"),
            Constant::Ellipsis => out.push_str("Ellipsis"),
            Constant::StopIteration => out.push_str("<class 'StopIteration'>"),
            Constant::Bool(true) => out.push_str("True"),
            Constant::Bool(false) => out.push_str("False"),
            Constant::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Constant::BigInt(i) => out.push_str(&repr_bigint(i)?),
            Constant::Float(f) => out.push_str(&repr_float(*f)),
            Constant::Complex { re, im } => out.push_str(&repr_complex(*re, *im)),
            Constant::Str(s) => out.push_str(&repr_pystr(s)),
            Constant::Bytes(b) => out.push_str(&repr_bytes(b)),
            Constant::Code(code) => out.push_str(&repr_code(code)),
            Constant::Tuple(items) => {
                out.push('(');
                // A one-item tuple keeps its comma: "(1,)".
                work.push(Piece::Text(if items.len() == 1 { ",)" } else { ")" }));
                queue_items(&mut work, &items.iter().collect::<Vec<_>>(), inner);
            }
            Constant::List(items) => {
                out.push('[');
                work.push(Piece::Text("]"));
                queue_items(&mut work, &items.iter().collect::<Vec<_>>(), inner);
            }
            Constant::FrozenSet(items) if items.is_empty() => out.push_str("frozenset()"),
            Constant::FrozenSet(items) => {
                out.push_str("frozenset({");
                work.push(Piece::Text("})"));
                queue_items(&mut work, &set_order(items), inner);
            }
            Constant::Set(items) if items.is_empty() => out.push_str("set()"),
            Constant::Set(items) => {
                out.push('{');
                work.push(Piece::Text("}"));
                queue_items(&mut work, &set_order(items), inner);
            }
            Constant::Dict(pairs) => {
                out.push('{');
                work.push(Piece::Text("}"));
                for (i, (k, v)) in pairs.iter().enumerate().rev() {
                    work.push(Piece::Value(v, inner));
                    work.push(Piece::Text(": "));
                    work.push(Piece::Value(k, inner));
                    if i > 0 {
                        work.push(Piece::Text(", "));
                    }
                }
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn containers() {
        let t = Constant::tuple(vec![Constant::Int(1)]);
        assert_eq!(repr(&t).unwrap(), "(1,)");
        let t = Constant::tuple(vec![
            Constant::str("a'b"),
            Constant::Float(-0.0),
            Constant::Complex { re: 0.0, im: 1.0 },
            Constant::bytes(b"\x00'"),
        ]);
        assert_eq!(repr(&t).unwrap(), "(\"a'b\", -0.0, 1j, b\"\\x00'\")");
        assert_eq!(repr(&Constant::tuple(vec![])).unwrap(), "()");
    }

    #[test]
    fn nesting_is_limited() {
        let mut c = Constant::None;
        for _ in 0..REPR_MAX_DEPTH {
            c = Constant::tuple(vec![c]);
        }
        assert!(repr(&c).is_ok());
        let c = Constant::tuple(vec![c]);
        assert_eq!(repr(&c).unwrap_err().kind, "RecursionError");
    }

    #[test]
    fn huge_ints_are_refused() {
        let big = BigInt::from(10).pow(4300u32);
        assert_eq!(
            repr(&Constant::int(big.clone())).unwrap_err().kind,
            "ValueError"
        );
        assert_eq!(repr_bigint(&(big - 1)).unwrap().len(), 4300);
    }
}
