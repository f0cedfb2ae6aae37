//! `match` patterns (python.gram "Match statement").

use super::expr::mk;
use super::{tok_loc, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind, Loc, Operator, Pattern, PatternKind, UnaryOp};
use crate::constant::Constant;
use crate::token::Tok;

fn pat(node: PatternKind, loc: Loc) -> Pattern {
    Pattern { node, loc }
}

impl<'a> Parser<'a> {
    /// patterns: open_sequence_pattern | pattern
    pub(crate) fn patterns(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        self.touch();
        if let Some(patterns) = self.open_sequence_pattern()? {
            let loc = self.loc_from(start);
            return Ok(Some(pat(PatternKind::MatchSequence { patterns }, loc)));
        }
        self.pos = start;
        self.pattern()
    }

    /// pattern: as_pattern | or_pattern
    pub(crate) fn pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        self.enter()?;
        let r = self.pattern_inner(start);
        self.leave();
        r
    }

    fn pattern_inner(&mut self, start: usize) -> PResult<Pattern> {
        self.touch();
        // as_pattern: or_pattern 'as' pattern_capture_target | invalid_as_pattern
        let Some(p) = self.or_pattern()? else {
            self.pos = start;
            return Ok(None);
        };
        let after = self.pos;
        if self.eat(Tok::As) {
            if let Some((name, _)) = self.pattern_capture_target() {
                let loc = self.loc_from(start);
                return Ok(Some(pat(
                    PatternKind::MatchAs {
                        pattern: Some(Box::new(p)),
                        name: Some(name),
                    },
                    loc,
                )));
            }
        }
        if self.call_invalid_rules {
            self.pos = start;
            self.invalid_as_pattern()?;
        }
        self.pos = after;
        Ok(Some(p))
    }

    /// or_pattern: '|'.closed_pattern+
    pub(crate) fn or_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        self.touch();
        let Some(mut patterns) = self.sep_by(Tok::VBar, Self::closed_pattern)? else {
            return Ok(None);
        };
        if patterns.len() == 1 {
            return Ok(patterns.pop());
        }
        let loc = self.loc_from(start);
        Ok(Some(pat(PatternKind::MatchOr { patterns }, loc)))
    }

    /// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern
    ///     | value_pattern | group_pattern | sequence_pattern | mapping_pattern | class_pattern
    fn closed_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        self.touch();
        if let Some(p) = self.literal_pattern()? {
            return Ok(Some(p));
        }
        self.pos = start;
        // capture_pattern
        if let Some((name, _)) = self.pattern_capture_target() {
            let loc = self.loc_from(start);
            return Ok(Some(pat(
                PatternKind::MatchAs {
                    pattern: None,
                    name: Some(name),
                },
                loc,
            )));
        }
        self.pos = start;
        // wildcard_pattern
        if let Some(t) = self.expect_soft_keyword("_") {
            return Ok(Some(pat(
                PatternKind::MatchAs {
                    pattern: None,
                    name: None,
                },
                tok_loc(&t),
            )));
        }
        // value_pattern: attr !('.' | '(' | '=')
        if let Some(a) = self.attr()? {
            if !matches!(self.peek(), Tok::Dot | Tok::LPar | Tok::Equal) {
                let loc = self.loc_from(start);
                return Ok(Some(pat(
                    PatternKind::MatchValue { value: Box::new(a) },
                    loc,
                )));
            }
        }
        self.pos = start;
        match self.peek() {
            Tok::LPar => {
                // group_pattern: '(' pattern ')'
                self.pos += 1;
                if let Some(p) = self.pattern()? {
                    if self.eat(Tok::RPar) {
                        return Ok(Some(p));
                    }
                }
                self.pos = start;
                self.sequence_pattern()
            }
            Tok::LSqb => self.sequence_pattern(),
            Tok::LBrace => self.mapping_pattern(),
            _ => self.class_pattern(),
        }
    }

    /// literal_pattern: signed_number !('+' | '-') | complex_number | strings
    ///                | 'None' | 'True' | 'False'
    fn literal_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        match self.peek() {
            Tok::None | Tok::True | Tok::False => {
                let t = self.cur();
                self.pos += 1;
                let value = match t.kind {
                    Tok::None => Constant::None,
                    Tok::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                return Ok(Some(pat(
                    PatternKind::MatchSingleton { value },
                    tok_loc(&t),
                )));
            }
            Tok::String => {
                let Some(s) = self.strings()? else {
                    return Ok(None);
                };
                let loc = self.loc_from(start);
                return Ok(Some(pat(
                    PatternKind::MatchValue { value: Box::new(s) },
                    loc,
                )));
            }
            _ => {}
        }
        let Some(e) = self.number_literal()? else {
            return Ok(None);
        };
        let loc = self.loc_from(start);
        Ok(Some(pat(
            PatternKind::MatchValue { value: Box::new(e) },
            loc,
        )))
    }

    /// signed_number !('+' | '-') | complex_number: the numeric part of
    /// literal_pattern and literal_expr.
    fn number_literal(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if let Some(n) = self.signed_number()? {
            if !matches!(self.peek(), Tok::Plus | Tok::Minus) {
                return Ok(Some(n));
            }
        }
        self.pos = start;
        self.complex_number()
    }

    /// literal_expr: signed_number !('+' | '-') | complex_number | strings
    ///             | 'None' | 'True' | 'False'
    fn literal_expr(&mut self) -> PResult<Expr> {
        match self.peek() {
            Tok::None | Tok::True | Tok::False => {
                let t = self.cur();
                self.pos += 1;
                let value = match t.kind {
                    Tok::None => Constant::None,
                    Tok::True => Constant::Bool(true),
                    _ => Constant::Bool(false),
                };
                Ok(Some(mk(
                    ExprKind::Constant { value, kind: None },
                    tok_loc(&t),
                )))
            }
            Tok::String => self.strings(),
            _ => self.number_literal(),
        }
    }

    /// complex_number: signed_real_number ('+' | '-') imaginary_number
    fn complex_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(real) = self.signed_real_number()? else {
            return Ok(None);
        };
        let op = match self.peek() {
            Tok::Plus => Operator::Add,
            Tok::Minus => Operator::Sub,
            _ => {
                self.pos = start;
                return Ok(None);
            }
        };
        self.pos += 1;
        let Some(t) = self.expect(Tok::Number) else {
            self.pos = start;
            return Ok(None);
        };
        let imag = self.number(t)?;
        if !matches!(
            imag.node,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) {
            return Err(self.raise_at(imag.loc, "imaginary number required in complex literal"));
        }
        let loc = self.loc_from(start);
        Ok(Some(mk(
            ExprKind::BinOp {
                left: Box::new(real),
                op,
                right: Box::new(imag),
            },
            loc,
        )))
    }

    /// signed_number: NUMBER | '-' NUMBER
    fn signed_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let neg = self.eat(Tok::Minus);
        let Some(t) = self.expect(Tok::Number) else {
            self.pos = start;
            return Ok(None);
        };
        let n = self.number(t)?;
        if !neg {
            return Ok(Some(n));
        }
        let loc = self.loc_from(start);
        Ok(Some(mk(
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(n),
            },
            loc,
        )))
    }

    /// signed_real_number: real_number | '-' real_number
    fn signed_real_number(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let neg = self.eat(Tok::Minus);
        let Some(t) = self.expect(Tok::Number) else {
            self.pos = start;
            return Ok(None);
        };
        let n = self.number(t)?;
        if matches!(
            n.node,
            ExprKind::Constant {
                value: Constant::Complex { .. },
                ..
            }
        ) {
            return Err(self.raise_at(n.loc, "real number required in complex literal"));
        }
        if !neg {
            return Ok(Some(n));
        }
        let loc = self.loc_from(start);
        Ok(Some(mk(
            ExprKind::UnaryOp {
                op: UnaryOp::USub,
                operand: Box::new(n),
            },
            loc,
        )))
    }

    /// pattern_capture_target: !"_" NAME !('.' | '(' | '=')
    pub(crate) fn pattern_capture_target(&mut self) -> Option<(String, crate::token::Token)> {
        let start = self.pos;
        if self.peek() != Tok::Name {
            return None;
        }
        let t = self.cur();
        if self.text(&t) == "_" {
            return None;
        }
        let r = self.name_token()?;
        if matches!(self.peek(), Tok::Dot | Tok::LPar | Tok::Equal) {
            self.pos = start;
            return None;
        }
        Some(r)
    }

    /// attr: name_or_attr '.' NAME
    pub(crate) fn attr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(e) = self.name_or_attr()? else {
            return Ok(None);
        };
        if matches!(e.node, ExprKind::Attribute { .. }) {
            return Ok(Some(e));
        }
        self.pos = start;
        Ok(None)
    }

    /// name_or_attr: attr | NAME
    pub(crate) fn name_or_attr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        let Some(mut e) = self.name() else {
            return Ok(None);
        };
        let mut links = 0;
        loop {
            links += 1;
            if let Err(s) = self.chain_link() {
                self.chain_end(links);
                return Err(s);
            }
            let mark = self.pos;
            if self.eat(Tok::Dot) {
                if let Some((attr, _)) = self.name_token() {
                    let loc = self.loc_from(start);
                    e = mk(
                        ExprKind::Attribute {
                            value: Box::new(e),
                            attr,
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
        self.chain_end(links);
        Ok(Some(e))
    }

    /// sequence_pattern: '[' maybe_sequence_pattern? ']' | '(' open_sequence_pattern? ')'
    fn sequence_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let (close, open) = match self.peek() {
            Tok::LSqb => (Tok::RSqb, false),
            Tok::LPar => (Tok::RPar, true),
            _ => return Ok(None),
        };
        self.pos += 1;
        let mark = self.pos;
        let patterns = if open {
            self.open_sequence_pattern()?
        } else {
            self.maybe_sequence_pattern()?
        };
        let patterns = match patterns {
            Some(p) => p,
            None => {
                self.pos = mark;
                vec![]
            }
        };
        if self.eat(close) {
            let loc = self.loc_from(start);
            return Ok(Some(pat(PatternKind::MatchSequence { patterns }, loc)));
        }
        self.pos = start;
        Ok(None)
    }

    /// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
    fn open_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        let start = self.pos;
        let Some(first) = self.maybe_star_pattern()? else {
            return Ok(None);
        };
        if !self.eat(Tok::Comma) {
            self.pos = start;
            return Ok(None);
        }
        let mut v = vec![first];
        let mark = self.pos;
        match self.maybe_sequence_pattern()? {
            Some(rest) => v.extend(rest),
            None => self.pos = mark,
        }
        Ok(Some(v))
    }

    /// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
    fn maybe_sequence_pattern(&mut self) -> PResult<Vec<Pattern>> {
        self.sep_by_trailing(Tok::Comma, Self::maybe_star_pattern)
    }

    /// maybe_star_pattern: star_pattern | pattern
    fn maybe_star_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        if self.eat(Tok::Star) {
            // star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
            if let Some((name, _)) = self.pattern_capture_target() {
                let loc = self.loc_from(start);
                return Ok(Some(pat(PatternKind::MatchStar { name: Some(name) }, loc)));
            }
            if self.expect_soft_keyword("_").is_some() {
                let loc = self.loc_from(start);
                return Ok(Some(pat(PatternKind::MatchStar { name: None }, loc)));
            }
            self.pos = start;
        }
        self.pattern()
    }

    /// mapping_pattern: '{' '}' | '{' double_star_pattern ','? '}'
    ///     | '{' items_pattern ',' double_star_pattern ','? '}' | '{' items_pattern ','? '}'
    fn mapping_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        if !self.eat(Tok::LBrace) {
            return Ok(None);
        }
        if self.eat(Tok::RBrace) {
            let loc = self.loc_from(start);
            return Ok(Some(pat(
                PatternKind::MatchMapping {
                    keys: vec![],
                    patterns: vec![],
                    rest: None,
                },
                loc,
            )));
        }
        let inner = self.pos;
        if let Some(rest) = self.double_star_pattern() {
            self.eat(Tok::Comma);
            if self.eat(Tok::RBrace) {
                let loc = self.loc_from(start);
                return Ok(Some(pat(
                    PatternKind::MatchMapping {
                        keys: vec![],
                        patterns: vec![],
                        rest: Some(rest),
                    },
                    loc,
                )));
            }
        }
        self.pos = inner;
        if let Some(items) = self.sep_list(Self::key_value_pattern)? {
            let after = self.pos;
            if self.eat(Tok::Comma) {
                if let Some(rest) = self.double_star_pattern() {
                    self.eat(Tok::Comma);
                    if self.eat(Tok::RBrace) {
                        let loc = self.loc_from(start);
                        let (keys, patterns) = items.into_iter().unzip();
                        return Ok(Some(pat(
                            PatternKind::MatchMapping {
                                keys,
                                patterns,
                                rest: Some(rest),
                            },
                            loc,
                        )));
                    }
                }
            }
            self.pos = after;
            self.eat(Tok::Comma);
            if self.eat(Tok::RBrace) {
                let loc = self.loc_from(start);
                let (keys, patterns) = items.into_iter().unzip();
                return Ok(Some(pat(
                    PatternKind::MatchMapping {
                        keys,
                        patterns,
                        rest: None,
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// key_value_pattern: (literal_expr | attr) ':' pattern
    fn key_value_pattern(&mut self) -> PResult<(Expr, Pattern)> {
        let start = self.pos;
        let key = match self.literal_expr()? {
            Some(k) => Some(k),
            None => {
                self.pos = start;
                self.attr()?
            }
        };
        if let Some(k) = key {
            if self.eat(Tok::Colon) {
                if let Some(p) = self.pattern()? {
                    return Ok(Some((k, p)));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// double_star_pattern: '**' pattern_capture_target
    fn double_star_pattern(&mut self) -> Option<String> {
        let mark = self.pos;
        if self.eat(Tok::DoubleStar) {
            if let Some((n, _)) = self.pattern_capture_target() {
                return Some(n);
            }
        }
        self.pos = mark;
        None
    }

    /// class_pattern: name_or_attr '(' ')' | name_or_attr '(' positional_patterns ','? ')'
    ///     | name_or_attr '(' keyword_patterns ','? ')'
    ///     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
    ///     | invalid_class_pattern
    fn class_pattern(&mut self) -> PResult<Pattern> {
        let start = self.pos;
        let Some(cls) = self.name_or_attr()? else {
            return Ok(None);
        };
        if !self.eat(Tok::LPar) {
            self.pos = start;
            return Ok(None);
        }
        let inner = self.pos;
        if self.eat(Tok::RPar) {
            let loc = self.loc_from(start);
            return Ok(Some(self.match_class(cls, vec![], vec![], loc)));
        }
        // positional_patterns ','? ')'
        if let Some(patterns) = self.sep_list(Self::positional_pattern)? {
            let after = self.pos;
            self.eat(Tok::Comma);
            if self.eat(Tok::RPar) {
                let loc = self.loc_from(start);
                return Ok(Some(self.match_class(cls, patterns, vec![], loc)));
            }
            self.pos = after;
            // positional_patterns ',' keyword_patterns ','? ')'
            if self.eat(Tok::Comma) {
                if let Some(kws) = self.sep_list(Self::keyword_pattern)? {
                    self.eat(Tok::Comma);
                    if self.eat(Tok::RPar) {
                        let loc = self.loc_from(start);
                        return Ok(Some(self.match_class(cls, patterns, kws, loc)));
                    }
                }
            }
        }
        self.pos = inner;
        // keyword_patterns ','? ')'
        if let Some(kws) = self.sep_list(Self::keyword_pattern)? {
            self.eat(Tok::Comma);
            if self.eat(Tok::RPar) {
                let loc = self.loc_from(start);
                return Ok(Some(self.match_class(cls, vec![], kws, loc)));
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_class_pattern)?;
        Ok(None)
    }

    fn positional_pattern(&mut self) -> PResult<Pattern> {
        self.pattern()
    }

    fn match_class(
        &self,
        cls: Expr,
        patterns: Vec<Pattern>,
        kws: Vec<(String, Pattern)>,
        loc: Loc,
    ) -> Pattern {
        let (kwd_attrs, kwd_patterns) = kws.into_iter().unzip();
        pat(
            PatternKind::MatchClass {
                cls: Box::new(cls),
                patterns,
                kwd_attrs,
                kwd_patterns,
            },
            loc,
        )
    }

    /// keyword_pattern: NAME '=' pattern
    pub(crate) fn keyword_pattern(&mut self) -> PResult<(String, Pattern)> {
        let start = self.pos;
        if let Some((name, _)) = self.name_token() {
            if self.eat(Tok::Equal) {
                if let Some(p) = self.pattern()? {
                    return Ok(Some((name, p)));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// keyword_patterns: ','.keyword_pattern+
    pub(crate) fn keyword_patterns(&mut self) -> PResult<Vec<(String, Pattern)>> {
        self.sep_list(Self::keyword_pattern)
    }

    /// positional_patterns: ','.pattern+
    pub(crate) fn positional_patterns(&mut self) -> PResult<Vec<Pattern>> {
        self.sep_list(Self::positional_pattern)
    }
}
