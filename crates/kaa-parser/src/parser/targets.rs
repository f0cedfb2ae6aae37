//! Assignment and deletion targets (python.gram "ASSIGNMENT TARGETS").

use super::expr::{call_with_arguments, mk, set_ctx};
use super::{MemoRule, PResult, Parser};
use crate::ast::{Expr, ExprContext, ExprKind};
use crate::token::Tok;

impl<'a> Parser<'a> {
    /// star_targets: star_target !',' | star_target (',' star_target)* [',']
    pub(crate) fn star_targets(&mut self) -> PResult<Expr> {
        self.comma_tuple(Self::star_target, ExprContext::Store)
    }

    /// star_targets_list_seq: ','.star_target+ [',']
    fn star_targets_list_seq(&mut self) -> PResult<Vec<Expr>> {
        self.sep_by_trailing(Tok::Comma, Self::star_target)
    }

    /// star_targets_tuple_seq: star_target (',' star_target)+ [','] | star_target ','
    fn star_targets_tuple_seq(&mut self) -> PResult<Vec<Expr>> {
        let start = self.pos;
        let Some(a) = self.star_target()? else {
            return Ok(None);
        };
        if !self.eat(Tok::Comma) {
            self.pos = start;
            return Ok(None);
        }
        let mut v = vec![a];
        loop {
            let mark = self.pos;
            match self.star_target()? {
                Some(e) => v.push(e),
                None => {
                    self.pos = mark;
                    break;
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(Some(v))
    }

    /// star_target (memo): '*' (!'*' star_target) | target_with_star_atom
    pub(crate) fn star_target(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::StarTarget, |p| {
            let start = p.pos;
            p.star_target_raw(start)
        })
    }

    fn star_target_raw(&mut self, start: usize) -> PResult<Expr> {
        self.touch();
        if self.eat(Tok::Star) {
            if self.peek() != Tok::Star {
                if let Some(a) = self.star_target()? {
                    let loc = self.loc_from(start);
                    let value = Box::new(set_ctx(a, ExprContext::Store));
                    return Ok(Some(mk(
                        ExprKind::Starred {
                            value,
                            ctx: ExprContext::Store,
                        },
                        loc,
                    )));
                }
            }
            self.pos = start;
        }
        self.target_with_star_atom()
    }

    /// target_with_star_atom (memo):
    ///     t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead | star_atom
    pub(crate) fn target_with_star_atom(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::TargetWithStarAtom, |p| {
            p.target_or_atom(ExprContext::Store)
        })
    }

    /// The t_primary target alternatives, then the atom of the target kind.
    fn target_or_atom(&mut self, ctx: ExprContext) -> PResult<Expr> {
        let start = self.pos;
        if let Some(e) = self.subscript_attribute_target(ctx)? {
            return Ok(Some(e));
        }
        self.pos = start;
        self.target_atom(ctx)
    }

    /// The two t_primary alternatives shared by target_with_star_atom,
    /// single_subscript_attribute_target and del_target.
    fn subscript_attribute_target(&mut self, ctx: ExprContext) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        let Some(a) = self.t_primary()? else {
            self.pos = start;
            return Ok(None);
        };
        let after = self.pos;
        if self.eat(Tok::Dot) {
            if let Some((attr, _)) = self.name_token() {
                if !self.t_lookahead() {
                    let loc = self.loc_from(start);
                    return Ok(Some(mk(
                        ExprKind::Attribute {
                            value: Box::new(a),
                            attr,
                            ctx,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = after;
        if self.eat(Tok::LSqb) {
            if let Some(s) = self.slices()? {
                if self.eat(Tok::RSqb) && !self.t_lookahead() {
                    let loc = self.loc_from(start);
                    return Ok(Some(mk(
                        ExprKind::Subscript {
                            value: Box::new(a),
                            slice: Box::new(s),
                            ctx,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// t_lookahead: '(' | '[' | '.'
    fn t_lookahead(&mut self) -> bool {
        matches!(self.peek(), Tok::LPar | Tok::LSqb | Tok::Dot)
    }

    /// single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
    pub(crate) fn single_target(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if let Some(e) = self.single_subscript_attribute_target()? {
            return Ok(Some(e));
        }
        self.pos = start;
        match self.peek() {
            Tok::Name => Ok(self.name().map(|n| set_ctx(n, ExprContext::Store))),
            Tok::LPar => {
                self.pos += 1;
                if let Some(a) = self.single_target()? {
                    if self.eat(Tok::RPar) {
                        return Ok(Some(a));
                    }
                }
                self.pos = start;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// single_subscript_attribute_target:
    ///     t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead
    pub(crate) fn single_subscript_attribute_target(&mut self) -> PResult<Expr> {
        self.subscript_attribute_target(ExprContext::Store)
    }

    /// t_primary: t_primary '.' NAME &t_lookahead | t_primary '[' slices ']' &t_lookahead
    ///          | t_primary genexp &t_lookahead | t_primary '(' [arguments] ')' &t_lookahead
    ///          | atom &t_lookahead
    pub(crate) fn t_primary(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::TPrimary, |p| {
            let start = p.pos;
            p.t_primary_raw(start)
        })
    }

    fn t_primary_raw(&mut self, start: usize) -> PResult<Expr> {
        self.touch();
        let Some(a) = self.atom()? else {
            return Ok(None);
        };
        if !self.t_lookahead() {
            return Ok(None);
        }
        let mut links = 0;
        let r = self.t_primary_trailers(start, a, &mut links);
        self.chain_end(links);
        r
    }

    /// The trailers of `t_primary`, each followed by a t_lookahead.
    fn t_primary_trailers(&mut self, start: usize, mut a: Expr, links: &mut u32) -> PResult<Expr> {
        loop {
            *links += 1;
            self.chain_link()?;
            let mark = self.pos;
            match self.peek() {
                Tok::Dot => {
                    self.pos += 1;
                    if let Some((attr, _)) = self.name_token() {
                        if self.t_lookahead() {
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
                    }
                    self.pos = mark;
                    break;
                }
                Tok::LSqb => {
                    self.pos += 1;
                    if let Some(s) = self.slices()? {
                        if self.eat(Tok::RSqb) && self.t_lookahead() {
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
                Tok::LPar => {
                    if let Some(g) = self.genexp()? {
                        if self.t_lookahead() {
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
                    }
                    self.pos = mark + 1;
                    let args = self.arguments()?;
                    if self.eat(Tok::RPar) && self.t_lookahead() {
                        let loc = self.loc_from(start);
                        a = call_with_arguments(a, args, loc);
                        continue;
                    }
                    self.pos = mark;
                    break;
                }
                _ => break,
            }
        }
        Ok(Some(a))
    }

    /// del_targets: ','.del_target+ [',']
    pub(crate) fn del_targets(&mut self) -> PResult<Vec<Expr>> {
        self.sep_by_trailing(Tok::Comma, Self::del_target)
    }

    /// del_target (memo): t_primary '.' NAME !t_lookahead
    ///                  | t_primary '[' slices ']' !t_lookahead | del_t_atom
    fn del_target(&mut self) -> PResult<Expr> {
        self.memo_expr(MemoRule::DelTarget, |p| p.target_or_atom(ExprContext::Del))
    }

    /// star_atom: NAME | '(' target_with_star_atom ')' | '(' [star_targets_tuple_seq] ')'
    ///          | '[' [star_targets_list_seq] ']'
    /// del_t_atom: NAME | '(' del_target ')' | '(' [del_targets] ')' | '[' [del_targets] ']'
    fn target_atom(&mut self, ctx: ExprContext) -> PResult<Expr> {
        type Rule<'a, T> = fn(&mut Parser<'a>) -> PResult<T>;
        let inner: Rule<'a, Expr>;
        let tuple_seq: Rule<'a, Vec<Expr>>;
        let list_seq: Rule<'a, Vec<Expr>>;
        if ctx == ExprContext::Del {
            (inner, tuple_seq, list_seq) = (Self::del_target, Self::del_targets, Self::del_targets);
        } else {
            (inner, tuple_seq, list_seq) = (
                Self::target_with_star_atom,
                Self::star_targets_tuple_seq,
                Self::star_targets_list_seq,
            );
        }
        let start = self.pos;
        let (seq, close) = match self.peek() {
            Tok::Name => return Ok(self.name().map(|n| set_ctx(n, ctx))),
            Tok::LPar => {
                self.pos += 1;
                if let Some(a) = inner(self)? {
                    if self.eat(Tok::RPar) {
                        return Ok(Some(set_ctx(a, ctx)));
                    }
                }
                self.pos = start + 1;
                (tuple_seq, Tok::RPar)
            }
            Tok::LSqb => {
                self.pos += 1;
                (list_seq, Tok::RSqb)
            }
            _ => return Ok(None),
        };
        let elts = match seq(self)? {
            Some(v) => v,
            None => {
                self.pos = start + 1;
                vec![]
            }
        };
        if self.eat(close) {
            let loc = self.loc_from(start);
            let node = if close == Tok::RPar {
                ExprKind::Tuple { elts, ctx }
            } else {
                ExprKind::List { elts, ctx }
            };
            return Ok(Some(mk(node, loc)));
        }
        self.pos = start;
        Ok(None)
    }
}
