//! The recursion guard of CPython's AST optimizer (`Python/ast_opt.c`),
//! which runs after the future statements are read and before the symbol
//! table is built: a module nested deeper than the limit fails there with
//! "maximum recursion depth exceeded during compilation", ahead of any
//! error the symbol table or the code generator would report.
//!
//! The optimizer counts statements, expressions and patterns on the way
//! down, as the symbol table does, but skips annotations under
//! `from __future__ import annotations` (it leaves them unevaluated), so
//! only the order of errors differs, not the limit.

use kaa_parser::ast::{
    Arguments, Comprehension, Expr, ExprKind, Keyword, MatchCase, Mod, Pattern, PatternKind, Stmt,
    StmtKind,
};
use kaa_parser::{ErrorKind, SyntaxError};

use crate::symtable::RECURSION_LIMIT;

/// The optimizer's walk: only the depth is tracked.
struct Depth {
    depth: u32,
    future_annotations: bool,
}

/// Exceeding the limit; the error is made once, at the top.
struct TooDeep;

type Walk = Result<(), TooDeep>;

/// Fails with CPython's RecursionError if `module` nests statements,
/// expressions and patterns deeper than [`RECURSION_LIMIT`] (counting
/// from `start_depth`).
pub fn check_depth(
    module: &Mod,
    future_annotations: bool,
    start_depth: u32,
) -> Result<(), SyntaxError> {
    let mut walk = Depth {
        depth: start_depth,
        future_annotations,
    };
    let result = match module {
        Mod::Module { body, .. } | Mod::Interactive { body } => walk.stmts(body),
        Mod::Expression { body } => walk.expr(body),
        Mod::FunctionType { argtypes, returns } => {
            walk.exprs(argtypes).and_then(|()| walk.expr(returns))
        }
    };
    result.map_err(|TooDeep| {
        SyntaxError::new(
            ErrorKind::RecursionError,
            "maximum recursion depth exceeded during compilation",
        )
    })
}

impl Depth {
    fn enter(&mut self) -> Walk {
        self.depth = self.depth.saturating_add(1);
        if self.depth > RECURSION_LIMIT {
            return Err(TooDeep);
        }
        Ok(())
    }

    fn stmts(&mut self, stmts: &[Stmt]) -> Walk {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs(&mut self, exprs: &[Expr]) -> Walk {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    fn opt(&mut self, expr: Option<&Expr>) -> Walk {
        expr.map_or(Ok(()), |e| self.expr(e))
    }

    /// An annotation, left alone under `from __future__ import annotations`.
    fn annotation(&mut self, expr: Option<&Expr>) -> Walk {
        if self.future_annotations {
            return Ok(());
        }
        self.opt(expr)
    }

    fn arguments(&mut self, args: &Arguments) -> Walk {
        let all = (args.posonlyargs.iter())
            .chain(args.args.iter())
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg.as_deref());
        for arg in all {
            self.annotation(arg.annotation.as_deref())?;
        }
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .try_for_each(|d| self.opt(d.as_ref()))
    }

    fn keywords(&mut self, keywords: &[Keyword]) -> Walk {
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    fn stmt(&mut self, s: &Stmt) -> Walk {
        self.enter()?;
        match &s.node {
            StmtKind::FunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            }
            | StmtKind::AsyncFunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.arguments(args)?;
                self.stmts(body)?;
                self.exprs(decorator_list)?;
                self.annotation(returns.as_deref())?;
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.exprs(bases)?;
                self.keywords(keywords)?;
                self.stmts(body)?;
                self.exprs(decorator_list)?;
            }
            StmtKind::Return { value } => self.opt(value.as_deref())?,
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(target)?;
                self.annotation(Some(annotation))?;
                self.opt(value.as_deref())?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            }
            | StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    self.opt(item.optional_vars.as_deref())?;
                }
                self.stmts(body)?;
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                cases.iter().try_for_each(|c| self.match_case(c))?;
            }
            StmtKind::Raise { exc, cause } => {
                self.opt(exc.as_deref())?;
                self.opt(cause.as_deref())?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            }
            | StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.opt(h.r#type.as_deref())?;
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.opt(msg.as_deref())?;
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn match_case(&mut self, case: &MatchCase) -> Walk {
        self.pattern(&case.pattern)?;
        self.opt(case.guard.as_deref())?;
        self.stmts(&case.body)
    }

    fn comprehensions(&mut self, generators: &[Comprehension]) -> Walk {
        for g in generators {
            self.expr(&g.target)?;
            self.expr(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Walk {
        self.enter()?;
        match &e.node {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.arguments(args)?;
                self.expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().try_for_each(|k| self.opt(k.as_ref()))?;
                self.exprs(values)?;
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                self.exprs(elts)?;
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt)?;
                self.comprehensions(generators)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.expr(key)?;
                self.expr(value)?;
                self.comprehensions(generators)?;
            }
            ExprKind::Await { value }
            | ExprKind::YieldFrom { value }
            | ExprKind::Attribute { value, .. }
            | ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Yield { value } => self.opt(value.as_deref())?,
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                self.keywords(keywords)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.opt(format_spec.as_deref())?;
            }
            ExprKind::JoinedStr { values } => self.exprs(values)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.opt(lower.as_deref())?;
                self.opt(upper.as_deref())?;
                self.opt(step.as_deref())?;
            }
            ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Walk {
        self.enter()?;
        match &p.node {
            PatternKind::MatchValue { value } => self.expr(value)?,
            PatternKind::MatchSingleton { .. } | PatternKind::MatchStar { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                patterns.iter().try_for_each(|q| self.pattern(q))?;
            }
            PatternKind::MatchMapping { keys, patterns, .. } => {
                self.exprs(keys)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.expr(cls)?;
                patterns.iter().try_for_each(|q| self.pattern(q))?;
                kwd_patterns.iter().try_for_each(|q| self.pattern(q))?;
            }
            PatternKind::MatchAs { pattern, .. } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }
}
