//! The compile hook: how the VM reaches a compiler without depending on
//! one (the pipeline flows one way, DESIGN.md). `compile()`, `exec`,
//! `eval` and the import system call [`Compiler::compile`] on the
//! compiler the embedder put in `VmOptions::compiler` (the `kaa` binary
//! passes kaa-parser + kaa-compiler).

use kaa_bytecode::CodeObject;

/// `compile()`'s mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompileMode {
    /// `'exec'`: a module.
    Exec,
    /// `'eval'`: one expression.
    Eval,
    /// `'single'`: one interactive statement.
    Single,
}

/// `PyCF_ONLY_AST`: return the AST (not supported by the hook).
pub const PYCF_ONLY_AST: i32 = 0x0400;
/// `PyCF_IGNORE_COOKIE`: the source was a str (already decoded): its
/// coding declaration is ignored.
pub const PYCF_IGNORE_COOKIE: i32 = 0x0800;
/// `PyCF_TYPE_COMMENTS`.
pub const PYCF_TYPE_COMMENTS: i32 = 0x1000;
/// `PyCF_ALLOW_TOP_LEVEL_AWAIT`.
pub const PYCF_ALLOW_TOP_LEVEL_AWAIT: i32 = 0x2000;
/// `PyCF_ALLOW_INCOMPLETE_INPUT`.
pub const PYCF_ALLOW_INCOMPLETE_INPUT: i32 = 0x4000;
/// `PyCF_DONT_IMPLY_DEDENT`.
pub const PYCF_DONT_IMPLY_DEDENT: i32 = 0x0200;
/// `CO_FUTURE_ANNOTATIONS` (`from __future__ import annotations`).
pub const CO_FUTURE_ANNOTATIONS: i32 = 0x0100_0000;

/// A SyntaxError (or IndentationError, TabError, or another exception the
/// front end raises) with everything a Python SyntaxError instance holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    /// The exception class name: `SyntaxError`, `IndentationError`,
    /// `TabError` (or e.g. `MemoryError`, `ValueError`).
    pub class: String,
    /// `msg`.
    pub msg: String,
    /// `filename`.
    pub filename: String,
    /// `lineno` (None: no location at all).
    pub lineno: Option<i64>,
    /// `offset` (1-based).
    pub offset: Option<i64>,
    /// `text`.
    pub text: Option<String>,
    /// `end_lineno`.
    pub end_lineno: Option<i64>,
    /// `end_offset`.
    pub end_offset: Option<i64>,
}

/// What a successful compile gives: the code object and the warnings
/// (SyntaxWarning...) to print, each already formatted as the `warnings`
/// module prints it (`FILE:LINE: CATEGORY: MESSAGE\n  LINE\n`).
#[derive(Clone, Debug)]
pub struct Compiled {
    /// The module (or expression) code object.
    pub code: CodeObject,
    /// The warnings' text, in order.
    pub warnings: Vec<String>,
}

/// A compiler the VM can call (source bytes to a code object; the error
/// is boxed to keep the result small).
pub trait Compiler {
    /// Compiles `source` (str source arrives as UTF-8 with
    /// [`PYCF_IGNORE_COOKIE`] in `flags`) named `filename` in `mode`, with
    /// `compile()`'s `flags` and `optimize` level (0, 1 or 2).
    fn compile(
        &self,
        source: &[u8],
        filename: &str,
        mode: CompileMode,
        flags: i32,
        optimize: i32,
    ) -> Result<Compiled, Box<CompileError>>;
}

impl crate::vm::Vm {
    /// Compiles through the hook: the code object, with the warnings
    /// written to stderr; a compile error becomes its SyntaxError; no
    /// hook is a NotImplementedError.
    pub fn compile_with_hook(
        &mut self,
        source: &[u8],
        filename: &str,
        mode: CompileMode,
        flags: i32,
        optimize: i32,
    ) -> crate::exceptions::PyResult<CodeObject> {
        let Some(compiler) = self.options.compiler.clone() else {
            return Err(self
                .not_implemented("this kaa VM was made without a compiler (VmOptions::compiler)"));
        };
        match compiler.compile(source, filename, mode, flags, optimize) {
            Ok(compiled) => {
                for w in &compiled.warnings {
                    self.write_stderr(w);
                }
                Ok(compiled.code)
            }
            Err(e) => Err(self.syntax_error_from(&e)),
        }
    }
}
