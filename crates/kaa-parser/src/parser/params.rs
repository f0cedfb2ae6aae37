//! Function and lambda parameters (python.gram "Function parameters" and
//! "Lambda functions"). One set of methods serves both: `lambda` switches
//! annotations off and makes ':' (not ')') the closing lookahead.

use super::expr::mk;
use super::{PResult, Parser};
use crate::ast::{Arg, Arguments, Expr, ExprKind};
use crate::token::Tok;

/// What `slash_with_default` collects: the parameters without and with
/// defaults before the '/'.
pub(crate) type SlashWithDefault = (Vec<Arg>, Vec<(Arg, Expr)>);

/// The parts `star_etc` collects.
pub(crate) struct StarEtc {
    pub(crate) vararg: Option<Arg>,
    pub(crate) kwonly: Vec<(Arg, Option<Expr>)>,
    pub(crate) kwarg: Option<Arg>,
}

/// `_PyPegen_empty_arguments`.
pub(crate) fn empty_arguments() -> Arguments {
    Arguments {
        posonlyargs: vec![],
        args: vec![],
        vararg: None,
        kwonlyargs: vec![],
        kw_defaults: vec![],
        kwarg: None,
        defaults: vec![],
    }
}

/// `_PyPegen_make_arguments`.
fn make_arguments(
    slash_no_default: Option<Vec<Arg>>,
    slash_with_default: Option<SlashWithDefault>,
    plain: Vec<Arg>,
    with_default: Vec<(Arg, Expr)>,
    star: Option<StarEtc>,
) -> Arguments {
    let mut defaults = Vec::new();
    let posonlyargs = match (slash_no_default, slash_with_default) {
        (Some(v), _) => v,
        (None, Some((mut plain_names, with))) => {
            for (a, d) in with {
                plain_names.push(a);
                defaults.push(d);
            }
            plain_names
        }
        (None, None) => vec![],
    };
    let mut args = plain;
    for (a, d) in with_default {
        args.push(a);
        defaults.push(d);
    }
    let (vararg, kwonly, kwarg) = match star {
        Some(s) => (s.vararg, s.kwonly, s.kwarg),
        None => (None, vec![], None),
    };
    let (kwonlyargs, kw_defaults) = kwonly.into_iter().unzip();
    Arguments {
        posonlyargs,
        args,
        vararg: vararg.map(Box::new),
        kwonlyargs,
        kw_defaults,
        kwarg: kwarg.map(Box::new),
        defaults,
    }
}

impl<'a> Parser<'a> {
    /// params: invalid_parameters | parameters
    pub(crate) fn params(&mut self) -> PResult<Arguments> {
        self.any_params(false)
    }

    /// lambda_params: invalid_lambda_parameters | lambda_parameters
    pub(crate) fn lambda_params(&mut self) -> PResult<Arguments> {
        self.any_params(true)
    }

    fn any_params(&mut self, lambda: bool) -> PResult<Arguments> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_parameters(lambda)?;
            self.pos = start;
        }
        self.parameters(lambda)
    }

    /// parameters:
    ///     | slash_no_default param_no_default* param_with_default* [star_etc]
    ///     | slash_with_default param_with_default* [star_etc]
    ///     | param_no_default+ param_with_default* [star_etc]
    ///     | param_with_default+ [star_etc]
    ///     | star_etc
    fn parameters(&mut self, lambda: bool) -> PResult<Arguments> {
        let start = self.pos;
        self.touch();
        if let Some(a) = self.slash_no_default(lambda)? {
            let b = self.repeat(lambda, Self::param_no_default)?;
            let c = self.repeat(lambda, Self::param_with_default)?;
            let d = self.star_etc_opt(lambda)?;
            return Ok(Some(make_arguments(Some(a), None, b, c, d)));
        }
        self.pos = start;
        if let Some(a) = self.slash_with_default(lambda)? {
            let b = self.repeat(lambda, Self::param_with_default)?;
            let c = self.star_etc_opt(lambda)?;
            return Ok(Some(make_arguments(None, Some(a), vec![], b, c)));
        }
        self.pos = start;
        let a = self.repeat(lambda, Self::param_no_default)?;
        if !a.is_empty() {
            let b = self.repeat(lambda, Self::param_with_default)?;
            let c = self.star_etc_opt(lambda)?;
            return Ok(Some(make_arguments(None, None, a, b, c)));
        }
        self.pos = start;
        let a = self.repeat(lambda, Self::param_with_default)?;
        if !a.is_empty() {
            let b = self.star_etc_opt(lambda)?;
            return Ok(Some(make_arguments(None, None, vec![], a, b)));
        }
        self.pos = start;
        if let Some(a) = self.star_etc(lambda)? {
            return Ok(Some(make_arguments(None, None, vec![], vec![], Some(a))));
        }
        self.pos = start;
        Ok(None)
    }

    /// `rule*`: zero or more.
    pub(crate) fn repeat<T>(
        &mut self,
        lambda: bool,
        rule: fn(&mut Self, bool) -> PResult<T>,
    ) -> Result<Vec<T>, super::Stop> {
        let mut v = Vec::new();
        loop {
            let mark = self.pos;
            match rule(self, lambda)? {
                Some(x) => v.push(x),
                None => {
                    self.pos = mark;
                    return Ok(v);
                }
            }
        }
    }

    /// The token that may follow the last parameter: ')' or, for lambdas, ':'.
    fn params_end(lambda: bool) -> Tok {
        if lambda {
            Tok::Colon
        } else {
            Tok::RPar
        }
    }

    /// slash_no_default: param_no_default+ '/' ',' | param_no_default+ '/' &')'
    pub(crate) fn slash_no_default(&mut self, lambda: bool) -> PResult<Vec<Arg>> {
        let start = self.pos;
        let a = self.repeat(lambda, Self::param_no_default)?;
        if !a.is_empty()
            && self.eat(Tok::Slash)
            && (self.eat(Tok::Comma) || self.peek() == Self::params_end(lambda))
        {
            return Ok(Some(a));
        }
        self.pos = start;
        Ok(None)
    }

    /// slash_with_default: param_no_default* param_with_default+ '/' ','
    ///                   | param_no_default* param_with_default+ '/' &')'
    pub(crate) fn slash_with_default(&mut self, lambda: bool) -> PResult<SlashWithDefault> {
        let start = self.pos;
        let a = self.repeat(lambda, Self::param_no_default)?;
        let b = self.repeat(lambda, Self::param_with_default)?;
        if !b.is_empty()
            && self.eat(Tok::Slash)
            && (self.eat(Tok::Comma) || self.peek() == Self::params_end(lambda))
        {
            return Ok(Some((a, b)));
        }
        self.pos = start;
        Ok(None)
    }

    fn star_etc_opt(&mut self, lambda: bool) -> Result<Option<StarEtc>, super::Stop> {
        let mark = self.pos;
        let r = self.star_etc(lambda)?;
        if r.is_none() {
            self.pos = mark;
        }
        Ok(r)
    }

    /// star_etc: invalid_star_etc
    ///     | '*' param_no_default param_maybe_default* [kwds]
    ///     | '*' param_no_default_star_annotation param_maybe_default* [kwds]
    ///     | '*' ',' param_maybe_default+ [kwds]
    ///     | kwds
    fn star_etc(&mut self, lambda: bool) -> PResult<StarEtc> {
        let start = self.pos;
        self.touch();
        if self.call_invalid_rules {
            self.invalid_star_etc(lambda)?;
            self.pos = start;
        }
        if self.eat(Tok::Star) {
            let after_star = self.pos;
            let mut vararg = self.param_no_default(lambda)?;
            if vararg.is_none() && !lambda {
                self.pos = after_star;
                vararg = self.param_no_default_star_annotation()?;
            }
            if let Some(a) = vararg {
                let b = self.repeat(lambda, Self::param_maybe_default)?;
                let c = self.kwds_opt(lambda)?;
                return Ok(Some(StarEtc {
                    vararg: Some(a),
                    kwonly: b,
                    kwarg: c,
                }));
            }
            self.pos = after_star;
            if self.eat(Tok::Comma) {
                let b = self.repeat(lambda, Self::param_maybe_default)?;
                if !b.is_empty() {
                    let c = self.kwds_opt(lambda)?;
                    return Ok(Some(StarEtc {
                        vararg: None,
                        kwonly: b,
                        kwarg: c,
                    }));
                }
            }
            self.pos = start;
        }
        if let Some(a) = self.kwds(lambda)? {
            return Ok(Some(StarEtc {
                vararg: None,
                kwonly: vec![],
                kwarg: Some(a),
            }));
        }
        self.pos = start;
        Ok(None)
    }

    fn kwds_opt(&mut self, lambda: bool) -> Result<Option<Arg>, super::Stop> {
        let mark = self.pos;
        let r = self.kwds(lambda)?;
        if r.is_none() {
            self.pos = mark;
        }
        Ok(r)
    }

    /// kwds: invalid_kwds | '**' param_no_default
    fn kwds(&mut self, lambda: bool) -> PResult<Arg> {
        let start = self.pos;
        if self.call_invalid_rules {
            self.invalid_kwds(lambda)?;
            self.pos = start;
        }
        if self.eat(Tok::DoubleStar) {
            if let Some(a) = self.param_no_default(lambda)? {
                return Ok(Some(a));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// param_no_default: param ',' | param &')'
    pub(crate) fn param_no_default(&mut self, lambda: bool) -> PResult<Arg> {
        let start = self.pos;
        if let Some(a) = self.param(lambda)? {
            if self.eat(Tok::Comma) || self.peek() == Self::params_end(lambda) {
                return Ok(Some(a));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// param_no_default_star_annotation: param_star_annotation ',' | param_star_annotation &')'
    fn param_no_default_star_annotation(&mut self) -> PResult<Arg> {
        let start = self.pos;
        if let Some((arg, _)) = self.name_token() {
            if self.eat(Tok::Colon) {
                if let Some(ann) = self.star_expression()? {
                    let loc = self.loc_from(start);
                    let a = Arg {
                        arg,
                        annotation: Some(Box::new(ann)),
                        type_comment: None,
                        loc,
                    };
                    if self.eat(Tok::Comma) || self.peek() == Tok::RPar {
                        return Ok(Some(a));
                    }
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// param_with_default: param default ',' | param default &')'
    pub(crate) fn param_with_default(&mut self, lambda: bool) -> PResult<(Arg, Expr)> {
        let start = self.pos;
        if let Some(a) = self.param(lambda)? {
            if let Some(c) = self.default()? {
                if self.eat(Tok::Comma) || self.peek() == Self::params_end(lambda) {
                    return Ok(Some((a, c)));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// param_maybe_default: param default? ',' | param default? &')'
    pub(crate) fn param_maybe_default(&mut self, lambda: bool) -> PResult<(Arg, Option<Expr>)> {
        let start = self.pos;
        if let Some(a) = self.param(lambda)? {
            let mark = self.pos;
            let c = self.default()?;
            if c.is_none() {
                self.pos = mark;
            }
            if self.eat(Tok::Comma) || self.peek() == Self::params_end(lambda) {
                return Ok(Some((a, c)));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// param: NAME annotation? (lambda_param: NAME)
    pub(crate) fn param(&mut self, lambda: bool) -> PResult<Arg> {
        let start = self.pos;
        let Some((arg, _)) = self.name_token() else {
            return Ok(None);
        };
        let mut annotation = None;
        if !lambda {
            let mark = self.pos;
            if self.eat(Tok::Colon) {
                match self.expression()? {
                    Some(a) => annotation = Some(Box::new(a)),
                    None => self.pos = mark,
                }
            }
        }
        let loc = self.loc_from(start);
        Ok(Some(Arg {
            arg,
            annotation,
            type_comment: None,
            loc,
        }))
    }

    /// default: '=' expression | invalid_default
    pub(crate) fn default(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if self.eat(Tok::Equal) {
            if let Some(a) = self.expression()? {
                return Ok(Some(a));
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_default)?;
        Ok(None)
    }

    /// lambdef: 'lambda' [lambda_params] ':' expression
    pub(crate) fn lambdef(&mut self) -> PResult<Expr> {
        let start = self.pos;
        if !self.eat(Tok::Lambda) {
            return Ok(None);
        }
        let mark = self.pos;
        let args = match self.lambda_params()? {
            Some(a) => a,
            None => {
                self.pos = mark;
                empty_arguments()
            }
        };
        if self.eat(Tok::Colon) {
            if let Some(body) = self.expression()? {
                let loc = self.loc_from(start);
                return Ok(Some(mk(
                    ExprKind::Lambda {
                        args: Box::new(args),
                        body: Box::new(body),
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        Ok(None)
    }
}
