//! `CodeObject`: CPython 3.11's code object, field for field, with the
//! derived views (`co_varnames`, `co_cellvars`, `co_freevars`, `co_nlocals`,
//! `co_lines()`, `co_positions()`, the exception table) computed as
//! Objects/codeobject.c and the `dis` module compute them.

use crate::constant::Constant;
use crate::exceptiontable::{self, ExceptionTableEntry};
use crate::instruction::{self, Instruction};
use crate::linetable::{self, LineRange, Positions};
use crate::pystr::PyStr;

/// `CO_OPTIMIZED`: locals live in fast slots.
pub const CO_OPTIMIZED: u32 = 0x1;
/// `CO_NEWLOCALS`: a new locals dict per call.
pub const CO_NEWLOCALS: u32 = 0x2;
/// `CO_VARARGS`: has `*args`.
pub const CO_VARARGS: u32 = 0x4;
/// `CO_VARKEYWORDS`: has `**kwargs`.
pub const CO_VARKEYWORDS: u32 = 0x8;
/// `CO_NESTED`: a nested function.
pub const CO_NESTED: u32 = 0x10;
/// `CO_GENERATOR`: a generator function.
pub const CO_GENERATOR: u32 = 0x20;
/// `CO_NOFREE`: no free or cell variables.
pub const CO_NOFREE: u32 = 0x40;
/// `CO_COROUTINE`: an `async def` function.
pub const CO_COROUTINE: u32 = 0x80;
/// `CO_ITERABLE_COROUTINE`: a generator-based coroutine.
pub const CO_ITERABLE_COROUTINE: u32 = 0x100;
/// `CO_ASYNC_GENERATOR`: an async generator function.
pub const CO_ASYNC_GENERATOR: u32 = 0x200;
/// `CO_FUTURE_DIVISION` (`from __future__ import division`).
pub const CO_FUTURE_DIVISION: u32 = 0x20000;
/// `CO_FUTURE_ABSOLUTE_IMPORT`.
pub const CO_FUTURE_ABSOLUTE_IMPORT: u32 = 0x40000;
/// `CO_FUTURE_WITH_STATEMENT`.
pub const CO_FUTURE_WITH_STATEMENT: u32 = 0x80000;
/// `CO_FUTURE_PRINT_FUNCTION`.
pub const CO_FUTURE_PRINT_FUNCTION: u32 = 0x100000;
/// `CO_FUTURE_UNICODE_LITERALS`.
pub const CO_FUTURE_UNICODE_LITERALS: u32 = 0x200000;
/// `CO_FUTURE_BARRY_AS_BDFL`.
pub const CO_FUTURE_BARRY_AS_BDFL: u32 = 0x400000;
/// `CO_FUTURE_GENERATOR_STOP`.
pub const CO_FUTURE_GENERATOR_STOP: u32 = 0x800000;
/// `CO_FUTURE_ANNOTATIONS` (`from __future__ import annotations`).
pub const CO_FUTURE_ANNOTATIONS: u32 = 0x1000000;

/// `co_localspluskinds` bit: the slot is a local (arguments included).
pub const CO_FAST_LOCAL: u8 = 0x20;
/// `co_localspluskinds` bit: the slot holds a cell.
pub const CO_FAST_CELL: u8 = 0x40;
/// `co_localspluskinds` bit: the slot holds a free variable.
pub const CO_FAST_FREE: u8 = 0x80;

/// A compiled block of code: CPython 3.11's `PyCodeObject` fields, in
/// marshal order.
#[derive(Clone, Debug)]
pub struct CodeObject {
    /// `co_argcount`: positional parameters, positional-only included.
    pub argcount: u32,
    /// `co_posonlyargcount`.
    pub posonlyargcount: u32,
    /// `co_kwonlyargcount`.
    pub kwonlyargcount: u32,
    /// `co_stacksize`.
    pub stacksize: u32,
    /// `co_flags` (`CO_*`).
    pub flags: u32,
    /// `co_code`: 2-byte code units, inline caches included.
    pub code: Vec<u8>,
    /// `co_consts`.
    pub consts: Vec<Constant>,
    /// `co_names`.
    pub names: Vec<PyStr>,
    /// `co_localsplusnames`: every frame slot's name.
    pub localsplusnames: Vec<PyStr>,
    /// `co_localspluskinds`: one `CO_FAST_*` byte per slot.
    pub localspluskinds: Vec<u8>,
    /// `co_filename`.
    pub filename: PyStr,
    /// `co_name`.
    pub name: PyStr,
    /// `co_qualname`.
    pub qualname: PyStr,
    /// `co_firstlineno`.
    pub firstlineno: i32,
    /// `co_linetable`: the PEP 657 location table.
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
}

impl PartialEq for CodeObject {
    fn eq(&self, other: &CodeObject) -> bool {
        self.same_except_consts(other) && self.consts == other.consts
    }
}

impl CodeObject {
    /// Whether every field but `co_consts` is equal.
    pub(crate) fn same_except_consts(&self, other: &CodeObject) -> bool {
        self.argcount == other.argcount
            && self.posonlyargcount == other.posonlyargcount
            && self.kwonlyargcount == other.kwonlyargcount
            && self.stacksize == other.stacksize
            && self.flags == other.flags
            && self.code == other.code
            && self.names == other.names
            && self.localsplusnames == other.localsplusnames
            && self.localspluskinds == other.localspluskinds
            && self.filename == other.filename
            && self.name == other.name
            && self.qualname == other.qualname
            && self.firstlineno == other.firstlineno
            && self.linetable == other.linetable
            && self.exceptiontable == other.exceptiontable
    }

    /// The slot kind byte of slot `i` (0 past the end).
    fn kind(&self, i: usize) -> u8 {
        self.localspluskinds.get(i).copied().unwrap_or(0)
    }

    /// The names of the slots whose kind has any of `mask`'s bits, in slot
    /// order (`get_localsplus_names`).
    fn slot_names(&self, mask: u8) -> Vec<PyStr> {
        self.localsplusnames
            .iter()
            .enumerate()
            .filter(|&(i, _)| self.kind(i) & mask != 0)
            .map(|(_, n)| n.clone())
            .collect()
    }

    /// `co_varnames`: arguments and locals.
    pub fn varnames(&self) -> Vec<PyStr> {
        self.slot_names(CO_FAST_LOCAL)
    }

    /// `co_cellvars`: variables inner functions use (including arguments
    /// that are cells).
    pub fn cellvars(&self) -> Vec<PyStr> {
        self.slot_names(CO_FAST_CELL)
    }

    /// `co_freevars`: variables from enclosing functions.
    pub fn freevars(&self) -> Vec<PyStr> {
        self.slot_names(CO_FAST_FREE)
    }

    /// `co_nlocals`: the number of LOCAL slots.
    pub fn nlocals(&self) -> usize {
        (0..self.localsplusnames.len())
            .filter(|&i| self.kind(i) & CO_FAST_LOCAL != 0)
            .count()
    }

    /// The number of frame slots (`co_nlocalsplus`).
    pub fn nlocalsplus(&self) -> usize {
        self.localsplusnames.len()
    }

    /// `code._varname_from_oparg(i)`: the name of slot `i` (LOAD_FAST,
    /// LOAD_DEREF, MAKE_CELL... index the slots directly).
    pub fn varname_from_oparg(&self, i: usize) -> Option<&PyStr> {
        self.localsplusnames.get(i)
    }

    /// `co_lines()`: (start, end, line) ranges from the location table.
    pub fn lines(&self) -> Vec<LineRange> {
        linetable::co_lines(&self.linetable, self.firstlineno)
    }

    /// `co_positions()`: (line, end line, column, end column) per code unit.
    pub fn positions(&self) -> Vec<Positions> {
        linetable::co_positions(&self.linetable, self.firstlineno)
    }

    /// The exception table, as `dis._parse_exception_table` gives it.
    pub fn exception_entries(&self) -> Vec<ExceptionTableEntry> {
        exceptiontable::parse(&self.exceptiontable)
    }

    /// The instructions, EXTENDED_ARG folded in and caches skipped
    /// (`dis._unpack_opargs`).
    pub fn instructions(&self) -> Vec<Instruction> {
        instruction::unpack_opargs(&self.code).collect()
    }

    /// `dis.findlinestarts`: (offset, line) where a new line starts.
    pub fn line_starts(&self) -> Vec<(usize, i32)> {
        let mut out = Vec::new();
        let mut last = None;
        for range in self.lines() {
            if let Some(line) = range.line {
                if last != Some(line) {
                    last = Some(line);
                    out.push((range.start, line));
                }
            }
        }
        out
    }
}

/// The flag names `dis.pretty_flags` prints.
const FLAG_NAMES: [(u32, &str); 10] = [
    (CO_OPTIMIZED, "OPTIMIZED"),
    (CO_NEWLOCALS, "NEWLOCALS"),
    (CO_VARARGS, "VARARGS"),
    (CO_VARKEYWORDS, "VARKEYWORDS"),
    (CO_NESTED, "NESTED"),
    (CO_GENERATOR, "GENERATOR"),
    (CO_NOFREE, "NOFREE"),
    (CO_COROUTINE, "COROUTINE"),
    (CO_ITERABLE_COROUTINE, "ITERABLE_COROUTINE"),
    (CO_ASYNC_GENERATOR, "ASYNC_GENERATOR"),
];

/// `dis.pretty_flags(flags)`: "OPTIMIZED, NEWLOCALS, 0x1000000".
pub fn pretty_flags(flags: u32) -> String {
    let mut names = Vec::new();
    let mut rest = flags;
    let mut emptied = false;
    for i in 0..32 {
        let flag = 1u32 << i;
        if rest & flag != 0 {
            match FLAG_NAMES.iter().find(|(f, _)| *f == flag) {
                Some((_, name)) => names.push(name.to_string()),
                None => names.push(format!("{flag:#x}")),
            }
            rest ^= flag;
            if rest == 0 {
                emptied = true;
                break;
            }
        }
    }
    // The loop's `else`: no flag emptied the set (it was 0 to start with).
    if !emptied {
        names.push(format!("{rest:#x}"));
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_flags_as_dis() {
        assert_eq!(pretty_flags(0), "0x0");
        assert_eq!(pretty_flags(3), "OPTIMIZED, NEWLOCALS");
        assert_eq!(
            pretty_flags(0x1000043),
            "OPTIMIZED, NEWLOCALS, NOFREE, 0x1000000"
        );
    }
}
