//! The disassembler: CPython 3.11's `dis.dis()`, `dis.get_instructions()`
//! and `dis.code_info()` text for a code object, character for character.
//!
//! Operands are shown by kind, from the opcode table: a constant's repr, a
//! name, a jump target, a comparison or operator symbol. Nested code
//! objects print as `<code object NAME at 0xADDR, ...>`, where kaa's
//! address is that of the shared `CodeObject`; compare outputs with the
//! addresses masked.
//!
//! Bad operands (an index past `co_consts`, say) fail as `dis` fails, with
//! its exception and the text printed before it.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use crate::code::{pretty_flags, CodeObject};
use crate::constant::Constant;
use crate::instruction::{find_labels, unpack_opargs};
use crate::linetable::Positions;
use crate::opcode::{ArgKind, Opcode, CACHE_FORMAT, CMP_OP, NB_OPS};
use crate::pystr::PyStr;
use crate::repr::{repr_code, repr_limited, ReprError};

/// `dis`'s `_OPNAME_WIDTH`.
const OPNAME_WIDTH: usize = 20;
/// `dis`'s `_OPARG_WIDTH`.
const OPARG_WIDTH: usize = 5;
/// How deeply a constant may nest for `dis.dis` to show it: python3 runs
/// out of recursion from 990 nested tuples (`dis` itself uses some).
const DIS_REPR_DEPTH: usize = 989;
/// The same for `dis.code_info` (995 nested tuples fail).
const CODE_INFO_REPR_DEPTH: usize = 994;

/// Options of `dis.dis()` / `dis.disassemble()`.
#[derive(Clone, Copy, Debug, Default)]
pub struct DisOptions {
    /// `show_caches=True`: print the inline CACHE entries too.
    pub show_caches: bool,
    /// `depth=`: how many levels of nested code objects to disassemble
    /// (None: all).
    pub depth: Option<usize>,
    /// `lasti=`: the offset to mark with `-->`.
    pub lasti: Option<usize>,
}

/// A disassembly `dis` would abandon with an exception.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisError {
    /// The exception type (`IndexError`, `ValueError`, `OverflowError`).
    pub kind: &'static str,
    /// Its message.
    pub message: String,
    /// The text printed before the exception.
    pub partial_output: String,
}

/// An exception while formatting one instruction: its type and message.
#[derive(Clone, Debug)]
struct Fail(&'static str, String);

impl From<ReprError> for Fail {
    fn from(e: ReprError) -> Fail {
        Fail(e.kind, e.message)
    }
}

/// One `dis.Instruction`.
#[derive(Clone, Debug, PartialEq)]
pub struct DisInstruction {
    /// `opname` (`CACHE` for cache entries).
    pub opname: String,
    /// `opcode`: the byte.
    pub opcode: u8,
    /// `arg`: the oparg, None for instructions without one.
    pub arg: Option<i64>,
    /// `argrepr`: the operand as `dis` prints it in parentheses.
    pub argrepr: String,
    /// `offset`.
    pub offset: usize,
    /// `starts_line`: the line this instruction starts, if any.
    pub starts_line: Option<i32>,
    /// `is_jump_target`.
    pub is_jump_target: bool,
    /// `positions`.
    pub positions: Positions,
}

impl DisInstruction {
    /// `Instruction._disassemble(lineno_width, mark_as_current, offset_width)`.
    pub fn format(
        &self,
        lineno_width: usize,
        mark_as_current: bool,
        offset_width: usize,
    ) -> String {
        let mut fields: Vec<String> = Vec::new();
        if lineno_width > 0 {
            match self.starts_line {
                Some(line) => fields.push(format!("{line:>lineno_width$}")),
                None => fields.push(" ".repeat(lineno_width)),
            }
        }
        fields.push(if mark_as_current { "-->" } else { "   " }.to_string());
        fields.push(if self.is_jump_target { ">>" } else { "  " }.to_string());
        fields.push(format!("{:>offset_width$}", self.offset));
        fields.push(format!("{:<OPNAME_WIDTH$}", self.opname));
        if let Some(arg) = self.arg {
            fields.push(format!("{arg:>OPARG_WIDTH$}"));
            if !self.argrepr.is_empty() {
                fields.push(format!("({})", self.argrepr));
            }
        }
        fields.join(" ").trim_end().to_string()
    }
}

/// Python's `seq[i]` for an int index: negative counts from the end.
fn py_index(len: usize, i: i64) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    usize::try_from(i).ok().filter(|&i| i < len)
}

fn tuple_index_error() -> Fail {
    Fail("IndexError", "tuple index out of range".to_string())
}

fn name_text(s: &PyStr) -> String {
    s.to_string_lossy().into_owned()
}

/// `code._varname_from_oparg(arg)`: a C int index, no negative indexing.
fn varname(code: &CodeObject, arg: i64) -> Result<String, Fail> {
    if arg > i32::MAX as i64 {
        return Err(Fail(
            "OverflowError",
            "signed integer is greater than maximum".to_string(),
        ));
    }
    if arg < i32::MIN as i64 {
        return Err(Fail(
            "OverflowError",
            "signed integer is less than minimum".to_string(),
        ));
    }
    let i = usize::try_from(arg).map_err(|_| tuple_index_error())?;
    code.varname_from_oparg(i)
        .map(name_text)
        .ok_or_else(tuple_index_error)
}

/// The `argrepr` of an instruction (`dis._get_instructions_bytes`).
fn argrepr(code: &CodeObject, deop: u8, offset: usize, arg: i64) -> Result<String, Fail> {
    let Some(op) = Opcode::from_u8(deop) else {
        return Ok(String::new());
    };
    Ok(match op.arg_kind() {
        ArgKind::None | ArgKind::Int => String::new(),
        // Only LOAD_CONST shows its constant; KW_NAMES shows nothing.
        ArgKind::Const if op == Opcode::LOAD_CONST => {
            let i = py_index(code.consts.len(), arg).ok_or_else(tuple_index_error)?;
            repr_limited(&code.consts[i], DIS_REPR_DEPTH)?
        }
        ArgKind::Const => String::new(),
        ArgKind::Name => {
            let i = py_index(code.names.len(), arg).ok_or_else(tuple_index_error)?;
            name_text(&code.names[i])
        }
        ArgKind::GlobalName => {
            let i = py_index(code.names.len(), arg.div_euclid(2)).ok_or_else(tuple_index_error)?;
            let name = name_text(&code.names[i]);
            if arg & 1 != 0 && !name.is_empty() {
                format!("NULL + {name}")
            } else {
                name
            }
        }
        ArgKind::JumpForward | ArgKind::JumpBackward | ArgKind::JumpAbsolute => {
            let target = op.jump_target(offset as i64, arg).unwrap_or(0);
            format!("to {target}")
        }
        ArgKind::Local | ArgKind::Free => varname(code, arg)?,
        ArgKind::Compare => {
            let i = py_index(CMP_OP.len(), arg).ok_or_else(tuple_index_error)?;
            CMP_OP[i].to_string()
        }
        ArgKind::FormatValue => {
            let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
            let mut s = conv.to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        ArgKind::MakeFunction => ["defaults", "kwdefaults", "annotations", "closure"]
            .iter()
            .enumerate()
            .filter(|(i, _)| arg & (1 << i) != 0)
            .map(|(_, s)| *s)
            .collect::<Vec<_>>()
            .join(", "),
        ArgKind::BinaryOp => {
            let i = py_index(NB_OPS.len(), arg)
                .ok_or_else(|| Fail("IndexError", "list index out of range".to_string()))?;
            NB_OPS[i].1.to_string()
        }
    })
}

/// `dis.get_instructions(code, show_caches=...)`.
pub fn get_instructions(
    code: &CodeObject,
    show_caches: bool,
) -> Result<Vec<DisInstruction>, DisError> {
    let (instructions, fail) = instructions(code, show_caches);
    match fail {
        None => Ok(instructions),
        Some(Fail(kind, message)) => Err(DisError {
            kind,
            message,
            partial_output: String::new(),
        }),
    }
}

/// The instructions up to the first one whose operand `dis` cannot show,
/// and that failure.
fn instructions(code: &CodeObject, show_caches: bool) -> (Vec<DisInstruction>, Option<Fail>) {
    let linestarts: HashMap<usize, i32> = code.line_starts().into_iter().collect();
    let mut labels: HashSet<i64> = find_labels(&code.code).into_iter().collect();
    for e in code.exception_entries() {
        if e.start < e.end {
            labels.insert(e.target as i64);
        }
    }
    let mut positions = code.positions().into_iter();
    let mut out = Vec::new();
    for ins in unpack_opargs(&code.code) {
        let opcode = Opcode::from_u8(ins.op);
        let deop = ins.deopt();
        let pos = positions.next().unwrap_or_default();
        let argrepr = match ins.arg {
            Some(arg) => match argrepr(code, deop, ins.offset, arg) {
                Ok(s) => s,
                Err(fail) => return (out, Some(fail)),
            },
            None => String::new(),
        };
        out.push(DisInstruction {
            opname: crate::opcode::opname(ins.op),
            opcode: ins.op,
            arg: ins.arg,
            argrepr,
            offset: ins.offset,
            starts_line: linestarts.get(&ins.offset).copied(),
            is_jump_target: labels.contains(&(ins.offset as i64)),
            positions: pos,
        });
        let caches = Opcode::from_u8(deop).map_or(0, |o| o.cache_entries());
        if caches == 0 {
            continue;
        }
        if !show_caches {
            for _ in 0..caches {
                positions.next();
            }
            continue;
        }
        let fields = Opcode::from_u8(deop)
            .and_then(|d| CACHE_FORMAT.iter().find(|(o, _)| *o == d))
            .map_or(&[][..], |(_, f)| *f);
        let mut offset = ins.offset;
        for &(name, size) in fields {
            for i in 0..size {
                offset += 2;
                // The value is shown only for a quickened instruction.
                let argrepr = if i == 0 && opcode.is_some_and(|o| o.is_specialized()) {
                    let data = code
                        .code
                        .get(offset..offset + 2 * size as usize)
                        .unwrap_or(&[]);
                    let value = data
                        .iter()
                        .rev()
                        .fold(0u128, |acc, &b| (acc << 8) | b as u128);
                    format!("{name}: {value}")
                } else {
                    String::new()
                };
                out.push(DisInstruction {
                    opname: "CACHE".to_string(),
                    opcode: 0,
                    arg: Some(0),
                    argrepr,
                    offset,
                    starts_line: None,
                    is_jump_target: false,
                    positions: positions.next().unwrap_or_default(),
                });
            }
        }
    }
    (out, None)
}

/// `dis.disassemble(code)`: one code object, no recursion; appends to `out`.
fn disassemble_into(code: &CodeObject, opts: &DisOptions, out: &mut String) -> Result<(), Fail> {
    let linestarts = code.line_starts();
    let lineno_width = match linestarts.iter().map(|&(_, l)| l).max() {
        None => 0,
        Some(max) if max >= 1000 => max.to_string().len(),
        Some(_) => 3,
    };
    let maxoffset = code.code.len() as i64 - 2;
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    let (instructions, fail) = instructions(code, opts.show_caches);
    for ins in instructions {
        if lineno_width > 0 && ins.starts_line.is_some() && ins.offset > 0 {
            out.push('\n');
        }
        let current = opts.lasti == Some(ins.offset);
        out.push_str(&ins.format(lineno_width, current, offset_width));
        out.push('\n');
    }
    if let Some(fail) = fail {
        return Err(fail);
    }
    let entries = code.exception_entries();
    if !entries.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in entries {
            let lasti = if e.lasti { " lasti" } else { "" };
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                e.start,
                e.end as i64 - 2,
                e.target,
                e.depth,
                lasti
            );
        }
    }
    Ok(())
}

/// `dis._disassemble_recursive`: the code object, then each nested one
/// (depth first, in `co_consts` order), with an explicit stack.
fn disassemble_recursive(
    code: &CodeObject,
    opts: &DisOptions,
    out: &mut String,
) -> Result<(), Fail> {
    // (code object, levels left below it, its header line)
    let mut work: Vec<(&CodeObject, Option<usize>, Option<String>)> =
        vec![(code, opts.depth, None)];
    while let Some((code, depth, header)) = work.pop() {
        if let Some(header) = header {
            out.push('\n');
            out.push_str(&header);
        }
        disassemble_into(code, opts, out)?;
        if depth.is_none_or(|d| d > 0) {
            let depth = depth.map(|d| d - 1);
            for c in code.consts.iter().rev() {
                if let Constant::Code(inner) = c {
                    let header = format!("Disassembly of {}:\n", repr_code(inner));
                    work.push((inner, depth, Some(header)));
                }
            }
        }
    }
    Ok(())
}

fn finish(out: String, result: Result<(), Fail>) -> Result<String, DisError> {
    match result {
        Ok(()) => Ok(out),
        Err(Fail(kind, message)) => Err(DisError {
            kind,
            message,
            partial_output: out,
        }),
    }
}

/// `dis.dis(code)`: the code object, then every nested code object.
pub fn dis(code: &CodeObject, opts: &DisOptions) -> Result<String, DisError> {
    let mut out = String::new();
    let result = disassemble_recursive(code, opts, &mut out);
    finish(out, result)
}

/// `dis.disassemble(code)`: this code object only.
pub fn disassemble(code: &CodeObject, opts: &DisOptions) -> Result<String, DisError> {
    let mut out = String::new();
    let result = disassemble_into(code, opts, &mut out);
    finish(out, result)
}

/// `dis.code_info(code)`: name, counts, flags, constants and names (no
/// trailing newline; `dis.show_code` prints it with one).
pub fn code_info(code: &CodeObject) -> Result<String, ReprError> {
    let mut lines = vec![
        format!("Name:              {}", code.name),
        format!("Filename:          {}", code.filename),
        format!("Argument count:    {}", code.argcount),
        format!("Positional-only arguments: {}", code.posonlyargcount),
        format!("Kw-only arguments: {}", code.kwonlyargcount),
        format!("Number of locals:  {}", code.nlocals()),
        format!("Stack size:        {}", code.stacksize),
        format!("Flags:             {}", pretty_flags(code.flags)),
    ];
    if !code.consts.is_empty() {
        lines.push("Constants:".to_string());
        for (i, c) in code.consts.iter().enumerate() {
            lines.push(format!(
                "{i:>4}: {}",
                repr_limited(c, CODE_INFO_REPR_DEPTH)?
            ));
        }
    }
    let sections: [(&str, Vec<PyStr>); 4] = [
        ("Names:", code.names.clone()),
        ("Variable names:", code.varnames()),
        ("Free variables:", code.freevars()),
        ("Cell variables:", code.cellvars()),
    ];
    for (title, names) in sections {
        if !names.is_empty() {
            lines.push(title.to_string());
            for (i, n) in names.iter().enumerate() {
                lines.push(format!("{i:>4}: {n}"));
            }
        }
    }
    Ok(lines.join("\n"))
}
