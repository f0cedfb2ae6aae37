//! Definitions: functions, lambdas, classes and comprehensions, each a
//! nested code object (compile.c's `compiler_function`, `compiler_lambda`,
//! `compiler_class`, `compiler_comprehension`, `compiler_make_closure`).

use kaa_bytecode::{CodeObject, Constant, Opcode};
use kaa_parser::ast::{Arguments, Comprehension, Expr, ExprKind, Keyword, Stmt};

use super::cfg::Op;
use super::{consts, internal_error, CResult, Compiler, Ctx};
use crate::checks::UnitKind;
use crate::mangle::mangle;
use crate::symtable::NameScope;

/// A comprehension's kind (`COMP_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    Gen,
    List,
    Set,
    Dict,
}

impl<'a> Compiler<'a> {
    /// `compiler_decorators`.
    fn decorators(&mut self, decos: &'a [Expr]) -> CResult {
        for d in decos {
            self.visit_expr(d)?;
        }
        Ok(())
    }

    /// Calls the decorators, innermost first, each at its own location.
    fn apply_decorators(&mut self, s: &'a Stmt, decos: &'a [Expr]) {
        for d in decos.iter().rev() {
            self.set_loc(d.loc);
            self.emit(Opcode::PRECALL, 0);
            self.emit(Opcode::CALL, 0);
        }
        self.set_loc(s.loc);
    }

    /// `compiler_default_arguments`: the MAKE_FUNCTION flags for defaults.
    fn default_arguments(&mut self, args: &'a Arguments) -> CResult<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.visit_expr(d)?;
            }
            self.emit(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 1;
        }
        let mut keys = Vec::new();
        for (arg, default) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = default {
                let mangled = mangle(self.ur().private.as_deref(), &arg.arg).into_owned();
                keys.push(Constant::str(&mangled));
                self.visit_expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Constant::tuple(keys));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 2;
        }
        Ok(flags)
    }

    /// `compiler_visit_argannotation`.
    fn argannotation(&mut self, id: &str, annotation: Option<&'a Expr>, len: &mut u32) -> CResult {
        let Some(ann) = annotation else {
            return Ok(());
        };
        let mangled = mangle(self.ur().private.as_deref(), id).into_owned();
        self.load_const(Constant::str(&mangled));
        if self.future_annotations {
            self.annotation(ann)?;
        } else if let ExprKind::Starred { value, .. } = &ann.node {
            self.visit_expr(value)?;
            self.emit(Opcode::UNPACK_SEQUENCE, 1);
        } else {
            self.visit_expr(ann)?;
        }
        *len += 2;
        Ok(())
    }

    /// `compiler_visit_annotations`: true if a tuple was pushed.
    fn annotations(&mut self, args: &'a Arguments, returns: Option<&'a Expr>) -> CResult<bool> {
        let mut len = 0;
        for a in &args.args {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        for a in &args.posonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(a) = &args.vararg {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        for a in &args.kwonlyargs {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        if let Some(a) = &args.kwarg {
            self.argannotation(&a.arg, a.annotation.as_deref(), &mut len)?;
        }
        self.argannotation("return", returns, &mut len)?;
        if len > 0 {
            self.emit(Opcode::BUILD_TUPLE, len);
            return Ok(true);
        }
        Ok(false)
    }

    /// `compiler_make_closure`.
    fn make_closure(&mut self, co: CodeObject, mut flags: u32) -> CResult {
        let frees = co.freevars();
        if !frees.is_empty() {
            let is_class = self.ur().kind == UnitKind::Class;
            for name in &frees {
                let name = name.to_string_lossy().into_owned();
                let reftype = if is_class && name == "__class__" {
                    Some(NameScope::Cell)
                } else {
                    self.scope().lookup(&name).and_then(|s| s.scope)
                };
                let u = self.ur();
                let arg = if reftype == Some(NameScope::Cell) {
                    u.cellvars.get(&name)
                } else {
                    u.freevars.get(&name).map(|i| i + u.cellvars.len() as u32)
                };
                let arg =
                    arg.ok_or_else(|| internal_error(format!("no closure cell for {name}")))?;
                self.emit(Opcode::LOAD_CLOSURE, arg);
            }
            flags |= 8;
            self.emit(Opcode::BUILD_TUPLE, frees.len() as u32);
        }
        self.load_const(Constant::code(co));
        self.emit(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    /// `compiler_function`.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn function(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        args: &'a Arguments,
        body: &'a [Stmt],
        decos: &'a [Expr],
        returns: Option<&'a Expr>,
        is_async: bool,
    ) -> CResult {
        self.decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let mut flags = self.default_arguments(args)?;
        if self.annotations(args, returns)? {
            flags |= 4;
        }
        let scope = self
            .table
            .scope_of_stmt(s)
            .ok_or_else(|| internal_error("no scope for function"))?;
        let kind = if is_async {
            UnitKind::AsyncFunction
        } else {
            UnitKind::Function
        };
        self.enter_scope(name, kind, scope, firstlineno)?;
        let doc = if self.optimize < 2 {
            consts::docstring(body)
        } else {
            None
        };
        let start = usize::from(doc.is_some());
        self.add_const(doc.unwrap_or(Constant::None));
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.visit_body(body, start)?;
        let co = self.exit_scope(true)?;
        self.make_closure(co, flags)?;
        self.apply_decorators(s, decos);
        self.nameop(name, Ctx::Store)
    }

    /// `compiler_lambda`.
    pub(crate) fn lambda(&mut self, e: &'a Expr, args: &'a Arguments, body: &'a Expr) -> CResult {
        let flags = self.default_arguments(args)?;
        let scope = self
            .table
            .scope_of_expr(e)
            .ok_or_else(|| internal_error("no scope for lambda"))?;
        self.enter_scope("<lambda>", UnitKind::Lambda, scope, e.loc.lineno)?;
        self.add_const(Constant::None);
        {
            let u = self.u();
            u.argcount = args.args.len() as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
        }
        self.visit_expr(body)?;
        let co = if self.scope().generator {
            self.exit_scope(false)?
        } else {
            self.emit(Opcode::RETURN_VALUE, 0);
            self.exit_scope(true)?
        };
        self.make_closure(co, flags)
    }

    /// `compiler_class`.
    pub(crate) fn class(
        &mut self,
        s: &'a Stmt,
        name: &'a str,
        bases: &'a [Expr],
        keywords: &'a [Keyword],
        body: &'a [Stmt],
        decos: &'a [Expr],
    ) -> CResult {
        self.decorators(decos)?;
        let firstlineno = decos.first().map_or(s.loc.lineno, |d| d.loc.lineno);
        let scope = self
            .table
            .scope_of_stmt(s)
            .ok_or_else(|| internal_error("no scope for class"))?;
        self.enter_scope(name, UnitKind::Class, scope, firstlineno)?;
        self.u().private = Some(name.to_string());
        self.nameop("__name__", Ctx::Load)?;
        self.nameop("__module__", Ctx::Store)?;
        let qualname = self.ur().qualname.clone();
        self.load_const(Constant::str(&qualname));
        self.nameop("__qualname__", Ctx::Store)?;
        self.body(body)?;
        self.unset_loc();
        if self.scope().needs_class_closure {
            let i = self
                .ur()
                .cellvars
                .get("__class__")
                .ok_or_else(|| internal_error("no __class__ cell"))?;
            self.emit(Opcode::LOAD_CLOSURE, i);
            self.emit(Opcode::COPY, 1);
            self.nameop("__classcell__", Ctx::Store)?;
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        let co = self.exit_scope(true)?;
        self.emit(Opcode::PUSH_NULL, 0);
        self.emit(Opcode::LOAD_BUILD_CLASS, 0);
        self.make_closure(co, 0)?;
        self.load_const(Constant::str(name));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(s, decos);
        self.nameop(name, Ctx::Store)
    }

    /// `compiler_comprehension`.
    pub(crate) fn comprehension(&mut self, e: &'a Expr) -> CResult {
        let (kind, name, generators, elt, val) = match &e.node {
            ExprKind::GeneratorExp { elt, generators } => {
                (Comp::Gen, "<genexpr>", generators, &**elt, None)
            }
            ExprKind::ListComp { elt, generators } => {
                (Comp::List, "<listcomp>", generators, &**elt, None)
            }
            ExprKind::SetComp { elt, generators } => {
                (Comp::Set, "<setcomp>", generators, &**elt, None)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => (Comp::Dict, "<dictcomp>", generators, &**key, Some(&**value)),
            _ => return Err(internal_error("not a comprehension")),
        };
        let Some(outermost) = generators.first() else {
            return Err(internal_error("comprehension without generators"));
        };
        let scope = self
            .table
            .scope_of_expr(e)
            .ok_or_else(|| internal_error("no scope for comprehension"))?;
        self.enter_scope(name, UnitKind::Comprehension, scope, e.loc.lineno)?;
        self.set_loc(e.loc);
        let is_async_generator = self.scope().coroutine;
        if kind != Comp::Gen {
            let op = match kind {
                Comp::List => Opcode::BUILD_LIST,
                Comp::Set => Opcode::BUILD_SET,
                _ => Opcode::BUILD_MAP,
            };
            self.emit(op, 0);
        }
        self.comprehension_generator(generators, 0, 0, elt, val, kind)?;
        if kind != Comp::Gen {
            self.emit(Opcode::RETURN_VALUE, 0);
        }
        let co = self.exit_scope(true)?;
        self.make_closure(co, 0)?;
        self.visit_iter(&outermost.iter)?;
        if outermost.is_async != 0 {
            self.emit(Opcode::GET_AITER, 0);
        } else {
            self.emit(Opcode::GET_ITER, 0);
        }
        self.emit(Opcode::PRECALL, 0);
        self.emit(Opcode::CALL, 0);
        if is_async_generator && kind != Comp::Gen {
            self.emit(Opcode::GET_AWAITABLE, 0);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        Ok(())
    }

    /// `compiler_comprehension_generator`.
    fn comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Comp,
    ) -> CResult {
        let Some(gen) = gens.get(index) else {
            return Ok(());
        };
        if gen.is_async != 0 {
            self.async_comprehension_generator(gens, index, depth, elt, val, kind)
        } else {
            self.sync_comprehension_generator(gens, index, depth, elt, val, kind)
        }
    }

    /// The innermost element code of a comprehension.
    fn comprehension_element(
        &mut self,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Comp,
        depth: u32,
    ) -> CResult {
        match kind {
            Comp::Gen => {
                self.visit_expr(elt)?;
                self.addop_yield();
                self.emit(Opcode::POP_TOP, 0);
            }
            Comp::List => {
                self.visit_expr(elt)?;
                self.emit(Opcode::LIST_APPEND, depth + 1);
            }
            Comp::Set => {
                self.visit_expr(elt)?;
                self.emit(Opcode::SET_ADD, depth + 1);
            }
            Comp::Dict => {
                self.visit_expr(elt)?;
                if let Some(v) = val {
                    self.visit_expr(v)?;
                }
                self.emit(Opcode::MAP_ADD, depth + 1);
            }
        }
        Ok(())
    }

    /// `compiler_sync_comprehension_generator`.
    fn sync_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Comp,
    ) -> CResult {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            let elts: Option<&'a [Expr]> = match &gen.iter.node {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. }
                    if !consts::is_const(&gen.iter, self.optimize) =>
                {
                    Some(elts)
                }
                _ => None,
            };
            if let Some([single]) = elts {
                if !matches!(single.node, ExprKind::Starred { .. }) {
                    self.visit_expr(single)?;
                    start = None;
                }
            }
            if start.is_some() {
                self.visit_iter(&gen.iter)?;
                self.emit(Opcode::GET_ITER, 0);
            }
        }
        if let Some(st) = start {
            depth += 1;
            self.use_next_block(st);
            self.jump(Op::Real(Opcode::FOR_ITER), anchor);
            self.next_block();
        }
        // The `for y in [f(x)]` fast path jumps nowhere: the element and
        // the target's store share a block, so BUILD_TUPLE/UNPACK_SEQUENCE
        // meet in the optimiser.
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        if let Some(st) = start {
            self.jump(Op::Jump, st);
            self.use_next_block(anchor);
        }
        Ok(())
    }

    /// `compiler_async_comprehension_generator`.
    fn async_comprehension_generator(
        &mut self,
        gens: &'a [Comprehension],
        index: usize,
        mut depth: u32,
        elt: &'a Expr,
        val: Option<&'a Expr>,
        kind: Comp,
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let if_cleanup = self.new_block();
        let gen = &gens[index];
        if index == 0 {
            self.u().argcount = 1;
            self.emit(Opcode::LOAD_FAST, 0);
        } else {
            self.visit_iter(&gen.iter)?;
            self.emit(Opcode::GET_AITER, 0);
        }
        self.use_next_block(start);
        self.push_async_comp_fblock(start)?;
        self.jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_op(Op::PopBlock, 0);
        self.visit_expr(&gen.target)?;
        for cond in &gen.ifs {
            self.jump_if(cond, if_cleanup, false)?;
            self.next_block();
        }
        depth += 1;
        if index + 1 < gens.len() {
            self.comprehension_generator(gens, index + 1, depth, elt, val, kind)?;
        } else {
            self.comprehension_element(elt, val, kind, depth)?;
        }
        self.use_next_block(if_cleanup);
        self.jump(Op::Jump, start);
        self.pop_any_fblock();
        self.use_next_block(except);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        Ok(())
    }
}

/// `_PyAST_ExprAsUnicode` for the common annotation forms; None for the
/// rest (the caller reports it).
pub(crate) fn unparse(e: &Expr) -> Option<String> {
    super::unparse::unparse(e)
}
