//! One code unit being compiled (compile.c's `struct compiler_unit`): what
//! kind of code it is, where the compiler is in it, its stack of frame
//! blocks, and the per-node checks that raise compile.c's SyntaxErrors.
//!
//! Every check reads the unit's current [`Position`], which the traversal
//! moves exactly where compile.c's `SET_LOC` / `UNSET_LOC` move
//! `u_lineno` and friends: errors point where CPython's do, including
//! where CPython's position has drifted (an artificial `-1` line after
//! unwinding a `with` block, a sub-pattern's position after a pattern).

use kaa_parser::ast::{Arg, Arguments, Expr, ExprContext, ExprKind, Keyword, Loc, Stmt};
use kaa_parser::{ErrorKind, SyntaxError};

use crate::symtable::{BlockType, Scope};

/// A check's outcome; the error is boxed to keep recursive frames small.
pub type Check = Result<(), Box<SyntaxError>>;

/// What kind of code a unit compiles (compile.c's `COMPILER_SCOPE_*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    /// The module (or an `eval`/interactive input).
    Module,
    /// A class body.
    Class,
    /// A `def`.
    Function,
    /// An `async def`.
    AsyncFunction,
    /// A `lambda`.
    Lambda,
    /// A list, set or dict comprehension or a generator expression.
    Comprehension,
}

/// The source span the compiler attributes to what it emits and to its
/// errors (`u_lineno`, `u_col_offset`, `u_end_lineno`,
/// `u_end_col_offset`): 1-based lines, 0-based UTF-8 byte columns, `-1`
/// when unset (an artificial instruction).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Position {
    /// The first line (`-1` when unset).
    pub lineno: i32,
    /// The first column (`-1` when unset).
    pub col: i32,
    /// The last line (`-1` when unset).
    pub end_lineno: i32,
    /// The column after the end (`-1` when unset).
    pub end_col: i32,
}

impl Position {
    /// `UNSET_LOC`: the position of artificial code.
    pub const UNSET: Position = Position {
        lineno: -1,
        col: -1,
        end_lineno: -1,
        end_col: -1,
    };

    /// `SET_LOC(c, node)`: the node's span.
    pub fn of(loc: Loc) -> Position {
        let int = |v: u32| i32::try_from(v).unwrap_or(i32::MAX);
        Position {
            lineno: int(loc.lineno),
            col: int(loc.col_offset),
            end_lineno: int(loc.end_lineno),
            end_col: int(loc.end_col_offset),
        }
    }

    /// Where `compiler_enter_scope` starts a new unit: its first line,
    /// column 0.
    pub fn line_start(lineno: u32) -> Position {
        let lineno = i32::try_from(lineno).unwrap_or(i32::MAX);
        Position {
            lineno,
            col: 0,
            end_lineno: lineno,
            end_col: 0,
        }
    }
}

/// The most frame blocks a unit may nest (`CO_MAXBLOCKS`).
pub const MAX_FRAME_BLOCKS: usize = 20;

/// A frame block: a loop, `try`, `with` or handler the compiled code is
/// inside (compile.c's `struct fblockinfo`), with what unwinding it needs.
#[derive(Clone, Copy, Debug)]
pub enum FrameBlock<'a> {
    /// A `while` loop.
    WhileLoop,
    /// A `for` or `async for` loop.
    ForLoop,
    /// The body of a `try` with handlers.
    TryExcept,
    /// The body of a `try` with a `finally`: leaving it early runs (and
    /// so compiles again) the `finally` body.
    FinallyTry(&'a [Stmt]),
    /// A `finally` body on the exceptional path.
    FinallyEnd,
    /// The body of a `with` statement.
    With(&'a Stmt),
    /// The body of an `async with` statement.
    AsyncWith(&'a Stmt),
    /// An `except` body, with the `as` name it must clear.
    HandlerCleanup(Option<&'a str>),
    /// A value (a `return`'s) kept on the stack while a `finally` body
    /// runs.
    PopValue,
    /// The handlers of a `try` (the runtime pushes a block here).
    ExceptionHandler,
    /// The handlers of a `try` with `except*`.
    ExceptionGroupHandler,
    /// An `async for` clause of a comprehension.
    AsyncComprehensionGenerator,
}

impl FrameBlock<'_> {
    /// Whether `break` and `continue` stop unwinding here.
    pub fn is_loop(&self) -> bool {
        matches!(self, FrameBlock::WhileLoop | FrameBlock::ForLoop)
    }

    /// What the block contributes to how a `finally` body compiled inside
    /// it can fail: its kind and the node it refers to. `None` for the
    /// blocks that differ between the several compilations of one
    /// `finally` body but do not change how it compiles beyond adding to
    /// the depth ([`FrameBlock::FinallyEnd`], [`FrameBlock::PopValue`]).
    pub fn signature(&self) -> Option<(u8, usize)> {
        let addr = |p: *const u8| p as usize;
        Some(match self {
            FrameBlock::WhileLoop => (0, 0),
            FrameBlock::ForLoop => (1, 0),
            FrameBlock::TryExcept => (2, 0),
            FrameBlock::FinallyTry(body) => (3, addr(body.as_ptr().cast())),
            FrameBlock::With(s) => (4, addr((*s as *const Stmt).cast())),
            FrameBlock::AsyncWith(s) => (5, addr((*s as *const Stmt).cast())),
            FrameBlock::HandlerCleanup(name) => (6, name.map_or(0, |n| addr(n.as_ptr()))),
            FrameBlock::ExceptionHandler => (7, 0),
            FrameBlock::ExceptionGroupHandler => (8, 0),
            FrameBlock::AsyncComprehensionGenerator => (9, 0),
            FrameBlock::FinallyEnd | FrameBlock::PopValue => return None,
        })
    }
}

/// The state of one code unit (`struct compiler_unit`) that the checks
/// need.
#[derive(Clone, Debug)]
pub struct Unit<'a> {
    /// What the unit compiles (`u_scope_type`).
    pub kind: UnitKind,
    /// Its symbol table block type (`u_ste->ste_type`).
    pub block: BlockType,
    /// `u_ste->ste_coroutine` (which top-level `await` can set).
    pub coroutine: bool,
    /// `u_ste->ste_generator`.
    pub generator: bool,
    /// The current position (`u_lineno` ...).
    pub pos: Position,
    /// The frame blocks, innermost last (`u_fblock`).
    pub fblocks: Vec<FrameBlock<'a>>,
}

impl<'a> Unit<'a> {
    /// A new unit for `scope` (`compiler_enter_scope`), positioned at the
    /// start of line `lineno`. (The symbol table has a scope for every
    /// unit; without one, the unit is taken for a plain function.)
    pub fn new(kind: UnitKind, scope: Option<&Scope>, lineno: u32) -> Unit<'a> {
        Unit {
            kind,
            block: scope.map_or(BlockType::Function, |s| s.block),
            coroutine: scope.map_or(kind == UnitKind::AsyncFunction, |s| s.coroutine),
            generator: scope.is_some_and(|s| s.generator),
            pos: Position::line_start(lineno),
            fblocks: Vec::new(),
        }
    }

    /// `SET_LOC(c, node)`.
    pub fn set_loc(&mut self, loc: Loc) {
        self.pos = Position::of(loc);
    }

    /// `UNSET_LOC(c)`.
    pub fn unset_loc(&mut self) {
        self.pos = Position::UNSET;
    }

    /// A SyntaxError at the current position (`compiler_error`: columns
    /// plus one, byte based; a `-1` line stays `-1`, stored as
    /// `u32::MAX`). Its `text` is filled in by [`crate::checks`].
    pub fn error(&self, msg: impl Into<String>) -> Box<SyntaxError> {
        let line = |v: i32| u32::try_from(v).unwrap_or(u32::MAX);
        let column = |v: i32| u32::try_from(v.saturating_add(1)).unwrap_or(0);
        Box::new(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: line(self.pos.lineno),
            offset: column(self.pos.col),
            end_lineno: line(self.pos.end_lineno),
            end_offset: column(self.pos.end_col),
            text: None,
        })
    }

    // ----- frame blocks -------------------------------------------------

    /// `compiler_push_fblock`: at most [`MAX_FRAME_BLOCKS`] deep.
    pub fn push_fblock(&mut self, block: FrameBlock<'a>) -> Check {
        if self.fblocks.len() >= MAX_FRAME_BLOCKS {
            return Err(self.error("too many statically nested blocks"));
        }
        self.fblocks.push(block);
        Ok(())
    }

    /// `compiler_pop_fblock`.
    pub fn pop_fblock(&mut self) {
        self.fblocks.pop();
    }

    // ----- statements ---------------------------------------------------

    /// `compiler_return`'s checks: only in functions, and no value in an
    /// async generator.
    pub fn check_return(&self, has_value: bool) -> Check {
        if self.block != BlockType::Function {
            return Err(self.error("'return' outside function"));
        }
        if has_value && self.coroutine && self.generator {
            return Err(self.error("'return' with value in async generator"));
        }
        Ok(())
    }

    /// `async for` / `async with` (`what`) need an async function, or
    /// top-level `await` at module level, which makes the module a
    /// coroutine.
    pub fn check_async_statement(&mut self, top_level_await: bool, what: &str) -> Check {
        if top_level_await {
            self.coroutine = true;
        } else if self.kind != UnitKind::AsyncFunction {
            return Err(self.error(format!("{what} outside async function")));
        }
        Ok(())
    }

    /// `from __future__ import ...` after the future statements at the top
    /// (`lineno` is the statement's line, `future_lineno` the last future
    /// statement's, CPython's `ff_lineno`).
    pub fn check_future_import(
        &self,
        module: Option<&str>,
        lineno: u32,
        future_lineno: Option<u32>,
    ) -> Check {
        let late = future_lineno.is_none_or(|last| lineno > last);
        if late && module == Some("__future__") {
            return Err(
                self.error("from __future__ imports must occur at the beginning of the file")
            );
        }
        Ok(())
    }

    /// `compiler_try_except`: a bare `except:` must be the last handler.
    pub fn check_default_except(&self, has_type: bool, index: usize, count: usize) -> Check {
        if !has_type && index + 1 < count {
            return Err(self.error("default 'except:' must be last"));
        }
        Ok(())
    }

    // ----- names --------------------------------------------------------

    /// `forbidden_name`: `__debug__` cannot be bound or deleted.
    pub fn forbidden_name(&self, name: &str, ctx: ExprContext) -> Check {
        if name != "__debug__" {
            return Ok(());
        }
        match ctx {
            ExprContext::Store => Err(self.error("cannot assign to __debug__")),
            ExprContext::Del => Err(self.error("cannot delete __debug__")),
            ExprContext::Load => Ok(()),
        }
    }

    /// `compiler_check_debug_args`: no parameter may be named `__debug__`
    /// (checked in the order positional-only, positional, `*args`,
    /// keyword-only, `**kwargs`).
    pub fn check_debug_args(&self, args: &Arguments) -> Check {
        let vararg = args.vararg.as_deref().into_iter();
        let kwarg = args.kwarg.as_deref().into_iter();
        let all = (args.posonlyargs.iter())
            .chain(args.args.iter())
            .chain(vararg)
            .chain(args.kwonlyargs.iter())
            .chain(kwarg);
        all.map(|a: &Arg| a.arg.as_str())
            .try_for_each(|name| self.forbidden_name(name, ExprContext::Store))
    }

    /// `validate_keywords`: no keyword argument named `__debug__`, none
    /// given twice (that error points at the second).
    pub fn validate_keywords(&mut self, keywords: &[Keyword]) -> Check {
        for (i, key) in keywords.iter().enumerate() {
            let Some(name) = key.arg.as_deref() else {
                continue;
            };
            self.forbidden_name(name, ExprContext::Store)?;
            let repeated = keywords
                .iter()
                .skip(i + 1)
                .find(|other| other.arg.as_deref() == Some(name));
            if let Some(other) = repeated {
                self.set_loc(other.loc);
                return Err(self.error(format!("keyword argument repeated: {name}")));
            }
        }
        Ok(())
    }

    // ----- expressions --------------------------------------------------

    /// `yield` and `yield from` need a function; `yield from` not an
    /// async one.
    pub fn check_yield(&self, is_yield_from: bool) -> Check {
        if self.block != BlockType::Function {
            return Err(self.error("'yield' outside function"));
        }
        if is_yield_from && self.kind == UnitKind::AsyncFunction {
            return Err(self.error("'yield from' inside async function"));
        }
        Ok(())
    }

    /// `await` needs an async function or comprehension (unless top-level
    /// `await` is allowed here).
    pub fn check_await(&self, top_level_await: bool) -> Check {
        if top_level_await {
            return Ok(());
        }
        if self.block != BlockType::Function {
            return Err(self.error("'await' outside function"));
        }
        if !matches!(self.kind, UnitKind::AsyncFunction | UnitKind::Comprehension) {
            return Err(self.error("'await' outside async function"));
        }
        Ok(())
    }

    /// A starred expression the list and tuple code did not take apart.
    pub fn check_starred(&self, ctx: ExprContext) -> Check {
        match ctx {
            ExprContext::Store => {
                Err(self.error("starred assignment target must be in a list or tuple"))
            }
            ExprContext::Load | ExprContext::Del => {
                Err(self.error("can't use starred expression here"))
            }
        }
    }

    /// `unpack_helper` for an assignment target list (`what` is
    /// "assignment") or a sequence pattern ("sequence pattern"): one star,
    /// preceded by fewer than 256 targets (`UNPACK_EX`'s argument).
    pub fn check_unpack<T>(&self, elts: &[T], is_star: impl Fn(&T) -> bool, what: &str) -> Check {
        let mut seen_star = false;
        for (i, elt) in elts.iter().enumerate() {
            if !is_star(elt) {
                continue;
            }
            if seen_star {
                return Err(self.error(format!("multiple starred expressions in {what}")));
            }
            let after = elts.len() - i - 1;
            if i >= 1 << 8 || after >= (i32::MAX >> 8) as usize {
                return Err(self.error(format!("too many expressions in star-unpacking {what}")));
            }
            seen_star = true;
        }
        Ok(())
    }

    /// `update_start_location_to_match_attr`: an attribute access spanning
    /// lines is located at its attribute name.
    pub fn locate_attribute(&mut self, attr_expr: &Expr) {
        let ExprKind::Attribute { attr, .. } = &attr_expr.node else {
            return;
        };
        let end = Position::of(attr_expr.loc);
        if self.pos.lineno == end.end_lineno {
            return;
        }
        self.pos.lineno = end.end_lineno;
        let len = i32::try_from(attr.chars().count()).unwrap_or(i32::MAX);
        if len <= end.end_col {
            self.pos.col = end.end_col - len;
        } else {
            // GH-94694: a weird AST; drop the columns.
            self.pos.col = -1;
            self.pos.end_col = -1;
        }
        self.pos.end_lineno = self.pos.end_lineno.max(self.pos.lineno);
        if self.pos.lineno == self.pos.end_lineno {
            self.pos.end_col = self.pos.end_col.max(self.pos.col);
        }
    }
}

/// `compiler_comprehension`: a list, set or dict comprehension that awaits
/// (its scope is a coroutine) must be inside an async function or another
/// comprehension, unless top-level `await` is allowed.
pub fn check_async_comprehension(
    comprehension: &Unit<'_>,
    is_generator_expression: bool,
    enclosing: UnitKind,
    top_level_await: bool,
) -> Check {
    let allowed = matches!(enclosing, UnitKind::AsyncFunction | UnitKind::Comprehension);
    if comprehension.coroutine && !is_generator_expression && !allowed && !top_level_await {
        return Err(
            comprehension.error("asynchronous comprehension outside of an asynchronous function")
        );
    }
    Ok(())
}
