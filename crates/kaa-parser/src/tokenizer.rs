//! The tokenizer: decoded source text to tokens, as CPython 3.11's
//! `Parser/tokenizer.c` (`tok_get`) hands them to the PEG parser.
//!
//! Comments are skipped and blank lines produce nothing (no COMMENT/NL
//! tokens); INDENT/DEDENT/NEWLINE are made as CPython makes them, with
//! CPython's positions. The state machine mirrors `tok_get` closely enough
//! that every error carries CPython's message and location: errors the C
//! tokenizer raises itself (`syntaxerror()`) and the `tok->done` codes the
//! parser turns into errors (`tokenizer_error()` in pegen_errors.c) are both
//! reported here, already located the way pegen would locate them.

mod ident;
mod number;
mod report;
#[cfg(test)]
mod tests;

use crate::error::{ErrorKind, SyntaxError};
use crate::token::{Tok, Token, NO_COL};

pub use report::{byte_offset_to_character_offset, TokState};

/// Columns per tab stop (CPython's `TABSIZE`; never change it).
const TABSIZE: u32 = 8;
/// Indentation levels allowed (CPython's `MAXINDENT`).
const MAXINDENT: usize = 100;
/// Bracket nesting allowed (CPython's `MAXLEVEL`).
const MAXLEVEL: usize = 200;

/// An open bracket on the tokenizer's stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpenParen {
    /// The bracket: `(`, `[` or `{`.
    pub ch: char,
    /// Its 1-based line.
    pub lineno: u32,
    /// Its 0-based UTF-8 byte column (CPython's `parencolstack`).
    pub col: u32,
}

/// A warning the tokenizer emitted (CPython's `parser_warn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TokenizerWarning {
    /// The message, e.g. "invalid decimal literal" (a SyntaxWarning).
    pub msg: String,
    /// The SyntaxError CPython raises instead when warnings are errors.
    pub as_error: SyntaxError,
}

/// All tokens of a source, up to the first tokenizer error.
#[derive(Clone, Debug)]
pub struct Tokenized {
    /// The tokens, ending with `EndMarker` unless `error` is set.
    pub tokens: Vec<Token>,
    /// The tokenizer error met after the last token, if any.
    pub error: Option<SyntaxError>,
    /// The bracket stack when tokenizing stopped (at EOF or at the error).
    pub open_parens: Vec<OpenParen>,
    deferred: bool,
    warnings: Vec<TokenizerWarning>,
}

impl Tokenized {
    /// True when `error` is one CPython raises only once the parser asks for
    /// the failing token (a `tok->done` code turned into an error by pegen's
    /// `tokenizer_error`: unexpected EOF / a bracket never closed, unindent
    /// mismatch, inconsistent tabs, too deep indentation, a bad character
    /// after a line continuation). False when the C tokenizer raised the
    /// error itself (`syntaxerror()`): such an error also replaces an earlier
    /// parser SyntaxError (`_PyPegen_tokenize_full_source_to_check_for_errors`).
    pub fn error_is_deferred(&self) -> bool {
        self.error.is_some() && self.deferred
    }

    /// The SyntaxWarnings met before stopping ("invalid decimal literal" for
    /// `1if x else y`), in source order.
    pub fn warnings(&self) -> &[TokenizerWarning] {
        &self.warnings
    }
}

/// How the source reached the tokenizer (CPython's `exec_input` flag and
/// whether `tok->encoding` is set).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokenizeOptions {
    /// File input (`exec` mode): CPython appends a newline when the source
    /// does not end with one. False for `eval`/`single` mode.
    pub exec_input: bool,
    /// Locations of parser-reported errors are converted from bytes to
    /// characters: true for `str` input and for bytes with a BOM or a coding
    /// declaration; false for plain bytes input (`compile(b"...")`).
    pub char_offsets: bool,
}

impl Default for TokenizeOptions {
    /// `compile(str, ..., "exec")`.
    fn default() -> TokenizeOptions {
        TokenizeOptions {
            exec_input: true,
            char_offsets: true,
        }
    }
}

/// Tokenizes a whole source text as `compile(src, ..., "exec")` does.
pub fn tokenize(src: &str) -> Tokenized {
    tokenize_with(src, TokenizeOptions::default())
}

/// Tokenizes a whole source text with explicit options.
pub fn tokenize_with(src: &str, opts: TokenizeOptions) -> Tokenized {
    with_lexer(src, opts, |lx| {
        let mut tokens = Vec::with_capacity(src.len() / 4 + 4);
        let failure = lx.run(&mut tokens, usize::MAX);
        let (error, deferred) = match failure {
            Some(f) => {
                // A null byte's error is raised by the tokenizer itself.
                let deferred = !matches!(f, Fail::Direct(_)) && lx.fatal.is_none();
                (Some(lx.failure_error(f)), deferred)
            }
            None => (None, false),
        };
        Tokenized {
            tokens,
            error,
            open_parens: lx.parens.clone(),
            deferred,
            warnings: std::mem::take(&mut lx.warnings),
        }
    })
}

/// CPython's tokenizer state right after it produced `tokens[index]` (or
/// after it stopped, for an index past the last token): what pegen reads to
/// locate and quote a parser error raised while that was the last token
/// fetched.
pub fn state_after(src: &str, opts: TokenizeOptions, index: usize) -> TokState {
    with_lexer(src, opts, |lx| {
        let mut tokens = Vec::new();
        let _ = lx.run(&mut tokens, index.saturating_add(1));
        lx.state()
    })
}

/// Runs `f` on a lexer over `src` (plus the newline CPython appends to file
/// input that lacks one).
fn with_lexer<R>(src: &str, opts: TokenizeOptions, f: impl FnOnce(&mut Lexer<'_>) -> R) -> R {
    let owned;
    let bytes: &[u8] = if opts.exec_input && !src.ends_with('\n') {
        // translate_newlines(): "add a newline to the end of the string if
        // there isn't one already".
        let mut v = Vec::with_capacity(src.len() + 1);
        v.extend_from_slice(src.as_bytes());
        v.push(b'\n');
        owned = v;
        &owned
    } else {
        src.as_bytes()
    };
    let mut lx = Lexer::new(src, bytes, opts);
    f(&mut lx)
}

/// Why tokenizing stopped early.
enum Fail {
    /// An error the C tokenizer raised itself (`syntaxerror()`).
    Direct(SyntaxError),
    /// `E_EOF`: end of input inside brackets or after a line continuation.
    Eof,
    /// `E_DEDENT`: an unindent to no outer level.
    Dedent,
    /// `E_TABSPACE`: tabs and spaces disagree.
    TabSpace,
    /// `E_TOODEEP`: more than `MAXINDENT` levels.
    TooDeep,
    /// `E_LINECONT`: something other than a newline after a backslash.
    LineCont,
    /// The input is too large for 32-bit token offsets.
    TooBig,
}

/// What one `tok_get` call produced.
enum Raw {
    /// A token spanning `start..end` (bytes) that ends on the current line.
    Span(Tok, usize, usize),
    /// A STRING token (may span lines).
    Str(usize, usize),
    /// INDENT, DEDENT or ENDMARKER: no column.
    NoCol(Tok),
}

/// The tokenizer state (CPython's `struct tok_state`, for one in-memory
/// buffer).
struct Lexer<'a> {
    /// The caller's text.
    text: &'a str,
    /// Its bytes, with CPython's implicit final newline.
    s: &'a [u8],
    /// Length of the caller's text (tokens never point past it).
    src_len: usize,
    opts: TokenizeOptions,
    /// `tok->cur`.
    pos: usize,
    /// `tok->line_start`.
    line_start: usize,
    /// `tok->lineno`.
    lineno: u32,
    /// `tok->buf`: start of the last line read while no token was open.
    buf: usize,
    /// A newline was consumed; the next line is read on the next character.
    line_pending: bool,
    /// `tok->done == E_EOF` (or the input stopped at a null byte).
    eof: bool,
    /// `tok->start != NULL`: a token is open while lines are read.
    in_token: bool,
    /// Start of the first line holding a null byte (`usize::MAX`: none).
    nul_line: usize,
    /// The null-byte error, once that line was reached.
    fatal: Option<SyntaxError>,
    /// `tok->first_lineno` / `tok->multi_line_start` of the last string.
    first_lineno: u32,
    multi_line_start: usize,
    atbol: bool,
    pendin: i32,
    indent: usize,
    indstack: [u32; MAXINDENT],
    altindstack: [u32; MAXINDENT],
    parens: Vec<OpenParen>,
    warnings: Vec<TokenizerWarning>,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, s: &'a [u8], opts: TokenizeOptions) -> Lexer<'a> {
        // `contains` is a fast memchr; the slow search only runs when needed.
        let first_nul = if s.contains(&0) {
            s.iter().position(|&b| b == 0)
        } else {
            None
        };
        let nul_line = match first_nul {
            Some(p) => s[..p]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |n| n + 1),
            None => usize::MAX,
        };
        Lexer {
            text,
            s,
            src_len: text.len(),
            opts,
            pos: 0,
            line_start: 0,
            lineno: 0,
            buf: 0,
            line_pending: true,
            eof: false,
            in_token: false,
            nul_line,
            fatal: None,
            first_lineno: 0,
            multi_line_start: 0,
            atbol: true,
            pendin: 0,
            indent: 0,
            indstack: [0; MAXINDENT],
            altindstack: [0; MAXINDENT],
            parens: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Tokenizes until ENDMARKER, an error, or `limit` tokens.
    fn run(&mut self, tokens: &mut Vec<Token>, limit: usize) -> Option<Fail> {
        if self.s.len() >= u32::MAX as usize {
            return Some(Fail::TooBig);
        }
        while tokens.len() < limit {
            match self.tok_get() {
                Ok(raw) => {
                    let t = self.make_token(raw);
                    tokens.push(t);
                    if t.kind == Tok::EndMarker {
                        return None;
                    }
                }
                Err(f) => return Some(f),
            }
        }
        None
    }

    /// The token for a raw result, positioned as pegen's `initialize_token`.
    fn make_token(&self, raw: Raw) -> Token {
        match raw {
            Raw::Span(kind, start, end) => Token {
                kind,
                start: start as u32,
                end: end as u32,
                lineno: self.lineno,
                col: start.saturating_sub(self.line_start) as u32,
                end_lineno: self.lineno,
                end_col: end.saturating_sub(self.line_start) as u32,
            },
            Raw::Str(start, end) => Token {
                kind: Tok::String,
                start: start as u32,
                end: end as u32,
                lineno: self.first_lineno,
                col: start.saturating_sub(self.multi_line_start) as u32,
                end_lineno: self.lineno,
                end_col: end.saturating_sub(self.line_start) as u32,
            },
            Raw::NoCol(kind) => {
                let at = self.pos.min(self.src_len) as u32;
                Token {
                    kind,
                    start: at,
                    end: at,
                    lineno: self.lineno,
                    col: NO_COL,
                    end_lineno: self.lineno,
                    end_col: NO_COL,
                }
            }
        }
    }

    /// Reads the next line (`tok->underflow`); false at the end of input.
    #[cold]
    fn underflow(&mut self) -> bool {
        if self.eof {
            return false;
        }
        if self.pos >= self.s.len() {
            self.eof = true;
            return false;
        }
        self.line_pending = false;
        self.lineno += 1;
        self.line_start = self.pos;
        if !self.in_token {
            self.buf = self.pos;
        }
        if self.pos == self.nul_line {
            // The file tokenizer checks each line it reads for null bytes
            // ("source code cannot contain null bytes", at column 0, quoting
            // the line up to the null byte) and stops as if at EOF.
            let rest = &self.s[self.pos..];
            let upto = rest
                .iter()
                .position(|&b| b == 0 || b == b'\n')
                .unwrap_or(rest.len());
            let mut e = SyntaxError::new(
                ErrorKind::SyntaxError,
                "source code cannot contain null bytes",
            );
            e.lineno = self.lineno;
            e.end_lineno = self.lineno;
            e.text = Some(String::from_utf8_lossy(&rest[..upto]).into_owned());
            self.fatal = Some(e);
            self.eof = true;
            self.line_pending = true;
            return false;
        }
        true
    }

    /// `tok_nextc`: the next byte, reading a new line when needed.
    #[inline]
    fn nextc(&mut self) -> Option<u8> {
        if self.line_pending && !self.underflow() {
            return None;
        }
        match self.s.get(self.pos) {
            Some(&c) => {
                self.pos += 1;
                if c == b'\n' {
                    self.line_pending = true;
                }
                Some(c)
            }
            None => {
                self.eof = true;
                None
            }
        }
    }

    /// `tok_backup`: un-reads `c` (nothing for EOF).
    #[inline]
    fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.pos = self.pos.saturating_sub(1);
            self.line_pending = false;
        }
    }

    /// The current bracket nesting level (`tok->level`).
    #[inline]
    fn level(&self) -> usize {
        self.parens.len()
    }

    /// `tok_continuation_line`: after a backslash, a newline must follow; the
    /// next line is read (and left unconsumed).
    fn continuation_line(&mut self) -> Result<(), Fail> {
        let c = self.nextc();
        if c != Some(b'\n') {
            return Err(Fail::LineCont);
        }
        let c = self.nextc();
        if c.is_none() {
            self.pos = self.s.len();
            return Err(Fail::Eof);
        }
        self.backup(c);
        Ok(())
    }

    /// `indenterror`: inconsistent tabs and spaces.
    fn indent_error(&mut self) -> Fail {
        self.pos = self.inp();
        Fail::TabSpace
    }

    /// One `tok_get` call.
    fn tok_get(&mut self) -> Result<Raw, Fail> {
        'nextline: loop {
            self.in_token = false;
            let mut blankline = false;

            // Get indentation level.
            if self.atbol {
                self.atbol = false;
                self.read_indentation(&mut blankline)?;
            }

            self.in_token = true;
            // Return pending indents/dedents.
            if self.pendin != 0 {
                if self.pendin < 0 {
                    self.pendin += 1;
                    return Ok(Raw::NoCol(Tok::Dedent));
                }
                self.pendin -= 1;
                return Ok(Raw::NoCol(Tok::Indent));
            }

            'again: loop {
                self.in_token = false;
                // Skip spaces.
                let mut c = self.nextc();
                while matches!(c, Some(b' ' | b'\t' | b'\x0c')) {
                    c = self.nextc();
                }
                // Set start of current token.
                let start = self.pos.saturating_sub(1);
                self.in_token = true;

                // Skip comment.
                if c == Some(b'#') {
                    let rest = &self.s[self.pos..];
                    let n = rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    self.pos += n;
                    c = self.nextc();
                }

                // Check for EOF and errors now.
                let Some(ch) = c else {
                    if let Some(e) = self.fatal.take() {
                        return Err(Fail::Direct(e));
                    }
                    if self.level() > 0 {
                        return Err(Fail::Eof);
                    }
                    return Ok(Raw::NoCol(Tok::EndMarker));
                };

                // Identifier (most frequent token!).
                if is_potential_identifier_start(ch) {
                    return self.name_or_string(ch, start);
                }

                // Newline.
                if ch == b'\n' {
                    self.atbol = true;
                    if blankline || self.level() > 0 {
                        continue 'nextline;
                    }
                    // CPython leaves the '\n' out: the token is empty and
                    // starts at the comment, if any.
                    return Ok(Raw::Span(Tok::Newline, start, self.pos - 1));
                }

                // Period or number starting with period?
                if ch == b'.' {
                    let c = self.nextc();
                    if is_digit(c) {
                        self.number_fraction(c)?;
                        return Ok(Raw::Span(Tok::Number, start, self.pos));
                    }
                    if c == Some(b'.') {
                        let c3 = self.nextc();
                        if c3 == Some(b'.') {
                            return Ok(Raw::Span(Tok::Ellipsis, start, self.pos));
                        }
                        self.backup(c3);
                    }
                    self.backup(c);
                    return Ok(Raw::Span(Tok::Dot, start, self.pos));
                }

                // Number.
                if ch.is_ascii_digit() {
                    self.number(ch, start)?;
                    return Ok(Raw::Span(Tok::Number, start, self.pos));
                }

                // String.
                if ch == b'\'' || ch == b'"' {
                    return self.string(ch, start);
                }

                // Line continuation.
                if ch == b'\\' {
                    self.continuation_line()?;
                    continue 'again;
                }

                return self.operator(ch, start);
            }
        }
    }

    /// The indentation part of `tok_get` at the beginning of a line.
    fn read_indentation(&mut self, blankline: &mut bool) -> Result<(), Fail> {
        let mut col: u32 = 0;
        let mut altcol: u32 = 0;
        let mut cont_line_col: u32 = 0;
        let c = loop {
            let c = self.nextc();
            match c {
                Some(b' ') => {
                    col = col.saturating_add(1);
                    altcol = altcol.saturating_add(1);
                }
                Some(b'\t') => {
                    col = (col / TABSIZE + 1).saturating_mul(TABSIZE);
                    altcol = altcol.saturating_add(1);
                }
                // Control-L (formfeed): for Emacs users.
                Some(b'\x0c') => {
                    col = 0;
                    altcol = 0;
                }
                Some(b'\\') => {
                    // Indentation cannot be split over physical lines with
                    // backslashes: the first backslash (after whitespace)
                    // fixes the level of what comes next.
                    if cont_line_col == 0 {
                        cont_line_col = col;
                    }
                    self.continuation_line()?;
                }
                _ => break c,
            }
        };
        self.backup(c);
        if c == Some(b'#') || c == Some(b'\n') {
            // Lines with only whitespace and/or comments don't affect the
            // indentation and produce no NEWLINE.
            *blankline = true;
        }
        if *blankline || self.level() != 0 {
            return Ok(());
        }
        if cont_line_col != 0 {
            col = cont_line_col;
            altcol = cont_line_col;
        }
        let cur = self.indstack[self.indent];
        if col == cur {
            // No change.
            if altcol != self.altindstack[self.indent] {
                return Err(self.indent_error());
            }
        } else if col > cur {
            // Indent -- always one.
            if self.indent + 1 >= MAXINDENT {
                self.pos = self.inp();
                return Err(Fail::TooDeep);
            }
            if altcol <= self.altindstack[self.indent] {
                return Err(self.indent_error());
            }
            self.pendin += 1;
            self.indent += 1;
            self.indstack[self.indent] = col;
            self.altindstack[self.indent] = altcol;
        } else {
            // Dedent -- any number, must be consistent.
            while self.indent > 0 && col < self.indstack[self.indent] {
                self.pendin -= 1;
                self.indent -= 1;
            }
            if col != self.indstack[self.indent] {
                self.pos = self.inp();
                return Err(Fail::Dedent);
            }
            if altcol != self.altindstack[self.indent] {
                return Err(self.indent_error());
            }
        }
        Ok(())
    }

    /// A NAME (keywords get their own kinds) or a prefixed string literal.
    fn name_or_string(&mut self, first: u8, start: usize) -> Result<Raw, Fail> {
        let s = self.s;
        let mut end = self.pos;
        let mut nonascii = first >= 0x80;
        while let Some(&b) = s.get(end) {
            if b.is_ascii_alphanumeric() || b == b'_' {
                end += 1;
            } else if b >= 0x80 {
                nonascii = true;
                end += 1;
            } else {
                break;
            }
        }
        // Process the legal combinations of b"", r"", u"" and f"": a quote
        // right after a valid prefix starts a string.
        if end - start <= 2
            && matches!(s.get(end), Some(b'\'' | b'"'))
            && is_string_prefix(&s[start..end])
        {
            self.pos = end + 1;
            return self.string(s[end], start);
        }
        self.pos = end;
        if nonascii {
            self.verify_identifier(start)?;
        }
        let kind = if !nonascii && (2..=8).contains(&(end - start)) {
            // Keywords are ASCII; the word lies inside the caller's text.
            self.text
                .get(start..end)
                .and_then(Tok::keyword)
                .unwrap_or(Tok::Name)
        } else {
            Tok::Name
        };
        Ok(Raw::Span(kind, start, end))
    }

    /// A string literal whose opening `quote` was just read (the token
    /// starts at `start`, the prefix included).
    fn string(&mut self, quote: u8, start: usize) -> Result<Raw, Fail> {
        // Multi-line strings take their line and column from where they
        // start (cf. issue 16806).
        self.first_lineno = self.lineno;
        self.multi_line_start = self.line_start;

        // Find the quote size and start of string.
        let mut quote_size = 1;
        let mut end_quote_size = 0;
        let c = self.nextc();
        let mut c2 = c;
        if c == Some(quote) {
            c2 = self.nextc();
            if c2 == Some(quote) {
                quote_size = 3;
            } else {
                end_quote_size = 1; // empty string found
            }
        }
        if c2 != Some(quote) {
            self.backup(c2);
        }

        // Get rest of string.
        while end_quote_size != quote_size {
            if !self.line_pending {
                // Fast path: skip bytes that cannot end or escape anything.
                let rest = &self.s[self.pos..];
                let n = rest
                    .iter()
                    .position(|&b| b == quote || b == b'\\' || b == b'\n')
                    .unwrap_or(rest.len());
                if n > 0 {
                    self.pos += n;
                    end_quote_size = 0;
                }
            }
            let c = self.nextc();
            if c.is_none() || (quote_size == 1 && c == Some(b'\n')) {
                return Err(self.unterminated_string(start, quote_size));
            }
            if c == Some(quote) {
                end_quote_size += 1;
            } else {
                end_quote_size = 0;
                if c == Some(b'\\') {
                    self.nextc(); // skip escaped char
                }
            }
        }
        Ok(Raw::Str(start, self.pos))
    }

    /// Operators and brackets (`PyToken_OneChar`/`TwoChars`/`ThreeChars`).
    fn operator(&mut self, c: u8, start: usize) -> Result<Raw, Fail> {
        // Check for two-character token.
        let c2 = self.nextc();
        if let Some(tok2) = c2.and_then(|c2| two_chars(c, c2)) {
            let c3 = self.nextc();
            let kind = match c3.and_then(|c3| three_chars(c, c2.unwrap_or(0), c3)) {
                Some(tok3) => tok3,
                None => {
                    self.backup(c3);
                    tok2
                }
            };
            return Ok(Raw::Span(kind, start, self.pos));
        }
        self.backup(c2);

        // Keep track of parentheses nesting level.
        match c {
            b'(' | b'[' | b'{' => {
                if self.level() >= MAXLEVEL {
                    return Err(self.syntax_error("too many nested parentheses"));
                }
                self.parens.push(OpenParen {
                    ch: c as char,
                    lineno: self.lineno,
                    col: start.saturating_sub(self.line_start) as u32,
                });
            }
            b')' | b']' | b'}' => {
                let Some(open) = self.parens.pop() else {
                    return Err(self.syntax_error(format!("unmatched '{}'", c as char)));
                };
                let matching = matches!((open.ch, c), ('(', b')') | ('[', b']') | ('{', b'}'));
                if !matching {
                    let msg = if open.lineno != self.lineno {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                            c as char, open.ch, open.lineno
                        )
                    } else {
                        format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open.ch
                        )
                    };
                    return Err(self.syntax_error(msg));
                }
            }
            _ => {}
        }

        // Only printable ASCII gets here (other bytes start identifiers).
        if c < 0x20 || c == 0x7f {
            return Err(self.syntax_error(format!("invalid non-printable character U+{:04X}", c)));
        }

        // Punctuation character.
        Ok(Raw::Span(one_char(c), start, self.pos))
    }
}

/// `is_potential_identifier_start`: a letter, `_`, or any non-ASCII byte.
#[inline]
fn is_potential_identifier_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

/// `is_potential_identifier_char`: also digits.
#[inline]
fn is_potential_identifier_char(c: Option<u8>) -> bool {
    matches!(c, Some(b) if b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80)
}

/// `isdigit(c)` for a byte or EOF.
#[inline]
fn is_digit(c: Option<u8>) -> bool {
    matches!(c, Some(b'0'..=b'9'))
}

/// The string prefixes CPython accepts: b r u f br rb fr rf, any case.
fn is_string_prefix(p: &[u8]) -> bool {
    match *p {
        [] => true,
        [a] => matches!(a.to_ascii_lowercase(), b'b' | b'r' | b'u' | b'f'),
        [a, b] => matches!(
            (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
            (b'b', b'r') | (b'r', b'b') | (b'f', b'r') | (b'r', b'f')
        ),
        _ => false,
    }
}

/// `PyToken_OneChar`: unknown characters are a generic OP, which no grammar
/// rule accepts.
fn one_char(c: u8) -> Tok {
    match c {
        b'%' => Tok::Percent,
        b'&' => Tok::Amper,
        b'(' => Tok::LPar,
        b')' => Tok::RPar,
        b'*' => Tok::Star,
        b'+' => Tok::Plus,
        b',' => Tok::Comma,
        b'-' => Tok::Minus,
        b'.' => Tok::Dot,
        b'/' => Tok::Slash,
        b':' => Tok::Colon,
        b';' => Tok::Semi,
        b'<' => Tok::Less,
        b'=' => Tok::Equal,
        b'>' => Tok::Greater,
        b'@' => Tok::At,
        b'[' => Tok::LSqb,
        b']' => Tok::RSqb,
        b'^' => Tok::CircumFlex,
        b'{' => Tok::LBrace,
        b'|' => Tok::VBar,
        b'}' => Tok::RBrace,
        b'~' => Tok::Tilde,
        _ => Tok::ErrorOp,
    }
}

/// `PyToken_TwoChars` (`<>` gets its own kind for barry_as_FLUFL).
fn two_chars(c1: u8, c2: u8) -> Option<Tok> {
    Some(match (c1, c2) {
        (b'!', b'=') => Tok::NotEqual,
        (b'%', b'=') => Tok::PercentEqual,
        (b'&', b'=') => Tok::AmperEqual,
        (b'*', b'*') => Tok::DoubleStar,
        (b'*', b'=') => Tok::StarEqual,
        (b'+', b'=') => Tok::PlusEqual,
        (b'-', b'=') => Tok::MinEqual,
        (b'-', b'>') => Tok::RArrow,
        (b'/', b'/') => Tok::DoubleSlash,
        (b'/', b'=') => Tok::SlashEqual,
        (b':', b'=') => Tok::ColonEqual,
        (b'<', b'<') => Tok::LeftShift,
        (b'<', b'=') => Tok::LessEqual,
        (b'<', b'>') => Tok::NotEqualBarry,
        (b'=', b'=') => Tok::EqEqual,
        (b'>', b'=') => Tok::GreaterEqual,
        (b'>', b'>') => Tok::RightShift,
        (b'@', b'=') => Tok::AtEqual,
        (b'^', b'=') => Tok::CircumflexEqual,
        (b'|', b'=') => Tok::VBarEqual,
        _ => return None,
    })
}

/// `PyToken_ThreeChars` (`...` is handled with the period).
fn three_chars(c1: u8, c2: u8, c3: u8) -> Option<Tok> {
    Some(match (c1, c2, c3) {
        (b'*', b'*', b'=') => Tok::DoubleStarEqual,
        (b'/', b'/', b'=') => Tok::DoubleSlashEqual,
        (b'<', b'<', b'=') => Tok::LeftShiftEqual,
        (b'>', b'>', b'=') => Tok::RightShiftEqual,
        _ => return None,
    })
}
