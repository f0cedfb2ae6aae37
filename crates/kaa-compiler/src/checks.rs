//! Every SyntaxError CPython 3.11 raises while compiling a module that
//! parsed, in the order it raises them.
//!
//! `compile()` runs these stages, each stopping at its first error:
//!
//! 1. the future statements ([`crate::future::parse_future`]);
//! 2. the AST optimizer, which can only fail by nesting too deep
//!    (`depth`);
//! 3. the symbol table ([`crate::symtable`]);
//! 4. the code generator (compile.c), whose errors the rest of this module
//!    finds: `return`, `yield` and `await` outside functions, `break` and
//!    `continue` outside loops, `async` statements and comprehensions
//!    outside async functions, `__debug__` bound or deleted, starred
//!    expressions where they cannot go, a bare `except:` before others,
//!    too many nested blocks, a late future import, and the `match`
//!    statement's errors.
//!
//! [`check_module`] runs them all. The code generator's errors come from
//! the checks in `unit` (the per-node rules, on the state of one code
//! unit) and `patterns`, called by `walk`, which visits the AST the way
//! compile.c does without generating code.
//!
//! # For the code generator
//!
//! When kaa's code generator exists it replaces `walk`: it keeps a
//! [`Unit`] per code unit (moving [`Unit::pos`] and the frame blocks
//! exactly where compile.c does), calls the same checks at the same points
//! ([`Unit::check_return`] before compiling a `return`,
//! [`Unit::push_fblock`] for each frame block, [`Unit::forbidden_name`] in
//! `compiler_nameop`, [`PatternContext::store_name`] and the other pattern
//! rules while compiling patterns, ...), and `check_module` becomes
//! "generate the code and drop it". The order and the positions then stay
//! CPython's by construction; `walk` shows, call by call, where each check
//! goes.
//!
//! # Positions and texts
//!
//! Like CPython, the compiler's errors take the node's UTF-8 *byte*
//! columns plus one as `offset` and `end_offset`, and `text` is read back
//! from the file ([`ErrorLines`]), for these and for the future and
//! symbol table errors alike. A line of `-1` (where CPython's position is
//! unset) is `u32::MAX`.

mod depth;
pub(crate) mod floatfold;
pub(crate) mod fold;
pub(crate) mod intfold;
mod lines;
mod patterns;
mod unit;
mod walk;

use kaa_parser::ast::Mod;
use kaa_parser::{ErrorKind, SyntaxError};

pub use lines::ErrorLines;
pub use patterns::{
    check_class_keywords, check_mapping_keys, check_sequence_stars, check_value, is_wildcard,
    PatternContext,
};
pub use unit::{
    check_async_comprehension, Check, FrameBlock, Position, Unit, UnitKind, MAX_FRAME_BLOCKS,
};

use crate::future::parse_future;
use crate::symtable::{self, BuildOptions};

/// How a module is compiled, besides its own future statements.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// The optimization level (`-O` count, `compile(optimize=)`): from 1 on
    /// `assert` statements are not compiled, nor checked.
    pub optimize: u32,
    /// `from __future__ import annotations` is in effect from the caller
    /// (`compile()` flags), whatever the module says.
    pub future_annotations: bool,
    /// `await`, `async for` and `async with` are allowed at module level
    /// (`PyCF_ALLOW_TOP_LEVEL_AWAIT`).
    pub top_level_await: bool,
    /// The recursion depth already used by the caller (see
    /// [`BuildOptions::start_depth`]); 0 for a script.
    pub start_depth: u32,
}

/// Checks `module` for the errors CPython raises compiling it after it
/// parsed (`_PyAST_Compile` up to the assembler), returning the first.
///
/// The error is a SyntaxError as CPython builds it (see the module docs
/// for its positions; its `text` comes from `lines`), or a RecursionError
/// "maximum recursion depth exceeded during compilation" for a module
/// nested deeper than [`symtable::RECURSION_LIMIT`]. The stages recurse
/// once per level of nesting: the deepest module the limit lets through
/// needs under 8 MiB of stack in a debug build (as the symbol table does).
pub fn check_module(
    module: &Mod,
    lines: ErrorLines<'_>,
    options: &CheckOptions,
) -> Result<(), SyntaxError> {
    check_stages(module, options).map_err(|mut err| {
        if err.kind == ErrorKind::SyntaxError {
            err.text = lines.text(err.lineno);
        }
        err
    })
}

/// The stages in CPython's order.
fn check_stages(module: &Mod, options: &CheckOptions) -> Result<(), SyntaxError> {
    // The stages' own texts are replaced, so they get no source.
    let future = parse_future(module, "")?;
    let future_annotations = future.annotations || options.future_annotations;
    depth::check_depth(module, future_annotations, options.start_depth)?;
    let build = BuildOptions {
        future_annotations,
        start_depth: options.start_depth,
    };
    let table = symtable::build_with(module, "", &build)?;
    let settings = walk::Settings {
        future_annotations,
        future_lineno: future.lineno,
        optimize: options.optimize,
        top_level_await: options.top_level_await,
    };
    walk::Walker::new(&table, settings)
        .module(module)
        .map_err(|err| *err)
}

#[cfg(test)]
mod tests;
