//! The code-object verifier: what kaa checks on every code object loaded
//! from bytes (a `.pyc`, `marshal.loads`) before the VM may run it.
//!
//! CPython 3.11 trusts its code objects: hostile bytecode crashes it. kaa
//! checks instead, so that the VM can execute verified code without ever
//! indexing out of bounds or mis-decoding. What a verified code object
//! guarantees (the VM's contract):
//!
//! - **Decoding.** `co_code` is a non-empty, even-length run of CPython
//!   3.11 base instructions (specialised/adaptive opcodes are refused: the
//!   VM quickens its own copy after loading). Each instruction is 0-3
//!   EXTENDED_ARG prefixes (only before an instruction that takes an
//!   argument), the opcode, then exactly its inline CACHE units, each
//!   `[0, 0]`. Opargs fit in a u32.
//! - **Operands.** Every oparg is in range for its opcode (see
//!   `decode.rs`: constants, names, `co_localsplusnames` slots by kind,
//!   enumerations such as COMPARE_OP/BINARY_OP/RESUME, counts that must be
//!   at least 1). KW_NAMES names a tuple of str and is followed by
//!   `PRECALL n` with n at least its length; every `PRECALL n` is directly
//!   followed by `CALL n` and every CALL directly preceded by PRECALL.
//! - **Slots.** Slots with the LOCAL bit come first, then CELL-only slots,
//!   then FREE slots; the `*_FAST` instructions touch only plain LOCAL
//!   slots, the `*_DEREF`/LOAD_CLOSURE/LOAD_CLASSDEREF instructions only
//!   CELL or FREE slots. The code starts with a prologue of one MAKE_CELL
//!   per CELL slot and, when there are free variables, one
//!   `COPY_FREE_VARS nfree`; neither appears elsewhere and nothing jumps
//!   into the prologue, so after it every CELL/FREE slot holds a cell.
//! - **Generators.** Code with CO_GENERATOR, CO_COROUTINE or
//!   CO_ASYNC_GENERATOR has RETURN_GENERATOR right after the prologue
//!   (executed once, at stack depth 0); other code has none. YIELD_VALUE
//!   and SEND appear only in such code, ASYNC_GEN_WRAP only with
//!   CO_ASYNC_GENERATOR.
//! - **Control flow.** Jump and handler targets are instruction starts
//!   (the first EXTENDED_ARG of a prefixed instruction) inside the code,
//!   never a CALL; no reachable instruction falls off the end.
//! - **Stack.** Walking every path from offset 0 and from every handler
//!   (entered at `depth + 1`, `+ 1` with lasti), each instruction has one
//!   stack depth, at least as large as the number of stack items it reads
//!   (`flow.rs`: PEEK(n) included, e.g. WITH_EXCEPT_START reads 4), and no
//!   depth exceeds `co_stacksize`. RETURN_VALUE runs at depth 1.
//!   RETURN_GENERATOR is modelled as pushing the value a resumed generator
//!   receives (CPython's compiler instead starts generator code at depth 1).
//! - **Exception table.** Entries decode exactly (entry-start bits as
//!   ceval's binary search needs them), are sorted and disjoint, cover
//!   whole instructions, and each covered reachable instruction runs at a
//!   depth at least the entry's. The VM must still check, when unwinding,
//!   that the stack is not below the entry's depth (an instruction may pop
//!   below it before it fails, and `RERAISE` with lasti can name any
//!   offset); if it is, raise SystemError rather than jump.
//! - **Location table.** Well-formed entries (no truncation, entry-start
//!   bits); it may cover less or more than the code, as CPython tolerates:
//!   look positions up with bounds checks.
//! - **Header fields.** `co_localspluskinds` has one valid kind per name;
//!   argument counts fit the LOCAL slots (with the `*args`/`**kwargs`
//!   slots); only known `CO_*` flag bits are set.
//!
//! Nested code objects (anywhere in `co_consts`, containers included) are
//! verified too, without recursion on the Rust stack. What is NOT
//! verified, and the VM must handle as ordinary run-time errors: value
//! types on the stack (a NULL from PUSH_NULL can reach any operand), the
//! length of a closure tuple, an unbound local, the lasti integer RERAISE
//! reads, and the size of `co_stacksize` itself (allocate frames with
//! `try_reserve`).

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;

use crate::code::{
    CodeObject, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL, CO_VARARGS, CO_VARKEYWORDS,
};
use crate::constant::Constant;

mod decode;
mod flow;
mod tables;

/// How deeply code objects and containers may nest in `co_consts`
/// (marshal's `MAX_MARSHAL_STACK_DEPTH`).
pub const MAX_NESTING: usize = 2000;

/// Every `CO_*` flag bit CPython 3.11 defines.
const KNOWN_FLAGS: u32 = 0x3ff | 0x1fe_0000;

/// Why a code object was refused: what, in which code object, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError {
    /// `co_qualname` of the offending code object.
    pub qualname: String,
    /// Its `co_filename`.
    pub filename: String,
    /// Its `co_firstlineno`.
    pub firstlineno: i32,
    /// The byte offset in `co_code`, when the problem is at one.
    pub offset: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for VerifyError {
    /// `bad code object 'f' (file "x.py", line 3) at offset 12: ...`, the
    /// text the VM puts in its ValueError / ImportError.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "bad code object {} (file {}, line {})",
            kaa_repr::repr_str(&self.qualname),
            kaa_repr::repr_str(&self.filename),
            self.firstlineno
        )?;
        if let Some(offset) = self.offset {
            write!(f, " at offset {offset}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for VerifyError {}

/// A problem found inside one code object, before it is placed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) offset: Option<usize>,
    pub(crate) message: String,
}

/// A problem at byte `offset`.
pub(crate) fn at(offset: usize, message: impl Into<String>) -> Problem {
    Problem {
        offset: Some(offset),
        message: message.into(),
    }
}

/// A problem with the code object as a whole.
pub(crate) fn whole(message: impl Into<String>) -> Problem {
    Problem {
        offset: None,
        message: message.into(),
    }
}

fn place(code: &CodeObject, p: Problem) -> VerifyError {
    VerifyError {
        qualname: code.qualname.to_string_lossy().into_owned(),
        filename: code.filename.to_string_lossy().into_owned(),
        firstlineno: code.firstlineno,
        offset: p.offset,
        message: p.message,
    }
}

/// Checks `code` and every code object nested in its constants; see the
/// module documentation for what passing guarantees.
pub fn verify(code: &CodeObject) -> Result<(), VerifyError> {
    verify_one(code).map_err(|p| place(code, p))?;
    // Explicit work list: (constant, nesting depth). Shared containers
    // (marshal back-references) are visited once, so a DAG of shared
    // tuples cannot make the walk exponential.
    let mut seen: HashSet<usize> = HashSet::new();
    let mut work: Vec<(&Constant, usize)> = code.consts.iter().map(|c| (c, 1)).collect();
    while let Some((c, depth)) = work.pop() {
        if depth > MAX_NESTING {
            return Err(place(code, whole("constants nest too deeply")));
        }
        let items: &[Constant] = match c {
            Constant::Code(inner) => {
                if !seen.insert(Arc::as_ptr(inner) as *const u8 as usize) {
                    continue;
                }
                verify_one(inner).map_err(|p| place(inner, p))?;
                &inner.consts
            }
            Constant::Tuple(items)
            | Constant::FrozenSet(items)
            | Constant::List(items)
            | Constant::Set(items) => {
                if !seen.insert(Arc::as_ptr(items) as *const u8 as usize) {
                    continue;
                }
                items
            }
            Constant::Dict(pairs) => {
                if !seen.insert(Arc::as_ptr(pairs) as *const u8 as usize) {
                    continue;
                }
                for (k, v) in pairs.iter() {
                    work.push((k, depth + 1));
                    work.push((v, depth + 1));
                }
                continue;
            }
            _ => continue,
        };
        work.extend(items.iter().map(|c| (c, depth + 1)));
    }
    Ok(())
}

/// Checks one code object, not its nested ones.
fn verify_one(code: &CodeObject) -> Result<(), Problem> {
    check_header(code)?;
    let len = code.code.len();
    if len == 0 {
        return Err(whole("co_code is empty"));
    }
    if !len.is_multiple_of(2) {
        return Err(whole(format!("co_code has odd length {len}")));
    }
    if len > i32::MAX as usize {
        return Err(whole("co_code is too long"));
    }
    let decoded = decode::decode(code)?;
    let handlers = tables::exception_table(code, &decoded)?;
    tables::check_linetable(&code.linetable)?;
    flow::check_flow(code, &decoded, &handlers)
}

/// Slot kinds, argument counts and flags (CPython's `_PyCode_Validate`,
/// plus kaa's slot-order rule).
fn check_header(code: &CodeObject) -> Result<(), Problem> {
    if code.flags & !KNOWN_FLAGS != 0 {
        return Err(whole(format!(
            "unknown flag bits {:#x} in co_flags",
            code.flags & !KNOWN_FLAGS
        )));
    }
    let gen_flags = code.flags
        & (crate::code::CO_GENERATOR | crate::code::CO_COROUTINE | crate::code::CO_ASYNC_GENERATOR);
    if gen_flags.count_ones() > 1 {
        return Err(whole(
            "more than one of CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR",
        ));
    }
    let names = code.localsplusnames.len();
    if code.localspluskinds.len() != names {
        return Err(whole(format!(
            "co_localspluskinds has {} kinds for {names} names",
            code.localspluskinds.len()
        )));
    }
    // Order: LOCAL (possibly also CELL), then CELL-only, then FREE
    // (Python/compile.c's compute_localsplus_info; COPY_FREE_VARS fills
    // the last slots).
    let mut stage = 0;
    for (i, &kind) in code.localspluskinds.iter().enumerate() {
        let this = match kind {
            k if k == CO_FAST_LOCAL || k == CO_FAST_LOCAL | CO_FAST_CELL => 0,
            CO_FAST_CELL => 1,
            CO_FAST_FREE => 2,
            _ => return Err(whole(format!("slot {i} has invalid kind {kind:#x}"))),
        };
        if this < stage {
            return Err(whole(format!("slot {i} is out of kind order")));
        }
        stage = this;
    }
    if code.posonlyargcount > code.argcount {
        return Err(whole("co_posonlyargcount exceeds co_argcount"));
    }
    let total = u64::from(code.argcount)
        + u64::from(code.kwonlyargcount)
        + u64::from(code.flags & CO_VARARGS != 0)
        + u64::from(code.flags & CO_VARKEYWORDS != 0);
    let locals = code
        .localspluskinds
        .iter()
        .take_while(|&&k| k & CO_FAST_LOCAL != 0)
        .count() as u64;
    if total > locals {
        return Err(whole("co_varnames is too small for the arguments"));
    }
    if code.stacksize > i32::MAX as u32 {
        return Err(whole("co_stacksize is too large"));
    }
    Ok(())
}
