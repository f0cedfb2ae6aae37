//! The SyntaxWarnings CPython 3.11's code generator emits
//! (`compiler_warn` in Python/compile.c): `is` with a literal
//! (`check_compare`), calling or subscripting a display or literal that
//! cannot be called or subscripted (`check_caller`, `check_subscripter`,
//! `check_index`), and an assert of a non-empty tuple. Each is raised at
//! the unit's current line, on the AST as the optimizer left it (so `-1`
//! and `(1, 2)` are literals).

use kaa_bytecode::Constant;
use kaa_parser::ast::{CmpOp, Expr, ExprKind};

use super::{consts, Compiler};

impl<'a> Compiler<'a> {
    /// `compiler_warn`: a SyntaxWarning at the current line.
    fn warn(&mut self, message: String) {
        let lineno = u32::try_from(self.ur().loc.lineno).unwrap_or(0);
        self.warnings.push(kaa_parser::Warning {
            category: "SyntaxWarning",
            message,
            lineno,
        });
    }

    /// `infer_type`: the type an expression certainly has, by its kind.
    fn infer_type(&self, e: &Expr) -> Option<&'static str> {
        if let Some(c) = consts::fold(e, self.optimize) {
            return Some(c.type_name());
        }
        Some(match &e.node {
            ExprKind::Tuple { .. } => "tuple",
            ExprKind::List { .. } | ExprKind::ListComp { .. } => "list",
            ExprKind::Dict { .. } | ExprKind::DictComp { .. } => "dict",
            ExprKind::Set { .. } | ExprKind::SetComp { .. } => "set",
            ExprKind::GeneratorExp { .. } => "generator",
            ExprKind::Lambda { .. } => "function",
            ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "str",
            _ => return None,
        })
    }

    /// `check_compare`: the first `is`/`is not` with a literal operand
    /// (a constant other than None, True, False and ...) warns. `ops` are
    /// the operators after folding (`not a is b` is `a is not b`).
    pub(crate) fn check_compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) {
        let is_arg = |c: &Compiler<'a>, e: &Expr| match consts::fold(e, c.optimize) {
            None => true,
            Some(v) => matches!(v, Constant::None | Constant::Bool(_) | Constant::Ellipsis),
        };
        let mut left_ok = is_arg(self, left);
        for (op, right) in ops.iter().zip(comparators) {
            let right_ok = is_arg(self, right);
            if matches!(op, CmpOp::Is | CmpOp::IsNot) && !(left_ok && right_ok) {
                let msg = if *op == CmpOp::Is {
                    "\"is\" with a literal. Did you mean \"==\"?"
                } else {
                    "\"is not\" with a literal. Did you mean \"!=\"?"
                };
                self.warn(msg.to_string());
                return;
            }
            left_ok = right_ok;
        }
    }

    /// `check_caller`: calling a literal or a display.
    pub(crate) fn check_caller(&mut self, func: &Expr) {
        let literal = consts::fold(func, self.optimize).is_some()
            || matches!(
                func.node,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::Dict { .. }
                    | ExprKind::DictComp { .. }
                    | ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            );
        if !literal {
            return;
        }
        if let Some(t) = self.infer_type(func) {
            self.warn(format!(
                "'{t}' object is not callable; perhaps you missed a comma?"
            ));
        }
    }

    /// `check_subscripter` and `check_index`: subscripting what cannot be
    /// subscripted, or a sequence by what cannot index it.
    pub(crate) fn check_subscript(&mut self, value: &Expr, slice: &Expr) {
        let folded = consts::fold(value, self.optimize);
        let not_subscriptable = match &folded {
            Some(c) => matches!(
                c,
                Constant::None
                    | Constant::Ellipsis
                    | Constant::Bool(_)
                    | Constant::Int(_)
                    | Constant::BigInt(_)
                    | Constant::Float(_)
                    | Constant::Complex { .. }
                    | Constant::FrozenSet(_)
            ),
            None => matches!(
                value.node,
                ExprKind::Set { .. }
                    | ExprKind::SetComp { .. }
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Lambda { .. }
            ),
        };
        if not_subscriptable {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!(
                    "'{t}' object is not subscriptable; perhaps you missed a comma?"
                ));
            }
            return;
        }
        let Some(index_type) = self.infer_type(slice) else {
            return;
        };
        if matches!(index_type, "int" | "bool") {
            return;
        }
        let sequence = match &folded {
            Some(c) => matches!(
                c,
                Constant::Str(_) | Constant::Bytes(_) | Constant::Tuple(_)
            ),
            None => matches!(
                value.node,
                ExprKind::Tuple { .. }
                    | ExprKind::List { .. }
                    | ExprKind::ListComp { .. }
                    | ExprKind::JoinedStr { .. }
                    | ExprKind::FormattedValue { .. }
            ),
        };
        if sequence {
            if let Some(t) = self.infer_type(value) {
                self.warn(format!(
                    "{t} indices must be integers or slices, not {index_type}; \
                     perhaps you missed a comma?"
                ));
            }
        }
    }

    /// `compiler_assert`: a non-empty tuple as the test is always true
    /// (warned even under -O).
    pub(crate) fn check_assert(&mut self, test: &Expr) {
        let nonempty = match &consts::fold(test, self.optimize) {
            Some(Constant::Tuple(items)) => !items.is_empty(),
            Some(_) => false,
            None => matches!(&test.node, ExprKind::Tuple { elts, .. } if !elts.is_empty()),
        };
        if nonempty {
            self.warn("assertion is always true, perhaps remove parentheses?".to_string());
        }
    }
}
