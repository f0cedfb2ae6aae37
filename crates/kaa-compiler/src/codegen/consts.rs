//! Constants: the AST's literals as code object constants, and the values
//! CPython 3.11's AST optimizer (Python/ast_opt.c) folds expressions to.
//!
//! Whether an expression folds is decided by [`crate::checks::fold`] (the
//! optimizer's rules and size limits, checked against python3); the value
//! is computed here.

use kaa_bytecode::{Constant, PyStr};
use kaa_parser::ast::{Expr, ExprContext, ExprKind, Operator, Stmt, StmtKind, UnaryOp};
use kaa_parser::constant::Constant as AstConst;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::checks::floatfold::{complex_binary, float_binary, NumValue};
use crate::checks::fold::folds_to_constant;
use crate::checks::intfold::{self, IntValue};

/// The code object constant of an AST literal.
pub(crate) fn from_ast(c: &AstConst) -> Constant {
    match c {
        AstConst::None => Constant::None,
        AstConst::Bool(b) => Constant::Bool(*b),
        AstConst::Ellipsis => Constant::Ellipsis,
        AstConst::Int(i) => Constant::Int(*i),
        AstConst::BigInt(b) => Constant::int((**b).clone()),
        AstConst::Float(f) => Constant::Float(*f),
        AstConst::Complex { real, imag } => Constant::Complex {
            re: *real,
            im: *imag,
        },
        AstConst::Str(s) => Constant::str(s),
        AstConst::WideStr(cps) => {
            Constant::Str(PyStr::from_code_points(cps).unwrap_or_else(|| PyStr::new("")))
        }
        AstConst::Bytes(b) => Constant::bytes(b),
        AstConst::Tuple(items) => Constant::tuple(items.iter().map(from_ast).collect()),
    }
}

/// `_PyAST_GetDocString`: the first statement's string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<Constant> {
    let first = body.first()?;
    let StmtKind::Expr { value } = &first.node else {
        return None;
    };
    match &value.node {
        ExprKind::Constant {
            value: v @ (AstConst::Str(_) | AstConst::WideStr(_)),
            ..
        } => Some(from_ast(v)),
        _ => None,
    }
}

/// The constant `expr` folds to, if the AST optimizer folds it.
pub(crate) fn fold(expr: &Expr, optimize: u32) -> Option<Constant> {
    match &expr.node {
        ExprKind::Constant { value, .. } => return Some(from_ast(value)),
        ExprKind::Name { .. }
        | ExprKind::UnaryOp { .. }
        | ExprKind::BinOp { .. }
        | ExprKind::Tuple { .. }
        | ExprKind::Subscript { .. } => {}
        _ => return None,
    }
    if !folds_to_constant(expr, optimize) {
        return None;
    }
    eval(expr, optimize)
}

/// Whether the optimizer leaves `expr` as a `Constant` node.
pub(crate) fn is_const(expr: &Expr, optimize: u32) -> bool {
    fold(expr, optimize).is_some()
}

fn eval(expr: &Expr, optimize: u32) -> Option<Constant> {
    match &expr.node {
        ExprKind::Constant { value, .. } => Some(from_ast(value)),
        ExprKind::Name {
            id,
            ctx: ExprContext::Load,
        } if id == "__debug__" => Some(Constant::Bool(optimize == 0)),
        ExprKind::UnaryOp { op, operand } => unary(*op, &eval(operand, optimize)?),
        ExprKind::BinOp { left, op, right } => {
            binary(&eval(left, optimize)?, *op, &eval(right, optimize)?)
        }
        ExprKind::Tuple {
            elts,
            ctx: ExprContext::Load,
        } => {
            let items: Option<Vec<Constant>> = elts.iter().map(|e| eval(e, optimize)).collect();
            items.map(Constant::tuple)
        }
        ExprKind::Subscript {
            value,
            slice,
            ctx: ExprContext::Load,
        } => subscript(&eval(value, optimize)?, &eval(slice, optimize)?),
        _ => None,
    }
}

/// An int or bool as an int.
fn int(c: &Constant) -> Option<BigInt> {
    match c {
        Constant::Bool(b) => Some(BigInt::from(u8::from(*b))),
        Constant::Int(i) => Some(BigInt::from(*i)),
        Constant::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// A real number as a float (`None` for an int too large for one).
fn float(c: &Constant) -> Option<f64> {
    match c {
        Constant::Float(f) => Some(*f),
        _ => intfold::to_f64(&int(c)?),
    }
}

fn complex(c: &Constant) -> Option<(f64, f64)> {
    match c {
        Constant::Complex { re, im } => Some((*re, *im)),
        _ => float(c).map(|f| (f, 0.0)),
    }
}

fn is_int(c: &Constant) -> bool {
    matches!(
        c,
        Constant::Bool(_) | Constant::Int(_) | Constant::BigInt(_)
    )
}

fn unary(op: UnaryOp, v: &Constant) -> Option<Constant> {
    match op {
        UnaryOp::Not => Some(Constant::Bool(!super::optimize::is_true(v))),
        UnaryOp::USub => match v {
            Constant::Float(f) => Some(Constant::Float(-f)),
            Constant::Complex { re, im } => Some(Constant::Complex { re: -re, im: -im }),
            _ => Some(Constant::int(-int(v)?)),
        },
        UnaryOp::UAdd => match v {
            Constant::Float(_) | Constant::Complex { .. } => Some(v.clone()),
            _ => Some(Constant::int(int(v)?)),
        },
        UnaryOp::Invert => Some(Constant::int(-(int(v)? + BigInt::from(1)))),
    }
}

fn code_points(c: &Constant) -> Option<Vec<u32>> {
    match c {
        Constant::Str(s) => Some(s.code_points()),
        _ => None,
    }
}

fn str_const(cps: &[u32]) -> Option<Constant> {
    PyStr::from_code_points(cps).map(Constant::Str)
}

fn binary(l: &Constant, op: Operator, r: &Constant) -> Option<Constant> {
    // bool's own `&`, `|` and `^` return a bool.
    if let (Constant::Bool(a), Constant::Bool(b)) = (l, r) {
        match op {
            Operator::BitAnd => return Some(Constant::Bool(a & b)),
            Operator::BitOr => return Some(Constant::Bool(a | b)),
            Operator::BitXor => return Some(Constant::Bool(a ^ b)),
            _ => {}
        }
    }
    if is_int(l) && is_int(r) {
        return Some(match intfold::binary(&int(l)?, op, &int(r)?)? {
            IntValue::Int(i) => Constant::int(i),
            IntValue::Float(f) => Constant::Float(f),
        });
    }
    match (l, r) {
        (Constant::Str(_), Constant::Str(_)) if op == Operator::Add => {
            let mut a = code_points(l)?;
            a.extend(code_points(r)?);
            str_const(&a)
        }
        (Constant::Bytes(a), Constant::Bytes(b)) if op == Operator::Add => {
            Some(Constant::bytes(&[&a[..], &b[..]].concat()))
        }
        (Constant::Tuple(a), Constant::Tuple(b)) if op == Operator::Add => {
            Some(Constant::tuple(a.iter().chain(b.iter()).cloned().collect()))
        }
        (Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_), n) if is_int(n) => {
            repeat(l, op, int(n)?.to_i64()?)
        }
        (n, Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)) if is_int(n) => {
            repeat(r, op, int(n)?.to_i64()?)
        }
        (Constant::Complex { .. }, _) | (_, Constant::Complex { .. }) => {
            complex_binary(complex(l)?, op, complex(r)?).map(num_const)
        }
        _ => float_binary(float(l)?, op, float(r)?).map(num_const),
    }
}

fn repeat(seq: &Constant, op: Operator, n: i64) -> Option<Constant> {
    if op != Operator::Mult {
        return None;
    }
    let count = usize::try_from(n.max(0)).ok()?;
    match seq {
        Constant::Str(_) => str_const(&code_points(seq)?.repeat(count)),
        Constant::Bytes(b) => Some(Constant::bytes(&b.repeat(count))),
        Constant::Tuple(t) => Some(Constant::tuple(
            t.iter().cloned().cycle().take(t.len() * count).collect(),
        )),
        _ => None,
    }
}

/// A folded float or complex as a constant.
fn num_const(v: NumValue) -> Constant {
    match v {
        NumValue::Float(f) => Constant::Float(f),
        NumValue::Complex(re, im) => Constant::Complex { re, im },
    }
}

fn subscript(value: &Constant, index: &Constant) -> Option<Constant> {
    let i = i128::from(int(index)?.to_i64()?);
    let len = match value {
        Constant::Str(s) => s.len(),
        Constant::Bytes(b) => b.len(),
        Constant::Tuple(t) => t.len(),
        _ => return None,
    } as i128;
    let i = if i < 0 { i + len } else { i };
    if !(0..len).contains(&i) {
        return None;
    }
    let i = i as usize;
    match value {
        Constant::Str(_) => str_const(&[*code_points(value)?.get(i)?]),
        Constant::Bytes(b) => Some(Constant::Int(i64::from(*b.get(i)?))),
        Constant::Tuple(t) => t.get(i).cloned(),
        _ => None,
    }
}

/// A frozenset constant built as `PyFrozenSet_New` builds it from the
/// items: an item equal (by Python `==`, so `1`, `1.0` and `True` are one)
/// to an earlier one is dropped, the first kept. The items stay in source
/// order, the order CPython inserts them into the set's table (which
/// decides its iteration order); marshal sorts them when writing.
pub(crate) fn frozenset(items: Vec<Constant>) -> Constant {
    let mut kept: Vec<Constant> = Vec::with_capacity(items.len());
    for item in items {
        if !kept.iter().any(|k| py_eq(k, &item)) {
            kept.push(item);
        }
    }
    Constant::FrozenSet(kept.into())
}

/// A numeric constant as a complex value (`bool` and `int` included), for
/// Python's cross-type numeric `==`.
fn numeric(c: &Constant) -> Option<(f64, f64, Option<BigInt>)> {
    match c {
        Constant::Bool(_) | Constant::Int(_) | Constant::BigInt(_) => {
            let i = int(c)?;
            Some((intfold::to_f64(&i).unwrap_or(f64::INFINITY), 0.0, Some(i)))
        }
        Constant::Float(f) => Some((*f, 0.0, None)),
        Constant::Complex { re, im } => Some((*re, *im, None)),
        _ => None,
    }
}

/// Python's `==` between two constants as a set compares its elements
/// (identity first: the very same constant, even a NaN, is equal).
fn py_eq(a: &Constant, b: &Constant) -> bool {
    if a == b {
        return true;
    }
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        // Two ints compare exactly; otherwise CPython compares an int with
        // a float exactly too, which the f64 conversion matches for every
        // int a float can equal.
        return match (&x.2, &y.2) {
            (Some(i), Some(j)) => i == j,
            _ => x.0 == y.0 && x.1 == y.1,
        };
    }
    match (a, b) {
        (Constant::Tuple(x), Constant::Tuple(y)) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        (Constant::FrozenSet(x), Constant::FrozenSet(y)) => {
            x.len() == y.len() && x.iter().all(|p| y.iter().any(|q| py_eq(p, q)))
        }
        _ => false,
    }
}
