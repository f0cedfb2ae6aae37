//! Statements: `compiler_visit_stmt` in CPython 3.11's Python/compile.c
//! (assignments, imports, `if`, `raise`, `assert`, expression statements;
//! loops and `try`/`with` live in `control`, definitions in `function`).

use kaa_bytecode::{Constant, Opcode};
use kaa_parser::ast::{Alias, Expr, ExprKind, Stmt, StmtKind};

use super::cfg::Op;
use super::{consts, expr::binop_arg, CResult, Compiler, Ctx};
use crate::checks::UnitKind;

/// `find_ann`: whether a body has an annotated assignment (outside
/// nested scopes and `match` statements).
pub(crate) fn find_ann(stmts: &[Stmt]) -> bool {
    stmts.iter().any(|st| match &st.node {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::For { body, orelse, .. }
        | StmtKind::AsyncFor { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => find_ann(body) || find_ann(orelse),
        StmtKind::With { body, .. } | StmtKind::AsyncWith { body, .. } => find_ann(body),
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
            handlers.iter().any(|h| find_ann(&h.body))
                || find_ann(body)
                || find_ann(finalbody)
                || find_ann(orelse)
        }
        _ => false,
    })
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_stmt`.
    pub(crate) fn visit_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.set_loc(s.loc);
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => self.function(
                s,
                name,
                args,
                body,
                decorator_list,
                returns.as_deref(),
                false,
            ),
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => self.function(
                s,
                name,
                args,
                body,
                decorator_list,
                returns.as_deref(),
                true,
            ),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class(s, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value, .. } => {
                self.visit_expr(value)?;
                let n = targets.len();
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Opcode::COPY, 1);
                    }
                    self.visit_expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.augassign(target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.annassign(target, annotation, value.as_deref(), *simple != 0),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_stmt(target, iter, body, orelse),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.async_for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                for st in body {
                    self.visit_stmt(st)?;
                }
                if !orelse.is_empty() {
                    self.jump_noline(Op::Jump, end);
                    self.use_next_block(next);
                    for st in orelse {
                        self.visit_stmt(st)?;
                    }
                }
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::With { items, body, .. } => self.with_stmt(s, items, body, 0, false),
            StmtKind::AsyncWith { items, body, .. } => self.with_stmt(s, items, body, 0, true),
            StmtKind::Match { subject, cases } => self.match_stmt(s, subject, cases),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.visit_expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.visit_expr(c)?;
                        n += 1;
                    }
                }
                self.emit(Opcode::RAISE_VARARGS, n);
                self.next_block();
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, false),
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody, true),
            StmtKind::Assert { test, msg } => {
                self.check_assert(test);
                if self.optimize > 0 {
                    return Ok(());
                }
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR, 0);
                if let Some(m) = msg {
                    self.visit_expr(m)?;
                    self.emit(Opcode::PRECALL, 0);
                    self.emit(Opcode::CALL, 0);
                }
                self.emit(Opcode::RAISE_VARARGS, 1);
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::Import { names } => self.import(names),
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => self.import_from(module.as_deref(), names, *level),
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } => self.stmt_expr(value),
            StmtKind::Pass => {
                self.emit(Opcode::NOP, 0);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(),
            StmtKind::Continue => self.continue_stmt(),
        }
    }

    /// A body's statements from `start` (past a docstring). CPython 3.11's
    /// `astfold_body` wraps a first statement that only folding made a
    /// string (`"a" + "b"`) in a one-part f-string, so that it is not taken
    /// for a docstring: it is loaded and popped, not dropped as a constant.
    pub(crate) fn visit_body(&mut self, stmts: &'a [Stmt], start: usize) -> CResult {
        for (i, st) in stmts.iter().enumerate().skip(start) {
            match &st.node {
                StmtKind::Expr { value }
                    if i == 0
                        && !matches!(value.node, ExprKind::Constant { .. })
                        && matches!(consts::fold(value, self.optimize), Some(Constant::Str(_))) =>
                {
                    self.set_loc(st.loc);
                    self.visit_expr(value)?;
                    self.unset_loc();
                    self.emit(Opcode::POP_TOP, 0);
                }
                _ => self.visit_stmt(st)?,
            }
        }
        Ok(())
    }

    /// `compiler_visit_stmt_expr`.
    fn stmt_expr(&mut self, value: &'a Expr) -> CResult {
        if self.interactive && self.units.len() <= 1 {
            self.visit_expr(value)?;
            self.emit(Opcode::PRINT_EXPR, 0);
            return Ok(());
        }
        if consts::is_const(value, self.optimize) {
            self.emit(Opcode::NOP, 0);
            return Ok(());
        }
        self.visit_expr(value)?;
        self.unset_loc();
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `compiler_augassign`.
    fn augassign(
        &mut self,
        e: &'a Expr,
        op: kaa_parser::ast::Operator,
        value: &'a Expr,
    ) -> CResult {
        let saved = self.ur().loc;
        self.set_loc(e.loc);
        match &e.node {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.visit_expr(obj)?;
                self.emit(Opcode::COPY, 1);
                self.update_start_to_attr(e);
                self.emit_name(Opcode::LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.visit_expr(obj)?;
                self.visit_expr(slice)?;
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Load)?,
            _ => return Err(self.error("invalid node type for augmented assignment")),
        }
        self.u().loc = saved;
        self.visit_expr(value)?;
        self.emit(Opcode::BINARY_OP, binop_arg(op) + 13);
        self.set_loc(e.loc);
        match &e.node {
            ExprKind::Attribute { attr, .. } => {
                self.update_start_to_attr(e);
                self.emit(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `check_ann_expr`.
    fn check_ann_expr(&mut self, e: &'a Expr) -> CResult {
        self.visit_expr(e)?;
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }

    /// `check_ann_subscr`.
    fn check_ann_subscr(&mut self, e: &'a Expr) -> CResult {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.check_ann_expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => {
                for el in elts {
                    self.check_ann_subscr(el)?;
                }
                Ok(())
            }
            _ => self.check_ann_expr(e),
        }
    }

    /// `compiler_annassign`.
    fn annassign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> CResult {
        if let Some(v) = value {
            self.visit_expr(v)?;
            self.visit_expr(target)?;
        }
        let module_or_class = matches!(self.ur().kind, UnitKind::Module | UnitKind::Class);
        match &target.node {
            ExprKind::Name { id, .. } if simple && module_or_class => {
                self.annotation(annotation)?;
                self.emit_name_raw(Opcode::LOAD_NAME, "__annotations__");
                let mangled = crate::mangle::mangle(self.ur().private.as_deref(), id).into_owned();
                self.load_const(Constant::str(&mangled));
                self.emit(Opcode::STORE_SUBSCR, 0);
            }
            ExprKind::Attribute { value: obj, .. } if value.is_none() => {
                self.check_ann_expr(obj)?;
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } if value.is_none() => {
                self.check_ann_expr(obj)?;
                self.check_ann_subscr(slice)?;
            }
            _ => {}
        }
        if !simple && !self.future_annotations && module_or_class {
            self.check_ann_expr(annotation)?;
        }
        Ok(())
    }

    /// An annotation's value: the expression, or under `from __future__
    /// import annotations` its source text.
    pub(crate) fn annotation(&mut self, e: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = super::function::unparse(e)
                .ok_or_else(|| self.error("annotation too complex to stringify"))?;
            // `compiler_visit_annexpr` keeps the statement's location.
            self.load_const(Constant::str(&text));
            Ok(())
        } else {
            self.visit_expr(e)
        }
    }

    /// `compiler_import`.
    fn import(&mut self, names: &'a [Alias]) -> CResult {
        for alias in names {
            self.load_const(Constant::Int(0));
            self.load_const(Constant::None);
            self.emit_name(Opcode::IMPORT_NAME, &alias.name);
            match &alias.asname {
                Some(asname) => {
                    let parts: Vec<&str> = alias.name.split('.').collect();
                    if parts.len() > 1 {
                        for (k, attr) in parts.iter().enumerate().skip(1) {
                            self.emit_name_raw(Opcode::IMPORT_FROM, attr);
                            if k + 1 == parts.len() {
                                break;
                            }
                            self.emit(Opcode::SWAP, 2);
                            self.emit(Opcode::POP_TOP, 0);
                        }
                        self.nameop(asname, Ctx::Store)?;
                        self.emit(Opcode::POP_TOP, 0);
                    } else {
                        self.nameop(asname, Ctx::Store)?;
                    }
                }
                None => {
                    let base = alias.name.split('.').next().unwrap_or("");
                    self.nameop(base, Ctx::Store)?;
                }
            }
        }
        Ok(())
    }

    /// `compiler_from_import`.
    fn import_from(&mut self, module: Option<&'a str>, names: &'a [Alias], level: i64) -> CResult {
        self.load_const(Constant::Int(level));
        let tuple: Vec<Constant> = names.iter().map(|a| Constant::str(&a.name)).collect();
        self.load_const(Constant::tuple(tuple));
        self.emit_name(Opcode::IMPORT_NAME, module.unwrap_or(""));
        for (i, alias) in names.iter().enumerate() {
            if i == 0 && alias.name.starts_with('*') {
                self.emit(Opcode::IMPORT_STAR, 0);
                return Ok(());
            }
            self.emit_name(Opcode::IMPORT_FROM, &alias.name);
            let store = alias.asname.as_deref().unwrap_or(&alias.name);
            self.nameop(store, Ctx::Store)?;
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
