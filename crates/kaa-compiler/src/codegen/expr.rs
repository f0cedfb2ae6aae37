//! Expressions: `compiler_visit_expr` and its helpers in CPython 3.11's
//! Python/compile.c (operators, comparisons, boolean operators, calls,
//! displays, f-strings, subscripts, attributes, `yield` / `await`).

use kaa_bytecode::{Constant, Opcode};
use kaa_parser::ast::{BoolOp, CmpOp, Expr, ExprKind, Keyword, Operator, UnaryOp};

use super::cfg::{BlockId, Op};
use super::{consts, CResult, Compiler, Ctx};

/// Beyond this many stack items, displays and calls are built piecewise
/// (`STACK_USE_GUIDELINE`).
pub(crate) const STACK_USE_GUIDELINE: usize = 30;

/// `_nb_ops` index of a binary operator (`NB_*`).
pub(crate) fn binop_arg(op: Operator) -> u32 {
    match op {
        Operator::Add => 0,
        Operator::BitAnd => 1,
        Operator::FloorDiv => 2,
        Operator::LShift => 3,
        Operator::MatMult => 4,
        Operator::Mult => 5,
        Operator::Mod => 6,
        Operator::BitOr => 7,
        Operator::Pow => 8,
        Operator::RShift => 9,
        Operator::Sub => 10,
        Operator::Div => 11,
        Operator::BitXor => 12,
    }
}

/// A piece of a `%`-format the optimizer turns into an f-string
/// (ast_opt.c's `optimize_format`).
pub(crate) enum FmtPart<'a> {
    /// Literal text (a constant without location).
    Lit(Vec<u32>),
    /// A formatted value: the argument, its conversion (`s`, `r`, `a`)
    /// and format spec.
    Value(&'a Expr, u8, Option<String>),
}

/// `simple_format_arg_parse` + `parse_format`: one `%` unit at `pos`
/// (just after the `%`).
fn parse_unit(fmt: &[u32], pos: &mut usize) -> Option<(u8, Option<String>)> {
    let mut p = *pos;
    let mut next = || -> Option<u32> {
        let c = *fmt.get(p)?;
        p += 1;
        Some(c)
    };
    let mut ljust = false;
    let mut ch;
    loop {
        ch = next()?;
        match char::from_u32(ch) {
            Some('-') => ljust = true,
            Some('+' | ' ' | '#' | '0') => {}
            _ => break,
        }
    }
    let digit = |c: u32| (u32::from(b'0')..=u32::from(b'9')).contains(&c);
    let mut width: i32 = -1;
    let mut prec: i32 = -1;
    if digit(ch) {
        width = 0;
        let mut digits = 0;
        while digit(ch) {
            width = width * 10 + (ch - u32::from(b'0')) as i32;
            ch = next()?;
            digits += 1;
            if digits >= 3 {
                return None;
            }
        }
    }
    if ch == u32::from(b'.') {
        ch = next()?;
        prec = 0;
        if digit(ch) {
            let mut digits = 0;
            while digit(ch) {
                prec = prec * 10 + (ch - u32::from(b'0')) as i32;
                ch = next()?;
                digits += 1;
                if digits >= 3 {
                    return None;
                }
            }
        }
    }
    let spec = u8::try_from(ch)
        .ok()
        .filter(|c| matches!(c, b's' | b'r' | b'a'))?;
    *pos = p;
    let mut buf = String::new();
    if !ljust && width > 0 {
        buf.push('>');
    }
    if width >= 0 {
        buf.push_str(&width.to_string());
    }
    if prec >= 0 {
        buf.push_str(&format!(".{prec}"));
    }
    Some((spec, (!buf.is_empty()).then_some(buf)))
}

/// The comparison `not` folds into (`fold_unaryop`): `e` is, after
/// folding, a one-operator comparison, possibly inverted.
pub(crate) fn folded_compare(e: &Expr) -> Option<(&Expr, bool)> {
    match &e.node {
        ExprKind::Compare { ops, .. } if ops.len() == 1 => Some((e, false)),
        ExprKind::UnaryOp {
            op: UnaryOp::Not,
            operand,
        } => {
            let (cmp, inv) = folded_compare(operand)?;
            let ExprKind::Compare { ops, .. } = &cmp.node else {
                return None;
            };
            let op = if inv { invert(ops[0])? } else { ops[0] };
            invert(op)?;
            Some((cmp, !inv))
        }
        _ => None,
    }
}

/// The inverse of `is`, `is not`, `in`, `not in`.
fn invert(op: CmpOp) -> Option<CmpOp> {
    Some(match op {
        CmpOp::Is => CmpOp::IsNot,
        CmpOp::IsNot => CmpOp::Is,
        CmpOp::In => CmpOp::NotIn,
        CmpOp::NotIn => CmpOp::In,
        _ => return None,
    })
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter()
        .any(|e| matches!(e.node, ExprKind::Starred { .. }))
}

impl<'a> Compiler<'a> {
    /// `compiler_visit_expr`: sets the location to the node's for its
    /// code, then restores it.
    pub(crate) fn visit_expr(&mut self, e: &'a Expr) -> CResult {
        let saved = self.ur().loc;
        let r = if let Some((cmp, inv)) = self.inverted_not(e) {
            self.set_loc(cmp.loc);
            self.compare(cmp, inv)
        } else {
            self.set_loc(e.loc);
            self.visit_expr1(e)
        };
        self.u().loc = saved;
        r
    }

    /// A `not` over an invertible comparison, as the optimizer rewrites it.
    fn inverted_not(&self, e: &'a Expr) -> Option<(&'a Expr, bool)> {
        if !matches!(
            e.node,
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
        ) {
            return None;
        }
        if consts::is_const(e, self.optimize) {
            return None;
        }
        folded_compare(e).filter(|(_, inv)| *inv)
    }

    fn visit_expr1(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = consts::fold(e, self.optimize) {
            self.load_const(c);
            return Ok(());
        }
        match &e.node {
            ExprKind::NamedExpr { target, value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::COPY, 1);
                self.visit_expr(target)?;
            }
            ExprKind::BoolOp { op, values } => self.boolop(*op, values)?,
            ExprKind::BinOp { left, op, right } => {
                if *op == Operator::Mod {
                    if let Some(parts) = self.percent_format(left, right) {
                        return self.joined_parts(&parts);
                    }
                }
                self.visit_expr(left)?;
                self.visit_expr(right)?;
                self.emit(Opcode::BINARY_OP, binop_arg(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.visit_expr(operand)?;
                let op = match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                };
                self.emit(op, 0);
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.visit_expr(body)?;
                self.jump_noline(Op::Jump, end);
                self.use_next_block(next);
                self.visit_expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack(
                elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            ExprKind::ListComp { .. }
            | ExprKind::SetComp { .. }
            | ExprKind::DictComp { .. }
            | ExprKind::GeneratorExp { .. } => self.comprehension(e)?,
            ExprKind::Yield { value } => {
                match value {
                    Some(v) => self.visit_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                self.addop_yield();
            }
            ExprKind::YieldFrom { value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER, 0);
                self.load_const(Constant::None);
                self.add_yield_from(false);
            }
            ExprKind::Await { value } => {
                self.visit_expr(value)?;
                self.emit(Opcode::GET_AWAITABLE, 0);
                self.load_const(Constant::None);
                self.add_yield_from(true);
            }
            ExprKind::Compare { .. } => self.compare(e, false)?,
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.visit_expr(value)?;
                let mut oparg = match u8::try_from(*conversion).ok() {
                    Some(b's') => 1,
                    Some(b'r') => 2,
                    Some(b'a') => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.visit_expr(spec)?;
                    oparg |= 4;
                }
                self.emit(Opcode::FORMAT_VALUE, oparg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Constant::str(""));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit(Opcode::BUILD_LIST, 0);
                    for v in values {
                        self.visit_expr(v)?;
                        self.emit(Opcode::LIST_APPEND, 1);
                    }
                    self.emit(Opcode::PRECALL, 1);
                    self.emit(Opcode::CALL, 1);
                } else {
                    for v in values {
                        self.visit_expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit(Opcode::BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant { value, .. } => self.load_const(consts::from_ast(value)),
            ExprKind::Attribute { value, attr, ctx } => {
                self.visit_expr(value)?;
                self.update_start_to_attr(e);
                let op = match ctx {
                    Ctx::Load => Opcode::LOAD_ATTR,
                    Ctx::Store => Opcode::STORE_ATTR,
                    Ctx::Del => Opcode::DELETE_ATTR,
                };
                self.emit_name(op, attr);
            }
            ExprKind::Subscript { value, slice, ctx } => {
                if *ctx == Ctx::Load {
                    self.check_subscript(value, slice);
                }
                self.visit_expr(value)?;
                self.visit_expr(slice)?;
                let op = match ctx {
                    Ctx::Load => Opcode::BINARY_SUBSCR,
                    Ctx::Store => Opcode::STORE_SUBSCR,
                    Ctx::Del => Opcode::DELETE_SUBSCR,
                };
                self.emit(op, 0);
            }
            ExprKind::Starred { ctx, .. } => {
                let msg = if *ctx == Ctx::Store {
                    "starred assignment target must be in a list or tuple"
                } else {
                    "can't use starred expression here"
                };
                return Err(self.error(msg));
            }
            ExprKind::Slice { lower, upper, step } => {
                match lower {
                    Some(l) => self.visit_expr(l)?,
                    None => self.load_const(Constant::None),
                }
                match upper {
                    Some(u) => self.visit_expr(u)?,
                    None => self.load_const(Constant::None),
                }
                let mut n = 2;
                if let Some(s) = step {
                    n += 1;
                    self.visit_expr(s)?;
                }
                self.emit(Opcode::BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx)?,
            ExprKind::List { elts, ctx } => match ctx {
                Ctx::Store => self.assignment_helper(elts)?,
                Ctx::Del => {
                    for el in elts {
                        self.visit_expr(el)?;
                    }
                }
                Ctx::Load => self.starunpack(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                )?,
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                Ctx::Store => self.assignment_helper(elts)?,
                Ctx::Del => {
                    for el in elts {
                        self.visit_expr(el)?;
                    }
                }
                Ctx::Load => self.starunpack(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
            },
        }
        Ok(())
    }

    /// A SyntaxError at the current location.
    pub(crate) fn error(&self, msg: &str) -> Box<kaa_parser::SyntaxError> {
        let loc = self.ur().loc;
        let mut err = kaa_parser::SyntaxError::new(kaa_parser::ErrorKind::SyntaxError, msg);
        err.lineno = u32::try_from(loc.lineno).unwrap_or(u32::MAX);
        err.offset = u32::try_from(loc.col_offset + 1).unwrap_or(0);
        err.end_lineno = u32::try_from(loc.end_lineno).unwrap_or(u32::MAX);
        err.end_offset = u32::try_from(loc.end_col_offset + 1).unwrap_or(0);
        Box::new(err)
    }

    /// `update_start_location_to_match_attr`: an attribute on a later
    /// line than the current location starts where its name does.
    pub(crate) fn update_start_to_attr(&mut self, attr_expr: &Expr) {
        let ExprKind::Attribute { attr, .. } = &attr_expr.node else {
            return;
        };
        let end_lineno = attr_expr.loc.end_lineno as i32;
        let end_col = attr_expr.loc.end_col_offset as i32;
        let loc = &mut self.u().loc;
        if loc.lineno != end_lineno {
            loc.lineno = end_lineno;
            let len = attr.chars().count() as i32;
            if len <= end_col {
                loc.col_offset = end_col - len;
            } else {
                loc.col_offset = -1;
                loc.end_col_offset = -1;
            }
            loc.end_lineno = loc.end_lineno.max(loc.lineno);
            if loc.lineno == loc.end_lineno {
                loc.end_col_offset = loc.end_col_offset.max(loc.col_offset);
            }
        }
    }

    /// `ADDOP_YIELD`.
    pub(crate) fn addop_yield(&mut self) {
        let st = self.scope();
        if st.generator && st.coroutine {
            self.emit(Opcode::ASYNC_GEN_WRAP, 0);
        }
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, 1);
    }

    /// `compiler_add_yield_from`.
    pub(crate) fn add_yield_from(&mut self, is_await: bool) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.jump(Op::Real(Opcode::SEND), exit);
        self.use_next_block(resume);
        self.emit(Opcode::YIELD_VALUE, 0);
        self.emit(Opcode::RESUME, if is_await { 3 } else { 2 });
        self.jump(Op::JumpNoInterrupt, start);
        self.use_next_block(exit);
    }

    /// `optimize_format`: `'...%s...' % (a, b)` as f-string parts.
    fn percent_format(&self, left: &'a Expr, right: &'a Expr) -> Option<Vec<FmtPart<'a>>> {
        let ExprKind::Tuple {
            elts,
            ctx: Ctx::Load,
        } = &right.node
        else {
            return None;
        };
        if has_starred(elts) || consts::is_const(right, self.optimize) {
            return None;
        }
        let Some(Constant::Str(ref fmt)) = consts::fold(left, self.optimize) else {
            return None;
        };
        let fmt = fmt.code_points();
        let pct = u32::from(b'%');
        let mut parts = Vec::new();
        let mut pos = 0;
        let mut cnt = 0;
        loop {
            let start = pos;
            let mut lit = Vec::new();
            while pos < fmt.len() {
                if fmt[pos] != pct {
                    lit.push(fmt[pos]);
                    pos += 1;
                } else if pos + 1 < fmt.len() && fmt[pos + 1] == pct {
                    lit.push(pct);
                    pos += 2;
                } else {
                    break;
                }
            }
            if pos != start {
                parts.push(FmtPart::Lit(lit));
            }
            if pos >= fmt.len() {
                break;
            }
            let arg = elts.get(cnt)?;
            pos += 1;
            let (spec, format) = parse_unit(&fmt, &mut pos)?;
            cnt += 1;
            parts.push(FmtPart::Value(arg, spec, format));
        }
        (cnt == elts.len()).then_some(parts)
    }

    /// Compiles the f-string `optimize_format` made.
    fn joined_parts(&mut self, parts: &[FmtPart<'a>]) -> CResult {
        let lit = |c: &mut Self, cps: &[u32]| {
            let saved = c.ur().loc;
            c.u().loc = super::cfg::NO_LOC;
            let s = kaa_bytecode::PyStr::from_code_points(cps)
                .unwrap_or_else(|| kaa_bytecode::PyStr::new(""));
            c.load_const(Constant::Str(s));
            c.u().loc = saved;
        };
        let one = |c: &mut Self, part: &FmtPart<'a>| -> CResult {
            match part {
                FmtPart::Lit(cps) => lit(c, cps),
                FmtPart::Value(arg, spec, format) => {
                    let saved = c.ur().loc;
                    c.set_loc(arg.loc);
                    c.visit_expr(arg)?;
                    let mut oparg = match spec {
                        b's' => 1,
                        b'r' => 2,
                        _ => 3,
                    };
                    if let Some(f) = format {
                        let cps: Vec<u32> = f.chars().map(u32::from).collect();
                        lit(c, &cps);
                        oparg |= 4;
                    }
                    c.emit(Opcode::FORMAT_VALUE, oparg);
                    c.u().loc = saved;
                }
            }
            Ok(())
        };
        if parts.len() > STACK_USE_GUIDELINE {
            self.load_const(Constant::str(""));
            self.emit_name(Opcode::LOAD_METHOD, "join");
            self.emit(Opcode::BUILD_LIST, 0);
            for p in parts {
                one(self, p)?;
                self.emit(Opcode::LIST_APPEND, 1);
            }
            self.emit(Opcode::PRECALL, 1);
            self.emit(Opcode::CALL, 1);
        } else {
            for p in parts {
                one(self, p)?;
            }
            if parts.len() != 1 {
                self.emit(Opcode::BUILD_STRING, parts.len() as u32);
            }
        }
        Ok(())
    }

    /// `compiler_boolop`.
    fn boolop(&mut self, op: BoolOp, values: &'a [Expr]) -> CResult {
        let jumpi = match op {
            BoolOp::And => Opcode::JUMP_IF_FALSE_OR_POP,
            BoolOp::Or => Opcode::JUMP_IF_TRUE_OR_POP,
        };
        let end = self.new_block();
        let Some((last, init)) = values.split_last() else {
            return Ok(());
        };
        for v in init {
            self.visit_expr(v)?;
            self.jump(Op::Real(jumpi), end);
            let next = self.new_block();
            self.use_next_block(next);
        }
        self.visit_expr(last)?;
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_addcompare`.
    fn addcompare(&mut self, op: CmpOp) {
        let (opcode, arg) = match op {
            CmpOp::Lt => (Opcode::COMPARE_OP, 0),
            CmpOp::LtE => (Opcode::COMPARE_OP, 1),
            CmpOp::Eq => (Opcode::COMPARE_OP, 2),
            CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
            CmpOp::Gt => (Opcode::COMPARE_OP, 4),
            CmpOp::GtE => (Opcode::COMPARE_OP, 5),
            CmpOp::Is => (Opcode::IS_OP, 0),
            CmpOp::IsNot => (Opcode::IS_OP, 1),
            CmpOp::In => (Opcode::CONTAINS_OP, 0),
            CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
        };
        self.emit(opcode, arg);
    }

    /// A comparison's operators, the single one inverted if asked.
    fn compare_ops(e: &Expr, inverted: bool) -> Vec<CmpOp> {
        let ExprKind::Compare { ops, .. } = &e.node else {
            return Vec::new();
        };
        let mut ops = ops.clone();
        if inverted {
            if let Some(first) = ops.first_mut() {
                *first = invert(*first).unwrap_or(*first);
            }
        }
        ops
    }

    /// A comparator, with `in [..]` / `in {..}` folded (`fold_compare`).
    fn comparator(&mut self, e: &'a Expr, op: CmpOp, last: bool) -> CResult {
        if last && matches!(op, CmpOp::In | CmpOp::NotIn) {
            self.visit_iter(e)
        } else {
            self.visit_expr(e)
        }
    }

    /// An iterable the optimizer folds (`fold_iter`): a list display
    /// becomes a tuple, a set display of constants a frozenset.
    pub(crate) fn visit_iter(&mut self, e: &'a Expr) -> CResult {
        match &e.node {
            ExprKind::List {
                elts,
                ctx: Ctx::Load,
            } if !has_starred(elts) => {
                let saved = self.ur().loc;
                self.set_loc(e.loc);
                let folded: Option<Vec<Constant>> = elts
                    .iter()
                    .map(|x| consts::fold(x, self.optimize))
                    .collect();
                match folded {
                    Some(items) => self.load_const(Constant::tuple(items)),
                    None => self.starunpack(
                        elts,
                        0,
                        Opcode::BUILD_LIST,
                        Opcode::LIST_APPEND,
                        Opcode::LIST_EXTEND,
                        true,
                    )?,
                }
                self.u().loc = saved;
                Ok(())
            }
            ExprKind::Set { elts } => {
                let folded: Option<Vec<Constant>> = elts
                    .iter()
                    .map(|x| consts::fold(x, self.optimize))
                    .collect();
                match folded {
                    Some(items) => {
                        let saved = self.ur().loc;
                        self.set_loc(e.loc);
                        self.load_const(consts::frozenset(items));
                        self.u().loc = saved;
                        Ok(())
                    }
                    None => self.visit_expr(e),
                }
            }
            _ => self.visit_expr(e),
        }
    }

    /// `compiler_compare`.
    pub(crate) fn compare(&mut self, e: &'a Expr, inverted: bool) -> CResult {
        let ExprKind::Compare {
            left, comparators, ..
        } = &e.node
        else {
            return Ok(());
        };
        let ops = Self::compare_ops(e, inverted);
        self.check_compare(left, &ops, comparators);
        self.visit_expr(left)?;
        let n = ops.len().min(comparators.len());
        if n == 0 {
            return Ok(());
        }
        if n == 1 {
            self.comparator(&comparators[0], ops[0], true)?;
            self.addcompare(ops[0]);
            return Ok(());
        }
        let cleanup = self.new_block();
        for i in 0..n - 1 {
            self.visit_expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.addcompare(ops[i]);
            self.jump(Op::Real(Opcode::JUMP_IF_FALSE_OR_POP), cleanup);
            self.next_block();
        }
        self.comparator(&comparators[n - 1], ops[n - 1], true)?;
        self.addcompare(ops[n - 1]);
        let end = self.new_block();
        self.jump_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.emit(Opcode::SWAP, 2);
        self.emit(Opcode::POP_TOP, 0);
        self.use_next_block(end);
        Ok(())
    }

    /// `compiler_jump_if`: jump to `next` if `e` is `cond`.
    pub(crate) fn jump_if(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        // The comparison case runs at the comparison's location.
        let cmp = match self.inverted_not(e) {
            Some(x) => Some(x),
            None => matches!(e.node, ExprKind::Compare { .. }).then_some((e, false)),
        };
        if let Some((cmp, inv)) = cmp {
            // CPython leaves the location there afterwards.
            self.set_loc(cmp.loc);
            return self.jump_if_compare(cmp, inv, next, cond);
        }
        self.jump_if1(e, next, cond)
    }

    fn jump_if1(&mut self, e: &'a Expr, next: BlockId, cond: bool) -> CResult {
        match &e.node {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } if !consts::is_const(e, self.optimize) => {
                return self.jump_if(operand, next, !cond);
            }
            ExprKind::BoolOp { op, values } => {
                let Some((last, init)) = values.split_last() else {
                    return Ok(());
                };
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in init {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(last, next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.jump_noline(Op::Jump, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        self.visit_expr(e)?;
        let op = if cond {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.jump(op, next);
        self.next_block();
        Ok(())
    }

    /// The `Compare` case of `compiler_jump_if`.
    fn jump_if_compare(&mut self, e: &'a Expr, inv: bool, next: BlockId, cond: bool) -> CResult {
        let ExprKind::Compare {
            left, comparators, ..
        } = &e.node
        else {
            return Ok(());
        };
        let ops = Self::compare_ops(e, inv);
        let n = ops.len().min(comparators.len());
        if n <= 1 {
            self.compare(e, inv)?;
            let op = if cond {
                Op::PopJumpIfTrue
            } else {
                Op::PopJumpIfFalse
            };
            self.jump(op, next);
            self.next_block();
            return Ok(());
        }
        self.check_compare(left, &ops, comparators);
        let cleanup = self.new_block();
        self.visit_expr(left)?;
        for i in 0..n - 1 {
            self.visit_expr(&comparators[i])?;
            self.emit(Opcode::SWAP, 2);
            self.emit(Opcode::COPY, 2);
            self.addcompare(ops[i]);
            self.jump(Op::PopJumpIfFalse, cleanup);
            self.next_block();
        }
        self.comparator(&comparators[n - 1], ops[n - 1], true)?;
        self.addcompare(ops[n - 1]);
        let op = if cond {
            Op::PopJumpIfTrue
        } else {
            Op::PopJumpIfFalse
        };
        self.jump(op, next);
        self.next_block();
        let end = self.new_block();
        self.jump_noline(Op::Jump, end);
        self.use_next_block(cleanup);
        self.emit(Opcode::POP_TOP, 0);
        if !cond {
            self.jump_noline(Op::Jump, next);
        }
        self.use_next_block(end);
        Ok(())
    }

    /// `starunpack_helper`: a list, tuple or set display (or call
    /// arguments), `pushed` items already on the stack.
    pub(crate) fn starunpack(
        &mut self,
        elts: &'a [Expr],
        pushed: u32,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> CResult {
        let n = elts.len();
        if n > 2 {
            let folded: Option<Vec<Constant>> = elts
                .iter()
                .map(|x| consts::fold(x, self.optimize))
                .collect();
            if let Some(items) = folded {
                if tuple && pushed == 0 {
                    self.load_const(Constant::tuple(items));
                } else {
                    let c = if add == Opcode::SET_ADD {
                        consts::frozenset(items)
                    } else {
                        Constant::tuple(items)
                    };
                    self.emit(build, pushed);
                    self.load_const(c);
                    self.emit(extend, 1);
                    if tuple {
                        self.emit(Opcode::LIST_TO_TUPLE, 0);
                    }
                }
                return Ok(());
            }
        }
        let big = n + pushed as usize > STACK_USE_GUIDELINE;
        let seen_star = has_starred(elts);
        if !seen_star && !big {
            for el in elts {
                self.visit_expr(el)?;
            }
            let op = if tuple { Opcode::BUILD_TUPLE } else { build };
            self.emit(op, n as u32 + pushed);
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit(build, pushed);
            built = true;
        }
        for (i, el) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &el.node {
                if !built {
                    self.emit(build, i as u32 + pushed);
                    built = true;
                }
                self.visit_expr(value)?;
                self.emit(extend, 1);
            } else {
                self.visit_expr(el)?;
                if built {
                    self.emit(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE, 0);
        }
        Ok(())
    }

    /// `assignment_helper` / `unpack_helper`.
    pub(crate) fn assignment_helper(&mut self, elts: &'a [Expr]) -> CResult {
        let n = elts.len();
        let mut seen_star = false;
        for (i, el) in elts.iter().enumerate() {
            if matches!(el.node, ExprKind::Starred { .. }) {
                if seen_star {
                    return Err(self.error("multiple starred expressions in assignment"));
                }
                if i >= 256 || n - i > (i32::MAX as usize >> 8) {
                    return Err(self.error("too many expressions in star-unpacking assignment"));
                }
                self.emit(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for el in elts {
            match &el.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.visit_expr(el)?,
            }
        }
        Ok(())
    }

    /// `compiler_subdict`.
    fn subdict(
        &mut self,
        keys: &'a [Option<Expr>],
        values: &'a [Expr],
        begin: usize,
        end: usize,
    ) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            let folded: Option<Vec<Constant>> = keys[begin..end]
                .iter()
                .map(|k| k.as_ref().and_then(|k| consts::fold(k, self.optimize)))
                .collect();
            if let Some(ks) = folded {
                for v in &values[begin..end] {
                    self.visit_expr(v)?;
                }
                self.load_const(Constant::tuple(ks));
                self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
                return Ok(());
            }
        }
        if big {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        for i in begin..end {
            if let Some(k) = &keys[i] {
                self.visit_expr(k)?;
            }
            self.visit_expr(&values[i])?;
            if big {
                self.emit(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// `compiler_dict`.
    fn dict(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> CResult {
        let n = values.len().min(keys.len());
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(keys, values, i - elements, i)?;
                    if have_dict {
                        self.emit(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.visit_expr(&values[i])?;
                self.emit(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(keys, values, i - elements, i + 1)?;
                if have_dict {
                    self.emit(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(keys, values, n - elements, n)?;
            if have_dict {
                self.emit(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    /// Whether a name is imported at module level (`is_import_originated`).
    fn is_import_originated(&self, e: &Expr) -> bool {
        let ExprKind::Name { id, .. } = &e.node else {
            return false;
        };
        self.table
            .top()
            .lookup(id)
            .is_some_and(|s| s.flags.intersects(crate::symtable::SymbolFlags::DEF_IMPORT))
    }

    /// `compiler_call`.
    fn call(
        &mut self,
        e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        if self.maybe_method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.check_caller(func);
        self.set_loc(func.loc);
        self.emit(Opcode::PUSH_NULL, 0);
        self.set_loc(e.loc);
        self.visit_expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `maybe_optimize_method_call`: `LOAD_METHOD` + `PRECALL` + `CALL`.
    fn maybe_method_call(
        &mut self,
        _e: &'a Expr,
        func: &'a Expr,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: Ctx::Load,
        } = &func.node
        else {
            return Ok(false);
        };
        if self.is_import_originated(value) {
            return Ok(false);
        }
        let (argsl, kwdsl) = (args.len(), keywords.len());
        if argsl + kwdsl + usize::from(kwdsl != 0) >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if has_starred(args) || keywords.iter().any(|k| k.arg.is_none()) {
            return Ok(false);
        }
        self.visit_expr(value)?;
        let call_loc = self.ur().loc;
        self.set_loc(func.loc);
        self.update_start_to_attr(func);
        self.emit_name(Opcode::LOAD_METHOD, attr);
        for a in args {
            self.visit_expr(a)?;
        }
        if kwdsl > 0 {
            for k in keywords {
                self.visit_expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        self.u().loc = call_loc;
        self.update_start_to_attr(func);
        self.emit(Opcode::PRECALL, (argsl + kwdsl) as u32);
        self.emit(Opcode::CALL, (argsl + kwdsl) as u32);
        Ok(true)
    }

    /// `compiler_call_simple_kw_helper`: `KW_NAMES`.
    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names: Vec<Constant> = keywords
            .iter()
            .map(|k| Constant::str(k.arg.as_deref().unwrap_or("")))
            .collect();
        let i = self.add_const(Constant::tuple(names));
        self.emit(Opcode::KW_NAMES, i);
    }

    /// `compiler_call_helper`: arguments and the call, `n` arguments
    /// already pushed.
    pub(crate) fn call_helper(
        &mut self,
        n: u32,
        args: &'a [Expr],
        keywords: &'a [Keyword],
    ) -> CResult {
        let nelts = args.len();
        let nkwelts = keywords.len();
        let ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
            || has_starred(args)
            || keywords.iter().any(|k| k.arg.is_none());
        if !ex_call {
            for a in args {
                self.visit_expr(a)?;
            }
            if nkwelts > 0 {
                for k in keywords {
                    self.visit_expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let total = n + (nelts + nkwelts) as u32;
            self.emit(Opcode::PRECALL, total);
            self.emit(Opcode::CALL, total);
            return Ok(());
        }
        match args {
            [single] if n == 0 => match &single.node {
                ExprKind::Starred { value, .. } => self.visit_expr(value)?,
                _ => self.starunpack(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
            },
            _ => self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?,
        }
        if nkwelts > 0 {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, kw) in keywords.iter().enumerate() {
                if kw.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(keywords, i - nseen, i)?;
                        if have_dict {
                            self.emit(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.visit_expr(&kw.value)?;
                    self.emit(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)?;
                if have_dict {
                    self.emit(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit(Opcode::CALL_FUNCTION_EX, u32::from(nkwelts > 0));
        Ok(())
    }

    /// `compiler_subkwargs`.
    fn subkwargs(&mut self, keywords: &'a [Keyword], begin: usize, end: usize) -> CResult {
        let n = end - begin;
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in &keywords[begin..end] {
                self.visit_expr(&k.value)?;
            }
            let names: Vec<Constant> = keywords[begin..end]
                .iter()
                .map(|k| Constant::str(k.arg.as_deref().unwrap_or("")))
                .collect();
            self.load_const(Constant::tuple(names));
            self.emit(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Op::Real(Opcode::BUILD_MAP), 0);
        }
        for k in &keywords[begin..end] {
            self.load_const(Constant::str(k.arg.as_deref().unwrap_or("")));
            self.visit_expr(&k.value)?;
            if big {
                self.emit_noline(Op::Real(Opcode::MAP_ADD), 1);
            }
        }
        if !big {
            self.emit(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }
}
