//! kaa's compiler: from a `kaa_parser` AST to code objects, as CPython
//! 3.11's `Python/compile.c` does it.
//!
//! The stages, in the order `compile()` runs them:
//!
//! - [`future`]: the `from __future__ import ...` statements at the top of a
//!   module (CPython's `Python/future.c`);
//! - [`symtable`]: the symbol table, which decides for every name in every
//!   scope whether it is local, global, free or a cell
//!   (`Python/symtable.c`);
//! - [`checks`]: every SyntaxError the compiler raises for a module that
//!   parsed, in CPython's order ([`checks::check_module`]), including the
//!   code generator's (compile.c) until the code generator raises them
//!   itself;
//! - [`codegen`]: the code generator and the flowgraph optimiser, giving
//!   CPython 3.11's code objects ([`codegen::compile_module`]);
//! - [`assemble`]: the last step, instructions with labels and locations to
//!   `co_code`, `co_linetable` and `co_exceptiontable`, byte for byte as
//!   CPython 3.11 assembles them.
//!
//! [`compile`] runs them all, as `compile()` and a script run do.
//!
//! [`mangle`] holds private-name mangling, which both the symbol table and
//! the code generator apply.
#![forbid(unsafe_code)]

pub mod assemble;
pub mod checks;
pub mod codegen;
mod error;
pub mod future;
pub mod mangle;
pub mod symtable;

pub use checks::{check_module, CheckOptions, ErrorLines};
pub use codegen::{
    compile_module, compile_module_collecting, compile_module_with_warnings, CompileMode,
    CompileOptions,
};
pub use future::FutureFeatures;
pub use symtable::{
    BlockType, BuildOptions, ComprehensionKind, NameScope, Scope, ScopeId, Symbol, SymbolFlags,
    SymbolTable,
};

/// Checks and compiles a module as CPython's `compile()` does: the first
/// compile-time error, else the code object. The SyntaxWarnings the code
/// generator emits are appended to `warnings`; when compiling fails, only
/// those CPython would have printed before the error (the generator's own
/// walk stops at the same error) are kept.
pub fn compile(
    module: &kaa_parser::ast::Mod,
    lines: ErrorLines<'_>,
    filename: &str,
    options: &CompileOptions,
    warnings: &mut Vec<kaa_parser::Warning>,
) -> Result<kaa_bytecode::CodeObject, kaa_parser::SyntaxError> {
    let check = CheckOptions {
        optimize: options.optimize,
        future_annotations: options.future_annotations,
        top_level_await: options.top_level_await,
        start_depth: 0,
    };
    let before = warnings.len();
    match check_module(module, lines, &check) {
        Ok(()) => compile_module_collecting(module, filename, options, warnings),
        Err(err) => {
            let generated = compile_module_collecting(module, filename, options, warnings);
            let same = matches!(&generated, Err(e) if e.msg == err.msg && e.lineno == err.lineno);
            if !same {
                warnings.truncate(before);
            }
            Err(err)
        }
    }
}
