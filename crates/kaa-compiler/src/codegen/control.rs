//! Control flow: loops, `try` (with `except`, `except*`, `finally`),
//! `with`, and the frame blocks that `break`, `continue` and `return`
//! unwind (compile.c's `fblockinfo`, `compiler_unwind_fblock`).

use kaa_bytecode::{Constant, Opcode};
use kaa_parser::ast::{ExceptHandler, Expr, Stmt, WithItem};

use super::cfg::{BlockId, Op};
use super::{consts, internal_error, CResult, Compiler, Ctx};
use crate::symtable::BlockType;

/// What a frame block is (`enum fblocktype`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FKind {
    /// `while`.
    WhileLoop,
    /// `for` / `async for`.
    ForLoop,
    /// `try` body with handlers.
    TryExcept,
    /// `try` body with `finally`.
    FinallyTry,
    /// `finally` body on the exception path.
    FinallyEnd,
    /// `with` body.
    With,
    /// `async with` body.
    AsyncWith,
    /// An `except` body.
    HandlerCleanup,
    /// A value kept on the stack.
    PopValue,
    /// The handlers of a `try`.
    ExceptionHandler,
    /// The handlers of a `try` with `except*`.
    ExceptionGroupHandler,
    /// An `async for` comprehension clause.
    AsyncComprehensionGenerator,
}

/// A frame block (`struct fblockinfo`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct FBlock<'a> {
    kind: FKind,
    block: Option<BlockId>,
    exit: Option<BlockId>,
    /// The `finally` body of a `FinallyTry`.
    finalbody: Option<&'a [Stmt]>,
    /// The statement of a `With` / `AsyncWith`.
    stmt: Option<&'a Stmt>,
    /// The `as` name of a `HandlerCleanup`.
    name: Option<&'a str>,
}

impl<'a> FBlock<'a> {
    fn new(kind: FKind, block: Option<BlockId>, exit: Option<BlockId>) -> FBlock<'a> {
        FBlock {
            kind,
            block,
            exit,
            finalbody: None,
            stmt: None,
            name: None,
        }
    }
}

/// `POP_EXCEPT_AND_RERAISE`.
fn pop_except_and_reraise(c: &mut Compiler<'_>) {
    c.emit(Opcode::COPY, 3);
    c.emit(Opcode::POP_EXCEPT, 0);
    c.emit(Opcode::RERAISE, 1);
}

impl<'a> Compiler<'a> {
    fn push_fblock(&mut self, fb: FBlock<'a>) -> CResult {
        if self.ur().fblocks.len() >= crate::checks::MAX_FRAME_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.u().fblocks.push(fb);
        Ok(())
    }

    fn pop_fblock(&mut self) {
        self.u().fblocks.pop();
    }

    /// `compiler_unwind_fblock`.
    fn unwind_fblock(&mut self, info: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match info.kind {
            FKind::WhileLoop
            | FKind::ExceptionHandler
            | FKind::ExceptionGroupHandler
            | FKind::AsyncComprehensionGenerator => {}
            FKind::ForLoop => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
            FKind::TryExcept => self.emit_op(Op::PopBlock, 0),
            FKind::FinallyTry => {
                self.emit_op(Op::PopBlock, 0);
                if preserve_tos {
                    self.push_fblock(FBlock::new(FKind::PopValue, None, None))?;
                }
                if let Some(body) = info.finalbody {
                    for s in body {
                        self.visit_stmt(s)?;
                    }
                }
                if preserve_tos {
                    self.pop_fblock();
                }
                self.unset_loc();
            }
            FKind::FinallyEnd => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_op(Op::PopBlock, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
            }
            FKind::With | FKind::AsyncWith => {
                if let Some(s) = info.stmt {
                    self.set_loc(s.loc);
                }
                self.emit_op(Op::PopBlock, 0);
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                if info.kind == FKind::AsyncWith {
                    self.emit(Opcode::GET_AWAITABLE, 2);
                    self.load_const(Constant::None);
                    self.add_yield_from(true);
                }
                self.emit(Opcode::POP_TOP, 0);
                self.unset_loc();
            }
            FKind::HandlerCleanup => {
                if info.name.is_some() {
                    self.emit_op(Op::PopBlock, 0);
                }
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit_op(Op::PopBlock, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                if let Some(name) = info.name {
                    self.load_const(Constant::None);
                    self.nameop(name, Ctx::Store)?;
                    self.nameop(name, Ctx::Del)?;
                }
            }
            FKind::PopValue => {
                if preserve_tos {
                    self.emit(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `compiler_unwind_fblock_stack`: unwinds every frame block, or up
    /// to the innermost loop (returned) when `stop_at_loop`.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> CResult<Option<FBlock<'a>>> {
        let Some(top) = self.ur().fblocks.last().copied() else {
            return Ok(None);
        };
        if top.kind == FKind::ExceptionGroupHandler {
            return Err(
                self.error("'break', 'continue' and 'return' cannot appear in an except* block")
            );
        }
        if stop_at_loop && matches!(top.kind, FKind::WhileLoop | FKind::ForLoop) {
            return Ok(Some(top));
        }
        self.u().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let r = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.u().fblocks.push(top);
        Ok(r)
    }

    /// `compiler_return`.
    pub(crate) fn return_stmt(&mut self, s: &'a Stmt, value: Option<&'a Expr>) -> CResult {
        if self.scope().block != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        let folded = value.and_then(|v| consts::fold(v, self.optimize));
        let preserve_tos = value.is_some() && folded.is_none();
        if preserve_tos {
            if let Some(v) = value {
                self.visit_expr(v)?;
            }
        } else if let Some(v) = value {
            self.set_loc(v.loc);
            self.emit(Opcode::NOP, 0);
        }
        if value.is_none_or(|v| v.loc.lineno != s.loc.lineno) {
            self.set_loc(s.loc);
            self.emit(Opcode::NOP, 0);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match (value, folded) {
            (None, _) => self.load_const(Constant::None),
            (Some(_), Some(c)) => self.load_const(c),
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE, 0);
        self.next_block();
        let u = self.u();
        u.return_block = Some(u.cfg.current);
        Ok(())
    }

    /// `compiler_break`.
    pub(crate) fn break_stmt(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'break' outside loop"));
        };
        self.unwind_fblock(&lp, false)?;
        let exit = lp.exit.ok_or_else(|| internal_error("loop without exit"))?;
        self.jump(Op::Jump, exit);
        self.next_block();
        Ok(())
    }

    /// `compiler_continue`.
    pub(crate) fn continue_stmt(&mut self) -> CResult {
        self.emit(Opcode::NOP, 0);
        let Some(lp) = self.unwind_fblock_stack(false, true)? else {
            return Err(self.error("'continue' not properly in loop"));
        };
        let start = lp
            .block
            .ok_or_else(|| internal_error("loop without start"))?;
        self.jump(Op::Jump, start);
        self.next_block();
        Ok(())
    }

    /// `compiler_for`.
    pub(crate) fn for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::new(FKind::ForLoop, Some(start), Some(end)))?;
        self.visit_iter(iter)?;
        self.emit(Opcode::GET_ITER, 0);
        self.use_next_block(start);
        self.jump(Op::Real(Opcode::FOR_ITER), cleanup);
        self.use_next_block(body_block);
        self.visit_expr(target)?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.use_next_block(cleanup);
        self.pop_fblock();
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_async_for`.
    pub(crate) fn async_for_stmt(
        &mut self,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let start = self.new_block();
        let except = self.new_block();
        let end = self.new_block();
        self.visit_expr(iter)?;
        self.emit(Opcode::GET_AITER, 0);
        self.use_next_block(start);
        self.push_fblock(FBlock::new(FKind::ForLoop, Some(start), Some(end)))?;
        self.jump(Op::SetupFinally, except);
        self.emit(Opcode::GET_ANEXT, 0);
        self.load_const(Constant::None);
        self.add_yield_from(true);
        self.emit_op(Op::PopBlock, 0);
        self.visit_expr(target)?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.unset_loc();
        self.jump(Op::Jump, start);
        self.pop_fblock();
        self.use_next_block(except);
        self.set_loc(iter.loc);
        self.emit(Opcode::END_ASYNC_FOR, 0);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_while`.
    pub(crate) fn while_stmt(
        &mut self,
        s: &'a Stmt,
        test: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> CResult {
        let lp = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(lp);
        self.push_fblock(FBlock::new(FKind::WhileLoop, Some(lp), Some(end)))?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        for st in body {
            self.visit_stmt(st)?;
        }
        self.set_loc(s.loc);
        self.jump_if(test, body_block, true)?;
        self.pop_fblock();
        self.use_next_block(anchor);
        for st in orelse {
            self.visit_stmt(st)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_try`.
    pub(crate) fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
        star: bool,
    ) -> CResult {
        if finalbody.is_empty() {
            return if star {
                self.try_star_except(body, handlers, orelse)
            } else {
                self.try_except(body, handlers, orelse)
            };
        }
        // compiler_try_finally / compiler_try_star_finally
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SetupFinally, end);
        self.use_next_block(body_block);
        let mut fb = FBlock::new(FKind::FinallyTry, Some(body_block), Some(end));
        fb.finalbody = Some(finalbody);
        self.push_fblock(fb)?;
        if !handlers.is_empty() {
            if star {
                self.try_star_except(body, handlers, orelse)?;
            } else {
                self.try_except(body, handlers, orelse)?;
            }
        } else {
            for s in body {
                self.visit_stmt(s)?;
            }
        }
        self.emit_noline(Op::PopBlock, 0);
        self.pop_fblock();
        for s in finalbody {
            self.visit_stmt(s)?;
        }
        self.jump_noline(Op::Jump, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::new(FKind::FinallyEnd, Some(end), None))?;
        for s in finalbody {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        pop_except_and_reraise(self);
        self.use_next_block(exit);
        Ok(())
    }

    /// `compiler_try_except`.
    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.jump(Op::SetupFinally, except);
        self.use_next_block(body_block);
        self.push_fblock(FBlock::new(FKind::TryExcept, Some(body_block), None))?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.jump_noline(Op::Jump, end);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::new(FKind::ExceptionHandler, None, None))?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            if h.r#type.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last"));
            }
            except = self.new_block();
            if let Some(t) = &h.r#type {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH, 0);
                self.jump(Op::PopJumpIfFalse, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store)?;
                self.jump(Op::SetupCleanup, cleanup_end);
                self.use_next_block(cleanup_body);
                let mut fb = FBlock::new(FKind::HandlerCleanup, Some(cleanup_body), None);
                fb.name = Some(name);
                self.push_fblock(fb)?;
                for s in &h.body {
                    self.visit_stmt(s)?;
                }
                self.pop_fblock();
                self.unset_loc();
                self.emit_op(Op::PopBlock, 0);
                self.emit_op(Op::PopBlock, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.jump(Op::Jump, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
                self.emit(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP, 0);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::new(FKind::HandlerCleanup, Some(cleanup_body), None))?;
                for s in &h.body {
                    self.visit_stmt(s)?;
                }
                self.pop_fblock();
                self.unset_loc();
                self.emit_op(Op::PopBlock, 0);
                self.emit(Opcode::POP_EXCEPT, 0);
                self.jump(Op::Jump, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.pop_fblock();
        self.emit(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        pop_except_and_reraise(self);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_try_star_except`.
    fn try_star_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> CResult {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let orelse_block = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        let reraise_star = self.new_block();
        self.jump(Op::SetupFinally, except);
        self.use_next_block(body_block);
        self.push_fblock(FBlock::new(FKind::TryExcept, Some(body_block), None))?;
        for s in body {
            self.visit_stmt(s)?;
        }
        self.pop_fblock();
        self.emit_noline(Op::PopBlock, 0);
        self.jump_noline(Op::Jump, orelse_block);
        let n = handlers.len();
        self.use_next_block(except);
        self.unset_loc();
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.push_fblock(FBlock::new(FKind::ExceptionGroupHandler, None, None))?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.loc);
            except = self.new_block();
            let except_with_error = self.new_block();
            let no_match = self.new_block();
            if i == 0 {
                self.emit(Opcode::COPY, 1);
                self.emit(Opcode::BUILD_LIST, 0);
                self.emit(Opcode::SWAP, 2);
            }
            if let Some(t) = &h.r#type {
                self.visit_expr(t)?;
                self.emit(Opcode::CHECK_EG_MATCH, 0);
                self.emit(Opcode::COPY, 1);
                self.jump(Op::PopJumpIfNone, no_match);
            }
            let cleanup_end = self.new_block();
            let cleanup_body = self.new_block();
            match &h.name {
                Some(name) => self.nameop(name, Ctx::Store)?,
                None => self.emit(Opcode::POP_TOP, 0),
            }
            self.jump(Op::SetupCleanup, cleanup_end);
            self.use_next_block(cleanup_body);
            let mut fb = FBlock::new(FKind::HandlerCleanup, Some(cleanup_body), None);
            fb.name = h.name.as_deref();
            self.push_fblock(fb)?;
            for s in &h.body {
                self.visit_stmt(s)?;
            }
            self.pop_fblock();
            self.unset_loc();
            self.emit_op(Op::PopBlock, 0);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.jump(Op::Jump, except);
            self.use_next_block(cleanup_end);
            self.unset_loc();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.nameop(name, Ctx::Store)?;
                self.nameop(name, Ctx::Del)?;
            }
            self.emit(Opcode::LIST_APPEND, 3);
            self.emit(Opcode::POP_TOP, 0);
            self.jump(Op::Jump, except_with_error);
            self.use_next_block(except);
            self.emit(Opcode::NOP, 0);
            self.jump(Op::Jump, except_with_error);
            self.use_next_block(no_match);
            self.emit(Opcode::POP_TOP, 0);
            self.use_next_block(except_with_error);
            if i + 1 == n {
                self.emit(Opcode::LIST_APPEND, 1);
                self.jump(Op::Jump, reraise_star);
            }
        }
        self.unset_loc();
        self.pop_fblock();
        let reraise = self.new_block();
        self.use_next_block(reraise_star);
        self.emit(Opcode::PREP_RERAISE_STAR, 0);
        self.emit(Opcode::COPY, 1);
        self.jump(Op::PopJumpIfNotNone, reraise);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_op(Op::PopBlock, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.jump(Op::Jump, end);
        self.use_next_block(reraise);
        self.emit_op(Op::PopBlock, 0);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        pop_except_and_reraise(self);
        self.use_next_block(orelse_block);
        for s in orelse {
            self.visit_stmt(s)?;
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_call_exit_with_nones`.
    fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Opcode::PRECALL, 2);
        self.emit(Opcode::CALL, 2);
    }

    /// `compiler_with_except_finish`.
    fn with_except_finish(&mut self, cleanup: BlockId) {
        self.unset_loc();
        let exit = self.new_block();
        self.jump(Op::PopJumpIfTrue, exit);
        self.next_block();
        self.emit(Opcode::RERAISE, 2);
        self.use_next_block(cleanup);
        pop_except_and_reraise(self);
        self.use_next_block(exit);
        self.emit(Opcode::POP_TOP, 0);
        self.emit_op(Op::PopBlock, 0);
        self.emit(Opcode::POP_EXCEPT, 0);
        self.emit(Opcode::POP_TOP, 0);
        self.emit(Opcode::POP_TOP, 0);
    }

    /// `compiler_with` / `compiler_async_with` for item `pos`.
    pub(crate) fn with_stmt(
        &mut self,
        s: &'a Stmt,
        items: &'a [WithItem],
        body: &'a [Stmt],
        pos: usize,
        is_async: bool,
    ) -> CResult {
        let Some(item) = items.get(pos) else {
            return Ok(());
        };
        let block = self.new_block();
        let final_ = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.visit_expr(&item.context_expr)?;
        if is_async {
            self.emit(Opcode::BEFORE_ASYNC_WITH, 0);
            self.emit(Opcode::GET_AWAITABLE, 1);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        } else {
            self.emit(Opcode::BEFORE_WITH, 0);
        }
        self.jump(Op::SetupWith, final_);
        self.use_next_block(block);
        let mut fb = FBlock::new(
            if is_async {
                FKind::AsyncWith
            } else {
                FKind::With
            },
            Some(block),
            Some(final_),
        );
        fb.stmt = Some(s);
        self.push_fblock(fb)?;
        match &item.optional_vars {
            Some(v) => self.visit_expr(v)?,
            None => self.emit(Opcode::POP_TOP, 0),
        }
        if pos + 1 == items.len() {
            for st in body {
                self.visit_stmt(st)?;
            }
        } else {
            self.with_stmt(s, items, body, pos + 1, is_async)?;
        }
        // compiler_with marks the POP_BLOCK artificial; 3.11's
        // compiler_async_with leaves it at the body's last location.
        if !is_async {
            self.unset_loc();
        }
        self.emit_op(Op::PopBlock, 0);
        self.pop_fblock();
        self.set_loc(s.loc);
        self.call_exit_with_nones();
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        self.emit(Opcode::POP_TOP, 0);
        self.jump(Op::Jump, exit);
        self.use_next_block(final_);
        self.jump(Op::SetupCleanup, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO, 0);
        self.emit(Opcode::WITH_EXCEPT_START, 0);
        if is_async {
            self.emit(Opcode::GET_AWAITABLE, 2);
            self.load_const(Constant::None);
            self.add_yield_from(true);
        }
        self.with_except_finish(cleanup);
        self.use_next_block(exit);
        Ok(())
    }

    /// Pushes the frame block of an `async for` comprehension clause.
    pub(crate) fn push_async_comp_fblock(&mut self, start: BlockId) -> CResult {
        self.push_fblock(FBlock::new(
            FKind::AsyncComprehensionGenerator,
            Some(start),
            None,
        ))
    }

    /// Pops the innermost frame block.
    pub(crate) fn pop_any_fblock(&mut self) {
        self.pop_fblock();
    }
}
