//! The stack-depth walk: every path from the code's start and from every
//! exception handler, with the stack effects of the opcode table
//! (CPython 3.11's `stack_effect()`) and the number of stack items each
//! instruction reads (Python/ceval.c 3.11: its POPs and PEEKs).

use super::decode::{Decoded, Ins};
use super::tables::Handlers;
use super::{at, Problem};
use crate::code::CodeObject;
use crate::opcode::{Opcode, StackEffect};

/// Whether nothing falls through `op` (compile.c's
/// `IS_UNCONDITIONAL_JUMP_OPCODE` and `IS_SCOPE_EXIT_OPCODE`).
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

/// The stack effect, in i64 so no oparg wraps. `jump` picks the branch of
/// a conditional instruction. RETURN_GENERATOR pushes the value a resumed
/// generator receives (see the module documentation of `verify`).
pub(crate) fn effect(op: Opcode, arg: u32, jump: bool) -> Option<i64> {
    if op == Opcode::RETURN_GENERATOR {
        return Some(1);
    }
    let a = i64::from(arg);
    Some(match op.stack_effect_kind() {
        StackEffect::Fixed(n) => i64::from(n),
        StackEffect::Branch { taken, fallthrough } => {
            i64::from(if jump { taken } else { fallthrough })
        }
        StackEffect::UnpackSequence => a - 1,
        StackEffect::UnpackEx => (a & 0xff) + (a >> 8),
        StackEffect::OneMinusArg => 1 - a,
        StackEffect::BuildMap => 1 - 2 * a,
        StackEffect::MinusArg => -a,
        StackEffect::LoadGlobal => 1 + (a & 1),
        StackEffect::MakeFunction => -i64::from((arg & 0xf).count_ones()),
        StackEffect::BuildSlice => {
            if arg == 3 {
                -2
            } else {
                -1
            }
        }
        StackEffect::CallFunctionEx => -2 - (a & 1),
        StackEffect::FormatValue => {
            if arg & 4 != 0 {
                -1
            } else {
                0
            }
        }
        StackEffect::Invalid => return None,
    })
}

/// How many stack items the instruction reads, counting from the top:
/// what it pops and anything deeper it peeks at (CPython 3.11's ceval).
/// The depth before the instruction must be at least this.
pub(crate) fn inputs(op: Opcode, arg: u32) -> u64 {
    use Opcode::*;
    let a = u64::from(arg);
    match op {
        NOP
        | PUSH_NULL
        | LOAD_BUILD_CLASS
        | LOAD_ASSERTION_ERROR
        | RETURN_GENERATOR
        | SETUP_ANNOTATIONS
        | DELETE_NAME
        | DELETE_GLOBAL
        | LOAD_CONST
        | LOAD_NAME
        | LOAD_GLOBAL
        | JUMP_FORWARD
        | JUMP_BACKWARD
        | JUMP_BACKWARD_NO_INTERRUPT
        | LOAD_FAST
        | DELETE_FAST
        | MAKE_CELL
        | LOAD_CLOSURE
        | LOAD_DEREF
        | DELETE_DEREF
        | LOAD_CLASSDEREF
        | COPY_FREE_VARS
        | RESUME
        | KW_NAMES
        | EXTENDED_ARG
        | CACHE => 0,
        POP_TOP
        | UNARY_POSITIVE
        | UNARY_NEGATIVE
        | UNARY_NOT
        | UNARY_INVERT
        | GET_LEN
        | MATCH_MAPPING
        | MATCH_SEQUENCE
        | PUSH_EXC_INFO
        | GET_AITER
        | GET_ANEXT
        | BEFORE_ASYNC_WITH
        | BEFORE_WITH
        | GET_ITER
        | GET_YIELD_FROM_ITER
        | PRINT_EXPR
        | LIST_TO_TUPLE
        | RETURN_VALUE
        | IMPORT_STAR
        | YIELD_VALUE
        | ASYNC_GEN_WRAP
        | POP_EXCEPT
        | STORE_NAME
        | UNPACK_SEQUENCE
        | FOR_ITER
        | UNPACK_EX
        | DELETE_ATTR
        | STORE_GLOBAL
        | LOAD_ATTR
        | IMPORT_FROM
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
        | STORE_FAST
        | GET_AWAITABLE
        | STORE_DEREF
        | LOAD_METHOD => 1,
        BINARY_SUBSCR | MATCH_KEYS | CHECK_EXC_MATCH | CHECK_EG_MATCH | END_ASYNC_FOR
        | DELETE_SUBSCR | PREP_RERAISE_STAR | STORE_ATTR | COMPARE_OP | IMPORT_NAME | IS_OP
        | CONTAINS_OP | BINARY_OP | SEND => 2,
        STORE_SUBSCR | MATCH_CLASS => 3,
        // exit function, lasti, the previous exception, the exception.
        WITH_EXCEPT_START => 4,
        // The exception, and with oparg the lasti PEEK(oparg + 1).
        RERAISE => a + 1,
        COPY | SWAP | BUILD_TUPLE | BUILD_LIST | BUILD_SET | BUILD_STRING | RAISE_VARARGS => a,
        // start, stop(, step): the table's effect is -2 for 3, else -1.
        BUILD_SLICE => {
            if arg == 3 {
                3
            } else {
                2
            }
        }
        BUILD_MAP => 2 * a,
        BUILD_CONST_KEY_MAP => a + 1,
        // The code object and one item per flag bit.
        MAKE_FUNCTION => 1 + u64::from((arg & 0xf).count_ones()),
        // kwargs?, the positional tuple, the callable, the NULL.
        CALL_FUNCTION_EX => 3 + (a & 1),
        // The format spec?, the value.
        FORMAT_VALUE => 1 + u64::from(arg & 4 != 0),
        // The item, then the container at PEEK(oparg) after the pop.
        LIST_APPEND | SET_ADD | LIST_EXTEND | SET_UPDATE | DICT_UPDATE => a + 1,
        MAP_ADD => a + 2,
        // As DICT_UPDATE, and its error message names the callable at
        // PEEK(oparg + 2).
        DICT_MERGE => a + 3,
        // NULL or method, callable or self, the arguments. CALL always
        // follows PRECALL, which the table models as popping the
        // arguments: CALL then pops the other two.
        PRECALL => a + 2,
        CALL => 2,
        // Specialised forms are refused before the walk.
        _ => u64::MAX,
    }
}

/// Walks every path, checking depths (see the module documentation of
/// `verify`).
pub(crate) fn check_flow(code: &CodeObject, d: &Decoded, h: &Handlers) -> Result<(), Problem> {
    let max = i64::from(code.stacksize);
    let mut depth: Vec<Option<i64>> = vec![None; d.ins.len()];
    let mut work: Vec<usize> = Vec::new();
    // Arriving at instruction `i` with depth `dep` (from `from`).
    let arrive =
        |depth: &mut Vec<Option<i64>>, work: &mut Vec<usize>, i: usize, dep: i64, from: usize| {
            let Some(slot) = depth.get_mut(i) else {
                return Err(at(from, "control flows past the end of the code"));
            };
            match *slot {
                None => {
                    *slot = Some(dep);
                    work.push(i);
                    Ok(())
                }
                Some(old) if old == dep => Ok(()),
                Some(old) => Err(at(
                    from,
                    format!(
                        "inconsistent stack depth at offset {}: {old} and {dep}",
                        d.ins.get(i).map_or(0, |x| x.start)
                    ),
                )),
            }
        };
    if d.ins.is_empty() {
        return Ok(());
    }
    arrive(&mut depth, &mut work, 0, 0, 0)?;
    for e in &h.entries {
        let entry = e.depth as i64 + 1 + i64::from(e.lasti);
        let from = d.ins.get(e.target).map_or(0, |x| x.start);
        arrive(&mut depth, &mut work, e.target, entry, from)?;
    }
    while let Some(i) = work.pop() {
        let Some((ins, Some(dep))) = d.ins.get(i).zip(depth.get(i).copied()) else {
            continue;
        };
        step(code, d, h, i, ins, dep, max, &mut |t, nd, from| {
            arrive(&mut depth, &mut work, t, nd, from)
        })?;
    }
    Ok(())
}

/// One instruction at depth `dep`: its checks and its successors.
#[allow(clippy::too_many_arguments)]
fn step(
    code: &CodeObject,
    d: &Decoded,
    h: &Handlers,
    i: usize,
    ins: &Ins,
    dep: i64,
    max: i64,
    arrive: &mut dyn FnMut(usize, i64, usize) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let name = ins.op.name();
    let needs = inputs(ins.op, ins.arg);
    if (dep as u64) < needs {
        return Err(at(
            ins.offset,
            format!("stack underflow: {name} reads {needs} items at depth {dep}"),
        ));
    }
    if ins.op == Opcode::RETURN_VALUE && dep != 1 {
        return Err(at(ins.offset, format!("RETURN_VALUE at stack depth {dep}")));
    }
    if ins.op == Opcode::RETURN_GENERATOR && dep != 0 {
        return Err(at(
            ins.offset,
            format!("RETURN_GENERATOR at stack depth {dep}"),
        ));
    }
    if let Some(e) = h
        .covering
        .get(i)
        .copied()
        .flatten()
        .and_then(|e| h.entries.get(e as usize))
    {
        if (dep as u64) < e.depth {
            return Err(at(
                ins.offset,
                format!("stack depth {dep} is below its handler's depth {}", e.depth),
            ));
        }
    }
    let after = |jump: bool| -> Result<i64, Problem> {
        let eff = effect(ins.op, ins.arg, jump)
            .ok_or_else(|| at(ins.offset, format!("{name} has no stack effect")))?;
        let new = dep + eff;
        if new < 0 {
            return Err(at(ins.offset, format!("stack underflow after {name}")));
        }
        if new > max {
            return Err(at(
                ins.offset,
                format!("stack depth {new} exceeds co_stacksize {}", code.stacksize),
            ));
        }
        Ok(new)
    };
    let fall = after(false)?;
    if let Some(target) = ins.op.jump_target(ins.offset as i64, i64::from(ins.arg)) {
        let taken = after(true)?;
        let Some(t) = u64::try_from(target).ok().and_then(|t| d.at_offset(t)) else {
            return Err(at(
                ins.offset,
                format!("jump target {target} is not an instruction start"),
            ));
        };
        let ok = d
            .ins
            .get(t)
            .is_some_and(|x| x.op != Opcode::CALL && x.start >= d.body_start);
        if !ok {
            return Err(at(
                ins.offset,
                format!("jump target {target} is not a valid target"),
            ));
        }
        arrive(t, taken, ins.offset)?;
    }
    if !ends_flow(ins.op) {
        arrive(i + 1, fall, ins.offset)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::opcode::ALL_OPCODES;

    /// Every base opcode has an input count, and no instruction pushes a
    /// negative number of items: what it reads covers what it pops.
    #[test]
    fn inputs_cover_the_table_effects() {
        for &op in ALL_OPCODES {
            if op.is_specialized() || op == Opcode::CACHE {
                continue;
            }
            for arg in [0u32, 1, 2, 3, 7, 0xf, 0x100, 0x1ff, 0x1234_5678, u32::MAX] {
                let needs = inputs(op, arg);
                assert_ne!(needs, u64::MAX, "{}", op.name());
                for jump in [false, true] {
                    let eff = effect(op, arg, jump).expect("an effect");
                    assert!(needs as i64 + eff >= 0, "{} {arg}", op.name());
                }
            }
        }
    }
}
