//! Statement rules (python.gram "STARTING RULES" to "Match statement").

use super::expr::{mk, set_ctx, split_arguments};
use super::{tok_loc, MemoRule, MemoVal, PResult, Parser};
use crate::ast::{
    Alias, ExceptHandler, Expr, ExprContext, ExprKind, Loc, MatchCase, Mod, Operator, Stmt,
    StmtKind, WithItem,
};
use crate::token::Tok;

fn st(node: StmtKind, loc: Loc) -> Stmt {
    Stmt { node, loc }
}

impl<'a> Parser<'a> {
    // ----- start rules ----------------------------------------------------

    /// file: [statements] ENDMARKER
    pub(crate) fn file_rule(&mut self) -> PResult<Mod> {
        let mut body = Vec::new();
        loop {
            self.memo_clear();
            let mark = self.pos;
            match self.statement()? {
                Some(s) => body.extend(s),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if self.eat(Tok::EndMarker) {
            return Ok(Some(Mod::Module {
                body,
                type_ignores: vec![],
            }));
        }
        Ok(None)
    }

    /// eval: expressions NEWLINE* ENDMARKER
    pub(crate) fn eval_rule(&mut self) -> PResult<Mod> {
        let Some(e) = self.expressions()? else {
            return Ok(None);
        };
        while self.eat(Tok::Newline) {}
        if self.eat(Tok::EndMarker) {
            return Ok(Some(Mod::Expression { body: Box::new(e) }));
        }
        Ok(None)
    }

    /// interactive: statement_newline
    pub(crate) fn interactive_rule(&mut self) -> PResult<Mod> {
        Ok(self
            .statement_newline()?
            .map(|body| Mod::Interactive { body }))
    }

    /// func_type: '(' [type_expressions] ')' '->' expression NEWLINE* ENDMARKER
    pub(crate) fn func_type_rule(&mut self) -> PResult<Mod> {
        if !self.eat(Tok::LPar) {
            return Ok(None);
        }
        let mark = self.pos;
        let argtypes = match self.type_expressions()? {
            Some(v) => v,
            None => {
                self.pos = mark;
                vec![]
            }
        };
        if !self.eat(Tok::RPar) || !self.eat(Tok::RArrow) {
            return Ok(None);
        }
        let Some(returns) = self.expression()? else {
            return Ok(None);
        };
        while self.eat(Tok::Newline) {}
        if self.eat(Tok::EndMarker) {
            return Ok(Some(Mod::FunctionType {
                argtypes,
                returns: Box::new(returns),
            }));
        }
        Ok(None)
    }

    /// type_expressions: the `*`/`**` forms of a function type's arguments.
    fn type_expressions(&mut self) -> PResult<Vec<Expr>> {
        let mut v = Vec::new();
        if self.peek() != Tok::Star && self.peek() != Tok::DoubleStar {
            let Some(list) = self.sep_list(Self::expression)? else {
                return Ok(None);
            };
            v = list;
            let mark = self.pos;
            if !self.eat(Tok::Comma) {
                return Ok(Some(v));
            }
            if self.peek() != Tok::Star && self.peek() != Tok::DoubleStar {
                self.pos = mark;
                return Ok(Some(v));
            }
        }
        if self.eat(Tok::Star) {
            let Some(b) = self.expression()? else {
                return Ok(None);
            };
            v.push(b);
            let mark = self.pos;
            if self.eat(Tok::Comma) && self.eat(Tok::DoubleStar) {
                let Some(c) = self.expression()? else {
                    return Ok(None);
                };
                v.push(c);
            } else {
                self.pos = mark;
            }
            return Ok(Some(v));
        }
        if self.eat(Tok::DoubleStar) {
            let Some(b) = self.expression()? else {
                return Ok(None);
            };
            v.push(b);
            return Ok(Some(v));
        }
        Ok(None)
    }

    // ----- general statements ------------------------------------------------

    /// statements: statement+
    pub(crate) fn statements(&mut self) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        loop {
            let mark = self.pos;
            match self.statement()? {
                Some(s) => body.extend(s),
                None => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Ok(if body.is_empty() { None } else { Some(body) })
    }

    /// statement: compound_stmt | simple_stmts
    fn statement(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.pos;
        self.enter()?;
        let r = self.statement_inner(start);
        self.leave();
        r
    }

    fn statement_inner(&mut self, start: usize) -> PResult<Vec<Stmt>> {
        if let Some(s) = self.compound_stmt()? {
            return Ok(Some(vec![s]));
        }
        self.pos = start;
        self.simple_stmts()
    }

    /// statement_newline: compound_stmt NEWLINE | simple_stmts | NEWLINE | ENDMARKER
    fn statement_newline(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.pos;
        if let Some(s) = self.compound_stmt()? {
            if self.eat(Tok::Newline) {
                return Ok(Some(vec![s]));
            }
        }
        self.pos = start;
        if let Some(s) = self.simple_stmts()? {
            return Ok(Some(s));
        }
        self.pos = start;
        if let Some(t) = self.expect(Tok::Newline) {
            return Ok(Some(vec![st(StmtKind::Pass, tok_loc(&t))]));
        }
        if self.peek() == Tok::EndMarker {
            // `_PyPegen_interactive_exit`: end of input.
            return Ok(None);
        }
        Ok(None)
    }

    /// simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE
    fn simple_stmts(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.pos;
        let Some(v) = self.sep_by_trailing(Tok::Semi, Self::simple_stmt)? else {
            return Ok(None);
        };
        if self.eat(Tok::Newline) {
            return Ok(Some(v));
        }
        self.pos = start;
        Ok(None)
    }

    /// simple_stmt (memo): assignment | star_expressions | return_stmt | import_stmt
    ///     | raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break'
    ///     | 'continue' | global_stmt | nonlocal_stmt
    fn simple_stmt(&mut self) -> PResult<Stmt> {
        if let Some(MemoVal::Stmt(v)) = self.memo_get(MemoRule::SimpleStmt) {
            return Ok(v);
        }
        let start = self.pos;
        let r = self.simple_stmt_raw(start)?;
        if r.is_none() {
            self.pos = start;
        }
        self.memo_store(start, MemoRule::SimpleStmt, r.is_none(), || {
            MemoVal::Stmt(r.clone())
        });
        Ok(r)
    }

    fn simple_stmt_raw(&mut self, start: usize) -> PResult<Stmt> {
        let k = self.peek();
        let keyword_stmt = matches!(
            k,
            Tok::Return
                | Tok::Import
                | Tok::From
                | Tok::Raise
                | Tok::Pass
                | Tok::Del
                | Tok::Yield
                | Tok::Assert
                | Tok::Break
                | Tok::Continue
                | Tok::Global
                | Tok::Nonlocal
        );
        // In the first pass, the statement can only be an assignment if a
        // '=', ':' or augmented-assignment operator stands outside brackets
        // before its end; otherwise the assignment alternatives would fail.
        let try_assignment = if self.call_invalid_rules {
            true
        } else {
            !keyword_stmt && self.may_be_assignment()
        };
        if try_assignment {
            if let Some(s) = self.assignment()? {
                return Ok(Some(s));
            }
            self.pos = start;
        }
        if !keyword_stmt || self.call_invalid_rules {
            if let Some(e) = self.star_expressions()? {
                let loc = self.loc_from(start);
                return Ok(Some(st(StmtKind::Expr { value: Box::new(e) }, loc)));
            }
            self.pos = start;
        }
        match k {
            Tok::Return => self.return_stmt(),
            Tok::Import | Tok::From => self.import_stmt(),
            Tok::Raise => self.raise_stmt(),
            Tok::Pass => {
                let t = self.cur();
                self.pos += 1;
                Ok(Some(st(StmtKind::Pass, tok_loc(&t))))
            }
            Tok::Del => self.del_stmt(),
            Tok::Yield => {
                let Some(y) = self.yield_expr()? else {
                    return Ok(None);
                };
                let loc = self.loc_from(start);
                Ok(Some(st(StmtKind::Expr { value: Box::new(y) }, loc)))
            }
            Tok::Assert => self.assert_stmt(),
            Tok::Break => {
                let t = self.cur();
                self.pos += 1;
                Ok(Some(st(StmtKind::Break, tok_loc(&t))))
            }
            Tok::Continue => {
                let t = self.cur();
                self.pos += 1;
                Ok(Some(st(StmtKind::Continue, tok_loc(&t))))
            }
            Tok::Global | Tok::Nonlocal => self.global_or_nonlocal(),
            _ => Ok(None),
        }
    }

    /// Whether a '=', ':' or augmented assignment operator appears outside
    /// brackets before the end of the simple statement (a pure look at the
    /// tokens: it does not count as looking at them).
    fn may_be_assignment(&self) -> bool {
        let mut depth = 0i32;
        for t in &self.toks[self.pos..] {
            match t.kind {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Newline | Tok::Semi | Tok::EndMarker | Tok::ErrorOp if depth <= 0 => {
                    return false
                }
                Tok::Newline | Tok::EndMarker | Tok::ErrorOp => return false,
                Tok::Equal | Tok::Colon if depth == 0 => return true,
                k if depth == 0 && augassign_op(k).is_some() => return true,
                _ => {}
            }
        }
        false
    }

    /// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt
    ///              | try_stmt | while_stmt | match_stmt
    fn compound_stmt(&mut self) -> PResult<Stmt> {
        match self.peek() {
            Tok::Def => self.function_def(),
            Tok::At => self.first_of(&[Self::function_def, Self::class_def]),
            Tok::Async => self.first_of(&[Self::function_def, Self::with_stmt, Self::for_stmt]),
            Tok::If => self.if_stmt(),
            Tok::Class => self.class_def(),
            Tok::With => self.with_stmt(),
            Tok::For => self.for_stmt(),
            Tok::Try => self.try_stmt(),
            Tok::While => self.while_stmt(),
            Tok::Name => self.match_stmt(),
            _ => Ok(None),
        }
    }

    // ----- simple statements -----------------------------------------------

    /// assignment:
    ///     | NAME ':' expression ['=' annotated_rhs]
    ///     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
    ///     | (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
    ///     | single_target augassign ~ (yield_expr | star_expressions)
    ///     | invalid_assignment
    fn assignment(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        // NAME ':' expression ['=' annotated_rhs]
        if self.peek() == Tok::Name && self.peek_at(1) == Tok::Colon {
            let a = self.name().map(|n| set_ctx(n, ExprContext::Store));
            self.pos += 1;
            if let (Some(a), Some(b)) = (a, self.expression()?) {
                let value = self.annotated_value()?;
                let loc = self.loc_from(start);
                return Ok(Some(st(
                    StmtKind::AnnAssign {
                        target: Box::new(a),
                        annotation: Box::new(b),
                        value,
                        simple: 1,
                    },
                    loc,
                )));
            }
            self.pos = start;
        }
        // ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs]
        let target = if self.peek() == Tok::LPar {
            self.pos += 1;
            match self.single_target()? {
                Some(b) if self.eat(Tok::RPar) => Some(b),
                _ => {
                    self.pos = start;
                    self.single_subscript_attribute_target()?
                }
            }
        } else {
            self.single_subscript_attribute_target()?
        };
        if let Some(a) = target {
            if self.eat(Tok::Colon) {
                if let Some(b) = self.expression()? {
                    let value = self.annotated_value()?;
                    let loc = self.loc_from(start);
                    return Ok(Some(st(
                        StmtKind::AnnAssign {
                            target: Box::new(a),
                            annotation: Box::new(b),
                            value,
                            simple: 0,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = start;
        // (star_targets '=')+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
        let mut targets = Vec::new();
        loop {
            let mark = self.pos;
            match self.star_targets()? {
                Some(t) if self.eat(Tok::Equal) => targets.push(t),
                _ => {
                    self.pos = mark;
                    break;
                }
            }
        }
        if !targets.is_empty() {
            if let Some(value) = self.annotated_rhs()? {
                if self.peek() != Tok::Equal {
                    let loc = self.loc_from(start);
                    return Ok(Some(st(
                        StmtKind::Assign {
                            targets,
                            value: Box::new(value),
                            type_comment: None,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = start;
        // single_target augassign ~ (yield_expr | star_expressions)
        if let Some(a) = self.single_target()? {
            if let Some(op) = augassign_op(self.peek()) {
                self.pos += 1;
                match self.annotated_rhs()? {
                    Some(c) => {
                        let loc = self.loc_from(start);
                        return Ok(Some(st(
                            StmtKind::AugAssign {
                                target: Box::new(a),
                                op,
                                value: Box::new(c),
                            },
                            loc,
                        )));
                    }
                    None => {
                        // The cut: no further alternative.
                        self.pos = start;
                        return Ok(None);
                    }
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_assignment)?;
        Ok(None)
    }

    /// ['=' annotated_rhs]
    fn annotated_value(&mut self) -> Result<Option<Box<Expr>>, super::Stop> {
        let mark = self.pos;
        if self.eat(Tok::Equal) {
            if let Some(d) = self.annotated_rhs()? {
                return Ok(Some(Box::new(d)));
            }
        }
        self.pos = mark;
        Ok(None)
    }

    /// annotated_rhs: yield_expr | star_expressions
    pub(crate) fn annotated_rhs(&mut self) -> PResult<Expr> {
        if self.peek() == Tok::Yield {
            return self.yield_expr();
        }
        self.star_expressions()
    }

    /// return_stmt: 'return' [star_expressions]
    fn return_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if !self.eat(Tok::Return) {
            return Ok(None);
        }
        let value = self.star_expressions()?.map(Box::new);
        let loc = self.loc_from(start);
        Ok(Some(st(StmtKind::Return { value }, loc)))
    }

    /// raise_stmt: 'raise' expression ['from' expression] | 'raise'
    fn raise_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if !self.eat(Tok::Raise) {
            return Ok(None);
        }
        if let Some(a) = self.expression()? {
            let mark = self.pos;
            let mut cause = None;
            if self.eat(Tok::From) {
                match self.expression()? {
                    Some(z) => cause = Some(Box::new(z)),
                    None => self.pos = mark,
                }
            }
            let loc = self.loc_from(start);
            return Ok(Some(st(
                StmtKind::Raise {
                    exc: Some(Box::new(a)),
                    cause,
                },
                loc,
            )));
        }
        self.pos = start + 1;
        let loc = self.loc_from(start);
        Ok(Some(st(
            StmtKind::Raise {
                exc: None,
                cause: None,
            },
            loc,
        )))
    }

    /// global_stmt: 'global' ','.NAME+ | nonlocal_stmt: 'nonlocal' ','.NAME+
    fn global_or_nonlocal(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let is_global = self.peek() == Tok::Global;
        self.pos += 1;
        let Some(names) = self.sep_list(|p| Ok(p.name_token().map(|(n, _)| n)))? else {
            self.pos = start;
            return Ok(None);
        };
        let loc = self.loc_from(start);
        let node = if is_global {
            StmtKind::Global { names }
        } else {
            StmtKind::Nonlocal { names }
        };
        Ok(Some(st(node, loc)))
    }

    /// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
    fn del_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if self.eat(Tok::Del) {
            if let Some(targets) = self.del_targets()? {
                if matches!(self.peek(), Tok::Semi | Tok::Newline) {
                    let loc = self.loc_from(start);
                    return Ok(Some(st(StmtKind::Delete { targets }, loc)));
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_del_stmt)?;
        Ok(None)
    }

    /// assert_stmt: 'assert' expression [',' expression]
    fn assert_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if !self.eat(Tok::Assert) {
            return Ok(None);
        }
        let Some(test) = self.expression()? else {
            self.pos = start;
            return Ok(None);
        };
        let mark = self.pos;
        let mut msg = None;
        if self.eat(Tok::Comma) {
            match self.expression()? {
                Some(z) => msg = Some(Box::new(z)),
                None => self.pos = mark,
            }
        }
        let loc = self.loc_from(start);
        Ok(Some(st(
            StmtKind::Assert {
                test: Box::new(test),
                msg,
            },
            loc,
        )))
    }

    /// import_stmt: import_name | import_from
    fn import_stmt(&mut self) -> PResult<Stmt> {
        if self.peek() == Tok::Import {
            self.import_name()
        } else {
            self.import_from()
        }
    }

    /// import_name: 'import' dotted_as_names
    fn import_name(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if !self.eat(Tok::Import) {
            return Ok(None);
        }
        let Some(names) = self.sep_list(Self::dotted_as_name)? else {
            self.pos = start;
            return Ok(None);
        };
        let loc = self.loc_from(start);
        Ok(Some(st(StmtKind::Import { names }, loc)))
    }

    /// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
    ///            | 'from' ('.' | '...')+ 'import' import_from_targets
    fn import_from(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if !self.eat(Tok::From) {
            return Ok(None);
        }
        let mut level = 0;
        loop {
            match self.peek() {
                Tok::Dot => level += 1,
                Tok::Ellipsis => level += 3,
                _ => break,
            }
            self.pos += 1;
        }
        let dots_end = self.pos;
        if let Some(module) = self.dotted_name() {
            if self.eat(Tok::Import) {
                if let Some(names) = self.import_from_targets()? {
                    let loc = self.loc_from(start);
                    return Ok(Some(st(
                        StmtKind::ImportFrom {
                            module: Some(module),
                            names,
                            level,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = dots_end;
        if level > 0 && self.eat(Tok::Import) {
            if let Some(names) = self.import_from_targets()? {
                let loc = self.loc_from(start);
                return Ok(Some(st(
                    StmtKind::ImportFrom {
                        module: None,
                        names,
                        level,
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// import_from_targets: '(' import_from_as_names [','] ')' | import_from_as_names !','
    ///                    | '*' | invalid_import_from_targets
    fn import_from_targets(&mut self) -> PResult<Vec<Alias>> {
        let start = self.pos;
        if self.eat(Tok::LPar) {
            if let Some(names) = self.sep_list(Self::import_from_as_name)? {
                self.eat(Tok::Comma);
                if self.eat(Tok::RPar) {
                    return Ok(Some(names));
                }
            }
            self.pos = start;
        }
        if let Some(names) = self.sep_list(Self::import_from_as_name)? {
            if self.peek() != Tok::Comma {
                return Ok(Some(names));
            }
        }
        self.pos = start;
        if let Some(t) = self.expect(Tok::Star) {
            return Ok(Some(vec![Alias {
                name: "*".into(),
                asname: None,
                loc: tok_loc(&t),
            }]));
        }
        if self.call_invalid_rules {
            self.invalid_import_from_targets()?;
            self.pos = start;
        }
        Ok(None)
    }

    /// import_from_as_name: NAME ['as' NAME]
    pub(crate) fn import_from_as_name(&mut self) -> PResult<Alias> {
        let start = self.pos;
        let Some((name, _)) = self.name_token() else {
            return Ok(None);
        };
        let asname = self.as_name();
        let loc = self.loc_from(start);
        Ok(Some(Alias { name, asname, loc }))
    }

    /// ['as' NAME]
    fn as_name(&mut self) -> Option<String> {
        let mark = self.pos;
        if self.eat(Tok::As) {
            if let Some((n, _)) = self.name_token() {
                return Some(n);
            }
        }
        self.pos = mark;
        None
    }

    /// dotted_as_name: dotted_name ['as' NAME]
    fn dotted_as_name(&mut self) -> PResult<Alias> {
        let start = self.pos;
        let Some(name) = self.dotted_name() else {
            return Ok(None);
        };
        let asname = self.as_name();
        let loc = self.loc_from(start);
        Ok(Some(Alias { name, asname, loc }))
    }

    /// dotted_name: dotted_name '.' NAME | NAME
    pub(crate) fn dotted_name(&mut self) -> Option<String> {
        let (mut name, _) = self.name_token()?;
        loop {
            let mark = self.pos;
            if self.eat(Tok::Dot) {
                if let Some((n, _)) = self.name_token() {
                    name.push('.');
                    name.push_str(&n);
                    continue;
                }
            }
            self.pos = mark;
            break;
        }
        Some(name)
    }

    // ----- compound statements ----------------------------------------------

    /// block (memo): NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
    pub(crate) fn block(&mut self) -> PResult<Vec<Stmt>> {
        if let Some(MemoVal::Stmts(v)) = self.memo_get(MemoRule::Block) {
            return Ok(v);
        }
        let start = self.pos;
        self.enter()?;
        let r = self.block_raw(start);
        self.leave();
        let r = r?;
        if r.is_none() {
            self.pos = start;
        }
        self.memo_store(start, MemoRule::Block, r.is_none(), || {
            MemoVal::Stmts(r.clone())
        });
        Ok(r)
    }

    fn block_raw(&mut self, start: usize) -> PResult<Vec<Stmt>> {
        if self.peek() == Tok::Newline {
            self.pos += 1;
            if self.eat(Tok::Indent) {
                if let Some(a) = self.statements()? {
                    if self.eat(Tok::Dedent) {
                        return Ok(Some(a));
                    }
                }
            }
            self.pos = start;
        }
        if let Some(s) = self.simple_stmts()? {
            return Ok(Some(s));
        }
        self.pos = start;
        self.try_invalid(Self::invalid_block)?;
        Ok(None)
    }

    /// decorators: ('@' named_expression NEWLINE)+
    fn decorators(&mut self) -> PResult<Vec<Expr>> {
        let mut v = Vec::new();
        loop {
            let mark = self.pos;
            if !self.eat(Tok::At) {
                break;
            }
            match self.named_expression()? {
                Some(f) if self.eat(Tok::Newline) => v.push(f),
                _ => {
                    self.pos = mark;
                    break;
                }
            }
        }
        Ok(if v.is_empty() { None } else { Some(v) })
    }

    /// class_def: decorators class_def_raw | class_def_raw
    fn class_def(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let decorators = if self.peek() == Tok::At {
            match self.decorators()? {
                Some(d) => d,
                None => return Ok(None),
            }
        } else {
            vec![]
        };
        match self.class_def_raw()? {
            Some(mut s) => {
                if let StmtKind::ClassDef { decorator_list, .. } = &mut s.node {
                    *decorator_list = decorators;
                }
                Ok(Some(s))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// class_def_raw: invalid_class_def_raw | 'class' NAME ['(' [arguments] ')'] ':' block
    fn class_def_raw(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_class_def_raw)?;
        if !self.eat(Tok::Class) {
            return Ok(None);
        }
        let Some((name, _)) = self.name_token() else {
            self.pos = start;
            return Ok(None);
        };
        let mut bases = vec![];
        let mut keywords = vec![];
        let mark = self.pos;
        if self.eat(Tok::LPar) {
            let inner = self.pos;
            let args = self.arguments()?;
            if args.is_none() {
                self.pos = inner;
            }
            if self.eat(Tok::RPar) {
                (bases, keywords) = split_arguments(args);
            } else {
                self.pos = mark;
            }
        }
        if self.eat(Tok::Colon) {
            if let Some(body) = self.block()? {
                let loc = self.loc_from(start);
                return Ok(Some(st(
                    StmtKind::ClassDef {
                        name,
                        bases,
                        keywords,
                        body,
                        decorator_list: vec![],
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// function_def: decorators function_def_raw | function_def_raw
    fn function_def(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        let decorators = if self.peek() == Tok::At {
            match self.decorators()? {
                Some(d) => d,
                None => return Ok(None),
            }
        } else {
            vec![]
        };
        match self.function_def_raw()? {
            Some(mut s) => {
                match &mut s.node {
                    StmtKind::FunctionDef { decorator_list, .. }
                    | StmtKind::AsyncFunctionDef { decorator_list, .. } => {
                        *decorator_list = decorators
                    }
                    _ => {}
                }
                Ok(Some(s))
            }
            None => {
                self.pos = start;
                Ok(None)
            }
        }
    }

    /// function_def_raw: invalid_def_raw
    ///     | [ASYNC] 'def' NAME &&'(' [params] ')' ['->' expression] &&':' [func_type_comment] block
    fn function_def_raw(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_def_raw)?;
        let is_async = self.eat(Tok::Async);
        if !self.eat(Tok::Def) {
            self.pos = start;
            return Ok(None);
        }
        let Some((name, _)) = self.name_token() else {
            self.pos = start;
            return Ok(None);
        };
        self.expect_forced(Tok::LPar, "(")?;
        let mark = self.pos;
        let args = match self.params()? {
            Some(a) => a,
            None => {
                self.pos = mark;
                super::params::empty_arguments()
            }
        };
        if !self.eat(Tok::RPar) {
            self.pos = start;
            return Ok(None);
        }
        let mut returns = None;
        let mark = self.pos;
        if self.eat(Tok::RArrow) {
            match self.expression()? {
                Some(z) => returns = Some(Box::new(z)),
                None => self.pos = mark,
            }
        }
        self.expect_forced(Tok::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.pos = start;
            return Ok(None);
        };
        let loc = self.loc_from(start);
        let args = Box::new(args);
        let node = if is_async {
            StmtKind::AsyncFunctionDef {
                name,
                args,
                body,
                decorator_list: vec![],
                returns,
                type_comment: None,
            }
        } else {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list: vec![],
                returns,
                type_comment: None,
            }
        };
        Ok(Some(st(node, loc)))
    }

    /// if_stmt: invalid_if_stmt | 'if' named_expression ':' block elif_stmt
    ///        | 'if' named_expression ':' block [else_block]
    fn if_stmt(&mut self) -> PResult<Stmt> {
        self.if_like(Tok::If)
    }

    /// The shared shape of if_stmt and elif_stmt.
    fn if_like(&mut self, kw: Tok) -> PResult<Stmt> {
        self.enter()?;
        let r = self.if_like_inner(kw);
        self.leave();
        r
    }

    fn if_like_inner(&mut self, kw: Tok) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        if self.call_invalid_rules {
            if kw == Tok::If {
                self.invalid_if_stmt()?;
            } else {
                self.invalid_elif_stmt()?;
            }
            self.pos = start;
        }
        if !self.eat(kw) {
            return Ok(None);
        }
        let Some(test) = self.named_expression()? else {
            self.pos = start;
            return Ok(None);
        };
        if !self.eat(Tok::Colon) {
            self.pos = start;
            return Ok(None);
        }
        let Some(body) = self.block()? else {
            self.pos = start;
            return Ok(None);
        };
        let after_body = self.pos;
        if self.peek() == Tok::Elif {
            if let Some(e) = self.if_like(Tok::Elif)? {
                let loc = self.loc_from(start);
                return Ok(Some(st(
                    StmtKind::If {
                        test: Box::new(test),
                        body,
                        orelse: vec![e],
                    },
                    loc,
                )));
            }
            self.pos = after_body;
        }
        let orelse = self.else_block_opt()?;
        let loc = self.loc_from(start);
        Ok(Some(st(
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            loc,
        )))
    }

    /// [else_block]
    fn else_block_opt(&mut self) -> Result<Vec<Stmt>, super::Stop> {
        let mark = self.pos;
        match self.else_block()? {
            Some(b) => Ok(b),
            None => {
                self.pos = mark;
                Ok(vec![])
            }
        }
    }

    /// else_block: invalid_else_stmt | 'else' &&':' block
    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        self.keyword_block(Tok::Else, ":", Self::invalid_else_stmt)
    }

    /// `invalid_rule | KEYWORD &&':' block`: else_block and finally_block.
    fn keyword_block(
        &mut self,
        kw: Tok,
        colon: &str,
        invalid: fn(&mut Self) -> PResult<()>,
    ) -> PResult<Vec<Stmt>> {
        let start = self.pos;
        if self.call_invalid_rules {
            invalid(self)?;
            self.pos = start;
        }
        if !self.eat(kw) {
            return Ok(None);
        }
        self.expect_forced(Tok::Colon, colon)?;
        let b = self.block()?;
        if b.is_none() {
            self.pos = start;
        }
        Ok(b)
    }

    /// while_stmt: invalid_while_stmt | 'while' named_expression ':' block [else_block]
    fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_while_stmt)?;
        if !self.eat(Tok::While) {
            return Ok(None);
        }
        if let Some(test) = self.named_expression()? {
            if self.eat(Tok::Colon) {
                if let Some(body) = self.block()? {
                    let orelse = self.else_block_opt()?;
                    let loc = self.loc_from(start);
                    return Ok(Some(st(
                        StmtKind::While {
                            test: Box::new(test),
                            body,
                            orelse,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// for_stmt: invalid_for_stmt
    ///     | [ASYNC] 'for' star_targets 'in' ~ star_expressions ':' [TYPE_COMMENT] block [else_block]
    ///     | invalid_for_target
    fn for_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_for_stmt)?;
        let is_async = self.eat(Tok::Async);
        if self.eat(Tok::For) {
            if let Some(target) = self.star_targets()? {
                if self.eat(Tok::In) {
                    // The cut: past 'in', failing means the rule fails.
                    if let Some(iter) = self.star_expressions()? {
                        if self.eat(Tok::Colon) {
                            if let Some(body) = self.block()? {
                                let orelse = self.else_block_opt()?;
                                let loc = self.loc_from(start);
                                let (target, iter) = (Box::new(target), Box::new(iter));
                                let node = if is_async {
                                    StmtKind::AsyncFor {
                                        target,
                                        iter,
                                        body,
                                        orelse,
                                        type_comment: None,
                                    }
                                } else {
                                    StmtKind::For {
                                        target,
                                        iter,
                                        body,
                                        orelse,
                                        type_comment: None,
                                    }
                                };
                                return Ok(Some(st(node, loc)));
                            }
                        }
                    }
                    self.pos = start;
                    return Ok(None);
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_for_target)?;
        Ok(None)
    }

    /// with_stmt: invalid_with_stmt_indent
    ///     | [ASYNC] 'with' '(' ','.with_item+ ','? ')' ':' block
    ///     | [ASYNC] 'with' ','.with_item+ ':' [TYPE_COMMENT] block
    ///     | invalid_with_stmt
    fn with_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_with_stmt_indent)?;
        let is_async = self.eat(Tok::Async);
        if !self.eat(Tok::With) {
            self.pos = start;
            return Ok(None);
        }
        let after_with = self.pos;
        // '(' ','.with_item+ ','? ')' ':' block
        if self.eat(Tok::LPar) {
            if let Some(items) = self.sep_list(Self::with_item)? {
                self.eat(Tok::Comma);
                if self.eat(Tok::RPar) && self.eat(Tok::Colon) {
                    if let Some(body) = self.block()? {
                        return Ok(Some(self.make_with(start, is_async, items, body)));
                    }
                }
            }
            self.pos = after_with;
        }
        // ','.with_item+ ':' [TYPE_COMMENT] block
        if let Some(items) = self.sep_list(Self::with_item)? {
            if self.eat(Tok::Colon) {
                if let Some(body) = self.block()? {
                    return Ok(Some(self.make_with(start, is_async, items, body)));
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_with_stmt)?;
        Ok(None)
    }

    fn make_with(
        &self,
        start: usize,
        is_async: bool,
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    ) -> Stmt {
        let loc = self.loc_from(start);
        let node = if is_async {
            StmtKind::AsyncWith {
                items,
                body,
                type_comment: None,
            }
        } else {
            StmtKind::With {
                items,
                body,
                type_comment: None,
            }
        };
        st(node, loc)
    }

    /// with_item: expression 'as' star_target &(',' | ')' | ':') | invalid_with_item | expression
    fn with_item(&mut self) -> PResult<WithItem> {
        let start = self.pos;
        let Some(e) = self.expression()? else {
            return Ok(None);
        };
        let after = self.pos;
        if self.eat(Tok::As) {
            if let Some(t) = self.star_target()? {
                if matches!(self.peek(), Tok::Comma | Tok::RPar | Tok::Colon) {
                    return Ok(Some(WithItem {
                        context_expr: Box::new(e),
                        optional_vars: Some(Box::new(t)),
                    }));
                }
            }
        }
        if self.call_invalid_rules {
            self.pos = start;
            self.invalid_with_item()?;
        }
        self.pos = after;
        Ok(Some(WithItem {
            context_expr: Box::new(e),
            optional_vars: None,
        }))
    }

    /// try_stmt: invalid_try_stmt | 'try' &&':' block finally_block
    ///     | 'try' &&':' block except_block+ [else_block] [finally_block]
    ///     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
    fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_try_stmt)?;
        if !self.eat(Tok::Try) {
            return Ok(None);
        }
        self.expect_forced(Tok::Colon, ":")?;
        let Some(body) = self.block()? else {
            self.pos = start;
            return Ok(None);
        };
        let after_body = self.pos;
        if let Some(f) = self.finally_block()? {
            let loc = self.loc_from(start);
            return Ok(Some(st(
                StmtKind::Try {
                    body,
                    handlers: vec![],
                    orelse: vec![],
                    finalbody: f,
                },
                loc,
            )));
        }
        self.pos = after_body;
        for star in [false, true] {
            let mut handlers = Vec::new();
            loop {
                let mark = self.pos;
                let h = if star {
                    self.except_star_block()?
                } else {
                    self.except_block()?
                };
                match h {
                    Some(h) => handlers.push(h),
                    None => {
                        self.pos = mark;
                        break;
                    }
                }
            }
            if !handlers.is_empty() {
                let orelse = self.else_block_opt()?;
                let mark = self.pos;
                let finalbody = match self.finally_block()? {
                    Some(f) => f,
                    None => {
                        self.pos = mark;
                        vec![]
                    }
                };
                let loc = self.loc_from(start);
                let node = if star {
                    StmtKind::TryStar {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    }
                } else {
                    StmtKind::Try {
                        body,
                        handlers,
                        orelse,
                        finalbody,
                    }
                };
                return Ok(Some(st(node, loc)));
            }
            self.pos = after_body;
        }
        self.pos = start;
        Ok(None)
    }

    /// except_block: invalid_except_stmt_indent | 'except' expression ['as' NAME] ':' block
    ///             | 'except' ':' block | invalid_except_stmt
    pub(crate) fn except_block(&mut self) -> PResult<ExceptHandler> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_except_stmt_indent)?;
        if !self.eat(Tok::Except) {
            return Ok(None);
        }
        if let Some(e) = self.expression()? {
            let name = self.as_name();
            if self.eat(Tok::Colon) {
                if let Some(body) = self.block()? {
                    let loc = self.loc_from(start);
                    return Ok(Some(ExceptHandler {
                        r#type: Some(Box::new(e)),
                        name,
                        body,
                        loc,
                    }));
                }
            }
        }
        self.pos = start + 1;
        if self.eat(Tok::Colon) {
            if let Some(body) = self.block()? {
                let loc = self.loc_from(start);
                return Ok(Some(ExceptHandler {
                    r#type: None,
                    name: None,
                    body,
                    loc,
                }));
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_except_stmt)?;
        Ok(None)
    }

    /// except_star_block: invalid_except_star_stmt_indent
    ///     | 'except' '*' expression ['as' NAME] ':' block | invalid_except_stmt
    pub(crate) fn except_star_block(&mut self) -> PResult<ExceptHandler> {
        let start = self.pos;
        self.touch();
        self.try_invalid(Self::invalid_except_star_stmt_indent)?;
        if self.eat(Tok::Except) && self.eat(Tok::Star) {
            if let Some(e) = self.expression()? {
                let name = self.as_name();
                if self.eat(Tok::Colon) {
                    if let Some(body) = self.block()? {
                        let loc = self.loc_from(start);
                        return Ok(Some(ExceptHandler {
                            r#type: Some(Box::new(e)),
                            name,
                            body,
                            loc,
                        }));
                    }
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_except_stmt)?;
        Ok(None)
    }

    /// finally_block: invalid_finally_stmt | 'finally' &&':' block
    fn finally_block(&mut self) -> PResult<Vec<Stmt>> {
        self.keyword_block(Tok::Finally, ":", Self::invalid_finally_stmt)
    }

    /// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
    ///           | invalid_match_stmt
    fn match_stmt(&mut self) -> PResult<Stmt> {
        let start = self.pos;
        if self.expect_soft_keyword("match").is_none() {
            return Ok(None);
        }
        if let Some(subject) = self.subject_expr()? {
            if self.eat(Tok::Colon) && self.eat(Tok::Newline) && self.eat(Tok::Indent) {
                let mut cases = Vec::new();
                loop {
                    let mark = self.pos;
                    match self.case_block()? {
                        Some(c) => cases.push(c),
                        None => {
                            self.pos = mark;
                            break;
                        }
                    }
                }
                if !cases.is_empty() && self.eat(Tok::Dedent) {
                    let loc = self.loc_from(start);
                    return Ok(Some(st(
                        StmtKind::Match {
                            subject: Box::new(subject),
                            cases,
                        },
                        loc,
                    )));
                }
            }
        }
        self.pos = start;
        self.try_invalid(Self::invalid_match_stmt)?;
        Ok(None)
    }

    /// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
    pub(crate) fn subject_expr(&mut self) -> PResult<Expr> {
        let start = self.pos;
        self.touch();
        if let Some(value) = self.star_named_expression()? {
            if self.eat(Tok::Comma) {
                let mark = self.pos;
                let mut elts = vec![value];
                match self.star_named_expressions()? {
                    Some(v) => elts.extend(v),
                    None => self.pos = mark,
                }
                let loc = self.loc_from(start);
                return Ok(Some(mk(
                    ExprKind::Tuple {
                        elts,
                        ctx: ExprContext::Load,
                    },
                    loc,
                )));
            }
        }
        self.pos = start;
        self.named_expression()
    }

    /// case_block: invalid_case_block | "case" patterns guard? ':' block
    fn case_block(&mut self) -> PResult<MatchCase> {
        let start = self.pos;
        self.try_invalid(Self::invalid_case_block)?;
        if self.expect_soft_keyword("case").is_none() {
            return Ok(None);
        }
        if let Some(pattern) = self.patterns()? {
            let guard = self.guard()?;
            if self.eat(Tok::Colon) {
                if let Some(body) = self.block()? {
                    return Ok(Some(MatchCase {
                        pattern: Box::new(pattern),
                        guard: guard.map(Box::new),
                        body,
                    }));
                }
            }
        }
        self.pos = start;
        Ok(None)
    }

    /// guard: 'if' named_expression
    pub(crate) fn guard(&mut self) -> PResult<Expr> {
        let mark = self.pos;
        if self.eat(Tok::If) {
            if let Some(g) = self.named_expression()? {
                return Ok(Some(g));
            }
        }
        self.pos = mark;
        Ok(None)
    }
}

/// The operator of an augmented assignment token.
pub(crate) fn augassign_op(k: Tok) -> Option<Operator> {
    Some(match k {
        Tok::PlusEqual => Operator::Add,
        Tok::MinEqual => Operator::Sub,
        Tok::StarEqual => Operator::Mult,
        Tok::AtEqual => Operator::MatMult,
        Tok::SlashEqual => Operator::Div,
        Tok::PercentEqual => Operator::Mod,
        Tok::AmperEqual => Operator::BitAnd,
        Tok::VBarEqual => Operator::BitOr,
        Tok::CircumflexEqual => Operator::BitXor,
        Tok::LeftShiftEqual => Operator::LShift,
        Tok::RightShiftEqual => Operator::RShift,
        Tok::DoubleStarEqual => Operator::Pow,
        Tok::DoubleSlashEqual => Operator::FloorDiv,
        _ => return None,
    })
}
