//! The code generator's walk over a module (compile.c's `compiler_mod`,
//! `compiler_visit_stmt`, `compiler_visit_expr` and their helpers), doing
//! no more than the checks need: it visits the nodes in compile.c's order,
//! moves the current position as compile.c does, keeps the frame block
//! stack, and enters a unit for each function, class, lambda and
//! comprehension at the point where compile.c compiles it (a `def`'s body
//! right after its decorators, defaults and annotations; a class body
//! before its bases; a comprehension's body before its outermost
//! iterable).
//!
//! Like compile.c, it compiles a `finally` body once for the normal path,
//! once for the exceptional path, and once more for every `return`,
//! `break` or `continue` leaving its `try` early. A compilation that
//! raised nothing would raise nothing again in the same frame block
//! context, so those repeats are remembered and skipped (CPython's own
//! repeats grow exponentially with nesting).

use std::collections::HashMap;

use kaa_parser::ast::{
    Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind, Keyword, Mod, Stmt,
    StmtKind, UnaryOp, WithItem,
};

use super::fold::folds_to_constant;
use super::unit::{check_async_comprehension, Check, FrameBlock, Position, Unit, UnitKind};
use crate::symtable::{BlockType, ScopeId, SymbolTable};

/// What the walk needs to know besides the AST and the symbol table.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Settings {
    /// Annotations are not evaluated (`CO_FUTURE_ANNOTATIONS`).
    pub future_annotations: bool,
    /// The line of the last future statement (`ff_lineno`).
    pub future_lineno: Option<u32>,
    /// The optimization level (`-O`): asserts are not compiled from 1 on.
    pub optimize: u32,
    /// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
    pub top_level_await: bool,
}

/// Which comprehension is compiled (`COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum CompKind {
    /// A generator expression (`COMP_GENEXP`).
    Generator,
    /// A list, set or dict comprehension.
    Other,
}

/// One compilation of a `finally` body: the body, and the frame blocks it
/// is compiled inside as far as they matter (see
/// [`FrameBlock::signature`]).
#[derive(Clone, PartialEq, Eq, Hash)]
struct FinallyContext {
    body: usize,
    depth: usize,
    blocks: Vec<(u8, usize)>,
}

/// The walk's state (compile.c's `struct compiler`).
pub(super) struct Walker<'a, 't> {
    table: &'t SymbolTable<'a>,
    settings: Settings,
    /// The unit being compiled (`c->u`).
    pub(super) cur: Unit<'a>,
    /// The units it is nested in (`c->c_stack`).
    outer: Vec<Unit<'a>>,
    /// `finally` bodies compiled without error, with the position they
    /// left behind.
    finally_done: HashMap<FinallyContext, Position>,
}

impl<'a, 't> Walker<'a, 't> {
    pub(super) fn new(table: &'t SymbolTable<'a>, settings: Settings) -> Walker<'a, 't> {
        Walker {
            table,
            settings,
            cur: Unit::new(UnitKind::Module, Some(table.top()), 1),
            outer: Vec::new(),
            finally_done: HashMap::new(),
        }
    }

    /// `compiler_mod`.
    pub(super) fn module(&mut self, module: &'a Mod) -> Check {
        match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => self.stmts(body),
            Mod::Expression { body } => self.expr(body),
            Mod::FunctionType { .. } => Ok(()),
        }
    }

    // ----- units --------------------------------------------------------

    /// `compiler_enter_scope`.
    fn enter(&mut self, kind: UnitKind, scope: Option<ScopeId>, lineno: u32) {
        let scope = scope.map(|id| self.table.scope(id));
        let unit = Unit::new(kind, scope, lineno);
        let outer = std::mem::replace(&mut self.cur, unit);
        self.outer.push(outer);
    }

    /// `compiler_exit_scope`.
    fn exit(&mut self) {
        if let Some(outer) = self.outer.pop() {
            self.cur = outer;
        }
    }

    /// `IS_TOP_LEVEL_AWAIT(c)`.
    pub(super) fn top_level_await(&self) -> bool {
        self.settings.top_level_await && self.cur.block == BlockType::Module
    }

    // ----- statements ---------------------------------------------------

    pub(super) fn stmts(&mut self, stmts: &'a [Stmt]) -> Check {
        stmts.iter().try_for_each(|s| self.stmt(s))
    }

    /// `compiler_visit_stmt`.
    fn stmt(&mut self, s: &'a Stmt) -> Check {
        self.cur.set_loc(s.loc);
        match &s.node {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                let returns = returns.as_deref();
                let kind = UnitKind::Function;
                self.function(s, name, args, body, decorator_list, returns, kind)
            }
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                let returns = returns.as_deref();
                let kind = UnitKind::AsyncFunction;
                self.function(s, name, args, body, decorator_list, returns, kind)
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class(s, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.return_stmt(s, value.as_deref()),
            StmtKind::Delete { targets } => self.exprs(targets),
            StmtKind::Assign { targets, value, .. } => {
                self.expr(value)?;
                self.exprs(targets)
            }
            StmtKind::AugAssign { target, value, .. } => self.aug_assign(target, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => self.ann_assign(target, annotation, value.as_deref(), *simple != 0),
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.for_loop(target, iter, body, orelse),
            StmtKind::AsyncFor {
                target,
                iter,
                body,
                orelse,
                ..
            } => self.async_for_loop(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_loop(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                self.jump_if(test)?;
                self.stmts(body)?;
                self.stmts(orelse)
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases),
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                    }
                }
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let parts = TryParts {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    star: false,
                };
                self.try_stmt(&parts)
            }
            StmtKind::TryStar {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                let parts = TryParts {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                    star: true,
                };
                self.try_stmt(&parts)
            }
            StmtKind::Assert { test, msg } => {
                // `compiler_assert`: nothing is compiled under -O.
                if self.settings.optimize > 0 {
                    return Ok(());
                }
                self.jump_if(test)?;
                if let Some(msg) = msg {
                    self.expr(msg)?;
                }
                self.cur.set_loc(test.loc);
                Ok(())
            }
            StmtKind::Import { names } => {
                // `compiler_import`: `import a.b` binds `a`.
                names.iter().try_for_each(|alias| {
                    let bound = match &alias.asname {
                        Some(asname) => asname.as_str(),
                        None => alias.name.split('.').next().unwrap_or(&alias.name),
                    };
                    self.cur.forbidden_name(bound, ExprContext::Store)
                })
            }
            StmtKind::ImportFrom { module, names, .. } => {
                let future = self.settings.future_lineno;
                self.cur
                    .check_future_import(module.as_deref(), s.loc.lineno, future)?;
                names
                    .iter()
                    .filter(|alias| alias.name != "*")
                    .try_for_each(|alias| {
                        let bound = alias.asname.as_deref().unwrap_or(&alias.name);
                        self.cur.forbidden_name(bound, ExprContext::Store)
                    })
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } | StmtKind::Pass => Ok(()),
            StmtKind::Expr { value } => {
                // `compiler_visit_stmt_expr`: a constant is not compiled.
                if matches!(value.node, ExprKind::Constant { .. }) {
                    return Ok(());
                }
                self.expr(value)
            }
            StmtKind::Break => self.break_or_continue(false),
            StmtKind::Continue => self.break_or_continue(true),
            StmtKind::With { items, body, .. } => self.with_stmt(s, items, body, 0, false),
            StmtKind::AsyncWith { items, body, .. } => self.with_stmt(s, items, body, 0, true),
        }
    }

    /// `compiler_function`: the parameter names, the decorators, the
    /// defaults and the annotations in the enclosing unit, then the body
    /// in a new one, then the binding of the name.
    #[allow(clippy::too_many_arguments)]
    fn function(
        &mut self,
        s: &'a Stmt,
        name: &str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decorators: &'a [Expr],
        returns: Option<&'a Expr>,
        kind: UnitKind,
    ) -> Check {
        self.cur.check_debug_args(args)?;
        self.exprs(decorators)?;
        let firstlineno = decorators.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.defaults(args)?;
        self.annotations(args, returns)?;
        self.enter(kind, self.table.scope_of_stmt(s), firstlineno);
        self.stmts(body)?;
        self.exit();
        self.cur.forbidden_name(name, ExprContext::Store)
    }

    /// `compiler_class`: the decorators, the body in a new unit, then the
    /// bases and keywords (a call of `__build_class__`), then the name.
    fn class(
        &mut self,
        s: &'a Stmt,
        name: &str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decorators: &'a [Expr],
    ) -> Check {
        self.exprs(decorators)?;
        let firstlineno = decorators.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        self.enter(UnitKind::Class, self.table.scope_of_stmt(s), firstlineno);
        self.stmts(body)?;
        self.exit();
        self.cur.validate_keywords(keywords)?;
        self.call_arguments(bases, keywords)?;
        self.cur.forbidden_name(name, ExprContext::Store)
    }

    /// `compiler_default_arguments`: positional defaults, then the
    /// keyword-only ones.
    fn defaults(&mut self, args: &'a Arguments) -> Check {
        self.exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|d| self.expr(d))
    }

    /// `compiler_visit_annotations` (not evaluated under `from __future__
    /// import annotations`): CPython takes the positional parameters
    /// before the positional-only ones.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> Check {
        if self.settings.future_annotations {
            return Ok(());
        }
        let all = (args.args.iter())
            .chain(args.posonlyargs.iter())
            .chain(args.vararg.as_deref())
            .chain(args.kwonlyargs.iter())
            .chain(args.kwarg.as_deref());
        for annotation in all.filter_map(|a| a.annotation.as_deref()).chain(returns) {
            match &annotation.node {
                // `*args: *Ts` evaluates `Ts`.
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(annotation)?,
            }
        }
        Ok(())
    }

    /// `compiler_return`.
    fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> Check {
        // A value that folds to a constant is loaded after the unwinding,
        // anything else is kept on the stack during it.
        let optimize = self.settings.optimize;
        let preserve_tos = value.is_some_and(|v| !folds_to_constant(v, optimize));
        self.cur.check_return(value.is_some())?;
        match value {
            Some(v) if preserve_tos => self.expr(v)?,
            Some(v) => self.cur.set_loc(v.loc),
            None => {}
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.cur.set_loc(s.loc);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        Ok(())
    }

    /// `compiler_break` / `compiler_continue`.
    fn break_or_continue(&mut self, is_continue: bool) -> Check {
        let saved = self.cur.pos;
        if self.unwind_fblock_stack(false, true)? {
            return Ok(());
        }
        self.cur.pos = saved;
        Err(self.cur.error(if is_continue {
            "'continue' not properly in loop"
        } else {
            "'break' outside loop"
        }))
    }

    /// `compiler_unwind_fblock_stack`: leaves the frame blocks from the
    /// innermost out (to the innermost loop if `stop_at_loop`), compiling
    /// what each needs on the way. Says whether a loop stopped it.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Result<bool, Box<kaa_parser::SyntaxError>> {
        let Some(&top) = self.cur.fblocks.last() else {
            return Ok(false);
        };
        if matches!(top, FrameBlock::ExceptionGroupHandler) {
            return Err(self
                .cur
                .error("'break', 'continue' and 'return' cannot appear in an except* block"));
        }
        if stop_at_loop && top.is_loop() {
            return Ok(true);
        }
        self.cur.pop_fblock();
        self.unwind_fblock(top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.cur.fblocks.push(top);
        Ok(found)
    }

    /// `compiler_unwind_fblock`: leaving a `try` with a `finally` compiles
    /// the `finally` body there; leaving a `with` calls its exit (at the
    /// `with`'s position, then at none).
    fn unwind_fblock(&mut self, block: FrameBlock<'a>, preserve_tos: bool) -> Check {
        match block {
            FrameBlock::FinallyTry(finalbody) => {
                if preserve_tos {
                    self.cur.push_fblock(FrameBlock::PopValue)?;
                }
                self.finally_body(finalbody)?;
                if preserve_tos {
                    self.cur.pop_fblock();
                }
                self.cur.unset_loc();
            }
            FrameBlock::With(_) | FrameBlock::AsyncWith(_) => self.cur.unset_loc(),
            // Clearing an `except ... as name` target stores and deletes the
            // name, which passed `forbidden_name` when the handler bound it.
            _ => {}
        }
        Ok(())
    }

    /// A `finally` body, unless it was compiled without error before in
    /// the same context (then only its final position is restored).
    fn finally_body(&mut self, body: &'a [Stmt]) -> Check {
        let blocks = self.cur.fblocks.iter().filter_map(FrameBlock::signature);
        let context = FinallyContext {
            body: body.as_ptr() as usize,
            depth: self.cur.fblocks.len(),
            blocks: blocks.collect(),
        };
        if let Some(&pos) = self.finally_done.get(&context) {
            self.cur.pos = pos;
            return Ok(());
        }
        self.stmts(body)?;
        self.finally_done.insert(context, self.cur.pos);
        Ok(())
    }

    /// `compiler_for`.
    fn for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Check {
        self.cur.push_fblock(FrameBlock::ForLoop)?;
        self.expr(iter)?;
        self.expr(target)?;
        self.stmts(body)?;
        self.cur.unset_loc();
        self.cur.pop_fblock();
        self.stmts(orelse)
    }

    /// `compiler_async_for`.
    fn async_for_loop(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Check {
        let top_level_await = self.top_level_await();
        self.cur
            .check_async_statement(top_level_await, "'async for'")?;
        self.expr(iter)?;
        self.cur.push_fblock(FrameBlock::ForLoop)?;
        self.expr(target)?;
        self.stmts(body)?;
        self.cur.unset_loc();
        self.cur.pop_fblock();
        self.cur.set_loc(iter.loc);
        self.stmts(orelse)
    }

    /// `compiler_while`: the test is compiled twice, before the body and
    /// after it.
    fn while_loop(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Check {
        self.cur.push_fblock(FrameBlock::WhileLoop)?;
        self.jump_if(test)?;
        self.stmts(body)?;
        self.cur.set_loc(s.loc);
        self.jump_if(test)?;
        self.cur.pop_fblock();
        self.stmts(orelse)
    }

    /// `compiler_with` / `compiler_async_with` for item `pos` on: one
    /// frame block per item.
    fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
        is_async: bool,
    ) -> Check {
        if is_async {
            let top_level_await = self.top_level_await();
            self.cur
                .check_async_statement(top_level_await, "'async with'")?;
        }
        let Some(item) = items.get(pos) else {
            return self.stmts(body);
        };
        self.expr(&item.context_expr)?;
        let block = if is_async {
            FrameBlock::AsyncWith(s)
        } else {
            FrameBlock::With(s)
        };
        self.cur.push_fblock(block)?;
        if let Some(vars) = &item.optional_vars {
            self.expr(vars)?;
        }
        if pos + 1 >= items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, items, body, pos + 1, is_async)?;
        }
        self.cur.pop_fblock();
        // The normal exit is at the statement; the exceptional exit code
        // that follows is artificial.
        self.cur.set_loc(s.loc);
        self.cur.unset_loc();
        Ok(())
    }

    /// `compiler_try` / `compiler_try_star`.
    fn try_stmt(&mut self, t: &TryParts<'a>) -> Check {
        if t.finalbody.is_empty() {
            return self.try_except(t);
        }
        // `compiler_try_finally`: the body inside a block whose early exits
        // compile the `finally` body, then the `finally` body for the
        // normal and for the exceptional path.
        self.cur.push_fblock(FrameBlock::FinallyTry(t.finalbody))?;
        if t.handlers.is_empty() {
            self.stmts(t.body)?;
        } else {
            self.try_except(t)?;
        }
        self.cur.pop_fblock();
        self.finally_body(t.finalbody)?;
        self.cur.unset_loc();
        self.cur.push_fblock(FrameBlock::FinallyEnd)?;
        self.finally_body(t.finalbody)?;
        self.cur.pop_fblock();
        Ok(())
    }

    /// `compiler_try_except` / `compiler_try_star_except`.
    fn try_except(&mut self, t: &TryParts<'a>) -> Check {
        self.cur.push_fblock(FrameBlock::TryExcept)?;
        self.stmts(t.body)?;
        self.cur.pop_fblock();
        if !t.star {
            self.stmts(t.orelse)?;
        }
        self.cur.unset_loc();
        let handlers_block = if t.star {
            FrameBlock::ExceptionGroupHandler
        } else {
            FrameBlock::ExceptionHandler
        };
        self.cur.push_fblock(handlers_block)?;
        let count = t.handlers.len();
        for (i, handler) in t.handlers.iter().enumerate() {
            self.cur.set_loc(handler.loc);
            if !t.star {
                self.cur
                    .check_default_except(handler.r#type.is_some(), i, count)?;
            }
            if let Some(ty) = &handler.r#type {
                self.expr(ty)?;
            }
            if let Some(name) = &handler.name {
                // CPython ignores this store's failure and fails at the
                // next name or constant it adds, usually at once; kaa
                // reports it here.
                self.cur.forbidden_name(name, ExprContext::Store)?;
            }
            let name = handler.name.as_deref();
            self.cur.push_fblock(FrameBlock::HandlerCleanup(name))?;
            self.stmts(&handler.body)?;
            self.cur.pop_fblock();
            self.cur.unset_loc();
        }
        self.cur.unset_loc();
        self.cur.pop_fblock();
        if t.star {
            self.stmts(t.orelse)?;
        }
        Ok(())
    }

    /// `compiler_augassign`: the target is read (at its position), the
    /// value computed, the target written.
    fn aug_assign(&mut self, target: &'a Expr, value: &'a Expr) -> Check {
        let saved = self.cur.pos;
        self.cur.set_loc(target.loc);
        match &target.node {
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            _ => {}
        }
        self.cur.pos = saved;
        self.expr(value)?;
        self.cur.set_loc(target.loc);
        match &target.node {
            // An augmented attribute is stored without the `__debug__`
            // check.
            ExprKind::Attribute { .. } => self.cur.locate_attribute(target),
            ExprKind::Name { id, .. } => self.cur.forbidden_name(id, ExprContext::Store)?,
            _ => {}
        }
        Ok(())
    }

    /// `compiler_annassign`: the assignment, then the annotation where it
    /// is evaluated (a simple name's only in a module or class body).
    fn ann_assign(
        &mut self,
        target: &'a Expr,
        annotation: &'a Expr,
        value: Option<&'a Expr>,
        simple: bool,
    ) -> Check {
        if let Some(value) = value {
            self.expr(value)?;
            self.expr(target)?;
        }
        let evaluated = !self.settings.future_annotations
            && matches!(self.cur.kind, UnitKind::Module | UnitKind::Class);
        match &target.node {
            ExprKind::Name { id, .. } => {
                self.cur.forbidden_name(id, ExprContext::Store)?;
                if simple && evaluated {
                    self.expr(annotation)?;
                }
            }
            ExprKind::Attribute {
                value: object,
                attr,
                ..
            } => {
                self.cur.forbidden_name(attr, ExprContext::Store)?;
                if value.is_none() {
                    self.expr(object)?;
                }
            }
            ExprKind::Subscript {
                value: object,
                slice,
                ..
            } if value.is_none() => {
                self.expr(object)?;
                self.annotated_subscript(slice)?;
            }
            _ => {}
        }
        if !simple && evaluated {
            self.expr(annotation)?;
        }
        Ok(())
    }

    /// `check_ann_subscr`: the parts of an annotated subscript target.
    fn annotated_subscript(&mut self, e: &'a Expr) -> Check {
        match &e.node {
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::Tuple { elts, .. } => elts
                .iter()
                .try_for_each(|elt| self.annotated_subscript(elt)),
            _ => self.expr(e),
        }
    }

    // ----- expressions --------------------------------------------------

    pub(super) fn exprs(&mut self, exprs: &'a [Expr]) -> Check {
        exprs.iter().try_for_each(|e| self.expr(e))
    }

    /// `compiler_visit_expr`: at the expression's position, which is
    /// restored afterwards.
    pub(super) fn expr(&mut self, e: &'a Expr) -> Check {
        let saved = self.cur.pos;
        self.cur.set_loc(e.loc);
        self.expr_inner(e)?;
        self.cur.pos = saved;
        Ok(())
    }

    /// `compiler_visit_expr1`.
    fn expr_inner(&mut self, e: &'a Expr) -> Check {
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.expr(target)
            }
            ExprKind::BoolOp { values, .. } => self.exprs(values),
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => self.lambda(e, args, body),
            ExprKind::IfExp { test, body, orelse } => {
                self.jump_if(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Dict { keys, values } => {
                for (key, value) in keys.iter().zip(values) {
                    if let Some(key) = key {
                        self.expr(key)?;
                    }
                    self.expr(value)?;
                }
                Ok(())
            }
            ExprKind::Set { elts } => self.elements(elts),
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, CompKind::Generator, generators, elt, None)
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, CompKind::Other, generators, elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, CompKind::Other, generators, key, Some(value)),
            ExprKind::Yield { value } => {
                self.cur.check_yield(false)?;
                match value {
                    Some(value) => self.expr(value),
                    None => Ok(()),
                }
            }
            ExprKind::YieldFrom { value } => {
                self.cur.check_yield(true)?;
                self.expr(value)
            }
            ExprKind::Await { value } => {
                self.cur.check_await(self.top_level_await())?;
                self.expr(value)
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                // `compiler_call`: the keywords are checked first.
                self.cur.validate_keywords(keywords)?;
                self.expr(func)?;
                self.call_arguments(args, keywords)
            }
            ExprKind::Constant { .. } => Ok(()),
            ExprKind::JoinedStr { values } => self.exprs(values),
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                match format_spec {
                    Some(spec) => self.expr(spec),
                    None => Ok(()),
                }
            }
            ExprKind::Attribute {
                value, attr, ctx, ..
            } => {
                self.expr(value)?;
                self.cur.locate_attribute(e);
                if *ctx == ExprContext::Store {
                    self.cur.forbidden_name(attr, ExprContext::Store)?;
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)
            }
            // The list and tuple code takes starred items apart; any other
            // starred expression is an error.
            ExprKind::Starred { ctx, .. } => self.cur.check_starred(*ctx),
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::Name { id, ctx } => self.cur.forbidden_name(id, *ctx),
            ExprKind::List { elts, ctx } | ExprKind::Tuple { elts, ctx } => match ctx {
                ExprContext::Store => {
                    let is_star = |e: &Expr| matches!(e.node, ExprKind::Starred { .. });
                    self.cur.check_unpack(elts, is_star, "assignment")?;
                    self.elements(elts)
                }
                ExprContext::Load => self.elements(elts),
                ExprContext::Del => self.exprs(elts),
            },
        }
    }

    /// The items of a display or target list (`starunpack_helper`,
    /// `assignment_helper`): a starred item's value stands for it.
    fn elements(&mut self, elts: &'a [Expr]) -> Check {
        elts.iter().try_for_each(|elt| match &elt.node {
            ExprKind::Starred { value, .. } => self.expr(value),
            _ => self.expr(elt),
        })
    }

    /// `compiler_call_helper`'s arguments: positional (a starred one's
    /// value), then the keyword values.
    fn call_arguments(&mut self, args: &'a [Expr], keywords: &'a [Keyword]) -> Check {
        self.elements(args)?;
        keywords.iter().try_for_each(|k| self.expr(&k.value))
    }

    /// `compiler_jump_if`: a condition, taken apart through `not`, `and`,
    /// `or` and conditional expressions; a chained comparison moves the
    /// position to itself for good.
    pub(super) fn jump_if(&mut self, e: &'a Expr) -> Check {
        match &e.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => self.jump_if(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|v| self.jump_if(v)),
            ExprKind::IfExp { test, body, orelse } => {
                self.jump_if(test)?;
                self.jump_if(body)?;
                self.jump_if(orelse)
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                self.cur.set_loc(e.loc);
                self.expr(left)?;
                self.exprs(comparators)
            }
            _ => self.expr(e),
        }
    }

    /// `compiler_lambda`.
    fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> Check {
        self.cur.check_debug_args(args)?;
        self.defaults(args)?;
        self.enter(UnitKind::Lambda, self.table.scope_of_expr(e), e.loc.lineno);
        self.expr(body)?;
        self.exit();
        Ok(())
    }

    /// `compiler_comprehension`: the clauses and the element in a new
    /// unit, then the outermost iterable in the enclosing one.
    fn comprehension(
        &mut self,
        e: &'a Expr,
        kind: CompKind,
        generators: &'a [Comprehension],
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Check {
        let Some(outermost) = generators.first() else {
            return Ok(());
        };
        let enclosing = self.cur.kind;
        let top_level_await = self.top_level_await();
        let scope = self.table.scope_of_expr(e);
        self.enter(UnitKind::Comprehension, scope, e.loc.lineno);
        self.cur.set_loc(e.loc);
        let is_async_generator = self.cur.coroutine;
        let is_genexp = kind == CompKind::Generator;
        check_async_comprehension(&self.cur, is_genexp, enclosing, top_level_await)?;
        self.comprehension_clause(generators, 0, elt, value)?;
        self.exit();
        if top_level_await && is_async_generator {
            self.cur.coroutine = true;
        }
        self.expr(&outermost.iter)
    }

    /// `compiler_comprehension_generator`: clause `index` (its iterable,
    /// unless it is the outermost; its target; its conditions), then the
    /// next clause or the element.
    fn comprehension_clause(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        elt: &'a Expr,
        value: Option<&'a Expr>,
    ) -> Check {
        let Some(clause) = generators.get(index) else {
            return Ok(());
        };
        let is_async = clause.is_async != 0;
        if index > 0 {
            self.clause_iterable(&clause.iter, is_async)?;
        }
        if is_async {
            self.cur
                .push_fblock(FrameBlock::AsyncComprehensionGenerator)?;
        }
        self.expr(&clause.target)?;
        clause.ifs.iter().try_for_each(|cond| self.jump_if(cond))?;
        if index + 1 < generators.len() {
            self.comprehension_clause(generators, index + 1, elt, value)?;
        } else {
            self.expr(elt)?;
            if let Some(value) = value {
                self.expr(value)?;
            }
        }
        if is_async {
            self.cur.pop_fblock();
        }
        Ok(())
    }

    /// An inner clause's iterable; `for y in [f(x)]` evaluates just the
    /// one item.
    fn clause_iterable(&mut self, iter: &'a Expr, is_async: bool) -> Check {
        if !is_async {
            if let ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } = &iter.node {
                if let [only] = elts.as_slice() {
                    if !matches!(only.node, ExprKind::Starred { .. }) {
                        return self.expr(only);
                    }
                }
            }
        }
        self.expr(iter)
    }
}

/// The parts of a `try` statement.
struct TryParts<'a> {
    body: &'a [Stmt],
    handlers: &'a [ExceptHandler],
    orelse: &'a [Stmt],
    finalbody: &'a [Stmt],
    /// `try` ... `except*`.
    star: bool,
}
