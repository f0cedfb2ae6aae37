//! The `invalid_*` rules: run only in the second pass, they recognise common
//! mistakes and raise CPython's specialised SyntaxErrors. Each returns
//! `Err(Stop)` when it raised, and `Ok(None)` when it did not match.

use super::actions::{expr_name, TargetsType};
use super::{tok_loc, MemoRule, MemoVal, PResult, Parser, Stop};
use crate::ast::{Comprehension, Expr, ExprKind, Loc};
use crate::token::Tok;

type Void = PResult<()>;

/// `_PyPegen_get_last_comprehension_item`.
fn last_comprehension_item(c: &Comprehension) -> Loc {
    match c.ifs.last() {
        Some(e) => e.loc,
        None => c.iter.loc,
    }
}

impl<'a> Parser<'a> {
    /// invalid_arguments:
    ///     | args ',' '*'
    ///     | expression for_if_clauses ',' [args | expression for_if_clauses]
    ///     | NAME '=' expression for_if_clauses
    ///     | args for_if_clauses
    ///     | args ',' expression for_if_clauses
    ///     | args ',' args
    pub(crate) fn invalid_arguments(&mut self) -> Void {
        let start = self.pos;
        // ((positional+ ',' kwargs) | kwargs) ',' '*': CPython 3.11.7's
        // form of this rule, located at the '*'.
        let mut before = self.sep_list(Self::positional_arg)?.is_some()
            && self.eat(Tok::Comma)
            && self.kwargs()?.is_some();
        if !before {
            self.pos = start;
            before = self.kwargs()?.is_some();
        }
        if before && self.eat(Tok::Comma) {
            if let Some(star) = self.expect(Tok::Star) {
                return Err(self.raise_at(
                    tok_loc(&star),
                    "iterable argument unpacking follows keyword argument unpacking",
                ));
            }
        }
        self.pos = start;
        if let Some(a) = self.expression()? {
            if let Some(b) = self.for_if_clauses()? {
                if self.eat(Tok::Comma) {
                    let mark = self.pos;
                    if self.args()?.is_none() {
                        self.pos = mark;
                        if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                        } else {
                            self.pos = mark;
                        }
                    }
                    let last = b.last().map(last_comprehension_item).unwrap_or(a.loc);
                    return Err(self.raise_range(
                        a.loc,
                        last,
                        "Generator expression must be parenthesized",
                    ));
                }
            }
        }
        self.pos = start;
        if let Some((_, a)) = self.name_token() {
            if let Some(b) = self.expect(Tok::Equal) {
                if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                    return Err(self.raise_range(
                        tok_loc(&a),
                        tok_loc(&b),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
            }
        }
        self.pos = start;
        if let Some(a) = self.args()? {
            if let Some(b) = self.for_if_clauses()? {
                // `_PyPegen_nonparen_genexp_in_call`
                if let ExprKind::Call { args, .. } = &a.node {
                    if args.len() > 1 {
                        let lastarg = args[args.len() - 1].loc;
                        let last = b.last().map(last_comprehension_item).unwrap_or(lastarg);
                        return Err(self.raise_range(
                            lastarg,
                            last,
                            "Generator expression must be parenthesized",
                        ));
                    }
                }
                return Ok(None);
            }
        }
        self.pos = start;
        if self.args()?.is_some() && self.eat(Tok::Comma) {
            if let Some(a) = self.expression()? {
                if let Some(b) = self.for_if_clauses()? {
                    let last = b.last().map(last_comprehension_item).unwrap_or(a.loc);
                    return Err(self.raise_range(
                        a.loc,
                        last,
                        "Generator expression must be parenthesized",
                    ));
                }
            }
        }
        self.pos = start;
        if let Some(a) = self.args()? {
            if self.eat(Tok::Comma) && self.args()?.is_some() {
                // `_PyPegen_arguments_parsing_error`
                let unpacking = match &a.node {
                    ExprKind::Call { keywords, .. } => keywords.iter().any(|k| k.arg.is_none()),
                    _ => false,
                };
                let msg = if unpacking {
                    "positional argument follows keyword argument unpacking"
                } else {
                    "positional argument follows keyword argument"
                };
                return Err(self.raise_syntax(msg));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_kwarg:
    ///     | ('True'|'False'|'None') '='
    ///     | NAME '=' expression for_if_clauses
    ///     | !(NAME '=') expression '='
    pub(crate) fn invalid_kwarg(&mut self) -> Void {
        let start = self.pos;
        if matches!(self.peek(), Tok::True | Tok::False | Tok::None) {
            let a = self.cur();
            self.pos += 1;
            if let Some(b) = self.expect(Tok::Equal) {
                let msg = format!("cannot assign to {}", self.text(&a));
                return Err(self.raise_range(tok_loc(&a), tok_loc(&b), msg));
            }
        }
        self.pos = start;
        if let Some((_, a)) = self.name_token() {
            if let Some(b) = self.expect(Tok::Equal) {
                if self.expression()?.is_some() && self.for_if_clauses()?.is_some() {
                    return Err(self.raise_range(
                        tok_loc(&a),
                        tok_loc(&b),
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    ));
                }
            }
        }
        self.pos = start;
        let name_eq = self.peek() == Tok::Name && self.peek_at(1) == Tok::Equal;
        if !name_eq {
            if let Some(a) = self.expression()? {
                if let Some(b) = self.expect(Tok::Equal) {
                    return Err(self.raise_range(
                        a.loc,
                        tok_loc(&b),
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_legacy_expression: NAME !'(' star_expressions
    pub(crate) fn invalid_legacy_expression(&mut self) -> Void {
        let start = self.pos;
        if let Some((id, a)) = self.name_token() {
            if self.peek() != Tok::LPar {
                if let Some(b) = self.star_expressions()? {
                    if id == "print" || id == "exec" {
                        let msg = format!(
                            "Missing parentheses in call to '{id}'. Did you mean {id}(...)?"
                        );
                        return Err(self.raise_range(tok_loc(&a), b.loc, msg));
                    }
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_expression:
    ///     | !(NAME STRING | SOFT_KEYWORD) disjunction expression_without_invalid
    ///     | disjunction 'if' disjunction !('else'|':')
    pub(crate) fn invalid_expression(&mut self) -> Void {
        let start = self.pos;
        let name_string = self.peek() == Tok::Name && self.peek_at(1) == Tok::String;
        let soft = self.at_soft_keyword();
        self.pos = start;
        if !name_string && !soft {
            if let Some(a) = self.disjunction()? {
                if let Some(b) = self.expression_without_invalid()? {
                    let is_legacy = matches!(&a.node, ExprKind::Name { id, .. } if id == "print" || id == "exec");
                    if !is_legacy && self.prev_level() != 0 {
                        return Err(self.raise_range(
                            a.loc,
                            b.loc,
                            "invalid syntax. Perhaps you forgot a comma?",
                        ));
                    }
                    self.pos = start;
                    return Ok(None);
                }
            }
        }
        self.pos = start;
        if let Some(a) = self.disjunction()? {
            if self.eat(Tok::If) {
                if let Some(b) = self.disjunction()? {
                    if !matches!(self.peek(), Tok::Else | Tok::Colon) {
                        return Err(self.raise_range(
                            a.loc,
                            b.loc,
                            "expected 'else' after 'if' expression",
                        ));
                    }
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_named_expression (memo):
    ///     | expression ':=' expression
    ///     | NAME '=' bitwise_or !('='|':=')
    ///     | !(list|tuple|genexp|'True'|'None'|'False') bitwise_or '=' bitwise_or !('='|':=')
    pub(crate) fn invalid_named_expression(&mut self) -> Void {
        // (memo): only "did not match" needs remembering; a match raises.
        if self.memo_get(MemoRule::InvalidNamedExpression).is_some() {
            return Ok(None);
        }
        let start = self.pos;
        self.invalid_named_expression_raw()?;
        self.pos = start;
        self.memo_put(start, MemoRule::InvalidNamedExpression, MemoVal::Stmt(None));
        Ok(None)
    }

    fn invalid_named_expression_raw(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expression()? {
            if self.eat(Tok::ColonEqual) && self.expression()?.is_some() {
                let msg = format!("cannot use assignment expressions with {}", expr_name(&a));
                return Err(self.raise_at(a.loc, msg));
            }
        }
        self.pos = start;
        if let Some((_, a)) = self.name_token() {
            if self.eat(Tok::Equal) {
                if let Some(b) = self.bitwise_or()? {
                    if !matches!(self.peek(), Tok::Equal | Tok::ColonEqual) {
                        return Err(self.raise_range(
                            tok_loc(&a),
                            b.loc,
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        ));
                    }
                }
            }
        }
        self.pos = start;
        // !(list|tuple|genexp|'True'|'None'|'False')
        let excluded = match self.peek() {
            Tok::True | Tok::None | Tok::False => true,
            Tok::LSqb | Tok::LPar => {
                let r = self.atom_is_list_tuple_genexp()?;
                self.pos = start;
                r
            }
            _ => false,
        };
        if !excluded {
            if let Some(a) = self.bitwise_or()? {
                if self.eat(Tok::Equal)
                    && self.bitwise_or()?.is_some()
                    && !matches!(self.peek(), Tok::Equal | Tok::ColonEqual)
                {
                    let msg = format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(&a)
                    );
                    return Err(self.raise_at(a.loc, msg));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// Whether a list, tuple or genexp starts here (a lookahead).
    fn atom_is_list_tuple_genexp(&mut self) -> Result<bool, Stop> {
        let start = self.pos;
        let r = match self.atom()? {
            Some(e) => matches!(
                e.node,
                ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. }
            ),
            None => false,
        };
        self.pos = start;
        Ok(r)
    }

    /// invalid_assignment:
    ///     | invalid_ann_assign_target ':' expression
    ///     | star_named_expression ',' star_named_expressions* ':' expression
    ///     | expression ':' expression
    ///     | (star_targets '=')* star_expressions '='
    ///     | (star_targets '=')* yield_expr '='
    ///     | star_expressions augassign (yield_expr | star_expressions)
    pub(crate) fn invalid_assignment(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.invalid_ann_assign_target()? {
            if self.eat(Tok::Colon) && self.expression()?.is_some() {
                let msg = format!(
                    "only single target (not {}) can be annotated",
                    expr_name(&a)
                );
                return Err(self.raise_at(a.loc, msg));
            }
        }
        self.pos = start;
        if let Some(a) = self.star_named_expression()? {
            if self.eat(Tok::Comma) {
                loop {
                    let mark = self.pos;
                    if self.star_named_expressions()?.is_none() {
                        self.pos = mark;
                        break;
                    }
                }
                if self.eat(Tok::Colon) && self.expression()?.is_some() {
                    return Err(
                        self.raise_at(a.loc, "only single target (not tuple) can be annotated")
                    );
                }
            }
        }
        self.pos = start;
        if let Some(a) = self.expression()? {
            if self.eat(Tok::Colon) && self.expression()?.is_some() {
                return Err(self.raise_at(a.loc, "illegal target for annotation"));
            }
        }
        self.pos = start;
        self.skip_star_targets_eq()?;
        if let Some(a) = self.star_expressions()? {
            if self.eat(Tok::Equal) {
                self.raise_invalid_target(TargetsType::Star, &a)?;
                self.pos = start;
                return Ok(None);
            }
        }
        self.pos = start;
        self.skip_star_targets_eq()?;
        if let Some(a) = self.yield_expr()? {
            if self.eat(Tok::Equal) {
                return Err(self.raise_at(a.loc, "assignment to yield expression not possible"));
            }
        }
        self.pos = start;
        if let Some(a) = self.star_expressions()? {
            if super::stmt::augassign_op(self.peek()).is_some() {
                self.pos += 1;
                if self.annotated_rhs()?.is_some() {
                    let msg = format!(
                        "'{}' is an illegal expression for augmented assignment",
                        expr_name(&a)
                    );
                    return Err(self.raise_at(a.loc, msg));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// (star_targets '=')*
    fn skip_star_targets_eq(&mut self) -> Result<(), Stop> {
        loop {
            let mark = self.pos;
            match self.star_targets()? {
                Some(_) if self.eat(Tok::Equal) => {}
                _ => {
                    self.pos = mark;
                    return Ok(());
                }
            }
        }
    }

    /// invalid_ann_assign_target: list | tuple | '(' invalid_ann_assign_target ')'
    fn invalid_ann_assign_target(&mut self) -> PResult<Expr> {
        let start = self.pos;
        match self.peek() {
            Tok::LSqb | Tok::LPar => {
                if let Some(e) = self.atom()? {
                    if matches!(e.node, ExprKind::List { .. } | ExprKind::Tuple { .. }) {
                        return Ok(Some(e));
                    }
                }
                self.pos = start;
                if self.eat(Tok::LPar) {
                    if let Some(a) = self.invalid_ann_assign_target()? {
                        if self.eat(Tok::RPar) {
                            return Ok(Some(a));
                        }
                    }
                }
                self.pos = start;
                Ok(None)
            }
            _ => Ok(None),
        }
    }

    /// invalid_del_stmt: 'del' star_expressions
    pub(crate) fn invalid_del_stmt(&mut self) -> Void {
        let start = self.pos;
        if self.eat(Tok::Del) {
            if let Some(a) = self.star_expressions()? {
                self.raise_invalid_target(TargetsType::Del, &a)?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_block: NEWLINE !INDENT
    pub(crate) fn invalid_block(&mut self) -> Void {
        let start = self.pos;
        if self.eat(Tok::Newline) && self.peek() != Tok::Indent {
            return Err(self.raise_indentation("expected an indented block"));
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_comprehension:
    ///     | ('[' | '(' | '{') starred_expression for_if_clauses
    ///     | ('[' | '{') star_named_expression ',' star_named_expressions for_if_clauses
    ///     | ('[' | '{') star_named_expression ',' for_if_clauses
    pub(crate) fn invalid_comprehension(&mut self) -> Void {
        let start = self.pos;
        let open = self.peek();
        if !matches!(open, Tok::LSqb | Tok::LPar | Tok::LBrace) {
            return Ok(None);
        }
        self.pos += 1;
        if let Some(a) = self.starred_expression()? {
            if self.for_if_clauses()?.is_some() {
                return Err(
                    self.raise_at(a.loc, "iterable unpacking cannot be used in comprehension")
                );
            }
        }
        if open == Tok::LPar {
            self.pos = start;
            return Ok(None);
        }
        self.pos = start + 1;
        if let Some(a) = self.star_named_expression()? {
            if self.eat(Tok::Comma) {
                let mark = self.pos;
                if let Some(b) = self.star_named_expressions()? {
                    if self.for_if_clauses()?.is_some() {
                        let last = b.last().map(|e| e.loc).unwrap_or(a.loc);
                        return Err(self.raise_range(
                            a.loc,
                            last,
                            "did you forget parentheses around the comprehension target?",
                        ));
                    }
                }
                self.pos = mark;
            }
        }
        self.pos = start + 1;
        if let Some(a) = self.star_named_expression()? {
            if let Some(b) = self.expect(Tok::Comma) {
                if self.for_if_clauses()?.is_some() {
                    return Err(self.raise_range(
                        a.loc,
                        tok_loc(&b),
                        "did you forget parentheses around the comprehension target?",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_dict_comprehension: '{' '**' bitwise_or for_if_clauses '}'
    pub(crate) fn invalid_dict_comprehension(&mut self) -> Void {
        let start = self.pos;
        if self.eat(Tok::LBrace) {
            if let Some(a) = self.expect(Tok::DoubleStar) {
                if self.bitwise_or()?.is_some()
                    && self.for_if_clauses()?.is_some()
                    && self.eat(Tok::RBrace)
                {
                    return Err(self.raise_at(
                        tok_loc(&a),
                        "dict unpacking cannot be used in dict comprehension",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_parameters / invalid_lambda_parameters.
    pub(crate) fn invalid_parameters(&mut self, lambda: bool) -> Void {
        let start = self.pos;
        // param_no_default* invalid_parameters_helper param_no_default
        self.repeat(lambda, Self::param_no_default)?;
        let helper = {
            let mark = self.pos;
            if self.slash_with_default(lambda)?.is_some() {
                true
            } else {
                self.pos = mark;
                !self.repeat(lambda, Self::param_with_default)?.is_empty()
            }
        };
        if helper {
            if let Some(a) = self.param_no_default(lambda)? {
                return Err(self.raise_at(a.loc, "non-default argument follows default argument"));
            }
        }
        self.pos = start;
        // param_no_default* '(' param_no_default+ ','? ')'
        self.repeat(lambda, Self::param_no_default)?;
        if let Some(a) = self.expect(Tok::LPar) {
            let ok = if lambda {
                self.sep_list(|p| p.param(true))?.is_some()
            } else {
                !self.repeat(false, Self::param_no_default)?.is_empty()
            };
            if ok {
                self.eat(Tok::Comma);
                if let Some(b) = self.expect(Tok::RPar) {
                    let msg = if lambda {
                        "Lambda expression parameters cannot be parenthesized"
                    } else {
                        "Function parameters cannot be parenthesized"
                    };
                    return Err(self.raise_range(tok_loc(&a), tok_loc(&b), msg));
                }
            }
        }
        self.pos = start;
        // "/" ','
        if let Some(a) = self.expect(Tok::Slash) {
            if self.eat(Tok::Comma) {
                return Err(self.raise_at(tok_loc(&a), "at least one argument must precede /"));
            }
        }
        self.pos = start;
        // (slash_no_default | slash_with_default) param_maybe_default* '/'
        if self.slash_either(lambda)? {
            self.repeat(lambda, Self::param_maybe_default)?;
            if let Some(a) = self.expect(Tok::Slash) {
                return Err(self.raise_at(tok_loc(&a), "/ may appear only once"));
            }
        }
        self.pos = start;
        // (slash_no_default | slash_with_default)? param_maybe_default* '*' (',' | param_no_default)
        //     param_maybe_default* '/'
        if !self.slash_either(lambda)? {
            self.pos = start;
        }
        self.repeat(lambda, Self::param_maybe_default)?;
        if self.eat(Tok::Star) {
            let ok = if self.eat(Tok::Comma) {
                true
            } else {
                self.param_no_default(lambda)?.is_some()
            };
            if ok {
                self.repeat(lambda, Self::param_maybe_default)?;
                if let Some(a) = self.expect(Tok::Slash) {
                    return Err(self.raise_at(tok_loc(&a), "/ must be ahead of *"));
                }
            }
        }
        self.pos = start;
        // param_maybe_default+ '/' '*'
        if !self.repeat(lambda, Self::param_maybe_default)?.is_empty() && self.eat(Tok::Slash) {
            if let Some(a) = self.expect(Tok::Star) {
                return Err(self.raise_at(tok_loc(&a), "expected comma between / and *"));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// (slash_no_default | slash_with_default)
    fn slash_either(&mut self, lambda: bool) -> Result<bool, Stop> {
        let mark = self.pos;
        if self.slash_no_default(lambda)?.is_some() {
            return Ok(true);
        }
        self.pos = mark;
        if self.slash_with_default(lambda)?.is_some() {
            return Ok(true);
        }
        self.pos = mark;
        Ok(false)
    }

    /// invalid_default: '=' &(')'|',')
    pub(crate) fn invalid_default(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Equal) {
            if matches!(self.peek(), Tok::RPar | Tok::Comma) {
                return Err(self.raise_at(tok_loc(&a), "expected default value expression"));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_star_etc / invalid_lambda_star_etc.
    pub(crate) fn invalid_star_etc(&mut self, lambda: bool) -> Void {
        let start = self.pos;
        let end = if lambda { Tok::Colon } else { Tok::RPar };
        if let Some(a) = self.expect(Tok::Star) {
            let k = self.peek();
            let bare = if k == end {
                true
            } else if k == Tok::Comma {
                self.pos += 1;
                matches!(self.peek(), t if t == end || t == Tok::DoubleStar)
            } else {
                false
            };
            if bare {
                if lambda {
                    return Err(self.raise_syntax("named arguments must follow bare *"));
                }
                return Err(self.raise_at(tok_loc(&a), "named arguments must follow bare *"));
            }
        }
        self.pos = start;
        if self.eat(Tok::Star) && self.param(lambda)?.is_some() {
            if let Some(a) = self.expect(Tok::Equal) {
                return Err(self.raise_at(
                    tok_loc(&a),
                    "var-positional argument cannot have default value",
                ));
            }
        }
        self.pos = start;
        if self.eat(Tok::Star) {
            let ok = if self.eat(Tok::Comma) {
                true
            } else {
                self.param_no_default(lambda)?.is_some()
            };
            if ok {
                self.repeat(lambda, Self::param_maybe_default)?;
                if let Some(a) = self.expect(Tok::Star) {
                    let ok2 = if self.eat(Tok::Comma) {
                        true
                    } else {
                        self.param_no_default(lambda)?.is_some()
                    };
                    if ok2 {
                        return Err(self.raise_at(tok_loc(&a), "* argument may appear only once"));
                    }
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_kwds / invalid_lambda_kwds.
    pub(crate) fn invalid_kwds(&mut self, lambda: bool) -> Void {
        let start = self.pos;
        if self.eat(Tok::DoubleStar) && self.param(lambda)?.is_some() {
            let after = self.pos;
            if let Some(a) = self.expect(Tok::Equal) {
                return Err(self.raise_at(
                    tok_loc(&a),
                    "var-keyword argument cannot have default value",
                ));
            }
            self.pos = after;
            if self.eat(Tok::Comma) {
                let m = self.pos;
                if let Some(a) = self.param(lambda)? {
                    return Err(
                        self.raise_at(a.loc, "arguments cannot follow var-keyword argument")
                    );
                }
                self.pos = m;
                if matches!(self.peek(), Tok::Star | Tok::DoubleStar | Tok::Slash) {
                    let a = self.cur();
                    return Err(
                        self.raise_at(tok_loc(&a), "arguments cannot follow var-keyword argument")
                    );
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_with_item: expression 'as' expression &(',' | ')' | ':')
    pub(crate) fn invalid_with_item(&mut self) -> Void {
        let start = self.pos;
        if self.expression()?.is_some() && self.eat(Tok::As) {
            if let Some(a) = self.expression()? {
                if matches!(self.peek(), Tok::Comma | Tok::RPar | Tok::Colon) {
                    self.raise_invalid_target(TargetsType::Star, &a)?;
                    self.pos = start;
                    return Ok(None);
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_for_target: ASYNC? 'for' star_expressions
    pub(crate) fn invalid_for_target(&mut self) -> Void {
        let start = self.pos;
        self.eat(Tok::Async);
        if self.eat(Tok::For) {
            if let Some(a) = self.star_expressions()? {
                self.raise_invalid_target(TargetsType::For, &a)?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_group: '(' starred_expression ')' | '(' '**' expression ')'
    pub(crate) fn invalid_group(&mut self) -> Void {
        let start = self.pos;
        if self.eat(Tok::LPar) {
            if let Some(a) = self.starred_expression()? {
                if self.eat(Tok::RPar) {
                    return Err(self.raise_at(a.loc, "cannot use starred expression here"));
                }
            }
        }
        self.pos = start;
        if self.eat(Tok::LPar) {
            if let Some(a) = self.expect(Tok::DoubleStar) {
                if self.expression()?.is_some() && self.eat(Tok::RPar) {
                    return Err(
                        self.raise_at(tok_loc(&a), "cannot use double starred expression here")
                    );
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_import_from_targets: import_from_as_names ',' NEWLINE
    pub(crate) fn invalid_import_from_targets(&mut self) -> Void {
        let start = self.pos;
        if self.sep_list(Self::import_from_as_name)?.is_some()
            && self.eat(Tok::Comma)
            && self.eat(Tok::Newline)
        {
            return Err(
                self.raise_syntax("trailing comma not allowed without surrounding parentheses")
            );
        }
        self.pos = start;
        Ok(None)
    }

    /// ','.(expression ['as' star_target])+  (or `expressions` when
    /// `parenthesized`)
    fn with_items_loose(&mut self, parenthesized: bool) -> Result<bool, Stop> {
        let mut any = false;
        loop {
            let mark = self.pos;
            let e = if parenthesized {
                self.expressions()?
            } else {
                self.expression()?
            };
            if e.is_none() {
                self.pos = mark;
                if any {
                    self.pos = mark - 1;
                }
                return Ok(any);
            }
            any = true;
            let m2 = self.pos;
            if !(self.eat(Tok::As) && self.star_target()?.is_some()) {
                self.pos = m2;
            }
            if !self.eat(Tok::Comma) {
                return Ok(true);
            }
        }
    }

    /// invalid_with_stmt:
    ///     | [ASYNC] 'with' ','.(expression ['as' star_target])+ NEWLINE
    ///     | [ASYNC] 'with' '(' ','.(expressions ['as' star_target])+ ','? ')' NEWLINE
    pub(crate) fn invalid_with_stmt(&mut self) -> Void {
        let start = self.pos;
        self.eat(Tok::Async);
        if self.eat(Tok::With) {
            let after = self.pos;
            if self.with_items_loose(false)? && self.eat(Tok::Newline) {
                return Err(self.raise_syntax("expected ':'"));
            }
            self.pos = after;
            if self.eat(Tok::LPar) && self.with_items_loose(true)? {
                self.eat(Tok::Comma);
                if self.eat(Tok::RPar) && self.eat(Tok::Newline) {
                    return Err(self.raise_syntax("expected ':'"));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_with_stmt_indent: [ASYNC] 'with' ... ':' NEWLINE !INDENT
    pub(crate) fn invalid_with_stmt_indent(&mut self) -> Void {
        let start = self.pos;
        self.eat(Tok::Async);
        if let Some(a) = self.expect(Tok::With) {
            let after = self.pos;
            if self.with_items_loose(false)?
                && self.eat(Tok::Colon)
                && self.eat(Tok::Newline)
                && self.peek() != Tok::Indent
            {
                let msg = format!(
                    "expected an indented block after 'with' statement on line {}",
                    a.lineno
                );
                return Err(self.raise_indentation(msg));
            }
            self.pos = after;
            if self.eat(Tok::LPar) && self.with_items_loose(true)? {
                self.eat(Tok::Comma);
                if self.eat(Tok::RPar)
                    && self.eat(Tok::Colon)
                    && self.eat(Tok::Newline)
                    && self.peek() != Tok::Indent
                {
                    let msg = format!(
                        "expected an indented block after 'with' statement on line {}",
                        a.lineno
                    );
                    return Err(self.raise_indentation(msg));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// `... NEWLINE` ("expected ':'") or `... ':' NEWLINE !INDENT` (the
    /// indented-block error): the two endings of the compound statements'
    /// invalid rules.
    fn missing_colon_or_block(&mut self, kw_line: u32, what: &str) -> Void {
        let after = self.pos;
        if self.eat(Tok::Newline) {
            return Err(self.raise_syntax("expected ':'"));
        }
        self.pos = after;
        self.expect_indented_after(kw_line, what)
    }

    /// `kw ... ':' NEWLINE !INDENT` for the compound statements: raises
    /// "expected an indented block after {what} on line N".
    fn expect_indented_after(&mut self, kw_line: u32, what: &str) -> Void {
        if self.eat(Tok::Colon) && self.eat(Tok::Newline) && self.peek() != Tok::Indent {
            let msg = format!("expected an indented block after {what} on line {kw_line}");
            return Err(self.raise_indentation(msg));
        }
        Ok(None)
    }

    /// invalid_try_stmt:
    ///     | 'try' ':' NEWLINE !INDENT
    ///     | 'try' ':' block !('except' | 'finally')
    ///     | 'try' ':' block* except_block+ 'except' '*' expression ['as' NAME] ':'
    ///     | 'try' ':' block* except_star_block+ 'except' [expression ['as' NAME]] ':'
    pub(crate) fn invalid_try_stmt(&mut self) -> Void {
        let start = self.pos;
        let Some(a) = self.expect(Tok::Try) else {
            return Ok(None);
        };
        self.expect_indented_after(a.lineno, "'try' statement")?;
        self.pos = start + 1;
        if self.eat(Tok::Colon)
            && self.block()?.is_some()
            && !matches!(self.peek(), Tok::Except | Tok::Finally)
        {
            return Err(self.raise_syntax("expected 'except' or 'finally' block"));
        }
        for star_first in [false, true] {
            self.pos = start + 1;
            if !self.eat(Tok::Colon) {
                break;
            }
            loop {
                let mark = self.pos;
                if self.block()?.is_none() {
                    self.pos = mark;
                    break;
                }
            }
            let mut n = 0;
            loop {
                let mark = self.pos;
                let h = if star_first {
                    self.except_star_block()?
                } else {
                    self.except_block()?
                };
                if h.is_none() {
                    self.pos = mark;
                    break;
                }
                n += 1;
            }
            if n == 0 {
                continue;
            }
            let Some(ex) = self.expect(Tok::Except) else {
                continue;
            };
            if !star_first {
                if let Some(b) = self.expect(Tok::Star) {
                    if self.expression()?.is_some() {
                        self.as_name_opt();
                        if self.eat(Tok::Colon) {
                            return Err(self.raise_range(
                                tok_loc(&ex),
                                tok_loc(&b),
                                "cannot have both 'except' and 'except*' on the same 'try'",
                            ));
                        }
                    }
                }
            } else {
                let mark = self.pos;
                if self.expression()?.is_some() {
                    self.as_name_opt();
                } else {
                    self.pos = mark;
                }
                if self.eat(Tok::Colon) {
                    return Err(self.raise_at(
                        tok_loc(&ex),
                        "cannot have both 'except' and 'except*' on the same 'try'",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// ['as' NAME]
    fn as_name_opt(&mut self) -> bool {
        let mark = self.pos;
        if self.eat(Tok::As) && self.name_token().is_some() {
            return true;
        }
        self.pos = mark;
        false
    }

    /// invalid_except_stmt:
    ///     | 'except' '*'? expression ',' expressions ['as' NAME ] ':'
    ///     | 'except' '*'? expression ['as' NAME ] NEWLINE
    ///     | 'except' NEWLINE
    ///     | 'except' '*' (NEWLINE | ':')
    pub(crate) fn invalid_except_stmt(&mut self) -> Void {
        let start = self.pos;
        if !self.eat(Tok::Except) {
            return Ok(None);
        }
        self.eat(Tok::Star);
        if let Some(a) = self.expression()? {
            if self.eat(Tok::Comma) && self.expressions()?.is_some() {
                self.as_name_opt();
                if self.eat(Tok::Colon) {
                    return Err(self.raise_starting_from(
                        a.loc,
                        "multiple exception types must be parenthesized",
                    ));
                }
            }
        }
        self.pos = start + 1;
        self.eat(Tok::Star);
        if self.expression()?.is_some() {
            self.as_name_opt();
            if self.eat(Tok::Newline) {
                return Err(self.raise_syntax("expected ':'"));
            }
        }
        self.pos = start + 1;
        if self.eat(Tok::Newline) {
            return Err(self.raise_syntax("expected ':'"));
        }
        self.pos = start + 1;
        if self.eat(Tok::Star) && matches!(self.peek(), Tok::Newline | Tok::Colon) {
            self.pos += 1;
            return Err(self.raise_syntax("expected one or more exception types"));
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_finally_stmt: 'finally' ':' NEWLINE !INDENT
    pub(crate) fn invalid_finally_stmt(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Finally) {
            self.expect_indented_after(a.lineno, "'finally' statement")?;
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_except_stmt_indent:
    ///     | 'except' expression ['as' NAME ] ':' NEWLINE !INDENT
    ///     | 'except' ':' NEWLINE !INDENT
    pub(crate) fn invalid_except_stmt_indent(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Except) {
            if self.expression()?.is_some() {
                self.as_name_opt();
                self.expect_indented_after(a.lineno, "'except' statement")?;
            }
            self.pos = start + 1;
            self.expect_indented_after(a.lineno, "'except' statement")?;
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_except_star_stmt_indent: 'except' '*' expression ['as' NAME ] ':' NEWLINE !INDENT
    pub(crate) fn invalid_except_star_stmt_indent(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Except) {
            if self.eat(Tok::Star) && self.expression()?.is_some() {
                self.as_name_opt();
                self.expect_indented_after(a.lineno, "'except*' statement")?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_match_stmt:
    ///     | "match" subject_expr NEWLINE
    ///     | "match" subject_expr ':' NEWLINE !INDENT
    pub(crate) fn invalid_match_stmt(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect_soft_keyword("match") {
            if self.subject_expr()?.is_some() {
                self.missing_colon_or_block(a.lineno, "'match' statement")?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_case_block:
    ///     | "case" patterns guard? NEWLINE
    ///     | "case" patterns guard? ':' NEWLINE !INDENT
    pub(crate) fn invalid_case_block(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect_soft_keyword("case") {
            if self.patterns()?.is_some() {
                let mark = self.pos;
                if self.guard()?.is_none() {
                    self.pos = mark;
                }
                self.missing_colon_or_block(a.lineno, "'case' statement")?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_as_pattern: or_pattern 'as' "_" | or_pattern 'as' !NAME expression
    pub(crate) fn invalid_as_pattern(&mut self) -> Void {
        let start = self.pos;
        if self.or_pattern()?.is_some() && self.eat(Tok::As) {
            let after = self.pos;
            if let Some(a) = self.expect_soft_keyword("_") {
                return Err(self.raise_at(tok_loc(&a), "cannot use '_' as a target"));
            }
            self.pos = after;
            if self.peek() != Tok::Name {
                if let Some(a) = self.expression()? {
                    return Err(self.raise_at(a.loc, "invalid pattern target"));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_class_pattern: name_or_attr '(' invalid_class_argument_pattern
    pub(crate) fn invalid_class_pattern(&mut self) -> Void {
        let start = self.pos;
        if self.name_or_attr()?.is_some() && self.eat(Tok::LPar) {
            // invalid_class_argument_pattern:
            //     [positional_patterns ','] keyword_patterns ',' positional_patterns
            let inner = self.pos;
            let mut found = None;
            for with_positional in [true, false] {
                self.pos = inner;
                if with_positional
                    && !(self.positional_patterns()?.is_some() && self.eat(Tok::Comma))
                {
                    continue;
                }
                if self.keyword_patterns()?.is_some() && self.eat(Tok::Comma) {
                    if let Some(a) = self.positional_patterns()? {
                        found = Some(a);
                        break;
                    }
                }
            }
            if let Some(a) = found {
                if let (Some(first), Some(last)) = (a.first(), a.last()) {
                    let (f, l) = (first.loc, last.loc);
                    return Err(self.raise_range(
                        f,
                        l,
                        "positional patterns follow keyword patterns",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_if_stmt / invalid_elif_stmt / invalid_while_stmt:
    ///     | kw named_expression NEWLINE
    ///     | kw named_expression ':' NEWLINE !INDENT
    fn invalid_cond_stmt(&mut self, kw: Tok, what: &str) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(kw) {
            if self.named_expression()?.is_some() {
                self.missing_colon_or_block(a.lineno, what)?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    pub(crate) fn invalid_if_stmt(&mut self) -> Void {
        self.invalid_cond_stmt(Tok::If, "'if' statement")
    }

    pub(crate) fn invalid_elif_stmt(&mut self) -> Void {
        self.invalid_cond_stmt(Tok::Elif, "'elif' statement")
    }

    pub(crate) fn invalid_while_stmt(&mut self) -> Void {
        self.invalid_cond_stmt(Tok::While, "'while' statement")
    }

    /// invalid_else_stmt: 'else' ':' NEWLINE !INDENT
    pub(crate) fn invalid_else_stmt(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Else) {
            self.expect_indented_after(a.lineno, "'else' statement")?;
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_for_stmt:
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions NEWLINE
    ///     | [ASYNC] 'for' star_targets 'in' star_expressions ':' NEWLINE !INDENT
    pub(crate) fn invalid_for_stmt(&mut self) -> Void {
        let start = self.pos;
        self.eat(Tok::Async);
        if let Some(a) = self.expect(Tok::For) {
            if self.star_targets()?.is_some()
                && self.eat(Tok::In)
                && self.star_expressions()?.is_some()
            {
                self.missing_colon_or_block(a.lineno, "'for' statement")?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_def_raw: [ASYNC] 'def' NAME '(' [params] ')' ['->' expression] ':' NEWLINE !INDENT
    pub(crate) fn invalid_def_raw(&mut self) -> Void {
        let start = self.pos;
        self.eat(Tok::Async);
        if let Some(a) = self.expect(Tok::Def) {
            if self.name_token().is_some() && self.eat(Tok::LPar) {
                let mark = self.pos;
                if self.params()?.is_none() {
                    self.pos = mark;
                }
                if self.eat(Tok::RPar) {
                    let mark = self.pos;
                    if !(self.eat(Tok::RArrow) && self.expression()?.is_some()) {
                        self.pos = mark;
                    }
                    self.expect_indented_after(a.lineno, "function definition")?;
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_class_def_raw:
    ///     | 'class' NAME ['(' [arguments] ')'] NEWLINE
    ///     | 'class' NAME ['(' [arguments] ')'] ':' NEWLINE !INDENT
    pub(crate) fn invalid_class_def_raw(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expect(Tok::Class) {
            if self.name_token().is_some() {
                let mark = self.pos;
                if self.eat(Tok::LPar) {
                    let m2 = self.pos;
                    if self.arguments()?.is_none() {
                        self.pos = m2;
                    }
                    if !self.eat(Tok::RPar) {
                        self.pos = mark;
                    }
                }
                self.missing_colon_or_block(a.lineno, "class definition")?;
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_double_starred_kvpairs:
    ///     | ','.double_starred_kvpair+ ',' invalid_kvpair
    ///     | expression ':' '*' bitwise_or
    ///     | expression ':' &('}'|',')
    pub(crate) fn invalid_double_starred_kvpairs(&mut self) -> Void {
        let start = self.pos;
        if self.sep_list(Self::double_starred_kvpair)?.is_some()
            && self.eat(Tok::Comma)
            && self.invalid_kvpair()?.is_some()
        {
            return Ok(Some(()));
        }
        self.pos = start;
        self.invalid_kvpair_tail()
    }

    /// The two alternatives shared by invalid_double_starred_kvpairs and
    /// invalid_kvpair: expression ':' '*' bitwise_or | expression ':' &('}'|',')
    fn invalid_kvpair_tail(&mut self) -> Void {
        let start = self.pos;
        if self.expression()?.is_some() && self.eat(Tok::Colon) {
            if let Some(a) = self.expect(Tok::Star) {
                if self.bitwise_or()?.is_some() {
                    return Err(self.raise_starting_from(
                        tok_loc(&a),
                        "cannot use a starred expression in a dictionary value",
                    ));
                }
            }
        }
        self.pos = start;
        if self.expression()?.is_some() {
            if let Some(a) = self.expect(Tok::Colon) {
                if matches!(self.peek(), Tok::RBrace | Tok::Comma) {
                    return Err(self.raise_at(
                        tok_loc(&a),
                        "expression expected after dictionary key and ':'",
                    ));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// invalid_kvpair:
    ///     | expression !(':')
    ///     | expression ':' '*' bitwise_or
    ///     | expression ':' &('}'|',')
    fn invalid_kvpair(&mut self) -> Void {
        let start = self.pos;
        if let Some(a) = self.expression()? {
            if self.peek() != Tok::Colon {
                let e = self.make_error(
                    crate::error::ErrorKind::SyntaxError,
                    "':' expected after dictionary key".to_string(),
                    a.loc.lineno,
                    a.loc.end_col_offset as i64,
                    a.loc.end_lineno,
                    0,
                );
                return Err(self.raise(e));
            }
        }
        self.pos = start;
        self.invalid_kvpair_tail()
    }
}
