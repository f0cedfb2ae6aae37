//! The symbol table's first pass: visit the AST, create the scopes, record
//! what each block does with each name (symtable.c's `symtable_visit_*`).
//!
//! The visit order matters -- it fixes the order of symbols and children,
//! which of two errors is raised, and what a later `global` statement sees
//! -- and follows CPython's exactly, even where it differs from the
//! evaluation order (a `def` visits its defaults, then its annotations,
//! then its decorators; a `try` its body, `else`, handlers, `finally`).

use std::collections::HashMap;

use kaa_parser::ast::{
    Alias, Arg, Arguments, Comprehension, ExceptHandler, Expr, ExprContext, ExprKind, Keyword, Loc,
    MatchCase, Mod, Pattern, PatternKind, Stmt, StmtKind, WithItem,
};
use kaa_parser::{ErrorKind, SyntaxError};

use super::{
    node_key, BlockType, BuildOptions, ComprehensionKind, Scope, ScopeId, SymbolFlags,
    RECURSION_LIMIT,
};
use crate::error::{syntax_error, ErrorSpan};
use crate::mangle::mangle;

/// A visit's outcome; the error is boxed to keep the deeply recursive
/// frames small.
pub(super) type VisitResult = Result<(), Box<SyntaxError>>;

/// What the first pass produces.
pub(super) struct Built {
    pub scopes: Vec<Scope>,
    pub stmt_scopes: HashMap<usize, ScopeId>,
    pub expr_scopes: HashMap<usize, ScopeId>,
}

/// The scope-creating node, for [`Builder::enter_block`].
#[derive(Clone, Copy)]
enum NodeKey {
    Stmt(usize),
    Expr(usize),
    /// Annotation blocks are not looked up later.
    None,
}

// Error messages (symtable.c's #defines).
const GLOBAL_PARAM: &str = "name '{}' is parameter and global";
const NONLOCAL_PARAM: &str = "name '{}' is parameter and nonlocal";
const GLOBAL_AFTER_ASSIGN: &str = "name '{}' is assigned to before global declaration";
const NONLOCAL_AFTER_ASSIGN: &str = "name '{}' is assigned to before nonlocal declaration";
const GLOBAL_AFTER_USE: &str = "name '{}' is used prior to global declaration";
const NONLOCAL_AFTER_USE: &str = "name '{}' is used prior to nonlocal declaration";
const GLOBAL_ANNOT: &str = "annotated name '{}' can't be global";
const NONLOCAL_ANNOT: &str = "annotated name '{}' can't be nonlocal";
const IMPORT_STAR_WARNING: &str = "import * only allowed at module level";
const NAMED_EXPR_COMP_IN_CLASS: &str =
    "assignment expression within a comprehension cannot be used in a class body";
const NAMED_EXPR_COMP_CONFLICT: &str =
    "assignment expression cannot rebind comprehension iteration variable '{}'";
const NAMED_EXPR_COMP_INNER_LOOP_CONFLICT: &str =
    "comprehension inner loop cannot rebind assignment expression target '{}'";
const NAMED_EXPR_COMP_ITER_EXPR: &str =
    "assignment expression cannot be used in a comprehension iterable expression";
const ANNOTATION_NOT_ALLOWED: &str = "'{}' can not be used within an annotation";
const DUPLICATE_ARGUMENT: &str = "duplicate argument '{}' in function definition";

/// Fills the `{}` of one of the messages above.
fn message(template: &str, arg: &str) -> String {
    template.replacen("{}", arg, 1)
}

/// The first pass's state (CPython's `struct symtable`).
pub(super) struct Builder<'s> {
    scopes: Vec<Scope>,
    /// The blocks being visited, innermost last (`st_stack`).
    stack: Vec<ScopeId>,
    /// The class name for mangling (`st_private`).
    private: Option<String>,
    future_annotations: bool,
    source: &'s str,
    depth: u32,
    stmt_scopes: HashMap<usize, ScopeId>,
    expr_scopes: HashMap<usize, ScopeId>,
}

impl<'s> Builder<'s> {
    /// Runs the first pass over `module`.
    pub fn run(
        module: &Mod,
        source: &'s str,
        options: &BuildOptions,
    ) -> Result<Built, Box<SyntaxError>> {
        let mut b = Builder {
            scopes: Vec::new(),
            stack: Vec::new(),
            private: None,
            future_annotations: options.future_annotations,
            source,
            depth: options.start_depth,
            stmt_scopes: HashMap::new(),
            expr_scopes: HashMap::new(),
        };
        b.enter_block(
            "top".to_string(),
            BlockType::Module,
            Loc::default(),
            NodeKey::None,
        );
        match module {
            Mod::Module { body, .. } | Mod::Interactive { body } => b.visit_stmts(body)?,
            Mod::Expression { body } => b.visit_expr(body)?,
            Mod::FunctionType { .. } => {
                // CPython raises RuntimeError here; compile() never gets
                // this far with a FunctionType (it requires ast-only).
                return Err(Box::new(SyntaxError::new(
                    ErrorKind::ValueError,
                    "this compiler does not handle FunctionTypes",
                )));
            }
        }
        Ok(Built {
            scopes: b.scopes,
            stmt_scopes: b.stmt_scopes,
            expr_scopes: b.expr_scopes,
        })
    }

    // ----- scopes -------------------------------------------------------

    /// The innermost block (`st_cur`).
    fn cur_id(&self) -> ScopeId {
        self.stack.last().copied().unwrap_or(ScopeId::TOP)
    }

    fn cur(&self) -> &Scope {
        &self.scopes[self.cur_id().index()]
    }

    fn cur_mut(&mut self) -> &mut Scope {
        let id = self.cur_id();
        &mut self.scopes[id.index()]
    }

    /// Opens a block (`symtable_enter_block`).
    fn enter_block(&mut self, name: String, block: BlockType, loc: Loc, key: NodeKey) {
        let id = ScopeId(self.scopes.len() as u32);
        let prev = self.stack.last().copied();
        let mut scope = Scope::new(name, block, loc, prev);
        scope.private = self.private.clone();
        if let Some(prev) = prev {
            let prev = &mut self.scopes[prev.index()];
            scope.nested = prev.nested || prev.block == BlockType::Function;
            // bpo-37757: everything inside a comprehension's outermost
            // iterable counts as in it, even nested blocks.
            scope.comp_iter_expr = prev.comp_iter_expr;
            // Annotation blocks have no effect on the table: they are not
            // anyone's child, so they are never analysed.
            if block != BlockType::Annotation {
                prev.children.push(id);
            }
        }
        self.scopes.push(scope);
        self.stack.push(id);
        match key {
            NodeKey::Stmt(k) => {
                self.stmt_scopes.insert(k, id);
            }
            NodeKey::Expr(k) => {
                self.expr_scopes.insert(k, id);
            }
            NodeKey::None => {}
        }
    }

    /// Closes the innermost block (`symtable_exit_block`).
    fn exit_block(&mut self) {
        self.stack.pop();
    }

    // ----- errors -------------------------------------------------------

    fn error(&self, msg: String, loc: Loc) -> Box<SyntaxError> {
        Box::new(syntax_error(self.source, msg, ErrorSpan::of(loc)))
    }

    /// Counts one level of nesting (the check at the top of
    /// `symtable_visit_stmt`/`_expr`/`_pattern`).
    fn enter_nesting(&mut self) -> VisitResult {
        self.depth = self.depth.saturating_add(1);
        if self.depth > RECURSION_LIMIT {
            return Err(Box::new(SyntaxError::new(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            )));
        }
        Ok(())
    }

    // ----- names --------------------------------------------------------

    /// The current block's flags for `name` (`symtable_lookup`).
    fn lookup(&self, name: &str) -> SymbolFlags {
        let mangled = mangle(self.private.as_deref(), name);
        self.cur().flags_of(&mangled)
    }

    /// Records `flag` for `name` in the current block (`symtable_add_def`).
    fn add_def(&mut self, name: &str, flag: SymbolFlags, loc: Loc) -> VisitResult {
        let cur = self.cur_id();
        self.add_def_in(name, flag, cur, loc)
    }

    /// Records `flag` for `name` in block `target`
    /// (`symtable_add_def_helper`).
    fn add_def_in(
        &mut self,
        name: &str,
        flag: SymbolFlags,
        target: ScopeId,
        loc: Loc,
    ) -> VisitResult {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        let scope = &self.scopes[target.index()];
        let old = scope.flags_of(&mangled);
        if flag.intersects(SymbolFlags::DEF_PARAM) && old.intersects(SymbolFlags::DEF_PARAM) {
            // The message names the parameter as written, not mangled.
            return Err(self.error(message(DUPLICATE_ARGUMENT, name), loc));
        }
        let mut val = old | flag;
        if scope.comp_iter_target {
            // An iteration variable of a comprehension: it must not be an
            // assignment expression's target already; mark it so later
            // assignment expressions can check.
            if val.intersects(SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL) {
                return Err(self.error(message(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT, name), loc));
            }
            val |= SymbolFlags::DEF_COMP_ITER;
        }
        let scope = &mut self.scopes[target.index()];
        scope.set_flags(&mangled, val);
        if flag.intersects(SymbolFlags::DEF_PARAM) {
            scope.varnames.push(mangled);
        } else if flag.intersects(SymbolFlags::DEF_GLOBAL) {
            // A global declaration anywhere also marks the module's symbol.
            let top = &mut self.scopes[ScopeId::TOP.index()];
            let global = top.flags_of(&mangled) | flag;
            top.set_flags(&mangled, global);
        }
        Ok(())
    }

    /// Remembers where a `global`/`nonlocal` declaration of `name` is
    /// (`symtable_record_directive`), for the analysis's errors.
    fn record_directive(&mut self, name: &str, loc: Loc) {
        let mangled = mangle(self.private.as_deref(), name).into_owned();
        self.cur_mut().directives.push((mangled, loc));
    }

    // ----- statements ---------------------------------------------------

    fn visit_stmts(&mut self, stmts: &[Stmt]) -> VisitResult {
        stmts.iter().try_for_each(|s| self.visit_stmt(s))
    }

    fn visit_exprs(&mut self, exprs: &[Expr]) -> VisitResult {
        exprs.iter().try_for_each(|e| self.visit_expr(e))
    }

    /// `symtable_visit_stmt`.
    fn visit_stmt(&mut self, s: &Stmt) -> VisitResult {
        self.enter_nesting()?;
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
                self.visit_function_def(s, name, args, body, decorator_list, returns, false)?;
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
                self.visit_function_def(s, name, args, body, decorator_list, returns, true)?;
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.visit_class_def(s, name, bases, keywords, body, decorator_list)?;
            }
            StmtKind::Return { value } => {
                if let Some(value) = value {
                    self.visit_expr(value)?;
                    self.cur_mut().returns_value = true;
                }
            }
            StmtKind::Delete { targets } => self.visit_exprs(targets)?,
            StmtKind::Assign { targets, value, .. } => {
                self.visit_exprs(targets)?;
                self.visit_expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                self.visit_ann_assign(s, target, annotation, value.as_deref(), *simple != 0)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.visit_expr(target)?;
                self.visit_expr(value)?;
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
                self.visit_expr(target)?;
                self.visit_expr(iter)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
            }
            StmtKind::Match { subject, cases } => {
                self.visit_expr(subject)?;
                cases.iter().try_for_each(|c| self.visit_match_case(c))?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.visit_expr(exc)?;
                    if let Some(cause) = cause {
                        self.visit_expr(cause)?;
                    }
                }
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
                self.visit_stmts(body)?;
                self.visit_stmts(orelse)?;
                handlers
                    .iter()
                    .try_for_each(|h| self.visit_excepthandler(h))?;
                self.visit_stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.visit_expr(test)?;
                if let Some(msg) = msg {
                    self.visit_expr(msg)?;
                }
            }
            StmtKind::Import { names } | StmtKind::ImportFrom { names, .. } => {
                names.iter().try_for_each(|a| self.visit_alias(a))?;
            }
            StmtKind::Global { names } => self.visit_declaration(s, names, false)?,
            StmtKind::Nonlocal { names } => self.visit_declaration(s, names, true)?,
            StmtKind::Expr { value } => self.visit_expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::With { items, body, .. } | StmtKind::AsyncWith { items, body, .. } => {
                items.iter().try_for_each(|i| self.visit_withitem(i))?;
                self.visit_stmts(body)?;
            }
        }
        self.depth -= 1;
        Ok(())
    }

    /// A `def` or `async def`: the name, then what the enclosing block
    /// evaluates (defaults, annotations, decorators), then the body in the
    /// new block.
    #[allow(clippy::too_many_arguments)]
    fn visit_function_def(
        &mut self,
        s: &Stmt,
        name: &str,
        args: &Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: Option<&Expr>,
        is_async: bool,
    ) -> VisitResult {
        self.add_def(name, SymbolFlags::DEF_LOCAL, s.loc)?;
        self.visit_defaults(args)?;
        self.visit_annotations(s.loc, args, returns)?;
        self.visit_exprs(decorators)?;
        self.enter_block(
            name.to_string(),
            BlockType::Function,
            s.loc,
            NodeKey::Stmt(node_key(s)),
        );
        if is_async {
            self.cur_mut().coroutine = true;
        }
        self.visit_arguments(args)?;
        self.visit_stmts(body)?;
        self.exit_block();
        Ok(())
    }

    /// A `class`: the name, bases, keywords and decorators in the
    /// enclosing block, the body in the new one with private names mangled.
    fn visit_class_def(
        &mut self,
        s: &Stmt,
        name: &str,
        bases: &[Expr],
        keywords: &[Keyword],
        body: &[Stmt],
        decorators: &[Expr],
    ) -> VisitResult {
        self.add_def(name, SymbolFlags::DEF_LOCAL, s.loc)?;
        self.visit_exprs(bases)?;
        keywords.iter().try_for_each(|k| self.visit_keyword(k))?;
        self.visit_exprs(decorators)?;
        self.enter_block(
            name.to_string(),
            BlockType::Class,
            s.loc,
            NodeKey::Stmt(node_key(s)),
        );
        let outer = self.private.replace(name.to_string());
        self.cur_mut().private = self.private.clone();
        let result = self.visit_stmts(body);
        self.private = outer;
        result?;
        self.exit_block();
        Ok(())
    }

    /// `target: annotation = value`.
    fn visit_ann_assign(
        &mut self,
        s: &Stmt,
        target: &Expr,
        annotation: &Expr,
        value: Option<&Expr>,
        simple: bool,
    ) -> VisitResult {
        if let ExprKind::Name { id, .. } = &target.node {
            let cur = self.lookup(id);
            let declared = SymbolFlags::DEF_GLOBAL | SymbolFlags::DEF_NONLOCAL;
            if cur.intersects(declared) && self.cur_id() != ScopeId::TOP && simple {
                let template = if cur.intersects(SymbolFlags::DEF_GLOBAL) {
                    GLOBAL_ANNOT
                } else {
                    NONLOCAL_ANNOT
                };
                return Err(self.error(message(template, id), s.loc));
            }
            if simple {
                self.add_def(
                    id,
                    SymbolFlags::DEF_ANNOT | SymbolFlags::DEF_LOCAL,
                    target.loc,
                )?;
            }
            // CPython records the binding of a value whether or not the
            // target is simple; a parenthesized target without a value is
            // not recorded at all.
            if value.is_some() {
                self.add_def(id, SymbolFlags::DEF_LOCAL, target.loc)?;
            }
        } else {
            self.visit_expr(target)?;
        }
        self.visit_annotation(annotation)?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        Ok(())
    }

    /// `global` or `nonlocal`: each name must not have been used, bound,
    /// annotated or be a parameter earlier in the block.
    fn visit_declaration(&mut self, s: &Stmt, names: &[String], nonlocal: bool) -> VisitResult {
        for name in names {
            let cur = self.lookup(name);
            let conflict = SymbolFlags::DEF_PARAM
                | SymbolFlags::DEF_LOCAL
                | SymbolFlags::USE
                | SymbolFlags::DEF_ANNOT;
            if cur.intersects(conflict) {
                let template = match (
                    nonlocal,
                    cur.intersects(SymbolFlags::DEF_PARAM),
                    cur.intersects(SymbolFlags::USE),
                    cur.intersects(SymbolFlags::DEF_ANNOT),
                ) {
                    (false, true, _, _) => GLOBAL_PARAM,
                    (false, false, true, _) => GLOBAL_AFTER_USE,
                    (false, false, false, true) => GLOBAL_ANNOT,
                    (false, false, false, false) => GLOBAL_AFTER_ASSIGN,
                    (true, true, _, _) => NONLOCAL_PARAM,
                    (true, false, true, _) => NONLOCAL_AFTER_USE,
                    (true, false, false, true) => NONLOCAL_ANNOT,
                    (true, false, false, false) => NONLOCAL_AFTER_ASSIGN,
                };
                return Err(self.error(message(template, name), s.loc));
            }
            let flag = if nonlocal {
                SymbolFlags::DEF_NONLOCAL
            } else {
                SymbolFlags::DEF_GLOBAL
            };
            self.add_def(name, flag, s.loc)?;
            self.record_directive(name, s.loc);
        }
        Ok(())
    }

    /// An imported name: binds the part before the first dot (`import
    /// a.b` binds `a`); `*` only at module level.
    fn visit_alias(&mut self, a: &Alias) -> VisitResult {
        let name = a.asname.as_deref().unwrap_or(&a.name);
        if name == "*" {
            if self.cur().block != BlockType::Module {
                return Err(self.error(IMPORT_STAR_WARNING.to_string(), a.loc));
            }
            return Ok(());
        }
        let store_name = name.split('.').next().unwrap_or(name);
        self.add_def(store_name, SymbolFlags::DEF_IMPORT, a.loc)
    }

    fn visit_excepthandler(&mut self, h: &ExceptHandler) -> VisitResult {
        if let Some(t) = &h.r#type {
            self.visit_expr(t)?;
        }
        if let Some(name) = &h.name {
            self.add_def(name, SymbolFlags::DEF_LOCAL, h.loc)?;
        }
        self.visit_stmts(&h.body)
    }

    fn visit_withitem(&mut self, item: &WithItem) -> VisitResult {
        self.visit_expr(&item.context_expr)?;
        if let Some(vars) = &item.optional_vars {
            self.visit_expr(vars)?;
        }
        Ok(())
    }

    fn visit_match_case(&mut self, m: &MatchCase) -> VisitResult {
        self.visit_pattern(&m.pattern)?;
        if let Some(guard) = &m.guard {
            self.visit_expr(guard)?;
        }
        self.visit_stmts(&m.body)
    }

    fn visit_keyword(&mut self, k: &Keyword) -> VisitResult {
        self.visit_expr(&k.value)
    }

    // ----- functions ----------------------------------------------------

    /// Default values, evaluated in the enclosing block.
    fn visit_defaults(&mut self, args: &Arguments) -> VisitResult {
        self.visit_exprs(&args.defaults)?;
        args.kw_defaults
            .iter()
            .flatten()
            .try_for_each(|e| self.visit_expr(e))
    }

    /// The parameters, in the new block (`symtable_visit_arguments`): their
    /// order here is `co_varnames`'s.
    fn visit_arguments(&mut self, a: &Arguments) -> VisitResult {
        self.visit_params(&a.posonlyargs)?;
        self.visit_params(&a.args)?;
        self.visit_params(&a.kwonlyargs)?;
        if let Some(vararg) = &a.vararg {
            self.add_def(&vararg.arg, SymbolFlags::DEF_PARAM, vararg.loc)?;
            self.cur_mut().varargs = true;
        }
        if let Some(kwarg) = &a.kwarg {
            self.add_def(&kwarg.arg, SymbolFlags::DEF_PARAM, kwarg.loc)?;
            self.cur_mut().varkeywords = true;
        }
        Ok(())
    }

    fn visit_params(&mut self, args: &[Arg]) -> VisitResult {
        args.iter()
            .try_for_each(|a| self.add_def(&a.arg, SymbolFlags::DEF_PARAM, a.loc))
    }

    /// A function's annotations, in the enclosing block: positional-only,
    /// positional, `*args`, `**kwargs`, keyword-only (CPython's order),
    /// then the return annotation.
    fn visit_annotations(
        &mut self,
        loc: Loc,
        a: &Arguments,
        returns: Option<&Expr>,
    ) -> VisitResult {
        if self.future_annotations {
            self.enter_block(
                "_annotation".to_string(),
                BlockType::Annotation,
                loc,
                NodeKey::None,
            );
        }
        self.visit_arg_annotations(&a.posonlyargs)?;
        self.visit_arg_annotations(&a.args)?;
        if let Some(ann) = a.vararg.as_ref().and_then(|v| v.annotation.as_deref()) {
            self.visit_expr(ann)?;
        }
        if let Some(ann) = a.kwarg.as_ref().and_then(|v| v.annotation.as_deref()) {
            self.visit_expr(ann)?;
        }
        self.visit_arg_annotations(&a.kwonlyargs)?;
        if self.future_annotations {
            self.exit_block();
        }
        if let Some(returns) = returns {
            self.visit_annotation(returns)?;
        }
        Ok(())
    }

    fn visit_arg_annotations(&mut self, args: &[Arg]) -> VisitResult {
        args.iter()
            .filter_map(|a| a.annotation.as_deref())
            .try_for_each(|e| self.visit_expr(e))
    }

    /// One annotation: under `from __future__ import annotations`, in a
    /// block of its own that leaves no trace.
    fn visit_annotation(&mut self, annotation: &Expr) -> VisitResult {
        if self.future_annotations {
            let name = "_annotation".to_string();
            self.enter_block(name, BlockType::Annotation, annotation.loc, NodeKey::None);
        }
        self.visit_expr(annotation)?;
        if self.future_annotations {
            self.exit_block();
        }
        Ok(())
    }

    // ----- expressions --------------------------------------------------

    /// `symtable_visit_expr`.
    fn visit_expr(&mut self, e: &Expr) -> VisitResult {
        self.enter_nesting()?;
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.raise_if_annotation_block("named expression", e)?;
                self.visit_named_expr(e, target, value)?;
            }
            ExprKind::BoolOp { values, .. } => self.visit_exprs(values)?,
            ExprKind::BinOp { left, right, .. } => {
                self.visit_expr(left)?;
                self.visit_expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.visit_expr(operand)?,
            ExprKind::Lambda { args, body } => self.visit_lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.visit_expr(test)?;
                self.visit_expr(body)?;
                self.visit_expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().try_for_each(|k| self.visit_expr(k))?;
                self.visit_exprs(values)?;
            }
            ExprKind::Set { elts } => self.visit_exprs(elts)?,
            ExprKind::GeneratorExp { elt, generators } => {
                let kind = ComprehensionKind::Generator;
                self.visit_comprehension_expr(e, kind, generators, elt, None)?;
            }
            ExprKind::ListComp { elt, generators } => {
                let kind = ComprehensionKind::List;
                self.visit_comprehension_expr(e, kind, generators, elt, None)?;
            }
            ExprKind::SetComp { elt, generators } => {
                let kind = ComprehensionKind::Set;
                self.visit_comprehension_expr(e, kind, generators, elt, None)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let kind = ComprehensionKind::Dict;
                self.visit_comprehension_expr(e, kind, generators, key, Some(value))?;
            }
            ExprKind::Yield { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                if let Some(value) = value {
                    self.visit_expr(value)?;
                }
                self.visit_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.raise_if_annotation_block("yield expression", e)?;
                self.visit_expr(value)?;
                self.visit_yield(e)?;
            }
            ExprKind::Await { value } => {
                self.raise_if_annotation_block("await expression", e)?;
                self.visit_expr(value)?;
                self.cur_mut().coroutine = true;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.visit_expr(left)?;
                self.visit_exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.visit_expr(func)?;
                self.visit_exprs(args)?;
                keywords.iter().try_for_each(|k| self.visit_keyword(k))?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.visit_expr(value)?;
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                }
            }
            ExprKind::JoinedStr { values } => self.visit_exprs(values)?,
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } | ExprKind::Starred { value, .. } => {
                self.visit_expr(value)?;
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.visit_expr(part)?;
                }
            }
            ExprKind::Name { id, ctx } => self.visit_name(e, id, *ctx)?,
            ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => self.visit_exprs(elts)?,
        }
        self.depth -= 1;
        Ok(())
    }

    /// A name: a use when loaded, a binding when stored or deleted. Inside
    /// a function, loading `super` also uses `__class__` (so that the
    /// zero-argument form finds the class cell).
    fn visit_name(&mut self, e: &Expr, id: &str, ctx: ExprContext) -> VisitResult {
        let flag = if ctx == ExprContext::Load {
            SymbolFlags::USE
        } else {
            SymbolFlags::DEF_LOCAL
        };
        self.add_def(id, flag, e.loc)?;
        if ctx == ExprContext::Load && self.cur().block == BlockType::Function && id == "super" {
            self.add_def("__class__", SymbolFlags::USE, e.loc)?;
        }
        Ok(())
    }

    fn visit_lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> VisitResult {
        self.visit_defaults(args)?;
        let key = NodeKey::Expr(node_key(e));
        self.enter_block("lambda".to_string(), BlockType::Function, e.loc, key);
        self.visit_arguments(args)?;
        self.visit_expr(body)?;
        self.exit_block();
        Ok(())
    }

    /// After a `yield`'s operand: the block is a generator, and a
    /// comprehension may not contain one.
    fn visit_yield(&mut self, e: &Expr) -> VisitResult {
        let cur = self.cur_mut();
        cur.generator = true;
        let Some(kind) = cur.comprehension else {
            return Ok(());
        };
        let msg = match kind {
            ComprehensionKind::List => "'yield' inside list comprehension",
            ComprehensionKind::Set => "'yield' inside set comprehension",
            ComprehensionKind::Dict => "'yield' inside dict comprehension",
            ComprehensionKind::Generator => "'yield' inside generator expression",
        };
        Err(self.error(msg.to_string(), e.loc))
    }

    /// `yield`, `await` and assignment expressions are not allowed in an
    /// annotation that is never evaluated.
    fn raise_if_annotation_block(&self, what: &str, e: &Expr) -> VisitResult {
        if self.cur().block == BlockType::Annotation {
            return Err(self.error(message(ANNOTATION_NOT_ALLOWED, what), e.loc));
        }
        Ok(())
    }

    /// `target := value` (`symtable_handle_namedexpr`).
    fn visit_named_expr(&mut self, e: &Expr, target: &Expr, value: &Expr) -> VisitResult {
        if self.cur().comp_iter_expr > 0 {
            return Err(self.error(NAMED_EXPR_COMP_ITER_EXPR.to_string(), e.loc));
        }
        if self.cur().comprehension.is_some() {
            // Inside a comprehension the target binds in the enclosing
            // function or module.
            if let ExprKind::Name { id, .. } = &target.node {
                self.extend_named_expr_scope(target, id)?;
            }
        }
        self.visit_expr(value)?;
        self.visit_expr(target)
    }

    /// Binds an assignment expression's target in the nearest enclosing
    /// block that is not a comprehension (`symtable_extend_namedexpr_scope`),
    /// declaring it `nonlocal` (or `global`) in the comprehension.
    fn extend_named_expr_scope(&mut self, target: &Expr, name: &str) -> VisitResult {
        for i in (0..self.stack.len()).rev() {
            let id = self.stack[i];
            let scope = &self.scopes[id.index()];
            // CPython looks the target up unmangled here.
            let in_scope = scope.flags_of(name);
            if scope.comprehension.is_some() {
                if in_scope.intersects(SymbolFlags::DEF_COMP_ITER) {
                    let msg = message(NAMED_EXPR_COMP_CONFLICT, name);
                    return Err(self.error(msg, target.loc));
                }
                continue;
            }
            match scope.block {
                BlockType::Function => {
                    let flag = if in_scope.intersects(SymbolFlags::DEF_GLOBAL) {
                        SymbolFlags::DEF_GLOBAL
                    } else {
                        SymbolFlags::DEF_NONLOCAL
                    };
                    self.add_def(name, flag, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(name, SymbolFlags::DEF_LOCAL, id, target.loc);
                }
                BlockType::Module => {
                    self.add_def(name, SymbolFlags::DEF_GLOBAL, target.loc)?;
                    self.record_directive(name, target.loc);
                    return self.add_def_in(name, SymbolFlags::DEF_GLOBAL, id, target.loc);
                }
                BlockType::Class => {
                    let msg = NAMED_EXPR_COMP_IN_CLASS.to_string();
                    return Err(self.error(msg, target.loc));
                }
                BlockType::Annotation => {}
            }
        }
        // The module block is always on the stack, so this is unreachable.
        Ok(())
    }

    /// A comprehension (`symtable_handle_comprehension`): the outermost
    /// iterable is evaluated in the enclosing block; the rest runs in a new
    /// function block whose parameter `.0` receives the iterator.
    fn visit_comprehension_expr(
        &mut self,
        e: &Expr,
        kind: ComprehensionKind,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> VisitResult {
        let Some((outermost, rest)) = generators.split_first() else {
            // The parser never builds a comprehension without a `for`.
            return Ok(());
        };
        let is_generator = kind == ComprehensionKind::Generator;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&outermost.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        let key = NodeKey::Expr(node_key(e));
        self.enter_block(
            kind.scope_name().to_string(),
            BlockType::Function,
            e.loc,
            key,
        );
        let cur = self.cur_mut();
        cur.comprehension = Some(kind);
        if outermost.is_async != 0 {
            cur.coroutine = true;
        }
        // The outermost iterator is received as an argument.
        let loc = cur.loc;
        self.add_def(".0", SymbolFlags::DEF_PARAM, loc)?;
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&outermost.target)?;
        self.cur_mut().comp_iter_target = false;
        self.visit_exprs(&outermost.ifs)?;
        rest.iter().try_for_each(|g| self.visit_comprehension(g))?;
        if let Some(value) = value {
            self.visit_expr(value)?;
        }
        self.visit_expr(elt)?;
        let cur = self.cur_mut();
        cur.generator = is_generator;
        let is_async = cur.coroutine && !is_generator;
        self.exit_block();
        if is_async {
            // Awaiting inside a list/set/dict comprehension makes the
            // enclosing block a coroutine too.
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    /// A `for` clause after the first (`symtable_visit_comprehension`).
    fn visit_comprehension(&mut self, g: &Comprehension) -> VisitResult {
        self.cur_mut().comp_iter_target = true;
        self.visit_expr(&g.target)?;
        self.cur_mut().comp_iter_target = false;
        self.cur_mut().comp_iter_expr += 1;
        self.visit_expr(&g.iter)?;
        self.cur_mut().comp_iter_expr -= 1;
        self.visit_exprs(&g.ifs)?;
        if g.is_async != 0 {
            self.cur_mut().coroutine = true;
        }
        Ok(())
    }

    // ----- patterns -----------------------------------------------------

    /// `symtable_visit_pattern`: capture names are bindings.
    fn visit_pattern(&mut self, p: &Pattern) -> VisitResult {
        self.enter_nesting()?;
        match &p.node {
            PatternKind::MatchValue { value } => self.visit_expr(value)?,
            PatternKind::MatchSingleton { .. } => {}
            PatternKind::MatchSequence { patterns } | PatternKind::MatchOr { patterns } => {
                self.visit_patterns(patterns)?;
            }
            PatternKind::MatchStar { name } => {
                if let Some(name) = name {
                    self.add_def(name, SymbolFlags::DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => {
                self.visit_exprs(keys)?;
                self.visit_patterns(patterns)?;
                if let Some(rest) = rest {
                    self.add_def(rest, SymbolFlags::DEF_LOCAL, p.loc)?;
                }
            }
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_patterns,
                ..
            } => {
                self.visit_expr(cls)?;
                self.visit_patterns(patterns)?;
                self.visit_patterns(kwd_patterns)?;
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(pattern) = pattern {
                    self.visit_pattern(pattern)?;
                }
                if let Some(name) = name {
                    self.add_def(name, SymbolFlags::DEF_LOCAL, p.loc)?;
                }
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn visit_patterns(&mut self, patterns: &[Pattern]) -> VisitResult {
        patterns.iter().try_for_each(|p| self.visit_pattern(p))
    }
}
