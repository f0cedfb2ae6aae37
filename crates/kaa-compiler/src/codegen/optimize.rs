//! CPython 3.11's flowgraph optimiser (`optimize_cfg` and the passes
//! `assemble()` runs around it in Python/compile.c): jump threading,
//! constant conditions, constant tuples, SWAP elimination, unreachable and
//! empty block removal, NOP removal, exit duplication and line number
//! propagation.

use kaa_bytecode::{Constant, Opcode};

use super::cfg::{BlockId, Cfg, Instr, Op, ENTRY};

/// At most this many instructions of an exit block are copied into a
/// block jumping to it (`MAX_COPY_SIZE`).
const MAX_COPY_SIZE: usize = 4;

/// Python truthiness of a constant (`PyObject_IsTrue`).
pub(crate) fn is_true(c: &Constant) -> bool {
    match c {
        Constant::None => false,
        Constant::Bool(b) => *b,
        Constant::Int(i) => *i != 0,
        Constant::BigInt(_) => true,
        Constant::Float(f) => *f != 0.0,
        Constant::Complex { re, im } => *re != 0.0 || *im != 0.0,
        Constant::Str(s) => !s.is_empty(),
        Constant::Bytes(b) => !b.is_empty(),
        Constant::Tuple(t) | Constant::FrozenSet(t) | Constant::List(t) | Constant::Set(t) => {
            !t.is_empty()
        }
        Constant::Dict(d) => !d.is_empty(),
        _ => true,
    }
}

impl Cfg {
    /// `normalize_basic_block`: jump targets skip empty blocks.
    pub(crate) fn normalize_blocks(&mut self) {
        for b in 0..self.blocks.len() {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.op.is_jump() {
                    if let Some(t) = ins.target {
                        let t = self.skip_empty(t);
                        self.blocks[b].instrs[i].target = Some(t);
                    }
                }
            }
        }
    }

    /// `extend_block`: a block ending in an unconditional jump to a small
    /// exit block gets a copy of that block instead of the jump.
    pub(crate) fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].last().copied() else {
            return;
        };
        if !matches!(
            last.op,
            Op::Jump | Op::Real(Opcode::JUMP_FORWARD) | Op::Real(Opcode::JUMP_BACKWARD)
        ) {
            return;
        }
        let Some(target) = last.target else { return };
        if self.blocks[target].exits_scope()
            && self.blocks[target].instrs.len() <= MAX_COPY_SIZE
            && self.blocks[target].instrs.iter().all(|i| i.loc.lineno < 0)
        {
            let copy = self.blocks[target].instrs.clone();
            let blk = &mut self.blocks[b];
            if let Some(l) = blk.instrs.last_mut() {
                l.op = Op::Real(Opcode::NOP);
                l.target = None;
            }
            blk.instrs.extend(copy);
        }
    }

    /// `optimize_cfg`.
    pub(crate) fn optimize(&mut self, consts: &mut Vec<Constant>) {
        self.normalize_blocks();
        for b in self.order() {
            self.optimize_block(b, consts);
            self.clean_block(b);
        }
        // CPython walks `u_blocks` (the `b_list` chain: every block, newest
        // first) here, not the layout order.
        for b in (0..self.blocks.len()).rev() {
            self.extend_block(b);
        }
        self.mark_reachable();
        for b in self.order() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        self.eliminate_empty_blocks();
        for b in self.order() {
            self.clean_block(b);
        }
        // Delete jumps made redundant: a jump to the next block.
        let mut maybe_empty = false;
        for b in self.order() {
            let next = self.blocks[b].next;
            if let Some(last) = self.blocks[b].instrs.last_mut() {
                if matches!(last.op, Op::Jump | Op::JumpNoInterrupt) && last.target == next {
                    last.op = Op::Real(Opcode::NOP);
                    last.target = None;
                    maybe_empty = true;
                }
            }
        }
        if maybe_empty {
            self.eliminate_empty_blocks();
        }
    }

    /// The first instruction of a jump's target (`NOP` if none).
    fn target_first(&self, target: Option<BlockId>) -> Instr {
        let nop = Instr {
            op: Op::Real(Opcode::NOP),
            arg: 0,
            target: None,
            loc: super::cfg::NO_LOC,
            except: None,
        };
        target
            .and_then(|t| self.blocks[t].instrs.first().copied())
            .unwrap_or(nop)
    }

    /// `optimize_basic_block`.
    fn optimize_block(&mut self, b: BlockId, consts: &mut Vec<Constant>) {
        let mut i: isize = 0;
        let mut guard = 0usize;
        while (i as usize) < self.blocks[b].instrs.len() {
            guard += 1;
            if guard > 64 * (self.blocks[b].instrs.len() + 16) {
                break;
            }
            let iu = i as usize;
            let mut inst = self.blocks[b].instrs[iu];
            let n = self.blocks[b].instrs.len();
            let nextop = if iu + 1 < n {
                Some(self.blocks[b].instrs[iu + 1].op)
            } else {
                None
            };
            if inst.op.is_jump() || inst.op.is_block_push() {
                if let Some(t) = inst.target {
                    let t = self.skip_empty(t);
                    inst.target = Some(t);
                    self.blocks[b].instrs[iu].target = Some(t);
                }
            }
            let target = if inst.op.is_jump() || inst.op.is_block_push() {
                self.target_first(inst.target)
            } else {
                self.target_first(None)
            };
            let target_next = inst.target.and_then(|t| self.blocks[t].next);
            let instrs = &mut self.blocks[b].instrs;
            match inst.op {
                Op::Real(Opcode::LOAD_CONST) => {
                    let cnt = consts.get(inst.arg as usize);
                    match (nextop, cnt) {
                        (Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue), Some(c)) => {
                            let truth = is_true(c);
                            instrs[iu].op = Op::Real(Opcode::NOP);
                            let jump_if_true = nextop == Some(Op::PopJumpIfTrue);
                            if truth == jump_if_true {
                                instrs[iu + 1].op = Op::Jump;
                            } else {
                                instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].target = None;
                            }
                        }
                        (
                            Some(Op::Real(
                                op @ (Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP),
                            )),
                            Some(c),
                        ) => {
                            let truth = is_true(c);
                            let jump_if_true = op == Opcode::JUMP_IF_TRUE_OR_POP;
                            if truth == jump_if_true {
                                instrs[iu + 1].op = Op::Jump;
                            } else {
                                instrs[iu].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].target = None;
                            }
                        }
                        (Some(Op::Real(Opcode::IS_OP)), Some(Constant::None)) => {
                            let jump_op = instrs.get(iu + 2).map(|x| x.op);
                            if matches!(jump_op, Some(Op::PopJumpIfFalse | Op::PopJumpIfTrue)) {
                                let nextarg = instrs[iu + 1].arg;
                                instrs[iu].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                let flip = (nextarg != 0) ^ (jump_op == Some(Op::PopJumpIfFalse));
                                instrs[iu + 2].op = if flip {
                                    Op::PopJumpIfNotNone
                                } else {
                                    Op::PopJumpIfNone
                                };
                            }
                        }
                        _ => {}
                    }
                }
                Op::Real(Opcode::BUILD_TUPLE) => {
                    let oparg = inst.arg as usize;
                    if nextop == Some(Op::Real(Opcode::UNPACK_SEQUENCE))
                        && instrs[iu + 1].arg == inst.arg
                    {
                        match oparg {
                            1 => {
                                instrs[iu].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].op = Op::Real(Opcode::NOP);
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                instrs[iu].op = Op::Real(Opcode::NOP);
                                instrs[iu + 1].op = Op::Real(Opcode::SWAP);
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if iu >= oparg {
                        fold_tuple_on_constants(instrs, iu, oparg, consts);
                    }
                }
                Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) => match target.op {
                    Op::PopJumpIfFalse => {
                        i -= jump_thread(&mut instrs[iu], &target, Op::PopJumpIfFalse)
                    }
                    Op::Jump | Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) => {
                        i -= jump_thread(
                            &mut instrs[iu],
                            &target,
                            Op::Real(Opcode::JUMP_IF_FALSE_OR_POP),
                        )
                    }
                    Op::Real(Opcode::JUMP_IF_TRUE_OR_POP) | Op::PopJumpIfTrue
                        if inst.loc.lineno == target.loc.lineno && target_next.is_some() =>
                    {
                        instrs[iu].op = Op::PopJumpIfFalse;
                        instrs[iu].target = target_next;
                        i -= 1;
                    }
                    _ => {}
                },
                Op::Real(Opcode::JUMP_IF_TRUE_OR_POP) => match target.op {
                    Op::PopJumpIfTrue => {
                        i -= jump_thread(&mut instrs[iu], &target, Op::PopJumpIfTrue)
                    }
                    Op::Jump | Op::Real(Opcode::JUMP_IF_TRUE_OR_POP) => {
                        i -= jump_thread(
                            &mut instrs[iu],
                            &target,
                            Op::Real(Opcode::JUMP_IF_TRUE_OR_POP),
                        )
                    }
                    Op::Real(Opcode::JUMP_IF_FALSE_OR_POP) | Op::PopJumpIfFalse
                        if inst.loc.lineno == target.loc.lineno && target_next.is_some() =>
                    {
                        instrs[iu].op = Op::PopJumpIfTrue;
                        instrs[iu].target = target_next;
                        i -= 1;
                    }
                    _ => {}
                },
                Op::PopJumpIfNone
                | Op::PopJumpIfNotNone
                | Op::PopJumpIfFalse
                | Op::PopJumpIfTrue
                | Op::Jump
                    if target.op == Op::Jump =>
                {
                    i -= jump_thread(&mut instrs[iu], &target, inst.op);
                }
                Op::Real(Opcode::SWAP) => {
                    if inst.arg == 1 {
                        instrs[iu].op = Op::Real(Opcode::NOP);
                    } else {
                        let mut ix = iu;
                        swaptimize(instrs, &mut ix);
                        apply_static_swaps(instrs, ix as isize);
                        i = ix as isize;
                    }
                }
                Op::Real(Opcode::PUSH_NULL)
                    if nextop == Some(Op::Real(Opcode::LOAD_GLOBAL))
                        && instrs[iu + 1].arg & 1 == 0 =>
                {
                    instrs[iu].op = Op::Real(Opcode::NOP);
                    instrs[iu].arg = 0;
                    instrs[iu + 1].arg |= 1;
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// `clean_basic_block`: removes NOPs whose line is not needed.
    pub(crate) fn clean_block(&mut self, b: BlockId) {
        let n = self.blocks[b].instrs.len();
        let mut next_first_line: Option<i32> = None;
        if n > 0 && self.blocks[b].instrs[n - 1].op == Op::Real(Opcode::NOP) {
            let mut next = self.blocks[b].next;
            while let Some(nb) = next {
                if self.blocks[nb].instrs.is_empty() {
                    next = self.blocks[nb].next;
                } else {
                    break;
                }
            }
            next_first_line =
                next.and_then(|nb| self.blocks[nb].instrs.first().map(|i| i.loc.lineno));
        }
        let instrs = &mut self.blocks[b].instrs;
        let mut dest = 0;
        let mut prev_lineno = -1;
        for src in 0..n {
            let lineno = instrs[src].loc.lineno;
            if instrs[src].op == Op::Real(Opcode::NOP) {
                if lineno < 0 {
                    continue;
                }
                if prev_lineno == lineno {
                    continue;
                }
                if src + 1 < n {
                    let next_lineno = instrs[src + 1].loc.lineno;
                    if next_lineno < 0 {
                        instrs[src + 1].loc = instrs[src].loc;
                        continue;
                    }
                    if next_lineno == lineno {
                        continue;
                    }
                } else if next_first_line == Some(lineno) {
                    continue;
                }
            }
            if dest != src {
                instrs[dest] = instrs[src];
            }
            dest += 1;
            prev_lineno = lineno;
        }
        instrs.truncate(dest);
    }

    /// `mark_reachable`: predecessor counts from the entry.
    pub(crate) fn mark_reachable(&mut self) {
        for blk in &mut self.blocks {
            blk.predecessors = 0;
            blk.except_predecessors = 0;
            blk.visited = false;
        }
        let mut stack = vec![ENTRY];
        self.blocks[ENTRY].predecessors = 1;
        while let Some(b) = stack.pop() {
            self.blocks[b].visited = true;
            if let Some(next) = self.blocks[b].next {
                if self.blocks[b].has_fallthrough() {
                    if !self.blocks[next].visited {
                        stack.push(next);
                    }
                    self.blocks[next].predecessors += 1;
                }
            }
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.op.is_jump() || ins.op.is_block_push() {
                    if let Some(t) = ins.target {
                        if !self.blocks[t].visited {
                            stack.push(t);
                        }
                        self.blocks[t].predecessors += 1;
                        if ins.op.is_block_push() {
                            self.blocks[t].except_predecessors += 1;
                        }
                    }
                }
            }
            if stack.len() > 4 * self.blocks.len() * (self.blocks.len() + 4) {
                break;
            }
        }
    }

    /// `eliminate_empty_basic_blocks`.
    pub(crate) fn eliminate_empty_blocks(&mut self) {
        for b in self.order() {
            if let Some(mut next) = self.blocks[b].next {
                while self.blocks[next].instrs.is_empty() {
                    match self.blocks[next].next {
                        Some(n) => next = n,
                        None => break,
                    }
                }
                self.blocks[b].next = Some(next);
            }
        }
        for b in self.order() {
            for i in 0..self.blocks[b].instrs.len() {
                let ins = self.blocks[b].instrs[i];
                if ins.op.is_jump() || ins.op.is_block_push() {
                    if let Some(t) = ins.target {
                        let t = self.skip_empty(t);
                        self.blocks[b].instrs[i].target = Some(t);
                    }
                }
            }
        }
    }

    /// Whether a block is an exit with no line number anywhere.
    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        self.blocks[b].exits_scope() && self.blocks[b].instrs.iter().all(|i| i.loc.lineno < 0)
    }

    /// `duplicate_exits_without_lineno`.
    pub(crate) fn duplicate_exits_without_lineno(&mut self) {
        // CPython walks `u_blocks` (every block, newest first); the copies
        // it makes join the front of that list, so they are not visited.
        for id in (0..self.blocks.len()).rev() {
            if let Some(last) = self.blocks[id].last().copied() {
                if last.op.is_jump() {
                    if let Some(target) = last.target {
                        if self.is_exit_without_lineno(target)
                            && self.blocks[target].predecessors > 1
                        {
                            let mut copy = self.blocks[target].clone();
                            if let Some(first) = copy.instrs.first_mut() {
                                first.loc = last.loc;
                            }
                            copy.predecessors = 1;
                            copy.next = self.blocks[target].next;
                            self.blocks.push(copy);
                            let new_id = self.blocks.len() - 1;
                            if let Some(l) = self.blocks[id].instrs.last_mut() {
                                l.target = Some(new_id);
                            }
                            self.blocks[target].predecessors -= 1;
                            self.blocks[target].next = Some(new_id);
                        }
                    }
                }
            }
        }
        self.eliminate_empty_blocks();
        for id in self.order() {
            let blk = &self.blocks[id];
            if blk.has_fallthrough() && !blk.instrs.is_empty() {
                if let Some(next) = blk.next {
                    if self.is_exit_without_lineno(next) {
                        let loc = blk.instrs[blk.instrs.len() - 1].loc;
                        if let Some(first) = self.blocks[next].instrs.first_mut() {
                            first.loc = loc;
                        }
                    }
                }
            }
        }
    }

    /// `trim_unused_consts`: drops unused constants at the end.
    pub(crate) fn trim_unused_consts(&self, consts: &mut Vec<Constant>) {
        let mut max = 0usize;
        for b in self.order() {
            for ins in &self.blocks[b].instrs {
                if matches!(ins.op, Op::Real(Opcode::LOAD_CONST | Opcode::KW_NAMES)) {
                    max = max.max(ins.arg as usize);
                }
            }
        }
        if max + 1 < consts.len() {
            consts.truncate(max + 1);
        }
    }

    /// `propagate_line_numbers`.
    pub(crate) fn propagate_line_numbers(&mut self) {
        for b in self.order() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = super::cfg::NO_LOC;
            for ins in &mut self.blocks[b].instrs {
                if ins.loc.lineno < 0 {
                    ins.loc = prev;
                } else {
                    prev = ins.loc;
                }
            }
            if self.blocks[b].has_fallthrough() {
                if let Some(next) = self.blocks[b].next {
                    if self.blocks[next].predecessors == 1 {
                        if let Some(first) = self.blocks[next].instrs.first_mut() {
                            if first.loc.lineno < 0 {
                                first.loc = prev;
                            }
                        }
                    }
                }
            }
            if let Some(last) = self.blocks[b].last().copied() {
                if last.op.is_jump() {
                    if let Some(t) = last.target {
                        if self.blocks[t].predecessors == 1 {
                            if let Some(first) = self.blocks[t].instrs.first_mut() {
                                if first.loc.lineno < 0 {
                                    first.loc = prev;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// `guarantee_lineno_for_exits`.
    pub(crate) fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for b in self.order() {
            let blk = &mut self.blocks[b];
            let Some(last) = blk.instrs.last().copied() else {
                continue;
            };
            if last.loc.lineno < 0 {
                if last.op == Op::Real(Opcode::RETURN_VALUE) {
                    for ins in &mut blk.instrs {
                        ins.loc.lineno = lineno;
                    }
                }
            } else {
                lineno = last.loc.lineno;
            }
        }
    }
}

/// `jump_thread`: retargets `inst` to `target`'s target; 1 if it did.
fn jump_thread(inst: &mut Instr, target: &Instr, op: Op) -> isize {
    if inst.loc.lineno == target.loc.lineno && inst.target != target.target {
        inst.target = target.target;
        inst.op = op;
        return 1;
    }
    0
}

/// `fold_tuple_on_constants`: `LOAD_CONST`s then `BUILD_TUPLE n` become
/// one `LOAD_CONST` of the tuple.
fn fold_tuple_on_constants(instrs: &mut [Instr], at: usize, n: usize, consts: &mut Vec<Constant>) {
    let start = at - n;
    let mut items = Vec::with_capacity(n);
    for ins in &instrs[start..at] {
        if ins.op != Op::Real(Opcode::LOAD_CONST) {
            return;
        }
        match consts.get(ins.arg as usize) {
            Some(c) => items.push(c.clone()),
            None => return,
        }
    }
    let tuple = Constant::tuple(items);
    let index = match consts
        .iter()
        .position(|c| *c == tuple && !matches!(c, Constant::Code(_)))
    {
        Some(i) => i,
        None => {
            consts.push(tuple);
            consts.len() - 1
        }
    };
    for ins in &mut instrs[start..at] {
        ins.op = Op::Real(Opcode::NOP);
    }
    instrs[at].op = Op::Real(Opcode::LOAD_CONST);
    instrs[at].arg = index as u32;
}

/// `swaptimize`: a run of SWAPs becomes the fewest SWAPs with the same
/// effect.
fn swaptimize(instrs: &mut [Instr], ix: &mut usize) {
    let base = *ix;
    let mut depth = instrs[base].arg as usize;
    let mut len = 0;
    let mut more = false;
    let limit = instrs.len() - base;
    loop {
        len += 1;
        if len >= limit {
            break;
        }
        match instrs[base + len].op {
            Op::Real(Opcode::SWAP) => {
                depth = depth.max(instrs[base + len].arg as usize);
                more = true;
            }
            Op::Real(Opcode::NOP) => {}
            _ => break,
        }
    }
    if !more || depth == 0 {
        return;
    }
    const VISITED: isize = -1;
    let mut stack: Vec<isize> = (0..depth as isize).collect();
    for k in 0..len {
        if instrs[base + k].op == Op::Real(Opcode::SWAP) {
            let oparg = instrs[base + k].arg as usize;
            if oparg == 0 || oparg > depth {
                return;
            }
            stack.swap(0, oparg - 1);
        }
    }
    let mut current = len as isize - 1;
    for i in 0..depth {
        if stack[i] == VISITED || stack[i] == i as isize {
            continue;
        }
        let mut j = i;
        loop {
            if j != 0 {
                if current < 0 {
                    return;
                }
                let c = base + current as usize;
                instrs[c].op = Op::Real(Opcode::SWAP);
                instrs[c].arg = j as u32 + 1;
                current -= 1;
            }
            if stack[j] == VISITED {
                break;
            }
            let next_j = stack[j];
            stack[j] = VISITED;
            if next_j < 0 {
                break;
            }
            j = next_j as usize;
        }
    }
    while current >= 0 {
        instrs[base + current as usize].op = Op::Real(Opcode::NOP);
        current -= 1;
    }
    *ix += len - 1;
}

/// `SWAPPABLE`: ops that only consume the top of the stack.
fn swappable(op: Op) -> bool {
    matches!(op, Op::Real(Opcode::STORE_FAST | Opcode::POP_TOP))
}

/// `next_swappable_instruction`.
fn next_swappable(instrs: &[Instr], mut i: usize, lineno: i32) -> Option<usize> {
    loop {
        i += 1;
        let ins = instrs.get(i)?;
        if lineno >= 0 && ins.loc.lineno != lineno {
            return None;
        }
        if ins.op == Op::Real(Opcode::NOP) {
            continue;
        }
        if swappable(ins.op) {
            return Some(i);
        }
        return None;
    }
}

/// `STORES_TO`: the local a `STORE_FAST` stores to.
fn stores_to(ins: &Instr) -> Option<u32> {
    (ins.op == Op::Real(Opcode::STORE_FAST)).then_some(ins.arg)
}

/// `apply_static_swaps`: swaps the instructions after a SWAP instead.
fn apply_static_swaps(instrs: &mut [Instr], mut i: isize) {
    while i >= 0 {
        let iu = i as usize;
        if iu >= instrs.len() {
            return;
        }
        let swap = instrs[iu];
        if swap.op != Op::Real(Opcode::SWAP) {
            if swap.op == Op::Real(Opcode::NOP) || swappable(swap.op) {
                i -= 1;
                continue;
            }
            return;
        }
        let Some(j) = next_swappable(instrs, iu, -1) else {
            return;
        };
        let mut k = j;
        let lineno = instrs[j].loc.lineno;
        let mut count = swap.arg as isize - 1;
        while count > 0 {
            match next_swappable(instrs, k, lineno) {
                Some(x) => k = x,
                None => return,
            }
            count -= 1;
        }
        // 3.11.7 (gh-104635 backport): not safe if the two swapped
        // instructions store to the same local, or an instruction between
        // them stores to either's local.
        let (store_j, store_k) = (stores_to(&instrs[j]), stores_to(&instrs[k]));
        if store_j.is_some() || store_k.is_some() {
            if store_j == store_k {
                return;
            }
            if instrs[j + 1..k].iter().any(|x| {
                let s = stores_to(x);
                s.is_some() && (s == store_j || s == store_k)
            }) {
                return;
            }
        }
        instrs[iu].op = Op::Real(Opcode::NOP);
        instrs.swap(j, k);
        i -= 1;
    }
}
