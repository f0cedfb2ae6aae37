//! The `match` statement: compile.c's `compiler_match` and the
//! `compiler_pattern_*` helpers of CPython 3.11, with its pattern context
//! (captured names kept on the stack, the `fail_pop` blocks that pop
//! what a failed pattern left behind).

use kaa_bytecode::{Constant, Opcode};
use kaa_parser::ast::{Expr, ExprKind, MatchCase, Pattern, PatternKind, Stmt};

use super::cfg::{BlockId, Op};
use super::{consts, CResult, Compiler, Ctx};

/// compile.c's `pattern_context`.
struct PatternContext {
    /// Names captured so far, in stack order.
    stores: Vec<String>,
    /// Whether an irrefutable pattern is allowed here.
    allow_irrefutable: bool,
    /// `fail_pop[n]` pops `n` items and goes on to the next case.
    fail_pop: Vec<BlockId>,
    /// Items on top of the stack that are not captures.
    on_top: usize,
}

/// `WILDCARD_CHECK`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(
        &p.node,
        PatternKind::MatchAs {
            pattern: None,
            name: None
        }
    )
}

/// `WILDCARD_STAR_CHECK`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(&p.node, PatternKind::MatchStar { name: None })
}

impl<'a> Compiler<'a> {
    /// `compiler_match`.
    pub(crate) fn match_stmt(
        &mut self,
        _s: &'a Stmt,
        subject: &'a Expr,
        cases: &'a [MatchCase],
    ) -> CResult {
        self.visit_expr(subject)?;
        let end = self.new_block();
        let ncases = cases.len();
        let Some(last) = cases.last() else {
            return Ok(());
        };
        let has_default = usize::from(is_wildcard(&last.pattern) && ncases > 1);
        for (i, m) in cases.iter().enumerate().take(ncases - has_default) {
            self.set_loc(m.pattern.loc);
            if i != ncases - has_default - 1 {
                self.emit(Opcode::COPY, 1);
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: m.guard.is_some() || i == ncases - 1,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.pattern(&m.pattern, &mut pc)?;
            for name in pc.stores.clone() {
                self.nameop(&name, Ctx::Store)?;
            }
            if let Some(guard) = &m.guard {
                self.ensure_fail_pop(&mut pc, 0);
                self.jump_if(guard, pc.fail_pop[0], false)?;
            }
            if i != ncases - has_default - 1 {
                self.emit(Opcode::POP_TOP, 0);
            }
            for st in &m.body {
                self.visit_stmt(st)?;
            }
            // 3.11.7: the jump past the other cases has no location of its
            // own (UNSET_LOC), so it takes the body's last one.
            self.unset_loc();
            self.jump(Op::Jump, end);
            self.set_loc(m.pattern.loc);
            self.emit_and_reset_fail_pop(&mut pc);
        }
        if has_default == 1 {
            self.set_loc(last.pattern.loc);
            if ncases == 1 {
                self.emit(Opcode::POP_TOP, 0);
            } else {
                self.emit(Opcode::NOP, 0);
            }
            if let Some(guard) = &last.guard {
                self.jump_if(guard, end, false)?;
            }
            for st in &last.body {
                self.visit_stmt(st)?;
            }
            self.unset_loc();
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `ensure_fail_pop`.
    fn ensure_fail_pop(&mut self, pc: &mut PatternContext, n: usize) {
        while pc.fail_pop.len() < n + 1 {
            let b = self.new_block();
            pc.fail_pop.push(b);
        }
    }

    /// `jump_to_fail_pop`.
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, op: Op) {
        let pops = pc.on_top + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.jump(op, pc.fail_pop[pops]);
        self.next_block();
    }

    /// `emit_and_reset_fail_pop`.
    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext) {
        if pc.fail_pop.is_empty() {
            self.next_block();
            return;
        }
        for k in (1..pc.fail_pop.len()).rev() {
            self.use_next_block(pc.fail_pop[k]);
            self.emit(Opcode::POP_TOP, 0);
        }
        self.use_next_block(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    /// `pattern_helper_rotate`.
    fn rotate(&mut self, mut count: usize) {
        while count > 1 {
            self.emit(Opcode::SWAP, count as u32);
            count -= 1;
        }
    }

    /// `pattern_helper_store_name`.
    fn pattern_store_name(&mut self, name: Option<&str>, pc: &mut PatternContext) -> CResult {
        let Some(name) = name else {
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        };
        if pc.stores.iter().any(|s| s == name) {
            return Err(self.error(&format!("multiple assignments to name '{name}' in pattern")));
        }
        self.rotate(pc.on_top + pc.stores.len() + 1);
        pc.stores.push(name.to_string());
        Ok(())
    }

    /// `compiler_pattern_subpattern`.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    /// `compiler_pattern`.
    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult {
        self.set_loc(p.loc);
        match &p.node {
            PatternKind::MatchValue { value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSingleton { value } => {
                self.load_const(consts::from_ast(value));
                self.emit(Opcode::IS_OP, 0);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            PatternKind::MatchSequence { patterns } => self.pattern_sequence(patterns, pc)?,
            PatternKind::MatchMapping {
                keys,
                patterns,
                rest,
            } => self.pattern_mapping(keys, patterns, rest.as_deref(), pc)?,
            PatternKind::MatchClass {
                cls,
                patterns,
                kwd_attrs,
                kwd_patterns,
            } => {
                if !kwd_attrs.is_empty() {
                    self.set_loc(p.loc);
                }
                self.visit_expr(cls)?;
                let names: Vec<Constant> = kwd_attrs.iter().map(|a| Constant::str(a)).collect();
                self.load_const(Constant::tuple(names));
                let nargs = patterns.len();
                let nattrs = kwd_attrs.len();
                self.emit(Opcode::MATCH_CLASS, nargs as u32);
                self.emit(Opcode::COPY, 1);
                self.load_const(Constant::None);
                self.emit(Opcode::IS_OP, 1);
                pc.on_top += 1;
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
                self.emit(Opcode::UNPACK_SEQUENCE, (nargs + nattrs) as u32);
                pc.on_top += nargs + nattrs;
                pc.on_top -= 1;
                for sub in patterns.iter().chain(kwd_patterns.iter()) {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.emit(Opcode::POP_TOP, 0);
                        continue;
                    }
                    self.subpattern(sub, pc)?;
                }
            }
            PatternKind::MatchStar { name } => self.pattern_store_name(name.as_deref(), pc)?,
            PatternKind::MatchAs { pattern, name } => match pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match name {
                            Some(n) => {
                                format!("name capture '{n}' makes remaining patterns unreachable")
                            }
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(&msg));
                    }
                    self.pattern_store_name(name.as_deref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Opcode::COPY, 1);
                    self.pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store_name(name.as_deref(), pc)?;
                }
            },
            PatternKind::MatchOr { patterns } => self.pattern_or(patterns, pc)?,
        }
        Ok(())
    }

    /// `compiler_pattern_sequence`.
    fn pattern_sequence(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let size = patterns.len();
        let mut star: Option<usize> = None;
        let mut only_wildcard = true;
        let mut star_wildcard = false;
        for (i, p) in patterns.iter().enumerate() {
            if matches!(p.node, PatternKind::MatchStar { .. }) {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern"));
                }
                star_wildcard = is_star_wildcard(p);
                only_wildcard &= star_wildcard;
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Opcode::MATCH_SEQUENCE, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        match star {
            None => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64));
                self.emit(Opcode::COMPARE_OP, 2);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) if size > 1 => {
                self.emit(Opcode::GET_LEN, 0);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Opcode::COMPARE_OP, 5);
                self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Opcode::POP_TOP, 0);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            // pattern_helper_sequence_subscr
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Opcode::COPY, 1);
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Opcode::GET_LEN, 0);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Opcode::BINARY_OP, 10);
                }
                self.emit(Opcode::BINARY_SUBSCR, 0);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
        } else {
            // pattern_helper_sequence_unpack
            match star {
                Some(i) => {
                    if i >= 256 {
                        return Err(
                            self.error("too many expressions in star-unpacking sequence pattern")
                        );
                    }
                    self.emit(Opcode::UNPACK_EX, (i + ((size - i - 1) << 8)) as u32);
                }
                None => self.emit(Opcode::UNPACK_SEQUENCE, size as u32),
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    /// `compiler_pattern_mapping`.
    fn pattern_mapping(
        &mut self,
        keys: &'a [Expr],
        patterns: &'a [Pattern],
        rest: Option<&'a str>,
        pc: &mut PatternContext,
    ) -> CResult {
        let size = keys.len();
        pc.on_top += 1;
        self.emit(Opcode::MATCH_MAPPING, 0);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        if size == 0 && rest.is_none() {
            pc.on_top -= 1;
            self.emit(Opcode::POP_TOP, 0);
            return Ok(());
        }
        if size > 0 {
            self.emit(Opcode::GET_LEN, 0);
            self.load_const(Constant::Int(size as i64));
            self.emit(Opcode::COMPARE_OP, 5);
            self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        }
        for key in keys {
            if !consts::is_const(key, self.optimize)
                && !matches!(key.node, ExprKind::Attribute { .. })
            {
                return Err(self
                    .error("mapping pattern keys may only match literals and attribute lookups"));
            }
            self.visit_expr(key)?;
        }
        self.emit(Opcode::BUILD_TUPLE, size as u32);
        self.emit(Opcode::MATCH_KEYS, 0);
        pc.on_top += 2;
        self.emit(Opcode::COPY, 1);
        self.load_const(Constant::None);
        self.emit(Opcode::IS_OP, 1);
        self.jump_to_fail_pop(pc, Op::PopJumpIfFalse);
        self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
        pc.on_top += size;
        pc.on_top -= 1;
        for p in patterns.iter().take(size) {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match rest {
            Some(name) => {
                self.emit(Opcode::BUILD_MAP, 0);
                self.emit(Opcode::SWAP, 3);
                self.emit(Opcode::DICT_UPDATE, 2);
                self.emit(Opcode::UNPACK_SEQUENCE, size as u32);
                let mut n = size;
                while n > 0 {
                    self.emit(Opcode::COPY, 1 + n as u32);
                    n -= 1;
                    self.emit(Opcode::SWAP, 2);
                    self.emit(Opcode::DELETE_SUBSCR, 0);
                }
                self.pattern_store_name(Some(name), pc)?;
            }
            None => {
                self.emit(Opcode::POP_TOP, 0);
                self.emit(Opcode::POP_TOP, 0);
            }
        }
        Ok(())
    }

    /// `compiler_pattern_or`.
    fn pattern_or(&mut self, patterns: &'a [Pattern], pc: &mut PatternContext) -> CResult {
        let end = self.new_block();
        let size = patterns.len();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<String>> = None;
        for (i, alt) in patterns.iter().enumerate() {
            self.set_loc(alt.loc);
            pc.stores = Vec::new();
            pc.allow_irrefutable = i == size - 1 && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Opcode::COPY, 1);
            self.pattern(alt, pc)?;
            let nstores = pc.stores.len();
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctl) if ctl.len() != nstores => {
                    return Err(self.error("alternative patterns bind different names"));
                }
                Some(ctl) => {
                    let ctl = ctl.clone();
                    let mut icontrol = nstores;
                    while icontrol > 0 {
                        icontrol -= 1;
                        let name = &ctl[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return Err(self.error("alternative patterns bind different names"));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<String> = pc.stores.drain(0..rotations).collect();
                            let at = icontrol - istores;
                            for (k, r) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, r);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1);
                            }
                        }
                    }
                }
            }
            self.jump(Op::Jump, end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Opcode::POP_TOP, 0);
        self.jump_to_fail_pop(pc, Op::Jump);
        self.use_next_block(end);
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots);
            if pc.stores.contains(&name) {
                return Err(
                    self.error(&format!("multiple assignments to name '{name}' in pattern"))
                );
            }
            pc.stores.push(name);
        }
        self.emit(Opcode::POP_TOP, 0);
        Ok(())
    }
}
