//! The `match` statement (compile.c's `compiler_match` and the
//! `compiler_pattern_*` helpers).

use kaa_parser::ast::{Expr, MatchCase, Stmt};

use super::{CResult, Compiler};

impl<'a> Compiler<'a> {
    /// `compiler_match`.
    pub(crate) fn match_stmt(&mut self, _s: &'a Stmt, _subject: &'a Expr, _cases: &'a [MatchCase]) -> CResult {
        Err(self.error("kaa's code generator does not compile match statements yet"))
    }
}
