//! The assembler: from a flat list of instructions with labels to
//! `co_code`, `co_linetable` and `co_exceptiontable`, as the `assemble()`
//! part of CPython 3.11's Python/compile.c does it.
//!
//! The steps, each matching CPython:
//!
//! - jump direction (`normalize_jumps`): a jump whose target label sits at
//!   or before the jump is backward, any other forward; the generic jumps
//!   ([`JumpOp`]) become `JUMP_FORWARD`/`JUMP_BACKWARD`,
//!   `POP_JUMP_FORWARD_IF_*`/`POP_JUMP_BACKWARD_IF_*` and
//!   `JUMP_BACKWARD_NO_INTERRUPT`;
//! - jump opargs (`assemble_jump_offsets`): relative, in code units, from
//!   the end of the jump (its EXTENDED_ARG prefixes and caches included),
//!   recomputed until no instruction changes size;
//! - code (`write_instr`): EXTENDED_ARG prefixes, the instruction, its
//!   zeroed CACHE units;
//! - locations (`assemble_emit_location`): one entry run per instruction,
//!   its prefixes and caches carrying its location;
//! - exception table (`assemble_exception_table`): one entry per run of
//!   consecutive instructions with the same handler.

use std::fmt;

use kaa_bytecode::exceptiontable::{self, ExceptionTableEntry};
use kaa_bytecode::instruction::{emit, instr_size};
use kaa_bytecode::linetable::{LineTableWriter, Location};
use kaa_bytecode::opcode::ArgKind;
use kaa_bytecode::Opcode;

/// "No location" (`NO_LOCATION` in compile.c): every field -1.
pub const NO_LOCATION: Location = Location {
    lineno: -1,
    end_lineno: -1,
    col_offset: -1,
    end_col_offset: -1,
};

/// A jump target: an index into [`Assembly::labels`]' space, made by
/// [`Assembly::new_label`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Label(pub u32);

/// A jump as the code generator emits it, before the assembler knows its
/// direction (compile.c's pseudo-ops `JUMP`, `JUMP_NO_INTERRUPT`,
/// `POP_JUMP_IF_*`), or a jump 3.11 has only forward.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JumpOp {
    /// `JUMP`: `JUMP_FORWARD` or `JUMP_BACKWARD`.
    Jump,
    /// `JUMP_NO_INTERRUPT`: `JUMP_FORWARD` or `JUMP_BACKWARD_NO_INTERRUPT`.
    JumpNoInterrupt,
    /// `POP_JUMP_IF_FALSE`: `POP_JUMP_{FORWARD,BACKWARD}_IF_FALSE`.
    PopJumpIfFalse,
    /// `POP_JUMP_IF_TRUE`: `POP_JUMP_{FORWARD,BACKWARD}_IF_TRUE`.
    PopJumpIfTrue,
    /// `POP_JUMP_IF_NONE`: `POP_JUMP_{FORWARD,BACKWARD}_IF_NONE`.
    PopJumpIfNone,
    /// `POP_JUMP_IF_NOT_NONE`: `POP_JUMP_{FORWARD,BACKWARD}_IF_NOT_NONE`.
    PopJumpIfNotNone,
    /// A forward-only relative jump (`FOR_ITER`, `SEND`,
    /// `JUMP_IF_FALSE_OR_POP`, `JUMP_IF_TRUE_OR_POP`); a backward target is
    /// an error.
    Forward(Opcode),
}

impl JumpOp {
    /// The generic jump for a 3.11 jump opcode (either direction), or None
    /// for an opcode that is not a base relative jump.
    pub fn from_opcode(op: Opcode) -> Option<JumpOp> {
        use Opcode::*;
        Some(match op {
            JUMP_FORWARD | JUMP_BACKWARD => JumpOp::Jump,
            JUMP_BACKWARD_NO_INTERRUPT => JumpOp::JumpNoInterrupt,
            POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE => JumpOp::PopJumpIfFalse,
            POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE => JumpOp::PopJumpIfTrue,
            POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE => JumpOp::PopJumpIfNone,
            POP_JUMP_FORWARD_IF_NOT_NONE | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                JumpOp::PopJumpIfNotNone
            }
            _ if !op.is_specialized() && op.arg_kind() == ArgKind::JumpForward => {
                JumpOp::Forward(op)
            }
            _ => return None,
        })
    }

    /// The real opcode for a forward or backward jump (`normalize_jumps`);
    /// None for a forward-only jump going backward.
    fn resolve(self, forward: bool) -> Option<Opcode> {
        use Opcode::*;
        let (fwd, back) = match self {
            JumpOp::Jump => (JUMP_FORWARD, JUMP_BACKWARD),
            JumpOp::JumpNoInterrupt => (JUMP_FORWARD, JUMP_BACKWARD_NO_INTERRUPT),
            JumpOp::PopJumpIfFalse => (POP_JUMP_FORWARD_IF_FALSE, POP_JUMP_BACKWARD_IF_FALSE),
            JumpOp::PopJumpIfTrue => (POP_JUMP_FORWARD_IF_TRUE, POP_JUMP_BACKWARD_IF_TRUE),
            JumpOp::PopJumpIfNone => (POP_JUMP_FORWARD_IF_NONE, POP_JUMP_BACKWARD_IF_NONE),
            JumpOp::PopJumpIfNotNone => {
                (POP_JUMP_FORWARD_IF_NOT_NONE, POP_JUMP_BACKWARD_IF_NOT_NONE)
            }
            JumpOp::Forward(op) => return forward.then_some(op),
        };
        Some(if forward { fwd } else { back })
    }
}

/// What an instruction does: a plain opcode with its oparg, or a jump.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// A non-jump opcode and its oparg (0 for opcodes without one).
    Plain(Opcode, u32),
    /// A jump to a label.
    Jump(JumpOp, Label),
}

/// One instruction with its source location.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Instr {
    /// The operation.
    pub op: Op,
    /// Where it comes from ([`NO_LOCATION`] for none).
    pub loc: Location,
}

/// An exception handler range: instructions from `start` up to (not
/// including) `end` jump to `handler` on an exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Handler {
    /// First covered instruction.
    pub start: Label,
    /// The label after the last covered instruction.
    pub end: Label,
    /// The handler's first instruction.
    pub handler: Label,
    /// The stack depth to unwind to (`b_startdepth`, minus the pushed
    /// exception and lasti, as CPython stores it).
    pub depth: u32,
    /// Whether the raising instruction's offset is pushed
    /// (`b_preserve_lasti`).
    pub lasti: bool,
}

/// The assembler's input: instructions, where each label is, and the
/// exception handler ranges.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assembly {
    /// The instructions, in order.
    pub instrs: Vec<Instr>,
    /// For each label, the index of the instruction it stands before
    /// (`instrs.len()` for the end); None while unplaced.
    pub labels: Vec<Option<usize>>,
    /// Exception handler ranges; where ranges overlap, the later one wins
    /// for the instructions they share.
    pub handlers: Vec<Handler>,
}

/// The assembler's output.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assembled {
    /// `co_code`.
    pub code: Vec<u8>,
    /// `co_linetable`.
    pub linetable: Vec<u8>,
    /// `co_exceptiontable`.
    pub exceptiontable: Vec<u8>,
}

/// Why assembly failed (bad input; CPython's code generator never makes it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssembleError {
    /// A label that was never created or never placed.
    UndefinedLabel(Label),
    /// A label placed at an index beyond the end of the code.
    LabelOutOfRange(Label),
    /// A forward-only jump (`FOR_ITER`, ...) at instruction `index` whose
    /// target is not after it.
    BackwardJump {
        /// The instruction's index.
        index: usize,
        /// The opcode.
        op: Opcode,
    },
    /// An opcode the assembler does not take as [`Op::Plain`] at
    /// instruction `index`: a jump, a specialised form, `CACHE` or
    /// `EXTENDED_ARG` (the assembler writes those itself).
    BadOpcode {
        /// The instruction's index.
        index: usize,
        /// The opcode.
        op: Opcode,
    },
    /// An exception range whose end comes before its start.
    BadRange(Handler),
    /// The code is too large for 32-bit offsets, or its stack too deep.
    TooLarge,
    /// An instruction at `index` without a stack effect.
    BadStackEffect {
        /// The instruction's index.
        index: usize,
        /// The opcode.
        op: Opcode,
    },
    /// The instruction at `index` pops more than the stack holds.
    StackUnderflow {
        /// The instruction's index.
        index: usize,
    },
}

impl fmt::Display for AssembleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AssembleError::UndefinedLabel(l) => write!(f, "undefined label {}", l.0),
            AssembleError::LabelOutOfRange(l) => write!(f, "label {} out of range", l.0),
            AssembleError::BackwardJump { index, op } => {
                write!(f, "{} at {index} cannot jump backward", op.name())
            }
            AssembleError::BadOpcode { index, op } => {
                write!(f, "{} at {index} cannot be assembled as given", op.name())
            }
            AssembleError::BadRange(h) => {
                write!(f, "exception range {}..{} is reversed", h.start.0, h.end.0)
            }
            AssembleError::TooLarge => write!(f, "code too large"),
            AssembleError::BadStackEffect { index, op } => {
                write!(f, "{} at {index} has no stack effect", op.name())
            }
            AssembleError::StackUnderflow { index } => {
                write!(f, "stack underflow at {index}")
            }
        }
    }
}

impl std::error::Error for AssembleError {}

/// Whether nothing falls through `op`: an unconditional jump
/// (`IS_UNCONDITIONAL_JUMP_OPCODE`) or a scope exit
/// (`IS_SCOPE_EXIT_OPCODE`).
fn ends_flow(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        JUMP_FORWARD
            | JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | RETURN_VALUE
            | RAISE_VARARGS
            | RERAISE
    )
}

impl Assembly {
    /// An empty assembly.
    pub fn new() -> Assembly {
        Assembly::default()
    }

    /// A new, unplaced label.
    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Places `label` before the next instruction to be pushed.
    pub fn place(&mut self, label: Label) {
        let here = self.instrs.len();
        if let Some(slot) = self.labels.get_mut(label.0 as usize) {
            *slot = Some(here);
        }
    }

    /// Appends an instruction.
    pub fn push(&mut self, op: Op, loc: Location) {
        self.instrs.push(Instr { op, loc });
    }

    /// The instruction index `label` stands before.
    fn target(&self, label: Label) -> Result<usize, AssembleError> {
        let index = self
            .labels
            .get(label.0 as usize)
            .copied()
            .flatten()
            .ok_or(AssembleError::UndefinedLabel(label))?;
        if index > self.instrs.len() {
            return Err(AssembleError::LabelOutOfRange(label));
        }
        Ok(index)
    }

    /// The real opcode of instruction `index`, its jump target index and
    /// its oparg (0 for jumps, whose oparg comes later).
    fn resolve(
        &self,
        index: usize,
        ins: &Instr,
    ) -> Result<(Opcode, Option<usize>, u32), AssembleError> {
        match ins.op {
            Op::Plain(op, arg) => {
                if op.is_specialized()
                    || op.is_jump()
                    || matches!(op, Opcode::CACHE | Opcode::EXTENDED_ARG)
                {
                    return Err(AssembleError::BadOpcode { index, op });
                }
                // CPython writes the oparg byte of no-argument instructions
                // as 0.
                Ok((op, None, if op.has_arg() { arg } else { 0 }))
            }
            Op::Jump(jump, label) => {
                let target = self.target(label)?;
                // normalize_jumps: a target block already seen (this one
                // included) is backward.
                let forward = target > index;
                if let JumpOp::Forward(op) = jump {
                    if op.is_specialized() || op.arg_kind() != ArgKind::JumpForward {
                        return Err(AssembleError::BadOpcode { index, op });
                    }
                }
                let Some(op) = jump.resolve(forward) else {
                    let op = match jump {
                        JumpOp::Forward(op) => op,
                        _ => Opcode::JUMP_FORWARD,
                    };
                    return Err(AssembleError::BackwardJump { index, op });
                };
                Ok((op, Some(target), 0))
            }
        }
    }

    /// Assembles the code object's three byte strings; `firstlineno` is
    /// `co_firstlineno`, where the location table starts.
    pub fn assemble(&self, firstlineno: i32) -> Result<Assembled, AssembleError> {
        // Resolve every instruction to (opcode, jump target index).
        let mut ops: Vec<(Opcode, Option<usize>, u32)> = Vec::with_capacity(self.instrs.len());
        for (index, ins) in self.instrs.iter().enumerate() {
            ops.push(self.resolve(index, ins)?);
        }

        // assemble_jump_offsets: offsets from the current sizes, then jump
        // opargs from the offsets, until no size changes. Sizes only grow,
        // so this ends; the cap guards against bugs, not input.
        let mut offsets = vec![0u64; ops.len() + 1];
        let mut rounds = 0usize;
        loop {
            let mut total = 0u64;
            for (i, &(op, _, arg)) in ops.iter().enumerate() {
                offsets[i] = total;
                total += instr_size(op, arg) as u64;
            }
            offsets[ops.len()] = total;
            if total > (u32::MAX / 2) as u64 {
                return Err(AssembleError::TooLarge);
            }
            let mut changed = false;
            for i in 0..ops.len() {
                let (op, target, arg) = ops[i];
                let Some(target) = target else { continue };
                let end = offsets[i] + instr_size(op, arg) as u64;
                let dest = offsets[target];
                let new_arg = end.abs_diff(dest) as u32;
                if instr_size(op, new_arg) != instr_size(op, arg) {
                    changed = true;
                }
                ops[i].2 = new_arg;
            }
            if !changed {
                break;
            }
            rounds += 1;
            if rounds > 8 * ops.len() + 8 {
                return Err(AssembleError::TooLarge);
            }
        }

        let mut code = Vec::with_capacity(offsets[ops.len()] as usize * 2);
        let mut lines = LineTableWriter::new(firstlineno);
        for (&(op, _, arg), ins) in ops.iter().zip(&self.instrs) {
            emit(&mut code, op, arg);
            lines.push(instr_size(op, arg) as u32, ins.loc);
        }

        // assemble_exception_table: the handler of each instruction, then
        // one entry per run of instructions sharing a handler.
        let handler_of = self.handler_of()?;
        let key = |h: Option<usize>| {
            h.and_then(|i| self.handlers.get(i))
                .map(|h| (h.handler, h.depth, h.lasti))
        };
        let mut entries = Vec::new();
        let mut current: Option<(Label, u32, bool)> = None;
        let mut start = 0u64;
        for (i, &h) in handler_of.iter().enumerate() {
            let k = key(h);
            if k != current {
                if let Some(c) = current {
                    entries.push(self.entry(c, start, offsets[i], &offsets)?);
                }
                start = offsets[i];
                current = k;
            }
        }
        if let Some(c) = current {
            entries.push(self.entry(c, start, offsets[ops.len()], &offsets)?);
        }

        Ok(Assembled {
            code,
            linetable: lines.finish(),
            exceptiontable: exceptiontable::encode(&entries),
        })
    }

    /// The index into [`Assembly::handlers`] of each instruction's handler
    /// (the later range wins where ranges overlap).
    fn handler_of(&self) -> Result<Vec<Option<usize>>, AssembleError> {
        let mut handler_of: Vec<Option<usize>> = vec![None; self.instrs.len()];
        for (h_index, h) in self.handlers.iter().enumerate() {
            let start = self.target(h.start)?;
            let end = self.target(h.end)?;
            self.target(h.handler)?;
            if end < start {
                return Err(AssembleError::BadRange(*h));
            }
            for slot in handler_of.get_mut(start..end).into_iter().flatten() {
                *slot = Some(h_index);
            }
        }
        Ok(handler_of)
    }

    /// `co_stacksize`, as 3.11's `stackdepth()` in Python/compile.c finds
    /// it; `code_flags` is `co_flags` (generators and coroutines start
    /// with one item, the value sent in, below `RETURN_GENERATOR`'s
    /// `POP_TOP`).
    ///
    /// A worklist walk over basic blocks (a block starts at `instrs[0]`,
    /// at every placed label and after every jump or scope exit) from the
    /// entry: each instruction's effect without jump gives the depth that
    /// falls through, its effect with jump the depth its target block
    /// starts with; after an unconditional jump or `RETURN_VALUE`,
    /// `RAISE_VARARGS`, `RERAISE` the rest of the block is dead. CPython
    /// walks before the exception table exists and enters a handler block
    /// from its `SETUP_*` pseudo-instruction; here a handler is entered
    /// from each reached instruction it covers, with the depth the table
    /// gives it: `depth + 1` (the exception) `+ 1` if `lasti` is pushed.
    /// The result is the largest depth seen. A block's start depth is set
    /// by the first path reaching it (`stackdepth_push`: a later, larger
    /// depth replaces it only while it is below 100, as CPython's release
    /// builds do for inconsistent input).
    pub fn stack_depth(&self, code_flags: u32) -> Result<u32, AssembleError> {
        let n = self.instrs.len();
        let mut ops = Vec::with_capacity(n);
        for (index, ins) in self.instrs.iter().enumerate() {
            ops.push(self.resolve(index, ins)?);
        }
        let handler_of = self.handler_of()?;
        let mut handler_entry = Vec::with_capacity(self.handlers.len());
        for h in &self.handlers {
            let depth = i64::from(h.depth) + 1 + i64::from(h.lasti);
            handler_entry.push((self.target(h.handler)?, depth));
        }

        // Block leaders; index `n` is the end of the code.
        let mut leader = vec![false; n + 1];
        leader[0] = true;
        for &index in self.labels.iter().flatten() {
            if let Some(slot) = leader.get_mut(index) {
                *slot = true;
            }
        }
        for (i, &(op, target, _)) in ops.iter().enumerate() {
            if target.is_some() || ends_flow(op) {
                leader[i + 1] = true;
            }
        }

        // b_startdepth per leader (None is compile.c's INT_MIN).
        let mut start: Vec<Option<i64>> = vec![None; n + 1];
        let mut work: Vec<usize> = Vec::new();
        // stackdepth_push: the first path to a block sets its depth (see
        // the doc comment for inconsistent input).
        fn push(start: &mut [Option<i64>], work: &mut Vec<usize>, block: usize, depth: i64) {
            if let Some(slot) = start.get_mut(block) {
                if slot.is_none_or(|s| s < depth && s < 100) {
                    *slot = Some(depth);
                    work.push(block);
                }
            }
        }
        // CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
        let entry = i64::from(code_flags & (0x20 | 0x80 | 0x200) != 0);
        push(&mut start, &mut work, 0, entry);
        let mut maxdepth = 0i64;
        while let Some(block) = work.pop() {
            let mut depth = start.get(block).copied().flatten().unwrap_or(0);
            let mut i = block;
            while let Some(&(op, target, arg)) = ops.get(i) {
                if let Some(&(handler, entry)) = handler_of
                    .get(i)
                    .copied()
                    .flatten()
                    .and_then(|h| handler_entry.get(h))
                {
                    maxdepth = maxdepth.max(entry);
                    push(&mut start, &mut work, handler, entry);
                }
                let oparg = arg as i32;
                let step = |jump: bool| -> Result<i64, AssembleError> {
                    let effect = op
                        .stack_effect(oparg, Some(jump))
                        .ok_or(AssembleError::BadStackEffect { index: i, op })?;
                    let new = depth
                        .checked_add(i64::from(effect))
                        .ok_or(AssembleError::TooLarge)?;
                    if new < 0 {
                        return Err(AssembleError::StackUnderflow { index: i });
                    }
                    Ok(new)
                };
                let new_depth = step(false)?;
                maxdepth = maxdepth.max(new_depth);
                if let Some(target) = target {
                    let target_depth = step(true)?;
                    maxdepth = maxdepth.max(target_depth);
                    push(&mut start, &mut work, target, target_depth);
                }
                depth = new_depth;
                if ends_flow(op) {
                    break;
                }
                i += 1;
                if leader.get(i).copied().unwrap_or(false) {
                    push(&mut start, &mut work, i, depth);
                    break;
                }
            }
        }
        u32::try_from(maxdepth)
            .ok()
            .filter(|&d| d <= i32::MAX as u32)
            .ok_or(AssembleError::TooLarge)
    }

    /// One exception table entry, in bytes.
    fn entry(
        &self,
        (handler, depth, lasti): (Label, u32, bool),
        start: u64,
        end: u64,
        offsets: &[u64],
    ) -> Result<ExceptionTableEntry, AssembleError> {
        let target = offsets
            .get(self.target(handler)?)
            .copied()
            .ok_or(AssembleError::LabelOutOfRange(handler))?;
        Ok(ExceptionTableEntry {
            start: (start * 2) as u32,
            end: (end * 2) as u32,
            target: (target * 2) as u32,
            depth,
            lasti,
        })
    }
}
