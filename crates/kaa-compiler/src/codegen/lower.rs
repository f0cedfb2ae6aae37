//! The end of CPython 3.11's `assemble()`: stack depth, exception handler
//! labelling, and the flat instruction list handed to
//! [`crate::assemble::Assembly`].

use kaa_bytecode::Opcode;

use super::cfg::{BlockId, Cfg, Op, ENTRY};
use crate::assemble::{Assembly, Handler, JumpOp, Label, Op as AsmOp};

impl Cfg {
    /// `stackdepth`: the largest stack depth, setting each block's
    /// `startdepth`.
    pub(crate) fn stackdepth(&mut self, generator_like: bool) -> Result<i32, String> {
        for blk in &mut self.blocks {
            blk.startdepth = i32::MIN;
        }
        let mut stack: Vec<BlockId> = Vec::new();
        let mut maxdepth = 0i32;
        fn push(cfg: &mut Cfg, stack: &mut Vec<BlockId>, b: BlockId, depth: i32) {
            let sd = cfg.blocks[b].startdepth;
            if sd < depth && sd < 100 {
                cfg.blocks[b].startdepth = depth;
                stack.push(b);
            }
        }
        push(self, &mut stack, ENTRY, i32::from(generator_like));
        let mut guard = 0usize;
        while let Some(b) = stack.pop() {
            guard += 1;
            if guard > 200 * (self.blocks.len() + 1) {
                return Err("stack depth does not converge".into());
            }
            let mut depth = self.blocks[b].startdepth;
            let mut next = self.blocks[b].next;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                let effect = ins
                    .op
                    .stack_effect(ins.arg, false)
                    .ok_or_else(|| format!("no stack effect for {:?}", ins.op))?;
                let new_depth = depth + effect;
                if new_depth < 0 {
                    return Err(format!("stack underflow at {:?}", ins.op));
                }
                maxdepth = maxdepth.max(new_depth);
                if ins.op.is_jump() || ins.op.is_block_push() {
                    let effect = ins
                        .op
                        .stack_effect(ins.arg, true)
                        .ok_or_else(|| format!("no stack effect for {:?}", ins.op))?;
                    let target_depth = depth + effect;
                    maxdepth = maxdepth.max(target_depth);
                    if let Some(t) = ins.target {
                        push(self, &mut stack, t, target_depth);
                    }
                }
                depth = new_depth;
                if ins.op.ends_flow() {
                    next = None;
                    break;
                }
            }
            if let Some(n) = next {
                push(self, &mut stack, n, depth);
            }
        }
        Ok(maxdepth)
    }

    /// `label_exception_targets`: each instruction's handler.
    pub(crate) fn label_exception_targets(&mut self) {
        for blk in &mut self.blocks {
            blk.visited = false;
        }
        let mut except_stacks: Vec<Option<Vec<BlockId>>> = vec![None; self.blocks.len()];
        let mut todo: Vec<BlockId> = vec![ENTRY];
        self.blocks[ENTRY].visited = true;
        except_stacks[ENTRY] = Some(Vec::new());
        while let Some(b) = todo.pop() {
            let mut stack = except_stacks[b].take().unwrap_or_default();
            let mut handler = stack.last().copied();
            let mut live = true;
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.op.is_block_push() {
                    if let Some(t) = ins.target {
                        if !self.blocks[t].visited {
                            self.blocks[t].visited = true;
                            except_stacks[t] = Some(stack.clone());
                            todo.push(t);
                        }
                        if matches!(ins.op, Op::SetupWith | Op::SetupCleanup) {
                            self.blocks[t].preserve_lasti = true;
                        }
                        stack.push(t);
                        handler = Some(t);
                    }
                } else if ins.op == Op::PopBlock {
                    stack.pop();
                    handler = stack.last().copied();
                } else if ins.op.is_jump() {
                    self.blocks[b].instrs[i].except = handler;
                    if let Some(t) = ins.target {
                        if !self.blocks[t].visited {
                            self.blocks[t].visited = true;
                            if self.blocks[b].has_fallthrough() {
                                except_stacks[t] = Some(stack.clone());
                                todo.push(t);
                            } else {
                                except_stacks[t] = Some(std::mem::take(&mut stack));
                                todo.push(t);
                                live = false;
                                break;
                            }
                        }
                    }
                } else {
                    self.blocks[b].instrs[i].except = handler;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(n) = self.blocks[b].next {
                    if !self.blocks[n].visited && live {
                        except_stacks[n] = Some(stack);
                        self.blocks[n].visited = true;
                        todo.push(n);
                    }
                }
            }
        }
    }

    /// `convert_exception_handlers_to_nops`.
    pub(crate) fn convert_exception_handlers_to_nops(&mut self) {
        for blk in &mut self.blocks {
            for ins in &mut blk.instrs {
                if ins.op.is_block_push() || ins.op == Op::PopBlock {
                    ins.op = Op::Real(Opcode::NOP);
                    ins.target = None;
                }
            }
        }
    }

    /// The flat instruction list with labels and handler ranges.
    pub(crate) fn to_assembly(&self) -> Result<Assembly, String> {
        let mut asm = Assembly::new();
        let labels: Vec<Label> = (0..self.blocks.len()).map(|_| asm.new_label()).collect();
        let order = self.order();
        // Handler ranges: runs of instructions sharing `except`.
        let mut runs: Vec<(Option<BlockId>, usize)> = Vec::new();
        for &b in &order {
            asm.place(labels[b]);
            for ins in &self.blocks[b].instrs {
                let op = match ins.op {
                    Op::Real(op) if op.is_jump() => {
                        let t = ins.target.ok_or("jump without target")?;
                        let jop = JumpOp::from_opcode(op).ok_or("bad jump")?;
                        AsmOp::Jump(jop, labels[t])
                    }
                    Op::Real(op) => AsmOp::Plain(op, ins.arg),
                    other => {
                        let jop = match other {
                            Op::Jump => JumpOp::Jump,
                            Op::JumpNoInterrupt => JumpOp::JumpNoInterrupt,
                            Op::PopJumpIfFalse => JumpOp::PopJumpIfFalse,
                            Op::PopJumpIfTrue => JumpOp::PopJumpIfTrue,
                            Op::PopJumpIfNone => JumpOp::PopJumpIfNone,
                            Op::PopJumpIfNotNone => JumpOp::PopJumpIfNotNone,
                            _ => return Err(format!("pseudo-op {other:?} left")),
                        };
                        let t = ins.target.ok_or("jump without target")?;
                        AsmOp::Jump(jop, labels[t])
                    }
                };
                let index = asm.instrs.len();
                asm.push(op, ins.loc);
                match runs.last() {
                    Some(&(h, _)) if h == ins.except => {}
                    _ => runs.push((ins.except, index)),
                }
            }
        }
        let total = asm.instrs.len();
        for (k, &(h, start)) in runs.iter().enumerate() {
            let Some(h) = h else { continue };
            let end = runs.get(k + 1).map_or(total, |r| r.1);
            let start_label = asm.new_label();
            let end_label = asm.new_label();
            asm.labels[start_label.0 as usize] = Some(start);
            asm.labels[end_label.0 as usize] = Some(end);
            let blk = &self.blocks[h];
            let mut depth = blk.startdepth - 1;
            if blk.preserve_lasti {
                depth -= 1;
            }
            asm.handlers.push(Handler {
                start: start_label,
                end: end_label,
                handler: labels[h],
                depth: depth.max(0) as u32,
                lasti: blk.preserve_lasti,
            });
        }
        Ok(asm)
    }
}
