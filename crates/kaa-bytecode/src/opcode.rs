//! What kaa knows about each opcode, derived from the one generated table
//! (`opcode_table.rs`, made by tools/gen_opcodes.py from CPython 3.11's
//! `opcode` and `dis` modules): names, operand kinds, inline caches, stack
//! effects, docs, and the specialised-to-base mapping.

use crate::opcode_table::BY_NUMBER;
pub use crate::opcode_table::{
    Opcode, ALL_OPCODES, CACHE_FORMAT, CMP_OP, HASCOMPARE, HASCONST, HASFREE, HASJABS, HASJREL,
    HASLOCAL, HASNAME, HASNARGS, HAVE_ARGUMENT, NB_OPS,
};

/// What an instruction's oparg means, which decides how `dis` shows it
/// (`dis._get_instructions_bytes` tests the kinds in this order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ArgKind {
    /// No operand (opcodes below `HAVE_ARGUMENT`).
    None,
    /// An index into `co_consts` (`opcode.hasconst`).
    Const,
    /// An index into `co_names` (`opcode.hasname`).
    Name,
    /// LOAD_GLOBAL: `co_names[oparg >> 1]`, with bit 0 asking for a NULL.
    GlobalName,
    /// A forward jump: the target is `offset + 2 + 2*oparg`.
    JumpForward,
    /// A backward jump: the target is `offset + 2 - 2*oparg`.
    JumpBackward,
    /// An absolute jump to `2*oparg` (`opcode.hasjabs`; none in 3.11).
    JumpAbsolute,
    /// An index into `co_localsplusnames` for a fast local (`opcode.haslocal`).
    Local,
    /// An index into `co_localsplusnames` for a cell or free variable.
    Free,
    /// An index into `cmp_op`.
    Compare,
    /// FORMAT_VALUE's conversion and format-spec flag.
    FormatValue,
    /// MAKE_FUNCTION's flags.
    MakeFunction,
    /// An index into `_nb_ops`.
    BinaryOp,
    /// A plain number (a count, a flag, a stack position).
    Int,
}

/// How an instruction changes the stack depth, as CPython 3.11's
/// `stack_effect()` in Python/compile.c computes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StackEffect {
    /// The same for every oparg, jump or not.
    Fixed(i32),
    /// One effect when the instruction jumps and another when it does not.
    Branch {
        /// The effect when the jump is taken.
        taken: i32,
        /// The effect when execution falls through.
        fallthrough: i32,
    },
    /// UNPACK_SEQUENCE: `oparg - 1`.
    UnpackSequence,
    /// UNPACK_EX: `(oparg & 0xff) + (oparg >> 8)`.
    UnpackEx,
    /// BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING: `1 - oparg`.
    OneMinusArg,
    /// BUILD_MAP: `1 - 2*oparg`.
    BuildMap,
    /// BUILD_CONST_KEY_MAP, RAISE_VARARGS, PRECALL: `-oparg`.
    MinusArg,
    /// LOAD_GLOBAL: `1 + (oparg & 1)`.
    LoadGlobal,
    /// MAKE_FUNCTION: minus the number of flag bits set in `oparg & 0xf`.
    MakeFunction,
    /// BUILD_SLICE: `-2` for three arguments, else `-1`.
    BuildSlice,
    /// CALL_FUNCTION_EX: `-2 - (oparg & 1)`.
    CallFunctionEx,
    /// FORMAT_VALUE: `-1` with a format spec (`oparg & 4`), else `0`.
    FormatValue,
    /// Not defined: specialised instructions (`dis.stack_effect` raises).
    Invalid,
}

impl StackEffect {
    /// The effect for `oparg`; `jump` None gives the larger of the two
    /// branch effects, as `dis.stack_effect(op, arg)` does. Arithmetic wraps
    /// like compile.c's C `int`.
    pub fn eval(self, oparg: i32, jump: Option<bool>) -> Option<i32> {
        let a = oparg;
        let effect = match self {
            StackEffect::Fixed(n) => n,
            StackEffect::Branch { taken, fallthrough } => match jump {
                Some(true) => taken,
                Some(false) => fallthrough,
                None => taken.max(fallthrough),
            },
            StackEffect::UnpackSequence => a.wrapping_sub(1),
            StackEffect::UnpackEx => (a & 0xff).wrapping_add(a >> 8),
            StackEffect::OneMinusArg => 1i32.wrapping_sub(a),
            StackEffect::BuildMap => 1i32.wrapping_sub(a.wrapping_mul(2)),
            StackEffect::MinusArg => a.wrapping_neg(),
            StackEffect::LoadGlobal => 1 + (a & 1),
            StackEffect::MakeFunction => -((a & 0xf).count_ones() as i32),
            StackEffect::BuildSlice => {
                if a == 3 {
                    -2
                } else {
                    -1
                }
            }
            StackEffect::CallFunctionEx => -2 - (a & 1),
            StackEffect::FormatValue => {
                if a & 4 != 0 {
                    -1
                } else {
                    0
                }
            }
            StackEffect::Invalid => return None,
        };
        // compile.c's "invalid" marker is INT_MAX: an effect that wraps to
        // it is refused too.
        (effect != i32::MAX).then_some(effect)
    }
}

/// One row of the generated table.
#[derive(Clone, Copy, Debug)]
pub(crate) struct OpInfo {
    /// CPython's name.
    pub(crate) name: &'static str,
    /// The operand kind (the base instruction's, for specialised ones).
    pub(crate) arg: ArgKind,
    /// The base instruction (itself, unless specialised).
    pub(crate) deopt: Opcode,
    /// Inline CACHE units after the instruction.
    pub(crate) cache_entries: u8,
    /// The stack effect.
    pub(crate) stack_effect: StackEffect,
    /// One line saying what the instruction does.
    pub(crate) doc: &'static str,
}

impl Opcode {
    /// The opcode with this number, if CPython 3.11 defines one.
    pub fn from_u8(byte: u8) -> Option<Opcode> {
        BY_NUMBER[byte as usize]
    }

    /// The opcode with this name (`dis._all_opmap`).
    pub fn from_name(name: &str) -> Option<Opcode> {
        ALL_OPCODES.iter().copied().find(|op| op.name() == name)
    }

    /// CPython's name for the opcode.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// What the instruction does, in one line.
    pub fn doc(self) -> &'static str {
        self.info().doc
    }

    /// The operand kind.
    pub fn arg_kind(self) -> ArgKind {
        self.info().arg
    }

    /// Whether the oparg is used (the base opcode is at least
    /// `HAVE_ARGUMENT`, as `dis._unpack_opargs` decides).
    pub fn has_arg(self) -> bool {
        self.deopt() as u8 >= HAVE_ARGUMENT
    }

    /// The base instruction of a specialised one (`dis._deoptop`); itself
    /// for base instructions.
    pub fn deopt(self) -> Opcode {
        self.info().deopt
    }

    /// Whether this is one of the adaptive interpreter's specialised forms.
    pub fn is_specialized(self) -> bool {
        self.deopt() != self
    }

    /// How many inline CACHE code units follow the instruction
    /// (`opcode._inline_cache_entries` of the base instruction).
    pub fn cache_entries(self) -> usize {
        self.info().cache_entries as usize
    }

    /// How the stack effect is computed.
    pub fn stack_effect_kind(self) -> StackEffect {
        self.info().stack_effect
    }

    /// `dis.stack_effect(op, oparg, jump=jump)`; None where CPython raises
    /// ValueError (specialised instructions).
    pub fn stack_effect(self, oparg: i32, jump: Option<bool>) -> Option<i32> {
        self.stack_effect_kind().eval(oparg, jump)
    }

    /// Whether the oparg is a jump (relative or absolute).
    pub fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward | ArgKind::JumpAbsolute
        )
    }

    /// The byte offset a jump at byte `offset` with `oparg` goes to
    /// (`dis`'s argval); None for other instructions. Wraps rather than
    /// overflows on absurd opargs.
    pub fn jump_target(self, offset: i64, oparg: i64) -> Option<i64> {
        let distance = oparg.wrapping_mul(2);
        match self.arg_kind() {
            ArgKind::JumpForward => Some(offset.wrapping_add(2).wrapping_add(distance)),
            ArgKind::JumpBackward => Some(offset.wrapping_add(2).wrapping_sub(distance)),
            ArgKind::JumpAbsolute => Some(distance),
            _ => None,
        }
    }
}

/// `opcode.opname[byte]` / `dis._all_opname[byte]`: the opcode's name, or
/// `<N>` for a number CPython 3.11 leaves unused.
pub fn opname(byte: u8) -> String {
    match Opcode::from_u8(byte) {
        Some(op) => op.name().to_string(),
        None => format!("<{byte}>"),
    }
}

/// `dis.stack_effect(opcode, oparg, jump=jump)` for a raw opcode number:
/// None where CPython raises ValueError (unused or specialised opcodes).
pub fn stack_effect(byte: u8, oparg: i32, jump: Option<bool>) -> Option<i32> {
    Opcode::from_u8(byte)?.stack_effect(oparg, jump)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_names_round_trip() {
        assert_eq!(ALL_OPCODES.len(), 181);
        for &op in ALL_OPCODES {
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
            assert_eq!(Opcode::from_name(op.name()), Some(op));
        }
        assert_eq!(Opcode::LOAD_CONST as u8, 100);
        assert_eq!(opname(4), "BINARY_OP_ADD_FLOAT");
        assert_eq!(opname(255), "<255>");
    }

    #[test]
    fn kinds_and_caches() {
        assert_eq!(Opcode::LOAD_GLOBAL.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_GLOBAL_BUILTIN.cache_entries(), 5);
        assert_eq!(Opcode::LOAD_GLOBAL_BUILTIN.deopt(), Opcode::LOAD_GLOBAL);
        assert!(Opcode::BINARY_OP_ADAPTIVE.has_arg());
        assert!(!Opcode::POP_TOP.has_arg());
        assert_eq!(Opcode::KW_NAMES.arg_kind(), ArgKind::Const);
        assert_eq!(Opcode::JUMP_BACKWARD.jump_target(20, 5), Some(12));
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, None), Some(1));
        assert_eq!(Opcode::FOR_ITER.stack_effect(0, Some(true)), Some(-1));
        assert_eq!(Opcode::CALL_ADAPTIVE.stack_effect(0, None), None);
    }
}
