//! The control-flow graph a code unit is generated into: basic blocks of
//! instructions, including compile.c's pseudo-instructions (`SETUP_FINALLY`,
//! `SETUP_CLEANUP`, `SETUP_WITH`, `POP_BLOCK`, `JUMP`,
//! `JUMP_NO_INTERRUPT`, `POP_JUMP_IF_*`), as CPython 3.11's `basicblock`
//! and `struct instr` hold them.

use kaa_bytecode::linetable::Location;
use kaa_bytecode::Opcode;

use crate::assemble::NO_LOCATION;

/// A block's index in [`Cfg::blocks`] (CPython's `basicblock *`).
pub(crate) type BlockId = usize;

/// An instruction's operation: a real opcode or a pseudo-instruction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    /// A real 3.11 opcode.
    Real(Opcode),
    /// `JUMP`: forward or backward unconditional jump.
    Jump,
    /// `JUMP_NO_INTERRUPT`: as `JUMP`, backward without an eval-breaker check.
    JumpNoInterrupt,
    /// `POP_JUMP_IF_FALSE`.
    PopJumpIfFalse,
    /// `POP_JUMP_IF_TRUE`.
    PopJumpIfTrue,
    /// `POP_JUMP_IF_NONE`.
    PopJumpIfNone,
    /// `POP_JUMP_IF_NOT_NONE`.
    PopJumpIfNotNone,
    /// `SETUP_FINALLY`: push an exception handler.
    SetupFinally,
    /// `SETUP_CLEANUP`: push a handler that also gets `lasti`.
    SetupCleanup,
    /// `SETUP_WITH`: push a `with` block's handler.
    SetupWith,
    /// `POP_BLOCK`: pop the innermost handler.
    PopBlock,
}

impl Op {
    /// `IS_JUMP_OPCODE`: the op has a jump target.
    pub(crate) fn is_jump(self) -> bool {
        match self {
            Op::Real(op) => op.is_jump(),
            Op::Jump
            | Op::JumpNoInterrupt
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::PopJumpIfNone
            | Op::PopJumpIfNotNone => true,
            _ => false,
        }
    }

    /// `IS_BLOCK_PUSH_OPCODE`: `SETUP_*`.
    pub(crate) fn is_block_push(self) -> bool {
        matches!(self, Op::SetupFinally | Op::SetupCleanup | Op::SetupWith)
    }

    /// `IS_UNCONDITIONAL_JUMP_OPCODE`.
    pub(crate) fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Op::Jump
                | Op::JumpNoInterrupt
                | Op::Real(Opcode::JUMP_FORWARD)
                | Op::Real(Opcode::JUMP_BACKWARD)
                | Op::Real(Opcode::JUMP_BACKWARD_NO_INTERRUPT)
        )
    }

    /// `IS_SCOPE_EXIT_OPCODE`: `RETURN_VALUE`, `RAISE_VARARGS`, `RERAISE`.
    pub(crate) fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Op::Real(Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE)
        )
    }

    /// Whether nothing falls through this op.
    pub(crate) fn ends_flow(self) -> bool {
        self.is_unconditional_jump() || self.is_scope_exit()
    }

    /// compile.c's `stack_effect(opcode, oparg, jump)`.
    pub(crate) fn stack_effect(self, arg: u32, jump: bool) -> Option<i32> {
        Some(match self {
            Op::Real(op) => return op.stack_effect(arg as i32, Some(jump)),
            Op::Jump | Op::JumpNoInterrupt | Op::PopBlock => 0,
            Op::PopJumpIfFalse | Op::PopJumpIfTrue | Op::PopJumpIfNone | Op::PopJumpIfNotNone => -1,
            Op::SetupFinally | Op::SetupWith => i32::from(jump),
            Op::SetupCleanup => {
                if jump {
                    2
                } else {
                    0
                }
            }
        })
    }
}

/// One instruction (`struct instr`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Instr {
    /// The operation.
    pub op: Op,
    /// The oparg (0 for none).
    pub arg: u32,
    /// The jump or handler target.
    pub target: Option<BlockId>,
    /// Its source location.
    pub loc: Location,
    /// The handler covering it (`i_except`), set by the exception labelling.
    pub except: Option<BlockId>,
}

/// A basic block (`basicblock`).
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// The instructions.
    pub instrs: Vec<Instr>,
    /// The next block in layout order (`b_next`).
    pub next: Option<BlockId>,
    /// An exception handler that gets `lasti` pushed (`b_preserve_lasti`).
    pub preserve_lasti: bool,
    /// `b_startdepth` (`i32::MIN` unset).
    pub startdepth: i32,
    /// `b_predecessors`.
    pub predecessors: u32,
    /// `b_except_predecessors`.
    pub except_predecessors: u32,
    /// `b_visited`.
    pub visited: bool,
}

impl Block {
    fn new() -> Block {
        Block {
            instrs: Vec::new(),
            next: None,
            preserve_lasti: false,
            startdepth: i32::MIN,
            predecessors: 0,
            except_predecessors: 0,
            visited: false,
        }
    }

    /// The last instruction.
    pub(crate) fn last(&self) -> Option<&Instr> {
        self.instrs.last()
    }

    /// `BB_HAS_FALLTHROUGH`: the last instruction lets control continue.
    pub(crate) fn has_fallthrough(&self) -> bool {
        self.last().is_none_or(|i| !i.op.ends_flow())
    }

    /// `basicblock_exits_scope`.
    pub(crate) fn exits_scope(&self) -> bool {
        self.last().is_some_and(|i| i.op.is_scope_exit())
    }
}

/// All the blocks of one code unit.
#[derive(Clone, Debug)]
pub(crate) struct Cfg {
    /// Every block, in creation order (`u_blocks` / `b_list`).
    pub blocks: Vec<Block>,
    /// The block being generated into (`u_curblock`).
    pub current: BlockId,
}

/// The entry block is always the first created.
pub(crate) const ENTRY: BlockId = 0;

impl Cfg {
    /// A graph with just the entry block.
    pub(crate) fn new() -> Cfg {
        Cfg {
            blocks: vec![Block::new()],
            current: ENTRY,
        }
    }

    /// `compiler_new_block`.
    pub(crate) fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::new());
        self.blocks.len() - 1
    }

    /// `compiler_use_next_block`: `block` follows the current one.
    pub(crate) fn use_next_block(&mut self, block: BlockId) {
        let cur = self.current;
        self.blocks[cur].next = Some(block);
        self.current = block;
    }

    /// `compiler_next_block`: a new block following the current one.
    pub(crate) fn next_block(&mut self) -> BlockId {
        let b = self.new_block();
        self.use_next_block(b);
        b
    }

    /// Appends an instruction to the current block; after a jump or exit
    /// a new block starts first (compile.c's `NEXT_BLOCK` after jumps).
    pub(crate) fn add(&mut self, op: Op, arg: u32, target: Option<BlockId>, loc: Location) {
        let ends = self.blocks[self.current]
            .last()
            .is_some_and(|i| i.op.is_jump() || i.op.is_scope_exit());
        if ends {
            self.next_block();
        }
        let cur = self.current;
        self.blocks[cur].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: None,
        });
    }

    /// The blocks in layout order from the entry.
    pub(crate) fn order(&self) -> Vec<BlockId> {
        let mut out = Vec::new();
        let mut b = Some(ENTRY);
        while let Some(id) = b {
            if out.len() > self.blocks.len() {
                break;
            }
            out.push(id);
            b = self.blocks[id].next;
        }
        out
    }

    /// The first non-empty block at or after `b` in layout order.
    pub(crate) fn skip_empty(&self, mut b: BlockId) -> BlockId {
        let mut guard = 0;
        while self.blocks[b].instrs.is_empty() {
            match self.blocks[b].next {
                Some(n) if guard <= self.blocks.len() => {
                    b = n;
                    guard += 1;
                }
                _ => break,
            }
        }
        b
    }
}

/// An unset location.
pub(crate) const NO_LOC: Location = NO_LOCATION;
