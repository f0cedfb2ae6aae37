//! kaa's bytecode layer: the instruction set, code objects, their location
//! and exception tables, marshal (the `.pyc` format) and the disassembler.
//!
//! # The decision
//!
//! kaa executes **CPython 3.11's instruction set in CPython 3.11's code
//! format**. For a given program, kaa's compiler emits the same code object
//! CPython 3.11 does: the same `co_code` (2-byte code units of opcode and
//! oparg, EXTENDED_ARG prefixes, the inline CACHE units 3.11 reserves after
//! specialisable instructions), `co_consts`, `co_names`,
//! `co_localsplusnames`/`co_localspluskinds`, `co_linetable` (the PEP 657
//! location table), `co_exceptiontable`, `co_stacksize`, `co_flags` — and
//! marshals it to the same bytes. Every layer can therefore be tested byte
//! for byte against python3. Only the `.pyc` magic number is kaa's own.
//! The VM may later quicken instructions in place into kaa-specific
//! specialised opcodes, in numbers CPython 3.11 leaves unused, as CPython's
//! adaptive interpreter does with its own.
//!
//! # Layout
//!
//! - [`opcode`] and the generated `opcode_table.rs`: every opcode, defined
//!   once (tools/gen_opcodes.py, from python3's `opcode` and `dis`):
//!   number, name, operand kind, inline cache size, stack effect, doc;
//!   docs/bytecode.md is generated from the same table.
//! - [`code`]: [`CodeObject`] and its derived views.
//! - [`constant`] and [`pystr`]: the values in `co_consts`.
//! - [`instruction`]: walking `co_code`.
//! - [`linetable`], [`exceptiontable`]: the two tables, both ways.
//! - [`marshal`]: `marshal.loads`/`dumps`, CPython 3.11's format 4.
//! - [`pyc`]: the PEP 552 `.pyc` header (kaa's magic number), the source
//!   hash, and `__pycache__/NAME.kaa-311.pyc` paths.
//! - [`dis`] and [`repr`]: `dis.dis()` and `dis.code_info()` text;
//!   [`pyhash`]: CPython's `hash()` of numeric constants and set order,
//!   for frozenset reprs.
//!
//! Of the kaa crates it depends only on `kaa-repr` (Python's repr of
//! constants): the compiler produces its types and the VM consumes them.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod cache;
pub mod code;
pub mod constant;
pub mod dis;
pub mod exceptiontable;
pub mod instruction;
pub mod linetable;
pub mod marshal;
pub mod opcode;
mod opcode_table;
pub mod pyc;
pub mod pyhash;
pub mod pystr;
pub mod repr;
pub mod verify;

pub use code::CodeObject;
pub use constant::Constant;
pub use opcode::{ArgKind, Opcode, StackEffect};
pub use pystr::PyStr;
