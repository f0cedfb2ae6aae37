//! Helpers the grammar's actions call (CPython's action_helpers.c): number
//! literals, names of expressions for error messages, invalid targets.

use num_bigint::BigInt;
use num_traits::Num;

use super::expr::mk;
use super::{tok_loc, Parser, Stop};
use crate::ast::{CmpOp, Expr, ExprKind};
use crate::constant::Constant;
use crate::error::ErrorKind;
use crate::token::Token;

/// CPython's default `sys.get_int_max_str_digits()`.
const MAX_STR_DIGITS: usize = 4300;

/// Which kind of target an invalid-target error is about.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum TargetsType {
    Star,
    Del,
    For,
}

impl<'a> Parser<'a> {
    /// `_PyPegen_number_token`: a NUMBER token as a Constant.
    pub(crate) fn number(&mut self, t: Token) -> Result<Expr, Stop> {
        let text = self.text(&t);
        let clean: std::borrow::Cow<str> = if text.contains('_') {
            text.replace('_', "").into()
        } else {
            text.into()
        };
        let value = match parse_number(&clean) {
            Ok(c) => c,
            Err(digits) => {
                let msg = format!(
                    "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion: value has {digits} digits; \
                     use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer \
                     literals to avoid decimal conversion limits."
                );
                let e = self.make_error(ErrorKind::SyntaxError, msg, t.lineno, 0, t.end_lineno, 0);
                return Err(self.raise(e));
            }
        };
        Ok(mk(ExprKind::Constant { value, kind: None }, tok_loc(&t)))
    }

    /// RAISE_SYNTAX_ERROR_INVALID_TARGET: "cannot assign to ..." /
    /// "cannot delete ..." at the first invalid target inside `e`.
    pub(crate) fn raise_invalid_target(&mut self, kind: TargetsType, e: &Expr) -> Result<(), Stop> {
        if let Some(bad) = invalid_target(e, kind) {
            let verb = if kind == TargetsType::Del {
                "delete"
            } else {
                "assign to"
            };
            let msg = format!("cannot {} {}", verb, expr_name(bad));
            return Err(self.raise_at(bad.loc, msg));
        }
        Ok(())
    }
}

/// Parses the digits of a NUMBER token (underscores removed). On a decimal
/// integer longer than CPython's conversion limit, returns its digit count.
fn parse_number(s: &str) -> Result<Constant, usize> {
    let bytes = s.as_bytes();
    if let Some(last) = bytes.last() {
        if *last == b'j' || *last == b'J' {
            let imag = parse_float(&s[..s.len() - 1]);
            return Ok(Constant::Complex { real: 0.0, imag });
        }
    }
    if bytes.len() > 1
        && bytes[0] == b'0'
        && matches!(bytes[1], b'x' | b'X' | b'o' | b'O' | b'b' | b'B')
    {
        let radix = match bytes[1] {
            b'x' | b'X' => 16,
            b'o' | b'O' => 8,
            _ => 2,
        };
        return Ok(int_from(&s[2..], radix));
    }
    if s.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
        return Ok(Constant::Float(parse_float(s)));
    }
    if s.len() > MAX_STR_DIGITS {
        return Err(s.len());
    }
    Ok(int_from(s, 10))
}

fn int_from(digits: &str, radix: u32) -> Constant {
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Constant::Int(v);
    }
    match BigInt::from_str_radix(digits, radix) {
        Ok(b) => Constant::BigInt(Box::new(b)),
        Err(_) => Constant::Int(0),
    }
}

fn parse_float(s: &str) -> f64 {
    // Rust's parser is correctly rounded, like CPython's dtoa; it does not
    // accept a bare trailing '.' exponent form such as "1.e5" differently.
    s.parse::<f64>().unwrap_or_else(|_| {
        // "1." / ".5" / "1.e5" forms Rust may reject: normalise them.
        let mut t = String::with_capacity(s.len() + 2);
        let mut prev_dot = false;
        for (i, c) in s.chars().enumerate() {
            if i == 0 && c == '.' {
                t.push('0');
            }
            if prev_dot && !c.is_ascii_digit() {
                t.push('0');
            }
            prev_dot = c == '.';
            t.push(c);
        }
        if prev_dot {
            t.push('0');
        }
        t.parse::<f64>().unwrap_or(0.0)
    })
}

/// `_PyPegen_get_invalid_target`.
pub(crate) fn invalid_target(e: &Expr, kind: TargetsType) -> Option<&Expr> {
    match &e.node {
        ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred { value, .. } => {
            if kind == TargetsType::Del {
                Some(e)
            } else {
                invalid_target(value, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            // `for a in b` parses `a in b` as a comparison: look at its left.
            if kind == TargetsType::For {
                if ops.first() == Some(&CmpOp::In) {
                    return invalid_target(left, kind);
                }
                return None;
            }
            Some(e)
        }
        ExprKind::Name { .. } | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// `_PyPegen_get_expr_name`: how error messages name an expression.
pub(crate) fn expr_name(e: &Expr) -> &'static str {
    match &e.node {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value, .. } => match value {
            Constant::None => "None",
            Constant::Bool(false) => "False",
            Constant::Bool(true) => "True",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}
