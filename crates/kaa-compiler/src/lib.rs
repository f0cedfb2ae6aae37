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
//!   code generator's (compile.c) while code generation is to come;
//! - [`assemble`]: the last step, instructions with labels and locations to
//!   `co_code`, `co_linetable` and `co_exceptiontable`, byte for byte as
//!   CPython 3.11 assembles them (the code generator is to feed it).
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
