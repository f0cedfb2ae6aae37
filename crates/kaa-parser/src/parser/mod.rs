//! The parser: a PEG parser that follows CPython 3.11's `Grammar/python.gram`
//! rule for rule, so that it accepts the same programs, builds the same AST
//! and reports the same SyntaxErrors.
//!
//! As in CPython, parsing runs in up to two passes. The first pass uses only
//! the grammar proper. If it fails, a second pass runs with the `invalid_*`
//! rules enabled; they recognise common mistakes and raise specialised
//! errors. If the second pass finds nothing specific, the error is a generic
//! "invalid syntax" at the furthest token the *first* pass looked at.
//!
//! Each rule is a method returning `PResult<T>`: `Ok(Some(v))` on a match,
//! `Ok(None)` when the rule does not match (the caller backtracks), and
//! `Err(Stop)` once a SyntaxError has been raised (stored in the parser).

mod actions;
mod expr;
mod invalid;
mod params;
mod pattern;
mod stmt;
mod targets;

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::ast::{Expr, ExprKind, Loc, Mod};
use crate::error::{ErrorKind, SyntaxError};
use crate::token::{Tok, Token};
use crate::tokenizer::{self, OpenParen};
use crate::Mode;

/// A multiply-rotate hasher for the memo tables, whose keys are small
/// integers (token positions and rule ids): SipHash's protection against
/// chosen keys buys nothing here and costs time on every lookup.
#[derive(Default)]
pub(crate) struct MemoHasher(u64);

impl Hasher for MemoHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type MemoBuild = BuildHasherDefault<MemoHasher>;

/// Marker: a SyntaxError has been raised and is stored in `Parser::error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stop;

/// The result of a rule.
pub(crate) type PResult<T> = Result<Option<T>, Stop>;

/// How deep rules may nest before the parser gives up, as CPython's
/// MAXSTACK (6000) guards its C stack.
const MAX_DEPTH: u32 = 6000;

/// How deep the tree may grow through left-recursive chains (`a+b+c...`,
/// `a.b.c...`) that the parser builds in loops. CPython parses those too,
/// but every later stage rejects trees this deep with a RecursionError (its
/// compiler at a depth of 3000, its `ast` objects at about 1000); stopping
/// here keeps every tree the parser returns small enough to walk
/// recursively, and gives the compiler's message.
const MAX_CHAIN: u32 = 3000;

/// Rules whose results are memoised (CPython marks them `(memo)` or they
/// are left-recursive), keyed by token position.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub(crate) enum MemoRule {
    Expression,
    StarExpression,
    Disjunction,
    Conjunction,
    Inversion,
    BitwiseOr,
    Factor,
    AwaitPrimary,
    Primary,
    TPrimary,
    Arguments,
    StarTarget,
    TargetWithStarAtom,
    DelTarget,
    Strings,
    Block,
    SimpleStmt,
    InvalidNamedExpression,
}

impl MemoRule {
    /// Whether the first pass remembers this rule's failures: the rules
    /// that alternatives retry at the same position (an expression after an
    /// opening bracket, a target). The rules inside `expression` need not:
    /// they are only retried through it.
    fn memo_failures(self) -> bool {
        matches!(
            self,
            MemoRule::Expression
                | MemoRule::StarTarget
                | MemoRule::TargetWithStarAtom
                | MemoRule::TPrimary
                | MemoRule::DelTarget
                | MemoRule::Block
                | MemoRule::SimpleStmt
        )
    }
}

/// A memoised result.
#[derive(Clone)]
pub(crate) enum MemoVal {
    Expr(Option<Expr>),
    Stmts(Option<Vec<crate::ast::Stmt>>),
    Stmt(Option<crate::ast::Stmt>),
}

pub(crate) struct Parser<'a> {
    pub(crate) src: &'a str,
    pub(crate) toks: Vec<Token>,
    /// Bracket nesting level after each token (CPython's `token->level`).
    levels: Vec<u16>,
    /// The tokenizer error met after the last real token, if any; the token
    /// at `toks.len() - 1` is then a sentinel standing for it.
    tok_error: Option<SyntaxError>,
    /// The tokenizer error is one CPython reports only when the parser
    /// reaches it (see `Tokenized::error_is_deferred`).
    tok_error_deferred: bool,
    tok_error_hit: bool,
    open_parens: Vec<OpenParen>,
    pub(crate) pos: usize,
    /// One past the furthest token looked at (CPython's `p->fill`).
    fill: usize,
    /// Second pass: the `invalid_*` rules are active.
    pub(crate) call_invalid_rules: bool,
    pub(crate) error: Option<SyntaxError>,
    depth: u32,
    /// Links of the loop-built chains currently open (see MAX_CHAIN).
    chain: u32,
    memo: HashMap<(u32, MemoRule), (MemoVal, u32), MemoBuild>,
    mode: ParseMode,
    /// Start of each line (byte offsets into `src`), built on first use.
    line_starts: Vec<u32>,
    /// Shift applied to sub-parser (f-string expression) positions.
    fstring_col_delta: u32,
    /// Errors count columns in characters (else in bytes).
    char_offsets: bool,
    tok_opts: tokenizer::TokenizeOptions,
    /// See `ParseOptions::from_file`.
    from_file: bool,
    /// See `ParseOptions::bom`.
    bom: bool,
    /// The tokenizer's warnings, in source order.
    warnings: Vec<crate::Warning>,
    /// Lines the sub-parser's tokens were moved down by (f-strings): error
    /// texts come from the sub-source itself.
    line_delta: u32,
    /// An expression the first pass parsed and then backtracked over:
    /// (start, end, value). The next `named_expression`/`expression` at
    /// `start` takes it instead of parsing the same tokens again.
    stash: Option<(usize, usize, Expr)>,
    /// First pass: where memoised rules are known not to match, so that
    /// alternatives retrying them after a failure stay linear.
    failed: HashSet<(u32, MemoRule), MemoBuild>,
}

/// The start rule.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ParseMode {
    File,
    Eval,
    Single,
    FuncType,
    FString,
}

/// Parses a whole source text.
pub fn parse_with(source: &str, opts: crate::ParseOptions) -> Result<Mod, SyntaxError> {
    parse_with_warnings(source, opts).0
}

/// Parses a whole source text, also giving the tokenizer's warnings. CPython
/// prints every warning its tokenizer met before it stopped (at the end of
/// the source or at its first error): a failed parse tokenizes the rest of
/// the source to look for tokenizer errors, so that is all of them.
pub fn parse_with_warnings(
    source: &str,
    opts: crate::ParseOptions,
) -> (Result<Mod, SyntaxError>, Vec<crate::Warning>) {
    let source = crate::source::normalize_newlines(source);
    let pmode = match opts.mode {
        Mode::Exec => ParseMode::File,
        Mode::Eval => ParseMode::Eval,
        Mode::Single => ParseMode::Single,
        Mode::FuncType => ParseMode::FuncType,
    };
    let mut p = Parser::new(&source, pmode, 0, 0, opts.char_offsets);
    p.from_file = opts.from_file;
    p.bom = opts.bom;
    let result = p.run();
    let warnings = std::mem::take(&mut p.warnings);
    (result, warnings)
}

/// Parses one f-string replacement-field expression, as CPython 3.11's
/// `fstring_compile_expr` does with a sub-parser: `src` is the text handed to
/// that sub-parser (the expression wrapped in parentheses). Every token's
/// line moves down by `line_delta`; tokens on the first line of `src` also
/// move right by `col_delta` (those ending on it: CPython looks at the
/// tokenizer's line once the token is read).
pub fn parse_fstring_expr(src: &str, line_delta: u32, col_delta: u32) -> Result<Expr, SyntaxError> {
    let mut p = Parser::new(src, ParseMode::FString, line_delta, col_delta, true);
    match p.run()? {
        Mod::Expression { body } => Ok(*body),
        _ => Err(SyntaxError::new(
            ErrorKind::SyntaxError,
            "f-string: invalid syntax",
        )),
    }
}

impl<'a> Parser<'a> {
    fn new(
        src: &'a str,
        mode: ParseMode,
        line_delta: u32,
        col_delta: u32,
        char_offsets: bool,
    ) -> Parser<'a> {
        let tok_opts = tokenizer::TokenizeOptions {
            exec_input: mode == ParseMode::File,
            char_offsets,
        };
        let tokenized = tokenizer::tokenize_with(src, tok_opts);
        let tok_error_deferred = tokenized.error_is_deferred();
        let warnings = tokenized
            .warnings()
            .iter()
            .map(|w| crate::Warning {
                category: "SyntaxWarning",
                message: w.msg.clone(),
                lineno: w.as_error.lineno,
            })
            .collect();
        let mut toks = tokenized.tokens;
        let tok_error = tokenized.error;
        if tok_error.is_none() && !tokenized.open_parens.is_empty() {
            // End of input inside brackets: CPython's tokenizer returns an
            // error token instead of the final NEWLINE/ENDMARKER.
            while matches!(
                toks.last().map(|t| t.kind),
                Some(Tok::Newline | Tok::Dedent | Tok::EndMarker)
            ) {
                toks.pop();
            }
        }
        if mode == ParseMode::Single
            && toks.len() > 1
            && toks.last().map(|t| t.kind) == Some(Tok::EndMarker)
        {
            // `_PyPegen_fill_token`: in single mode the first ENDMARKER after
            // some input is turned into a NEWLINE ("add an extra newline").
            let end = toks[toks.len() - 1];
            toks.insert(
                toks.len() - 1,
                Token {
                    kind: Tok::Newline,
                    ..end
                },
            );
        }
        if tok_error.is_some() || toks.last().map(|t| t.kind) != Some(Tok::EndMarker) {
            // A sentinel standing for the tokenizer error (or a missing
            // ENDMARKER): no rule accepts it.
            let (line, end) = toks.last().map(|t| (t.end_lineno, t.end)).unwrap_or((1, 0));
            toks.push(Token {
                kind: Tok::ErrorOp,
                start: end,
                end,
                lineno: line,
                col: 0,
                end_lineno: line,
                end_col: 0,
            });
        }
        if line_delta != 0 || col_delta != 0 {
            for t in toks.iter_mut() {
                // CPython shifts the columns of the tokens the tokenizer
                // finished on the sub-source's first line.
                let first_line = t.end_lineno == 1;
                t.lineno += line_delta;
                t.end_lineno += line_delta;
                if first_line {
                    if t.col != crate::token::NO_COL {
                        t.col += col_delta;
                    }
                    if t.end_col != crate::token::NO_COL {
                        t.end_col += col_delta;
                    }
                }
            }
        }
        let mut levels = Vec::with_capacity(toks.len());
        let mut level: u16 = 0;
        for t in &toks {
            match t.kind {
                Tok::LPar | Tok::LSqb | Tok::LBrace => level = level.saturating_add(1),
                Tok::RPar | Tok::RSqb | Tok::RBrace => level = level.saturating_sub(1),
                _ => {}
            }
            levels.push(level);
        }
        Parser {
            src,
            toks,
            levels,
            tok_error,
            tok_error_deferred,
            tok_error_hit: false,
            open_parens: tokenized.open_parens,
            pos: 0,
            fill: 0,
            call_invalid_rules: false,
            error: None,
            depth: 0,
            chain: 0,
            memo: HashMap::default(),
            mode,
            line_starts: Vec::new(),
            fstring_col_delta: col_delta,
            char_offsets,
            tok_opts,
            from_file: false,
            bom: false,
            warnings,
            line_delta,
            stash: None,
            failed: HashSet::default(),
        }
    }

    /// `_PyPegen_run_parser`: the two passes and the final error.
    fn run(&mut self) -> Result<Mod, SyntaxError> {
        let first = self.parse_start();
        if let Ok(Some(m)) = first {
            if self.mode == ParseMode::Single {
                self.check_single_statement()?;
            }
            return Ok(m);
        }
        // An error raised before the parser ran into the tokenizer's error
        // stands (later raises are ignored, see `raise`).
        if let Some(err) = self.error.take() {
            if err.kind != ErrorKind::SyntaxError
                && err.kind != ErrorKind::IndentationError
                && err.kind != ErrorKind::TabError
            {
                return Err(err);
            }
            // A SyntaxError from the first pass (a forced token, say):
            // CPython still runs the second pass, but with the error
            // indicator set it returns at once; the error stands, unless a
            // later tokenizer error takes priority.
            return Err(self.prefer_tokenizer_error(err));
        }
        if self.tok_error_hit {
            return Err(self.tokenizer_error());
        }
        let last_token = self.fill.saturating_sub(1).min(self.toks.len() - 1);
        // Second pass.
        self.pos = 0;
        self.memo_clear();
        self.stash = None;
        self.call_invalid_rules = true;
        self.depth = 0;
        self.chain = 0;
        let _ = self.parse_start();
        if let Some(err) = self.error.take() {
            return Err(self.prefer_tokenizer_error(err));
        }
        if self.tok_error_hit {
            return Err(self.tokenizer_error());
        }
        let t = self.toks[last_token];
        let err = match t.kind {
            // RAISE_INDENTATION_ERROR: located at the furthest token the
            // second pass looked at.
            Tok::Indent | Tok::Dedent => {
                let msg = if t.kind == Tok::Indent {
                    "unexpected indent"
                } else {
                    "unexpected unindent"
                };
                let _ = self.raise_indentation(msg);
                self.error
                    .take()
                    .unwrap_or_else(|| SyntaxError::new(ErrorKind::IndentationError, msg))
            }
            _ => {
                let e = self.make_error_at_token(
                    ErrorKind::SyntaxError,
                    "invalid syntax".to_string(),
                    t,
                );
                self.prefer_tokenizer_error_at(e, t.lineno)
            }
        };
        Err(err)
    }

    fn parse_start(&mut self) -> PResult<Mod> {
        match self.mode {
            ParseMode::File => self.file_rule(),
            ParseMode::Eval => self.eval_rule(),
            ParseMode::Single => self.interactive_rule(),
            ParseMode::FuncType => self.func_type_rule(),
            ParseMode::FString => Ok(self
                .star_expressions()?
                .map(|e| Mod::Expression { body: Box::new(e) })),
        }
    }

    /// The tokenizer error this parse ran into (or an unclosed bracket at
    /// the end of the input).
    fn tokenizer_error(&mut self) -> SyntaxError {
        if let Some(e) = self.tok_error.clone() {
            let e = self.bom_adjust(e);
            return self.fix_fstring_error(e);
        }
        if let Some(op) = self.open_parens.last().copied() {
            return self.unclosed_paren_error(op);
        }
        let t = *self.toks.last().unwrap_or(&Token {
            kind: Tok::EndMarker,
            start: 0,
            end: 0,
            lineno: 1,
            col: 0,
            end_lineno: 1,
            end_col: 0,
        });
        self.make_error_at_token(
            ErrorKind::SyntaxError,
            "unexpected EOF while parsing".to_string(),
            t,
        )
    }

    /// `raise_unclosed_parentheses_error`.
    fn unclosed_paren_error(&mut self, op: OpenParen) -> SyntaxError {
        let msg = format!("'{}' was never closed", op.ch);
        self.make_error(
            ErrorKind::SyntaxError,
            msg,
            op.lineno,
            op.col as i64 + 1,
            op.lineno,
            0,
        )
    }

    /// `_PyPegen_tokenize_full_source_to_check_for_errors`: an error the
    /// tokenizer raises anywhere in the source takes priority over a parser
    /// error.
    fn prefer_tokenizer_error(&mut self, err: SyntaxError) -> SyntaxError {
        let line = self.toks[self.fill.saturating_sub(1).min(self.toks.len() - 1)].lineno;
        self.prefer_tokenizer_error_at(err, line)
    }

    fn prefer_tokenizer_error_at(&mut self, err: SyntaxError, err_line: u32) -> SyntaxError {
        if self.mode == ParseMode::Single {
            return err;
        }
        if let Some(te) = &self.tok_error {
            if !self.tok_error_deferred {
                let te = self.bom_adjust(te.clone());
                return self.fix_fstring_error(te);
            }
        }
        // Tokenizing on from the error stops at a status-code error or the
        // end; inside brackets, CPython then reports the innermost bracket
        // if it was opened on an earlier line than the error.
        if let Some(op) = self.open_parens.last().copied() {
            if err_line > op.lineno {
                return self.unclosed_paren_error(op);
            }
        }
        err
    }

    /// A tokenizer error on the first line of a script with a BOM: CPython
    /// re-reads the line from the file, BOM included, and converts the
    /// tokenizer's byte column (which does not count the BOM) against it.
    fn bom_adjust(&self, mut e: SyntaxError) -> SyntaxError {
        if !(self.from_file && self.bom && e.lineno == 1) {
            return e;
        }
        let Some(text) = e.text.take() else { return e };
        let with_bom = format!("\u{feff}{text}");
        let recount = |offset: u32| -> u32 {
            if offset == 0 || offset == crate::error::OFFSET_MINUS_ONE {
                return offset;
            }
            let byte_col: usize = text
                .chars()
                .take(offset as usize - 1)
                .map(char::len_utf8)
                .sum();
            char_offset(&with_bom, byte_col + 1)
        };
        e.offset = recount(e.offset);
        if e.end_lineno == 1 {
            e.end_offset = recount(e.end_offset);
        }
        e.text = Some(with_bom);
        e
    }

    /// Adjusts a tokenizer error of an f-string sub-parser.
    fn fix_fstring_error(&self, mut e: SyntaxError) -> SyntaxError {
        if self.mode == ParseMode::FString && !e.msg.starts_with("f-string") {
            e.msg = format!("f-string: {}", e.msg);
        }
        e
    }

    /// `bad_single_statement`: in `single` mode only one statement may be
    /// given.
    fn check_single_statement(&mut self) -> Result<(), SyntaxError> {
        // The tokens after the statement must be only NEWLINE/DEDENT/ENDMARKER.
        let rest = &self.toks[self.pos.min(self.toks.len())..];
        if rest.iter().any(|t| {
            !matches!(
                t.kind,
                Tok::Newline | Tok::Dedent | Tok::EndMarker | Tok::Indent
            )
        }) {
            let t = self.toks[self.pos.min(self.toks.len() - 1)];
            return Err(self.make_error_at_token(
                ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement".to_string(),
                t,
            ));
        }
        Ok(())
    }

    // ----- tokens -------------------------------------------------------

    /// The kind of the current token; records that it was looked at.
    #[inline]
    pub(crate) fn peek(&mut self) -> Tok {
        let pos = self.pos;
        if pos >= self.fill {
            self.fill = pos + 1;
        }
        match self.toks.get(pos) {
            Some(t) => {
                if pos + 1 == self.toks.len() && t.kind == Tok::ErrorOp && self.is_sentinel(pos) {
                    self.tok_error_hit = true;
                }
                t.kind
            }
            None => Tok::EndMarker,
        }
    }

    fn is_sentinel(&self, pos: usize) -> bool {
        pos + 1 == self.toks.len()
            && (self.tok_error.is_some() || self.toks[pos].kind != Tok::EndMarker)
    }

    /// The current token (after `peek`).
    #[inline]
    pub(crate) fn cur(&self) -> Token {
        self.toks[self.pos.min(self.toks.len() - 1)]
    }

    /// The kind of the token `n` ahead of the current one.
    pub(crate) fn peek_at(&mut self, n: usize) -> Tok {
        let save = self.pos;
        self.pos += n;
        let k = self.peek();
        self.pos = save;
        k
    }

    /// An `invalid_*` alternative: tried only in the second pass, from the
    /// current position, which is restored when it does not raise.
    pub(crate) fn try_invalid(&mut self, rule: fn(&mut Self) -> PResult<()>) -> Result<(), Stop> {
        if self.call_invalid_rules {
            let start = self.pos;
            rule(self)?;
            self.pos = start;
        }
        Ok(())
    }

    /// PEG ordered choice: the first alternative that matches, each tried
    /// from the same position.
    pub(crate) fn first_of<T>(&mut self, alts: &[fn(&mut Self) -> PResult<T>]) -> PResult<T> {
        let start = self.pos;
        for alt in alts {
            if let Some(v) = alt(self)? {
                return Ok(Some(v));
            }
            self.pos = start;
        }
        Ok(None)
    }

    /// Consumes the current token if it has kind `kind`.
    #[inline]
    pub(crate) fn expect(&mut self, kind: Tok) -> Option<Token> {
        if self.peek() == kind {
            let t = self.toks[self.pos];
            self.pos += 1;
            Some(t)
        } else {
            None
        }
    }

    /// True (consuming it) if the current token is `kind`.
    #[inline]
    pub(crate) fn eat(&mut self, kind: Tok) -> bool {
        self.expect(kind).is_some()
    }

    /// `&&tok`: the token must be there, else "expected 'x'".
    pub(crate) fn expect_forced(&mut self, kind: Tok, text: &str) -> Result<Token, Stop> {
        if let Some(t) = self.expect(kind) {
            return Ok(t);
        }
        let t = self.cur();
        Err(self.raise_at_token(ErrorKind::SyntaxError, format!("expected '{text}'"), t))
    }

    /// The text of a token.
    pub(crate) fn text(&self, t: &Token) -> &'a str {
        self.src.get(t.start as usize..t.end as usize).unwrap_or("")
    }

    /// A soft keyword (`match`, `case`, `_`): a NAME with that text.
    pub(crate) fn expect_soft_keyword(&mut self, kw: &str) -> Option<Token> {
        if self.peek() == Tok::Name {
            let t = self.cur();
            if self.text(&t) == kw {
                self.pos += 1;
                return Some(t);
            }
        }
        None
    }

    /// Whether the current token is a NAME spelled like a soft keyword.
    pub(crate) fn at_soft_keyword(&mut self) -> bool {
        if self.peek() == Tok::Name {
            let t = self.cur();
            matches!(self.text(&t), "match" | "case" | "_")
        } else {
            false
        }
    }

    /// NAME, as an identifier string (NFKC-normalised).
    pub(crate) fn name_token(&mut self) -> Option<(String, Token)> {
        if self.peek() == Tok::Name {
            let t = self.toks[self.pos];
            self.pos += 1;
            Some((self.identifier(&t), t))
        } else {
            None
        }
    }

    /// NAME as a `Name` expression in Load context.
    pub(crate) fn name(&mut self) -> Option<Expr> {
        let (id, t) = self.name_token()?;
        Some(Expr {
            node: ExprKind::Name {
                id,
                ctx: crate::ast::ExprContext::Load,
            },
            loc: tok_loc(&t),
        })
    }

    /// `_PyPegen_new_identifier`: identifiers are NFKC-normalised.
    pub(crate) fn identifier(&self, t: &Token) -> String {
        let s = self.text(t);
        if s.is_ascii() {
            s.to_string()
        } else {
            use unicode_normalization::UnicodeNormalization;
            s.nfkc().collect()
        }
    }

    // ----- locations ----------------------------------------------------

    /// Records that the token at the current position was looked at (the
    /// EXTRA prologue of CPython's generated rules fetches it).
    #[inline]
    pub(crate) fn touch(&mut self) {
        if self.pos >= self.fill {
            self.fill = self.pos + 1;
        }
    }

    /// The location from the token at `start` to the last non-whitespace
    /// token before the current position (CPython's EXTRA).
    pub(crate) fn loc_from(&self, start: usize) -> Loc {
        let s = self.toks[start.min(self.toks.len() - 1)];
        let mut m = self.pos;
        let mut e = s;
        while m > 0 {
            m -= 1;
            let t = self.toks[m];
            if !matches!(
                t.kind,
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::EndMarker
            ) {
                e = t;
                break;
            }
        }
        Loc {
            lineno: s.lineno,
            col_offset: s.col,
            end_lineno: e.end_lineno,
            end_col_offset: e.end_col,
        }
    }

    /// The bracket level of the token before the current position.
    pub(crate) fn prev_level(&self) -> u16 {
        if self.pos == 0 {
            0
        } else {
            self.levels[self.pos - 1]
        }
    }

    // ----- recursion ----------------------------------------------------

    /// Enters a rule: guards the recursion depth as CPython's MAXSTACK.
    #[inline]
    pub(crate) fn enter(&mut self) -> Result<(), Stop> {
        if self.tok_error_hit {
            // CPython stops at once when the tokenizer fails.
            return Err(Stop);
        }
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.raise_memory_error());
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn leave(&mut self) {
        self.depth -= 1;
    }

    /// One more link of a loop-built chain (undone by `chain_end`).
    #[inline]
    pub(crate) fn chain_link(&mut self) -> Result<(), Stop> {
        self.chain += 1;
        if self.chain > MAX_CHAIN {
            let e = SyntaxError::new(
                ErrorKind::RecursionError,
                "maximum recursion depth exceeded during compilation",
            );
            return Err(self.raise(e));
        }
        Ok(())
    }

    #[inline]
    pub(crate) fn chain_end(&mut self, links: u32) {
        self.chain -= links;
    }

    fn raise_memory_error(&mut self) -> Stop {
        if self.error.is_none() {
            // CPython 3.11 calls PyErr_NoMemory(): a MemoryError without
            // a message.
            self.error = Some(SyntaxError::new(ErrorKind::MemoryError, ""));
        }
        Stop
    }

    // ----- stash --------------------------------------------------------

    /// Keeps `e` (the `named_expression` spanning `start..end`) for the next
    /// alternative. Starred expressions, and expressions followed by ':='
    /// (where `named_expression` would parse differently), are not kept.
    pub(crate) fn stash_put(&mut self, start: usize, end: usize, e: Expr) {
        if self.call_invalid_rules
            || matches!(e.node, ExprKind::Starred { .. })
            || self.toks.get(end).map(|t| t.kind) == Some(Tok::ColonEqual)
        {
            return;
        }
        self.stash = Some((start, end, e));
    }

    /// Takes the stashed expression if it starts here.
    pub(crate) fn stash_take(&mut self) -> Option<Expr> {
        match &self.stash {
            Some((s, _, _)) if *s == self.pos => {
                let (_, end, e) = self.stash.take()?;
                self.pos = end;
                Some(e)
            }
            _ => None,
        }
    }

    /// Takes the stashed expression if it starts here and is what
    /// `expression` would give (not a walrus).
    pub(crate) fn stash_take_plain(&mut self) -> Option<Expr> {
        match &self.stash {
            Some((s, _, e)) if *s == self.pos && !matches!(e.node, ExprKind::NamedExpr { .. }) => {
                self.stash_take()
            }
            _ => None,
        }
    }

    // ----- memo ---------------------------------------------------------

    /// A memoised result for `rule` here: in the first pass only a known
    /// failure, in the second any result.
    pub(crate) fn memo_get(&mut self, rule: MemoRule) -> Option<MemoVal> {
        if !self.call_invalid_rules {
            if !rule.memo_failures() || !self.failed.contains(&(self.pos as u32, rule)) {
                return None;
            }
            self.touch();
            return Some(match rule {
                MemoRule::Block => MemoVal::Stmts(None),
                MemoRule::SimpleStmt | MemoRule::InvalidNamedExpression => MemoVal::Stmt(None),
                _ => MemoVal::Expr(None),
            });
        }
        let (v, end) = self.memo.get(&(self.pos as u32, rule))?.clone();
        self.pos = end as usize;
        Some(v)
    }

    /// Remembers a result; `value` is only called when the result is kept.
    pub(crate) fn memo_store(
        &mut self,
        start: usize,
        rule: MemoRule,
        failed: bool,
        value: impl FnOnce() -> MemoVal,
    ) {
        if !self.call_invalid_rules {
            if failed && rule.memo_failures() {
                self.failed.insert((start as u32, rule));
            }
            return;
        }
        self.memo
            .insert((start as u32, rule), (value(), self.pos as u32));
    }

    /// `memo_store` for an expression rule.
    pub(crate) fn memo_store_expr(&mut self, start: usize, rule: MemoRule, r: &Option<Expr>) {
        self.memo_store(start, rule, r.is_none(), || MemoVal::Expr(r.clone()));
    }

    /// Remembers a result (second pass only; first pass: failures only).
    pub(crate) fn memo_put(&mut self, start: usize, rule: MemoRule, v: MemoVal) {
        let failed = matches!(
            v,
            MemoVal::Expr(None) | MemoVal::Stmt(None) | MemoVal::Stmts(None)
        );
        self.memo_store(start, rule, failed, || v);
    }

    /// Forgets memoised results (between top-level statements: they are
    /// never looked at again).
    pub(crate) fn memo_clear(&mut self) {
        if !self.memo.is_empty() {
            self.memo.clear();
        }
        if !self.failed.is_empty() {
            self.failed.clear();
        }
    }

    // ----- errors -------------------------------------------------------

    /// The text of line `lineno` (1-based), with its newline.
    fn line_text(&mut self, lineno: u32) -> Option<String> {
        if self.line_starts.is_empty() {
            self.line_starts.push(0);
            for (i, b) in self.src.bytes().enumerate() {
                if b == b'\n' {
                    self.line_starts.push(i as u32 + 1);
                }
            }
        }
        let lineno = lineno.checked_sub(self.line_delta_for_errors())?;
        let idx = (lineno as usize).checked_sub(1)?;
        let start = *self.line_starts.get(idx)? as usize;
        if start > self.src.len() || (start == self.src.len() && idx > 0) {
            return None;
        }
        let end = match self.line_starts.get(idx + 1) {
            Some(&e) => e as usize,
            None => self.src.len(),
        };
        Some(self.src[start..end].to_string())
    }

    fn line_delta_for_errors(&self) -> u32 {
        self.line_delta
    }

    /// The `text` of an error on line `lineno`: the file's line for a
    /// script, else what CPython takes from its tokenizer's buffers.
    fn error_text(&mut self, lineno: u32) -> Option<String> {
        if self.from_file {
            if let Some(l) = self.line_text(lineno) {
                if self.bom && lineno == 1 {
                    return Some(format!("\u{feff}{l}"));
                }
                return Some(l);
            }
        }
        let rel = lineno.checked_sub(self.line_delta)?;
        Some(
            self.tok_state()
                .error_line(self.src, self.tok_opts.exec_input, rel),
        )
    }

    /// `_PyPegen_raise_error_known_location`: builds the SyntaxError; the
    /// columns are 1-based byte offsets (0 or less: unknown), converted to
    /// character offsets within the line.
    pub(crate) fn make_error(
        &mut self,
        kind: ErrorKind,
        msg: String,
        lineno: u32,
        col: i64,
        end_lineno: u32,
        end_col: i64,
    ) -> SyntaxError {
        let msg = if self.mode == ParseMode::FString {
            format!("f-string: {msg}")
        } else {
            msg
        };
        let (col, end_col) = if self.mode == ParseMode::FString {
            (
                col - self.fstring_col_delta as i64,
                end_col - self.fstring_col_delta as i64,
            )
        } else {
            (col, end_col)
        };
        let text = self.error_text(lineno);
        let line = text.as_deref().unwrap_or("");
        let convert = |c: i64| {
            if c <= 0 {
                c.max(0) as u32
            } else if self.char_offsets {
                char_offset(line, c as usize)
            } else {
                c as u32
            }
        };
        let offset = convert(col);
        let end_offset = convert(end_col);
        SyntaxError {
            kind,
            msg,
            lineno,
            offset,
            end_lineno,
            end_offset,
            text,
        }
    }

    /// Records an error (unless one is already recorded) and returns Stop.
    pub(crate) fn raise(&mut self, e: SyntaxError) -> Stop {
        // Once the parser has run into the tokenizer's error, that error is
        // the one raised (CPython's error indicator is set): later raises
        // are ignored.
        if self.error.is_none() && !self.tok_error_hit {
            self.error = Some(e);
        }
        Stop
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_LOCATION(a, msg) for a node location.
    pub(crate) fn raise_at(&mut self, loc: Loc, msg: impl Into<String>) -> Stop {
        let e = self.make_error(
            ErrorKind::SyntaxError,
            msg.into(),
            loc.lineno,
            loc.col_offset as i64 + 1,
            loc.end_lineno,
            loc.end_col_offset as i64 + 1,
        );
        self.raise(e)
    }

    /// RAISE_SYNTAX_ERROR_KNOWN_RANGE(a, b, msg).
    pub(crate) fn raise_range(&mut self, a: Loc, b: Loc, msg: impl Into<String>) -> Stop {
        let loc = Loc {
            lineno: a.lineno,
            col_offset: a.col_offset,
            end_lineno: b.end_lineno,
            end_col_offset: b.end_col_offset,
        };
        self.raise_at(loc, msg)
    }

    /// RAISE_SYNTAX_ERROR_STARTING_FROM(a, msg): from `a` to the tokenizer's
    /// current position.
    pub(crate) fn raise_starting_from(&mut self, a: Loc, msg: impl Into<String>) -> Stop {
        let last = self.toks[self.fill.saturating_sub(1).min(self.toks.len() - 1)];
        let e = self.make_error(
            ErrorKind::SyntaxError,
            msg.into(),
            a.lineno,
            a.col_offset as i64 + 1,
            last.end_lineno,
            // CURRENT_POS: the tokenizer's position (just after the last
            // token it produced), already a 1-based exclusive end.
            last.end_col as i64,
        );
        self.raise(e)
    }

    /// The error for a token, as `_PyPegen_raise_error` locates it.
    pub(crate) fn make_error_at_token(
        &mut self,
        kind: ErrorKind,
        msg: String,
        t: Token,
    ) -> SyntaxError {
        if t.col == crate::token::NO_COL {
            return self.error_at_indent_token(kind, &msg, t);
        }
        self.make_error(
            kind,
            msg,
            t.lineno,
            t.col as i64 + 1,
            t.end_lineno,
            t.end_col as i64 + 1,
        )
    }

    /// An error located at a token without a column (INDENT, DEDENT,
    /// ENDMARKER): CPython uses the tokenizer's position instead.
    fn error_at_indent_token(&mut self, kind: ErrorKind, msg: &str, t: Token) -> SyntaxError {
        // CPython's file reader has emptied its buffer at the end of the
        // file (`tok->cur == tok->buf`): column 0.
        let col = if self.from_file && t.kind == Tok::EndMarker {
            0
        } else {
            self.tok_state().cur_col()
        };
        let mut e = self.make_error(kind, msg.to_string(), t.lineno, col, t.lineno, 0);
        e.end_lineno = t.lineno;
        e
    }

    /// CPython's tokenizer state once the furthest token looked at was read.
    fn tok_state(&self) -> tokenizer::TokState {
        let index = self
            .fill
            .saturating_sub(1)
            .min(self.toks.len().saturating_sub(1));
        tokenizer::state_after(self.src, self.tok_opts, index)
    }

    /// RAISE_SYNTAX_ERROR(msg): located at the last token looked at.
    pub(crate) fn raise_syntax(&mut self, msg: impl Into<String>) -> Stop {
        self.raise_kind(ErrorKind::SyntaxError, msg)
    }

    /// RAISE_INDENTATION_ERROR(msg).
    pub(crate) fn raise_indentation(&mut self, msg: impl Into<String>) -> Stop {
        self.raise_kind(ErrorKind::IndentationError, msg)
    }

    fn raise_kind(&mut self, kind: ErrorKind, msg: impl Into<String>) -> Stop {
        if self.fill == 0 {
            let e = self.make_error(kind, msg.into(), 0, 0, 0, 0);
            return self.raise(e);
        }
        let t = self.toks[(self.fill - 1).min(self.toks.len() - 1)];
        let e = self.make_error_at_token(kind, msg.into(), t);
        self.raise(e)
    }

    /// Raises an error at a token.
    pub(crate) fn raise_at_token(&mut self, kind: ErrorKind, msg: String, t: Token) -> Stop {
        let e = self.make_error_at_token(kind, msg, t);
        self.raise(e)
    }
}

/// `_PyPegen_byte_offset_to_character_offset` for a 1-based byte column.
fn char_offset(line: &str, col: usize) -> u32 {
    tokenizer::byte_offset_to_character_offset(line, col as i64).max(0) as u32
}

/// The location of a single token.
pub(crate) fn tok_loc(t: &Token) -> Loc {
    Loc {
        lineno: t.lineno,
        col_offset: t.col,
        end_lineno: t.end_lineno,
        end_col_offset: t.end_col,
    }
}
