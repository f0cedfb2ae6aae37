//! Expression rules (python.gram "EXPRESSIONS" to "FUNCTION CALL ARGUMENTS").

use super::{tok_loc, MemoRule, MemoVal, PResult, Parser};
use crate::ast::{
    BoolOp, CmpOp, Comprehension, Expr, ExprContext, ExprKind, Keyword, Loc, Operator, UnaryOp,
};
use crate::constant::Constant;
use crate::token::Tok;

/// An element of `kwargs`: a keyword argument or a starred expression.
pub(crate) enum KwOrStarred {
    Kw(Keyword),
    Starred(Expr),
}

/// Builds an expression node.
pub(crate) fn mk(node: ExprKind, loc: Loc) -> Expr {
    Expr { node, loc }
}

impl<'a> Parser<'a> {
    /// Runs a memoised expression rule.
    /// In the first pass only failures are memoised (results would have to
    /// be cloned into the table); the places where the grammar backtracks
    /// over an expression hand it on through the stash instead.
    pub(crate) fn memo_expr(
        &mut self,
        rule: MemoRule,
        f: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        if let Some(MemoVal::Expr(v)) = self.memo_get(rule) {
            return Ok(v);
        }
        let start = self.pos;
        self.enter()?;
        let r = f(self);
        self.leave();
        let r = r?;
        if r.is_none() {
            self.pos = start;
        }
        self.memo_store_expr(start, rule, &r);
        Ok(r)
    }

    /// expressions: expression (',' expression)* [','] | expression
    pub(crate) fn expressions(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::expression, ExprContext::Load)
    }

    /// `elem (',' elem)* [',']` as a Tuple in `ctx`, or the lone `elem`
    /// when no comma follows it (expressions, star_expressions,
    /// star_targets).
    pub(crate) fn comma_tuple(
        &mut self,
        elem: fn(&mut Self) -> PResult<Expr>,
        ctx: ExprContext,
    ) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(a) = elem(self)? else {
            return Ok(None);
        };
        if self.peek() != Tok::Comma {
            return Ok(Some(a));
        }
        let mut elts = vec![a];
        while self.peek() == Tok::Comma {
            let mark = self.pos;
            self.pos += 1;
            match elem(self)? {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        self.eat(Tok::Comma);
        let loc = self.loc_from(start);
        Ok(Some(mk(ExprKind::Tuple { elts, ctx }, loc)))
    }

    /// expression (memo):
    ///     | invalid_expression | invalid_legacy_expression
    ///     | disjunction 'if' disjunction 'else' expression | disjunction | lambdef
    pub(crate) fn expression(&mut self) -> PResult<Expr> {
        if !self.call_invalid_rules {
            if let Some(e) = self.stash_take_plain() {
                return Ok(Some(e));
            }
        }
        self.memo_expr(MemoRule::Expression, Self::expression_raw)
    }

    fn expression_raw(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        if self.call_invalid_rules {
            if self.invalid_expression()?.is_some() {
                return Ok(None);
            }
            self.pos = start;
            if self.invalid_legacy_expression()?.is_some() {
                return Ok(None);
            }
            self.pos = start;
        }
        self.expression_without_invalid_inner(start)
    }

    /// The grammar's alternatives of `expression` (also
    /// `expression_without_invalid` when the invalid rules are off).
    fn expression_without_invalid_inner(&mut self, start: usize) -> PResult<Expr> {
        if self.peek() == Tok::Lambda {
            return self.lambdef();
        }
        let Some(a) = self.disjunction()? else {
            return Ok(None);
        };
        if self.peek() == Tok::If {
            let mark = self.pos;
            self.pos += 1;
            if let Some(b) = self.disjunction()? {
                if self.eat(Tok::Else) {
                    if let Some(c) = self.expression()? {
                        let loc = self.loc_from(start);
                        return Ok(Some(mk(
                            ExprKind::IfExp {
                                test: Box::new(b),
                                body: Box::new(a),
                                orelse: Box::new(c),
                            },
                            loc,
                        )));
                    }
                }
            }
            self.pos = mark;
        }
        Ok(Some(a))
    }

    /// expression_without_invalid: the grammar's alternatives with the
    /// invalid rules switched off below.
    pub(crate) fn expression_without_invalid(&mut self) -> PResult<Expr> {
        let saved = self.call_invalid_rules;
        self.call_invalid_rules = false;
        let start = self.pos;
        self.touch();
        let r = self.expression_without_invalid_inner(start);
        self.call_invalid_rules = saved;
        let r = r?;
        if r.is_none() {
            self.pos = start;
        }
        Ok(r)
    }

    /// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
    pub(crate) fn yield_expr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::Yield) {
            return Ok(None);
        }
        if self.eat(Tok::From) {
            if let Some(a) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(ExprKind::YieldFrom { value: Box::new(a) }, loc)));
            }
            self.pos = start + 1;
        }
        let value = self.star_expressions()?.map(Box::new);
        let loc = self.loc_from(start);
        Ok(Some(mk(ExprKind::Yield { value }, loc)))
    }

    /// star_expressions: star_expression (',' star_expression)* [','] | star_expression
    pub(crate) fn star_expressions(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::star_expression, ExprContext::Load)
    }

    /// star_expression (memo): '*' bitwise_or | expression
    pub(crate) fn star_expression(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::StarExpression, |p| {
            if let Some(e) = p.starred_bitwise_or()? {
                return Ok(Some(e));
            }
            p.expression()
        })
    }

    /// '*' bitwise_or, the starred alternative of star_expression and
    /// star_named_expression.
    fn starred_bitwise_or(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(Tok::Star) {
            if let Some(a) = self.bitwise_or()? {
                let loc = self.loc_from(start);
                let value = Box::new(a);
                return Ok(Some(mk(
                    ExprKind::Starred {
                        value,
                        ctx: ExprContext::Load,
                    },
                    loc,
                )));
            }
            self.pos = start;
        }
        Ok(None)
    }

    /// star_named_expressions: ','.star_named_expression+ [',']
    pub(crate) fn star_named_expressions(&mut self) -> PResult<Vec<Expr>> {
        self.sep_by_trailing(Tok::Comma, Self::star_named_expression)
    }

    /// star_named_expressions, also giving where its first element ends.
    fn star_named_expressions_first(&mut self) -> PResult<(Vec<Expr>, usize)> {
        let Some(a) = self.star_named_expression()? else {
            return Ok(None);
        };
        let first_end = self.pos;
        let mut v = vec![a];
        while self.peek() == Tok::Comma {
            let mark = self.pos;
            self.pos += 1;
            match self.star_named_expression()? {
                Some(e) => v.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        self.eat(Tok::Comma);
        Ok(Some((v, first_end)))
    }

    /// star_named_expression: '*' bitwise_or | named_expression
    pub(crate) fn star_named_expression(&mut self) -> PResult<Expr> {
        self.touch();
        if let Some(e) = self.starred_bitwise_or()? {
            return Ok(Some(e));
        }
        self.named_expression()
    }

    /// assignment_expression: NAME ':=' ~ expression
    pub(crate) fn assignment_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.peek() != Tok::Name || self.peek_at(1) != Tok::ColonEqual {
            return Ok(None);
        }
        let Some(name) = self.name() else {
            return Ok(None);
        };
        self.pos += 1;
        match self.expression()? {
            Some(b) => {
                let loc = self.loc_from(start);
                let target = Box::new(set_ctx(name, ExprContext::Store));
                Ok(Some(mk(
                    ExprKind::NamedExpr {
                        target,
                        value: Box::new(b),
                    },
                    loc,
                )))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// named_expression: assignment_expression | invalid_named_expression | expression !':='
    pub(crate) fn named_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        if let Some(e) = self.stash_take() {
            return Ok(Some(e));
        }
        if let Some(e) = self.assignment_expression()? {
            return Ok(Some(e));
        }
        self.pos = start;
        if self.call_invalid_rules {
            if self.invalid_named_expression()?.is_some() {
                return Ok(None);
            }
            self.pos = start;
        }
        if let Some(e) = self.expression()? {
            if self.peek() != Tok::ColonEqual {
                return Ok(Some(e));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// disjunction (memo): conjunction ('or' conjunction)+ | conjunction
    pub(crate) fn disjunction(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::Disjunction, |p| {
            p.bool_op(Tok::Or, BoolOp::Or, Self::conjunction)
        })
    }

    /// conjunction (memo): inversion ('and' inversion)+ | inversion
    pub(crate) fn conjunction(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::Conjunction, |p| {
            p.bool_op(Tok::And, BoolOp::And, Self::inversion)
        })
    }

    fn bool_op(
        &mut self,
        tok: Tok,
        op: BoolOp,
        sub: fn(&mut Self) -> PResult<Expr>,
    ) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(a) = sub(self)? else { return Ok(None) };
        if self.peek() != tok {
            return Ok(Some(a));
        }
        let mut values = vec![a];
        while self.peek() == tok {
            let mark = self.pos;
            self.pos += 1;
            match sub(self)? {
                Some(e) => values.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if values.len() == 1 {
            return Ok(values.pop());
        }
        let loc = self.loc_from(start);
        Ok(Some(mk(ExprKind::BoolOp { op, values }, loc)))
    }

    /// inversion (memo): 'not' inversion | comparison
    pub(crate) fn inversion(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::Inversion, |p| {
            let start = p.pos;
            if p.eat(Tok::Not) {
                if let Some(a) = p.inversion()? {
                    let loc = p.loc_from(start);
                    return Ok(Some(mk(
                        ExprKind::UnaryOp {
                            op: UnaryOp::Not,
                            operand: Box::new(a),
                        },
                        loc,
                    )));
                }
                p.pos = start;
            }
            p.comparison()
        })
    }

    /// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
    pub(crate) fn comparison(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(a) = self.bitwise_or()? else {
            return Ok(None);
        };
        let mut ops = Vec::new();
        let mut comparators = Vec::new();
        while let Some((op, e)) = self.compare_op_bitwise_or_pair()? {
            ops.push(op);
            comparators.push(e);
        }
        if ops.is_empty() {
            return Ok(Some(a));
        }
        let loc = self.loc_from(start);
        Ok(Some(mk(
            ExprKind::Compare {
                left: Box::new(a),
                ops,
                comparators,
            },
            loc,
        )))
    }

    /// compare_op_bitwise_or_pair: the ten comparison operators, each
    /// followed by a bitwise_or.
    fn compare_op_bitwise_or_pair(&mut self) -> PResult<(CmpOp, Expr)> {
        let mark = self.pos;
        let op = match self.peek() {
            Tok::EqEqual => CmpOp::Eq,
            Tok::NotEqual => CmpOp::NotEq,
            Tok::LessEqual => CmpOp::LtE,
            Tok::Less => CmpOp::Lt,
            Tok::GreaterEqual => CmpOp::GtE,
            Tok::Greater => CmpOp::Gt,
            Tok::Not => {
                if self.peek_at(1) != Tok::In {
                    return Ok(None);
                }
                self.pos += 1;
                CmpOp::NotIn
            }
            Tok::In => CmpOp::In,
            Tok::Is => {
                if self.peek_at(1) == Tok::Not {
                    self.pos += 1;
                    self.pos += 1;
                    if let Some(e) = self.bitwise_or()? {
                        return Ok(Some((CmpOp::IsNot, e)));
                    }
                    self.pos = mark;
                }
                CmpOp::Is
            }
            _ => return Ok(None),
        };
        self.pos += 1;
        match self.bitwise_or()? {
            Some(e) => Ok(Some((op, e))),
            None => {
                self.pos = mark;
                Ok(None)
            }
        }
    }

    /// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
    ///
    /// The six left-recursive binary rules below it (bitwise_xor,
    /// bitwise_and, shift_expr, sum, term, down to factor) are parsed by one
    /// precedence-climbing loop: it builds the same trees, with the same
    /// locations, looking at the same tokens.
    pub(crate) fn bitwise_or(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::BitwiseOr, |p| p.binary(1))
    }

    /// The binary operators of bitwise_or down to term, at `min_prec` or
    /// tighter: a left operand, then `OP operand` while the operator binds
    /// at least that tightly (each operand itself parsed one level tighter,
    /// which makes every level left-associative).
    fn binary(&mut self, min_prec: u8) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(mut left) = self.factor()? else {
            return Ok(None);
        };
        let mut links = 0;
        let r = loop {
            let Some((prec, op)) = binary_op(self.peek()) else {
                break Ok(());
            };
            if prec < min_prec {
                break Ok(());
            }
            let mark = self.pos;
            self.pos += 1;
            match self.binary(prec + 1) {
                Ok(Some(right)) => {
                    let loc = self.loc_from(start);
                    let (left_box, right) = (Box::new(left), Box::new(right));
                    left = mk(
                        ExprKind::BinOp {
                            left: left_box,
                            op,
                            right,
                        },
                        loc,
                    );
                    links += 1;
                    if let Err(s) = self.chain_link() {
                        break Err(s);
                    }
                }
                Ok(None) => {
                    self.pos = mark;
                    break Ok(());
                }
                Err(s) => break Err(s),
            }
        };
        self.chain_end(links);
        r.map(|()| Some(left))
    }

    /// factor (memo): '+' factor | '-' factor | '~' factor | power
    pub(crate) fn factor(&mut self) -> PResult<Expr> {
        if !matches!(self.peek(), Tok::Plus | Tok::Minus | Tok::Tilde) {
            return self.power();
        }
        self.memo_expr(MemoRule::Factor, |p| {
            let start = p.pos;
            let op = match p.toks[start].kind {
                Tok::Plus => UnaryOp::UAdd,
                Tok::Minus => UnaryOp::USub,
                _ => UnaryOp::Invert,
            };
            p.pos += 1;
            if let Some(a) = p.factor()? {
                let loc = p.loc_from(start);
                return Ok(Some(mk(
                    ExprKind::UnaryOp {
                        op,
                        operand: Box::new(a),
                    },
                    loc,
                )));
            }
            p.pos = start;
            p.power()
        })
    }

    /// power: await_primary '**' factor | await_primary
    fn power(&mut self) -> PResult<Expr> {
        self.enter()?;
        let r = self.power_inner();
        self.leave();
        r
    }

    fn power_inner(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(a) = self.await_primary()? else {
            return Ok(None);
        };
        if self.peek() == Tok::DoubleStar {
            let mark = self.pos;
            self.pos += 1;
            if let Some(b) = self.factor()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(
                    ExprKind::BinOp {
                        left: Box::new(a),
                        op: Operator::Pow,
                        right: Box::new(b),
                    },
                    loc,
                )));
            }
            self.pos = mark;
        }
        Ok(Some(a))
    }

    /// await_primary (memo): AWAIT primary | primary
    fn await_primary(&mut self) -> PResult<Expr> {
        if self.peek() != Tok::Await {
            return self.primary();
        }
        self.memo_expr(MemoRule::AwaitPrimary, |p| {
            let start = p.pos;
            p.pos += 1;
            if let Some(a) = p.primary()? {
                let loc = p.loc_from(start);
                return Ok(Some(mk(ExprKind::Await { value: Box::new(a) }, loc)));
            }
            p.pos = start;
            p.primary()
        })
    }

    /// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')'
    ///        | primary '[' slices ']' | atom
    pub(crate) fn primary(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::Primary, |p| {
            let start = p.pos;
            p.primary_raw(start)
        })
    }

    fn primary_raw(&mut self, start: usize) -> PResult<Expr> {
        self.touch();
        let Some(a) = self.atom()? else {
            return Ok(None);
        };
        let mut links = 0;
        let r = self.primary_trailers(start, a, &mut links);
        self.chain_end(links);
        r
    }

    /// The trailers of `primary` (`.name`, calls, subscripts), in a loop.
    fn primary_trailers(&mut self, start: usize, mut a: Expr, links: &mut u32) -> PResult<Expr> {
        loop {
            *links += 1;
            self.chain_link()?;
            let mark = self.pos;
            match self.peek() {
                Tok::Dot => {
                    self.pos += 1;
                    if let Some((attr, _)) = self.name_token() {
                        let loc = self.loc_from(start);
                        a = mk(
                            ExprKind::Attribute {
                                value: Box::new(a),
                                attr,
                                ctx: ExprContext::Load,
                            },
                            loc,
                        );
                        continue;
                    }
                    self.pos = mark;
                    break;
                }
                Tok::LPar => {
                    if let Some(g) = self.genexp()? {
                        let loc = self.loc_from(start);
                        a = mk(
                            ExprKind::Call {
                                func: Box::new(a),
                                args: vec![g],
                                keywords: vec![],
                            },
                            loc,
                        );
                        continue;
                    }
                    self.pos = mark + 1;
                    let args = self.arguments()?;
                    if self.eat(Tok::RPar) {
                        let loc = self.loc_from(start);
                        a = call_with_arguments(a, args, loc);
                        continue;
                    }
                    self.pos = mark;
                    break;
                }
                Tok::LSqb => {
                    self.pos += 1;
                    if let Some(s) = self.slices()? {
                        if self.eat(Tok::RSqb) {
                            let loc = self.loc_from(start);
                            a = mk(
                                ExprKind::Subscript {
                                    value: Box::new(a),
                                    slice: Box::new(s),
                                    ctx: ExprContext::Load,
                                },
                                loc,
                            );
                            continue;
                        }
                    }
                    self.pos = mark;
                    break;
                }
                _ => break,
            }
        }
        Ok(Some(a))
    }

    /// slices: slice !',' | ','.(slice | starred_expression)+ [',']
    pub(crate) fn slices(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        if let Some(a) = self.slice()? {
            if self.peek() != Tok::Comma {
                return Ok(Some(a));
            }
        }
        self.pos = start;
        let mut elts = Vec::new();
        loop {
            let mark = self.pos;
            let item = match self.slice()? {
                Some(s) => Some(s),
                None => {
                    self.pos = mark;
                    self.starred_expression()?
                }
            };
            match item {
                Some(e) => elts.push(e),
                None => {
                    self.pos = mark;
                    if elts.is_empty() {
                        return Ok(None);
                    }
                    // Undo the separator consumed before this element.
                    self.pos = mark - 1;
                    break;
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.eat(Tok::Comma);
        let loc = self.loc_from(start);
        Ok(Some(mk(
            ExprKind::Tuple {
                elts,
                ctx: ExprContext::Load,
            },
            loc,
        )))
    }

    /// slice: [expression] ':' [expression] [':' [expression]] | named_expression
    fn slice(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let lower = self.expression()?;
        if self.peek() != Tok::Colon {
            if let Some(e) = lower {
                let end = self.pos;
                self.stash_put(start, end, e);
            }
            self.pos = start;
            return self.named_expression();
        }
        if self.eat(Tok::Colon) {
            let upper = self.expression()?;
            let mut step = None;
            let mark = self.pos;
            if self.eat(Tok::Colon) {
                step = self.expression()?;
            } else {
                self.pos = mark;
            }
            let loc = self.loc_from(start);
            return Ok(Some(mk(
                ExprKind::Slice {
                    lower: lower.map(Box::new),
                    upper: upper.map(Box::new),
                    step: step.map(Box::new),
                },
                loc,
            )));
        }
        self.pos = start;
        self.named_expression()
    }

    /// atom: NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
    ///     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
    ///     | &'{' (dict | set | dictcomp | setcomp) | '...'
    pub(crate) fn atom(&mut self) -> PResult<Expr> {
        let k = self.peek();
        match k {
            Tok::Name => Ok(self.name()),
            Tok::True | Tok::False | Tok::None | Tok::Ellipsis => {
                let t = self.cur();
                self.pos += 1;
                let c = match k {
                    Tok::True => Constant::Bool(true),
                    Tok::False => Constant::Bool(false),
                    Tok::None => Constant::None,
                    _ => Constant::Ellipsis,
                };
                Ok(Some(mk(
                    ExprKind::Constant {
                        value: c,
                        kind: None,
                    },
                    tok_loc(&t),
                )))
            }
            Tok::String => self.strings(),
            Tok::Number => {
                let t = self.cur();
                self.pos += 1;
                Ok(Some(self.number(t)?))
            }
            Tok::LPar => self.first_of(&[Self::tuple, Self::group, Self::genexp]),
            Tok::LSqb => self.first_of(&[Self::list, Self::listcomp]),
            Tok::LBrace => self.first_of(&[Self::dict, Self::set, Self::dictcomp, Self::setcomp]),
            _ => Ok(None),
        }
    }

    /// strings (memo): STRING+
    pub(crate) fn strings(&mut self) -> PResult<Expr> {
        if let Some(MemoVal::Expr(v)) = self.memo_get(MemoRule::Strings) {
            return Ok(v);
        }
        let start = self.pos;
        while self.peek() == Tok::String {
            self.pos += 1;
        }
        if self.pos == start {
            return Ok(None);
        }
        let toks = &self.toks[start..self.pos];
        let mut fexpr = |s: &str, ld: u32, cd: u32| super::parse_fstring_expr(s, ld, cd);
        match crate::string::parse_strings(self.src, toks, &mut fexpr) {
            Ok(e) => {
                if self.call_invalid_rules {
                    self.memo_put(start, MemoRule::Strings, MemoVal::Expr(Some(e.clone())));
                }
                Ok(Some(e))
            }
            Err(crate::string::StringError::Expr(e)) => Err(self.raise(e)),
            Err(crate::string::StringError::Literal { msg, at }) => {
                // Most string errors are located at the token after the
                // strings (the last one `STRING+` fetched).
                match at {
                    crate::string::ErrorAt::Token(i) => {
                        let t = self.toks[start + i.min(self.pos - start - 1)];
                        Err(self.raise_at_token(crate::error::ErrorKind::SyntaxError, msg, t))
                    }
                    crate::string::ErrorAt::Next => {
                        self.touch();
                        Err(self.raise_syntax(msg))
                    }
                }
            }
        }
    }

    /// group: '(' (yield_expr | named_expression) ')' | invalid_group
    fn group(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::LPar) {
            return Ok(None);
        }
        let mark = self.pos;
        let a = match self.yield_expr()? {
            Some(y) => Some(y),
            None => {
                self.pos = mark;
                self.named_expression()?
            }
        };
        if let Some(a) = a {
            if self.peek() == Tok::RPar {
                self.pos += 1;
                return Ok(Some(a));
            }
            let end = self.pos;
            self.stash_put(mark, end, a);
        }
        self.pos = start;
        self.try_invalid(Self::invalid_group)?;
        Ok(None)
    }

    /// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
    fn tuple(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::LPar) {
            return Ok(None);
        }
        let mark = self.pos;
        let mut elts = Vec::new();
        if let Some(y) = self.star_named_expression()? {
            if self.eat(Tok::Comma) {
                elts.push(y);
                let m2 = self.pos;
                match self.star_named_expressions()? {
                    Some(z) => elts.extend(z),
                    None => self.pos = m2,
                }
            } else {
                let end = self.pos;
                self.stash_put(mark, end, y);
                self.pos = mark;
            }
        } else {
            self.pos = mark;
        }
        if self.eat(Tok::RPar) {
            let loc = self.loc_from(start);
            return Ok(Some(mk(
                ExprKind::Tuple {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )));
        }
        self.pos = start;
        Ok(None)
    }

    /// list: '[' [star_named_expressions] ']'
    fn list(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::LSqb) {
            return Ok(None);
        }
        let mark = self.pos;
        let (elts, first_end) = match self.star_named_expressions_first()? {
            Some(v) => v,
            None => {
                self.pos = mark;
                (vec![], mark)
            }
        };
        if self.eat(Tok::RSqb) {
            let loc = self.loc_from(start);
            return Ok(Some(mk(
                ExprKind::List {
                    elts,
                    ctx: ExprContext::Load,
                },
                loc,
            )));
        }
        if let Some(first) = elts.into_iter().next() {
            self.stash_put(mark, first_end, first);
        }
        self.pos = start;
        Ok(None)
    }

    /// set: '{' star_named_expressions '}'
    fn set(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::LBrace) {
            return Ok(None);
        }
        if let Some((elts, first_end)) = self.star_named_expressions_first()? {
            if self.eat(Tok::RBrace) {
                let loc = self.loc_from(start);
                return Ok(Some(mk(ExprKind::Set { elts }, loc)));
            }
            if let Some(first) = elts.into_iter().next() {
                self.stash_put(start + 1, first_end, first);
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// dict: '{' [double_starred_kvpairs] '}' | '{' invalid_double_starred_kvpairs '}'
    fn dict(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::LBrace) {
            return Ok(None);
        }
        let mark = self.pos;
        let pairs = match self.double_starred_kvpairs()? {
            Some(v) => v,
            None => {
                self.pos = mark;
                vec![]
            }
        };
        if self.eat(Tok::RBrace) {
            let loc = self.loc_from(start);
            let (keys, values) = pairs.into_iter().unzip();
            return Ok(Some(mk(ExprKind::Dict { keys, values }, loc)));
        }
        self.pos = start;
        if self.call_invalid_rules {
            self.pos = start + 1;
            if self.invalid_double_starred_kvpairs()?.is_some() && self.eat(Tok::RBrace) {
                return Ok(None);
            }
            self.pos = start;
        }
        Ok(None)
    }

    /// double_starred_kvpairs: ','.double_starred_kvpair+ [',']
    pub(crate) fn double_starred_kvpairs(&mut self) -> PResult<Vec<(Option<Expr>, Expr)>> {
        self.sep_by_trailing(Tok::Comma, Self::double_starred_kvpair)
    }

    /// double_starred_kvpair: '**' bitwise_or | kvpair
    pub(crate) fn double_starred_kvpair(&mut self) -> PResult<(Option<Expr>, Expr)> {
        let start = self.pos;
        if self.eat(Tok::DoubleStar) {
            if let Some(a) = self.bitwise_or()? {
                return Ok(Some((None, a)));
            }
            self.pos = start;
        }
        Ok(self.kvpair()?.map(|(k, v)| (Some(k), v)))
    }

    /// kvpair: expression ':' expression
    pub(crate) fn kvpair(&mut self) -> PResult<(Expr, Expr)> {
        let start = self.pos;
        if let Some(a) = self.expression()? {
            if self.peek() == Tok::Colon {
                self.pos += 1;
                if let Some(b) = self.expression()? {
                    return Ok(Some((a, b)));
                }
            } else {
                let end = self.pos;
                self.stash_put(start, end, a);
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// for_if_clauses: for_if_clause+
    pub(crate) fn for_if_clauses(&mut self) -> PResult<Vec<Comprehension>> {
        let mut v = Vec::new();
        while let Some(c) = self.for_if_clause()? {
            v.push(c);
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// for_if_clause: ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///              | 'for' star_targets 'in' ~ disjunction ('if' disjunction)*
    ///              | invalid_for_target
    fn for_if_clause(&mut self) -> PResult<Comprehension> {
        let start = self.pos;
        let is_async = self.peek() == Tok::Async;
        if is_async {
            self.pos += 1;
        }
        if self.eat(Tok::For) {
            if let Some(target) = self.star_targets()? {
                if self.eat(Tok::In) {
                    // Cut: after 'in' no other alternative is tried.
                    let Some(iter) = self.disjunction()? else {
                        self.pos = start;
                        return Ok(None);
                    };
                    let mut ifs = Vec::new();
                    loop {
                        let mark = self.pos;
                        if !self.eat(Tok::If) {
                            break;
                        }
                        match self.disjunction()? {
                            Some(z) => ifs.push(z),
                            None => {
                                self.pos = mark;
                                break;
                            }
                        }
                    }
                    return Ok(Some(Comprehension {
                        target: Box::new(target),
                        iter: Box::new(iter),
                        ifs,
                        is_async: is_async as i64,
                    }));
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_for_target)?;
        Ok(None)
    }

    /// listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension
    fn listcomp(&mut self) -> PResult<Expr> {
        self.element_comprehension(Tok::LSqb, Tok::RSqb, |elt, generators| ExprKind::ListComp {
            elt,
            generators,
        })
    }

    /// setcomp: '{' named_expression for_if_clauses '}' | invalid_comprehension
    fn setcomp(&mut self) -> PResult<Expr> {
        self.element_comprehension(Tok::LBrace, Tok::RBrace, |elt, generators| {
            ExprKind::SetComp { elt, generators }
        })
    }

    /// The shape listcomp and setcomp share.
    fn element_comprehension(
        &mut self,
        open: Tok,
        close: Tok,
        build: fn(Box<Expr>, Vec<Comprehension>) -> ExprKind,
    ) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(open) {
            if let Some(a) = self.named_expression()? {
                if let Some(b) = self.for_if_clauses()? {
                    if self.eat(close) {
                        let loc = self.loc_from(start);
                        return Ok(Some(mk(build(Box::new(a), b), loc)));
                    }
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_comprehension)?;
        Ok(None)
    }

    /// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
    ///       | invalid_comprehension
    pub(crate) fn genexp(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(Tok::LPar) {
            if let Some(a) = self.assignment_or_expression()? {
                let end = self.pos;
                if let Some(b) = self.for_if_clauses()? {
                    if self.eat(Tok::RPar) {
                        let loc = self.loc_from(start);
                        return Ok(Some(mk(
                            ExprKind::GeneratorExp {
                                elt: Box::new(a),
                                generators: b,
                            },
                            loc,
                        )));
                    }
                }
                self.stash_put(start + 1, end, a);
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_comprehension)?;
        Ok(None)
    }

    /// ( assignment_expression | expression !':=' )
    pub(crate) fn assignment_or_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if let Some(e) = self.stash_take() {
            return Ok(Some(e));
        }
        if let Some(e) = self.assignment_expression()? {
            return Ok(Some(e));
        }
        self.pos = start;
        if let Some(e) = self.expression()? {
            if self.peek() != Tok::ColonEqual {
                return Ok(Some(e));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// dictcomp: '{' kvpair for_if_clauses '}' | invalid_dict_comprehension
    fn dictcomp(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(Tok::LBrace) {
            if let Some((k, v)) = self.kvpair()? {
                if let Some(b) = self.for_if_clauses()? {
                    if self.eat(Tok::RBrace) {
                        let loc = self.loc_from(start);
                        return Ok(Some(mk(
                            ExprKind::DictComp {
                                key: Box::new(k),
                                value: Box::new(v),
                                generators: b,
                            },
                            loc,
                        )));
                    }
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_dict_comprehension)?;
        Ok(None)
    }

    /// arguments (memo): args [','] &')' | invalid_arguments
    pub(crate) fn arguments(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::Arguments, |p| {
            let start = p.pos;
            if let Some(a) = p.args()? {
                p.eat(Tok::Comma);
                if p.peek() == Tok::RPar {
                    return Ok(Some(a));
                }
            }
            p.pos = start;
            if p.call_invalid_rules {
                p.invalid_arguments()?;
                p.pos = start;
            }
            Ok(None)
        })
    }

    /// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+ [',' kwargs]
    ///     | kwargs
    /// Returns a dummy Call holding args and keywords.
    pub(crate) fn args(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let mut positional = match self.sep_list(Self::positional_arg)? {
            Some(v) => v,
            None => {
                self.pos = start;
                Vec::new()
            }
        };
        if !positional.is_empty() {
            let mark = self.pos;
            let mut keywords = Vec::new();
            if self.eat(Tok::Comma) {
                match self.kwargs()? {
                    Some(k) => {
                        for item in k {
                            match item {
                                KwOrStarred::Starred(e) => positional.push(e),
                                KwOrStarred::Kw(kw) => keywords.push(kw),
                            }
                        }
                    }
                    None => self.pos = mark,
                }
            }
            let loc = self.loc_from(start);
            return Ok(Some(self.dummy_call(positional, keywords, loc)));
        }
        self.pos = start;
        if let Some(k) = self.kwargs()? {
            let mut positional = Vec::new();
            let mut keywords = Vec::new();
            for item in k {
                match item {
                    KwOrStarred::Starred(e) => positional.push(e),
                    KwOrStarred::Kw(kw) => keywords.push(kw),
                }
            }
            let loc = self.loc_from(start);
            return Ok(Some(self.dummy_call(positional, keywords, loc)));
        }
        self.pos = start;
        Ok(None)
    }

    fn dummy_call(&self, args: Vec<Expr>, keywords: Vec<Keyword>, loc: Loc) -> Expr {
        let func = Box::new(mk(
            ExprKind::Name {
                id: "_".into(),
                ctx: ExprContext::Load,
            },
            Loc::default(),
        ));
        mk(
            ExprKind::Call {
                func,
                args,
                keywords,
            },
            loc,
        )
    }

    /// One positional argument of `args`:
    /// starred_expression | (assignment_expression | expression !':=') !'='
    pub(crate) fn positional_arg(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.peek() == Tok::Star {
            if let Some(e) = self.starred_expression()? {
                return Ok(Some(e));
            }
            self.pos = start;
        }
        match self.assignment_or_expression()? {
            Some(e) if self.peek() != Tok::Equal => Ok(Some(e)),
            _ => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
    ///       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+
    pub(crate) fn kwargs(&mut self) -> PResult<Vec<KwOrStarred>> {
        let start = self.pos;
        let first = self.sep_list(Self::kwarg_or_starred)?;
        if let Some(mut a) = first {
            let mark = self.pos;
            if self.eat(Tok::Comma) {
                if let Some(b) = self.sep_list(Self::kwarg_or_double_starred)? {
                    a.extend(b);
                    return Ok(Some(a));
                }
            }
            self.pos = mark;
            return Ok(Some(a));
        }
        self.pos = start;
        self.sep_list(Self::kwarg_or_double_starred)
    }

    /// `','.elem+`: one or more `elem` separated by commas (a trailing
    /// comma is left alone).
    pub(crate) fn sep_list<T>(&mut self, elem: fn(&mut Self) -> PResult<T>) -> PResult<Vec<T>> {
        self.sep_by(Tok::Comma, elem)
    }

    /// `sep.elem+` for any separator token.
    pub(crate) fn sep_by<T>(
        &mut self,
        sep: Tok,
        elem: fn(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        let Some(a) = elem(self)? else {
            return Ok(None);
        };
        let mut v = vec![a];
        while self.peek() == sep {
            let mark = self.pos;
            self.pos += 1;
            match elem(self)? {
                Some(e) => v.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Ok(Some(v))
    }

    /// `sep.elem+ [sep]`: the list, then an optional trailing separator.
    pub(crate) fn sep_by_trailing<T>(
        &mut self,
        sep: Tok,
        elem: fn(&mut Self) -> PResult<T>,
    ) -> PResult<Vec<T>> {
        let Some(v) = self.sep_by(sep, elem)? else {
            return Ok(None);
        };
        self.eat(sep);
        Ok(Some(v))
    }

    /// starred_expression: '*' expression
    pub(crate) fn starred_expression(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(Tok::Star) {
            if let Some(a) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(
                    ExprKind::Starred {
                        value: Box::new(a),
                        ctx: ExprContext::Load,
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// kwarg_or_starred: invalid_kwarg | NAME '=' expression | starred_expression
    fn kwarg_or_starred(&mut self) -> PResult<KwOrStarred> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_kwarg)?;
        if let Some(kw) = self.keyword_arg()? {
            return Ok(Some(KwOrStarred::Kw(kw)));
        }
        self.pos = start;
        Ok(self.starred_expression()?.map(KwOrStarred::Starred))
    }

    /// kwarg_or_double_starred: invalid_kwarg | NAME '=' expression | '**' expression
    fn kwarg_or_double_starred(&mut self) -> PResult<KwOrStarred> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_kwarg)?;
        if let Some(kw) = self.keyword_arg()? {
            return Ok(Some(KwOrStarred::Kw(kw)));
        }
        self.pos = start;
        if self.eat(Tok::DoubleStar) {
            if let Some(a) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(KwOrStarred::Kw(Keyword {
                    arg: None,
                    value: Box::new(a),
                    loc,
                })));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// NAME '=' expression, as a keyword.
    fn keyword_arg(&mut self) -> PResult<Keyword> {
        let start = self.pos;
        if self.peek() == Tok::Name && self.peek_at(1) == Tok::Equal {
            let Some((name, _)) = self.name_token() else {
                return Ok(None);
            };
            self.pos += 1;
            if let Some(b) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(Keyword {
                    arg: Some(name),
                    value: Box::new(b),
                    loc,
                }));
            }
        }
        self.pos = start;
        Ok(None)
    }
}

/// The arguments of a call as `arguments` returns them (a placeholder Call
/// holding args and keywords, or nothing for `()`).
pub(crate) fn split_arguments(arguments: Option<Expr>) -> (Vec<Expr>, Vec<Keyword>) {
    match arguments {
        Some(Expr {
            node: ExprKind::Call { args, keywords, .. },
            ..
        }) => (args, keywords),
        _ => (vec![], vec![]),
    }
}

/// `func(arguments)` located at `loc`.
pub(crate) fn call_with_arguments(func: Expr, arguments: Option<Expr>, loc: Loc) -> Expr {
    let (args, keywords) = split_arguments(arguments);
    mk(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        loc,
    )
}

/// `_PyPegen_set_expr_context`: the same target with another context.
pub(crate) fn set_ctx(e: Expr, ctx: ExprContext) -> Expr {
    let Expr { node, loc } = e;
    let node = match node {
        ExprKind::Name { id, .. } => ExprKind::Name { id, ctx },
        ExprKind::Tuple { elts, .. } => ExprKind::Tuple {
            elts: elts.into_iter().map(|e| set_ctx(e, ctx)).collect(),
            ctx,
        },
        ExprKind::List { elts, .. } => ExprKind::List {
            elts: elts.into_iter().map(|e| set_ctx(e, ctx)).collect(),
            ctx,
        },
        ExprKind::Subscript { value, slice, .. } => ExprKind::Subscript { value, slice, ctx },
        ExprKind::Attribute { value, attr, .. } => ExprKind::Attribute { value, attr, ctx },
        ExprKind::Starred { value, .. } => ExprKind::Starred {
            value: Box::new(set_ctx(*value, ctx)),
            ctx,
        },
        other => other,
    };
    Expr { node, loc }
}

/// The binary operators from `bitwise_or` to `term`: binding strength
/// (higher binds tighter) and operator.
fn binary_op(k: Tok) -> Option<(u8, Operator)> {
    Some(match k {
        Tok::VBar => (1, Operator::BitOr),
        Tok::CircumFlex => (2, Operator::BitXor),
        Tok::Amper => (3, Operator::BitAnd),
        Tok::LeftShift => (4, Operator::LShift),
        Tok::RightShift => (4, Operator::RShift),
        Tok::Plus => (5, Operator::Add),
        Tok::Minus => (5, Operator::Sub),
        Tok::Star => (6, Operator::Mult),
        Tok::Slash => (6, Operator::Div),
        Tok::DoubleSlash => (6, Operator::FloorDiv),
        Tok::Percent => (6, Operator::Mod),
        Tok::At => (6, Operator::MatMult),
        _ => return None,
    })
}
