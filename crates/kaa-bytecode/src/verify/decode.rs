//! Decoding `co_code` strictly into instructions, and the per-opcode
//! operand checks (every base opcode of CPython 3.11 is listed).

use super::{at, Problem};
use crate::code::{
    CodeObject, CO_ASYNC_GENERATOR, CO_COROUTINE, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL,
    CO_GENERATOR,
};
use crate::constant::Constant;
use crate::opcode::{Opcode, NB_OPS};

/// One instruction: its EXTENDED_ARG prefixes, itself, its caches.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Ins {
    /// Byte offset of the first prefix (or of the opcode, unprefixed):
    /// where jumps and exception ranges may point.
    pub(crate) start: usize,
    /// Byte offset of the opcode itself.
    pub(crate) offset: usize,
    /// The opcode (a base one).
    pub(crate) op: Opcode,
    /// The oparg, prefixes folded in (0 for opcodes without one).
    pub(crate) arg: u32,
    /// Byte offset of the next instruction.
    pub(crate) next: usize,
}

/// The decoded code: instructions and the map from code units to them.
pub(crate) struct Decoded {
    pub(crate) ins: Vec<Ins>,
    /// For each code unit, the index of the instruction starting there.
    starts: Vec<Option<u32>>,
    /// Byte offset where the MAKE_CELL/COPY_FREE_VARS prologue ends.
    pub(crate) prologue_end: usize,
    /// Byte offset where the body starts: after the prologue and the
    /// RETURN_GENERATOR that may follow it. Jumps, handlers and exception
    /// ranges stay at or after it, so the start runs once per frame.
    pub(crate) body_start: usize,
}

impl Decoded {
    /// The instruction starting at byte `offset`, if one does.
    pub(crate) fn at_offset(&self, offset: u64) -> Option<usize> {
        if !offset.is_multiple_of(2) {
            return None;
        }
        let unit = usize::try_from(offset / 2).ok()?;
        self.starts.get(unit).copied().flatten().map(|i| i as usize)
    }
}

/// The slot kind of local `i`.
fn kind(code: &CodeObject, i: u32) -> Option<u8> {
    code.localspluskinds.get(i as usize).copied()
}

/// Splits `co_code` into instructions and checks each one's operand.
pub(crate) fn decode(code: &CodeObject) -> Result<Decoded, Problem> {
    let bytes = &code.code;
    let units = bytes.len() / 2;
    let mut ins = Vec::new();
    let mut starts = vec![None; units];
    let mut pos = 0usize;
    while pos < bytes.len() {
        let start = pos;
        let mut arg: u32 = 0;
        let mut prefixes = 0;
        let (op, offset) = loop {
            let (Some(&byte), Some(&low)) = (bytes.get(pos), bytes.get(pos + 1)) else {
                return Err(at(start, "EXTENDED_ARG at the end of the code"));
            };
            let Some(op) = Opcode::from_u8(byte) else {
                return Err(at(pos, format!("unknown opcode {byte}")));
            };
            if op.is_specialized() {
                return Err(at(pos, format!("specialised opcode {}", op.name())));
            }
            arg = (arg << 8) | u32::from(low);
            if op == Opcode::EXTENDED_ARG {
                prefixes += 1;
                if prefixes > 3 {
                    return Err(at(pos, "more than three EXTENDED_ARG prefixes"));
                }
                pos += 2;
                continue;
            }
            break (op, pos);
        };
        if op == Opcode::CACHE {
            return Err(at(offset, "CACHE unit where an instruction should be"));
        }
        if !op.has_arg() {
            if prefixes > 0 {
                return Err(at(
                    start,
                    format!("EXTENDED_ARG before {}, which takes no argument", op.name()),
                ));
            }
            arg = 0;
        }
        let mut next = offset + 2;
        for _ in 0..op.cache_entries() {
            match bytes.get(next..next + 2) {
                Some([0, 0]) => next += 2,
                Some(_) => {
                    return Err(at(
                        next,
                        format!("bad inline cache unit after {}", op.name()),
                    ))
                }
                None => {
                    return Err(at(
                        offset,
                        format!("{}'s inline caches run past the end", op.name()),
                    ))
                }
            }
        }
        let index = u32::try_from(ins.len()).map_err(|_| at(start, "too many instructions"))?;
        if let Some(slot) = starts.get_mut(start / 2) {
            *slot = Some(index);
        }
        ins.push(Ins {
            start,
            offset,
            op,
            arg,
            next,
        });
        pos = next;
    }
    let prologue_end = ins
        .iter()
        .find(|i| !matches!(i.op, Opcode::MAKE_CELL | Opcode::COPY_FREE_VARS))
        .map_or(bytes.len(), |i| i.start);
    let body_start = match ins.iter().find(|i| i.start == prologue_end) {
        Some(i) if i.op == Opcode::RETURN_GENERATOR => i.next,
        _ => prologue_end,
    };
    let decoded = Decoded {
        ins,
        starts,
        prologue_end,
        body_start,
    };
    for (i, ins) in decoded.ins.iter().enumerate() {
        check_operand(code, &decoded, i, ins)?;
    }
    check_prologue(code, &decoded)?;
    Ok(decoded)
}

/// The MAKE_CELL/COPY_FREE_VARS prologue and the RETURN_GENERATOR after it
/// (Python/compile.c's `insert_prefix_instructions`).
fn check_prologue(code: &CodeObject, d: &Decoded) -> Result<(), Problem> {
    let mut made = vec![false; code.localspluskinds.len()];
    let mut copied = false;
    let nfree = code
        .localspluskinds
        .iter()
        .filter(|&&k| k == CO_FAST_FREE)
        .count();
    for ins in d.ins.iter().take_while(|i| i.start < d.prologue_end) {
        if ins.op == Opcode::MAKE_CELL {
            let slot = made.get_mut(ins.arg as usize);
            match slot {
                Some(m) if !*m => *m = true,
                _ => return Err(at(ins.offset, "MAKE_CELL repeated")),
            }
        } else if copied {
            return Err(at(ins.offset, "COPY_FREE_VARS repeated"));
        } else {
            copied = true;
        }
    }
    for (i, &k) in code.localspluskinds.iter().enumerate() {
        if k & CO_FAST_CELL != 0 && !made.get(i).copied().unwrap_or(false) {
            return Err(at(0, format!("no MAKE_CELL for cell slot {i}")));
        }
    }
    if (nfree > 0) != copied {
        return Err(at(0, "COPY_FREE_VARS missing"));
    }
    let generator = code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0;
    let first = d.ins.iter().find(|i| i.start >= d.prologue_end);
    let starts_with_gen = first.is_some_and(|i| i.op == Opcode::RETURN_GENERATOR);
    if generator != starts_with_gen {
        let offset = first.map_or(0, |i| i.start);
        return Err(at(
            offset,
            if generator {
                "generator code does not start with RETURN_GENERATOR"
            } else {
                "RETURN_GENERATOR in code that is not a generator"
            },
        ));
    }
    Ok(())
}

/// Checks one instruction's operand against the code object.
fn check_operand(code: &CodeObject, d: &Decoded, index: usize, ins: &Ins) -> Result<(), Problem> {
    use Opcode::*;
    let arg = ins.arg;
    let fail = |msg: String| Err(at(ins.offset, format!("{} {arg}: {msg}", ins.op.name())));
    let in_prologue = ins.start < d.prologue_end;
    let generator = code.flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR) != 0;
    match ins.op {
        LOAD_CONST => {
            if arg as usize >= code.consts.len() {
                return fail(format!("co_consts has {} items", code.consts.len()));
            }
        }
        KW_NAMES => {
            let Some(Constant::Tuple(names)) = code.consts.get(arg as usize) else {
                return fail("the constant is not a tuple".into());
            };
            if !names.iter().all(|n| matches!(n, Constant::Str(_))) {
                return fail("the keyword names are not all str".into());
            }
            match d.ins.get(index + 1) {
                Some(next) if next.op == PRECALL && names.len() as u64 <= u64::from(next.arg) => {}
                _ => return fail("not followed by a PRECALL taking its names".into()),
            }
        }
        STORE_NAME | DELETE_NAME | STORE_ATTR | DELETE_ATTR | STORE_GLOBAL | DELETE_GLOBAL
        | LOAD_NAME | LOAD_ATTR | IMPORT_NAME | IMPORT_FROM | LOAD_METHOD => {
            if arg as usize >= code.names.len() {
                return fail(format!("co_names has {} items", code.names.len()));
            }
        }
        LOAD_GLOBAL => {
            // 3.11: co_names[oparg >> 1]; bit 0 pushes a NULL first.
            if (arg >> 1) as usize >= code.names.len() {
                return fail(format!("co_names has {} items", code.names.len()));
            }
        }
        LOAD_FAST | STORE_FAST | DELETE_FAST => {
            if kind(code, arg) != Some(CO_FAST_LOCAL) {
                return fail("not a plain local slot".into());
            }
        }
        MAKE_CELL => {
            if kind(code, arg).is_none_or(|k| k & CO_FAST_CELL == 0) {
                return fail("not a cell slot".into());
            }
            if !in_prologue {
                return fail("outside the prologue".into());
            }
        }
        LOAD_CLOSURE | LOAD_DEREF | STORE_DEREF | DELETE_DEREF | LOAD_CLASSDEREF => {
            if kind(code, arg).is_none_or(|k| k & (CO_FAST_CELL | CO_FAST_FREE) == 0) {
                return fail("not a cell or free slot".into());
            }
        }
        COPY_FREE_VARS => {
            let nfree = code
                .localspluskinds
                .iter()
                .filter(|&&k| k == CO_FAST_FREE)
                .count();
            if arg as usize != nfree || nfree == 0 {
                return fail(format!("the code has {nfree} free variables"));
            }
            if !in_prologue {
                return fail("outside the prologue".into());
            }
        }
        COMPARE_OP => {
            if arg >= 6 {
                return fail("no such comparison".into());
            }
        }
        BINARY_OP => {
            if arg as usize >= NB_OPS.len() {
                return fail("no such binary operation".into());
            }
        }
        IS_OP | CONTAINS_OP | CALL_FUNCTION_EX => {
            if arg > 1 {
                return fail("expected 0 or 1".into());
            }
        }
        RAISE_VARARGS | GET_AWAITABLE => {
            if arg > 2 {
                return fail("expected 0, 1 or 2".into());
            }
        }
        BUILD_SLICE => {
            if arg != 2 && arg != 3 {
                return fail("expected 2 or 3".into());
            }
        }
        MAKE_FUNCTION => {
            if arg > 0xf {
                return fail("unknown flags".into());
            }
        }
        FORMAT_VALUE => {
            // Conversion in bits 0-1 (none, str, repr, ascii), bit 2 spec.
            if arg > 7 {
                return fail("unknown flags".into());
            }
        }
        RESUME => {
            if arg > 3 {
                return fail("expected 0 to 3".into());
            }
        }
        COPY | SWAP | LIST_APPEND | SET_ADD | MAP_ADD | LIST_EXTEND | SET_UPDATE | DICT_MERGE
        | DICT_UPDATE => {
            // COPY/SWAP count from 1; the others PEEK(oparg) after a pop.
            if arg == 0 {
                return fail("expected at least 1".into());
            }
        }
        PRECALL => match d.ins.get(index + 1) {
            Some(next) if next.op == CALL && next.arg == arg && next.start == ins.next => {}
            _ => return fail("not followed by CALL with the same count".into()),
        },
        CALL => {
            let prev = index.checked_sub(1).and_then(|i| d.ins.get(i));
            if prev.is_none_or(|p| p.op != PRECALL) {
                return fail("not preceded by PRECALL".into());
            }
        }
        RETURN_GENERATOR => {
            // Only first after the prologue (check_prologue checks that it
            // is there when the flags say it must be).
            if ins.start != d.prologue_end {
                return fail("not right after the prologue".into());
            }
        }
        YIELD_VALUE | SEND => {
            if !generator {
                return fail("in code that is not a generator or coroutine".into());
            }
        }
        ASYNC_GEN_WRAP => {
            if code.flags & CO_ASYNC_GENERATOR == 0 {
                return fail("in code that is not an async generator".into());
            }
        }
        // Jump targets, stack counts and the rest are checked by the flow
        // walk; these take no operand or any count.
        POP_TOP
        | PUSH_NULL
        | NOP
        | UNARY_POSITIVE
        | UNARY_NEGATIVE
        | UNARY_NOT
        | UNARY_INVERT
        | BINARY_SUBSCR
        | GET_LEN
        | MATCH_MAPPING
        | MATCH_SEQUENCE
        | MATCH_KEYS
        | PUSH_EXC_INFO
        | CHECK_EXC_MATCH
        | CHECK_EG_MATCH
        | WITH_EXCEPT_START
        | GET_AITER
        | GET_ANEXT
        | BEFORE_ASYNC_WITH
        | BEFORE_WITH
        | END_ASYNC_FOR
        | STORE_SUBSCR
        | DELETE_SUBSCR
        | GET_ITER
        | GET_YIELD_FROM_ITER
        | PRINT_EXPR
        | LOAD_BUILD_CLASS
        | LOAD_ASSERTION_ERROR
        | LIST_TO_TUPLE
        | RETURN_VALUE
        | IMPORT_STAR
        | SETUP_ANNOTATIONS
        | PREP_RERAISE_STAR
        | POP_EXCEPT
        | UNPACK_SEQUENCE
        | FOR_ITER
        | UNPACK_EX
        | BUILD_TUPLE
        | BUILD_LIST
        | BUILD_SET
        | BUILD_MAP
        | JUMP_FORWARD
        | JUMP_IF_FALSE_OR_POP
        | JUMP_IF_TRUE_OR_POP
        | POP_JUMP_FORWARD_IF_FALSE
        | POP_JUMP_FORWARD_IF_TRUE
        | POP_JUMP_FORWARD_IF_NONE
        | POP_JUMP_FORWARD_IF_NOT_NONE
        | POP_JUMP_BACKWARD_IF_FALSE
        | POP_JUMP_BACKWARD_IF_TRUE
        | POP_JUMP_BACKWARD_IF_NONE
        | POP_JUMP_BACKWARD_IF_NOT_NONE
        | RERAISE
        | JUMP_BACKWARD_NO_INTERRUPT
        | JUMP_BACKWARD
        | MATCH_CLASS
        | BUILD_CONST_KEY_MAP
        | BUILD_STRING => {}
        // CACHE and EXTENDED_ARG never reach here (decode consumes them);
        // specialised opcodes were refused.
        _ => return fail("not an instruction kaa runs from loaded code".into()),
    }
    Ok(())
}
