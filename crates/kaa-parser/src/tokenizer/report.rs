//! Locating and quoting tokenizer errors exactly as CPython 3.11 does.
//!
//! Two paths exist. Errors the C tokenizer raises itself go through
//! `_syntaxerror_range` (tokenizer.c): the offset counts the characters from
//! the line start to `tok->cur` and the text is the line without its
//! newline. `tok->done` codes are turned into errors by pegen
//! (`tokenizer_error`, `_PyPegen_raise_error`,
//! `_PyPegen_raise_error_known_location`): the text is then `tok->buf` up to
//! the end of the current line (which may hold several physical lines) and
//! offsets are converted from bytes to characters only when
//! `tok->encoding` is set.

use super::{Fail, Lexer};
use crate::error::{ErrorKind, SyntaxError, OFFSET_MINUS_ONE};

/// CPython's tokenizer position (`struct tok_state`) at some moment: byte
/// offsets into the source as the tokenizer sees it, i.e. counting the
/// newline CPython appends to `exec` input lacking one (so `cur` and `inp`
/// may be one past the caller's text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TokState {
    /// `tok->lineno`: the line being read.
    pub lineno: u32,
    /// `tok->line_start`: start of that line.
    pub line_start: usize,
    /// `tok->cur`: the next character to read.
    pub cur: usize,
    /// `tok->buf`: start of the last line read while no token was open
    /// (lines joined by a backslash or inside a string keep the earlier one).
    pub buf: usize,
    /// `tok->inp`: end of the current line, after its newline.
    pub inp: usize,
}

impl TokState {
    /// The byte column `_PyPegen_raise_error` uses for a token without a
    /// column (INDENT, DEDENT, ENDMARKER, an error token):
    /// `tok->cur - tok->line_start`, or 0 when `tok->cur == tok->buf`.
    pub fn cur_col(&self) -> i64 {
        if self.cur == self.buf {
            0
        } else {
            self.cur.saturating_sub(self.line_start) as i64
        }
    }

    /// The `text` pegen attaches to an error on `lineno` (the `error_line` of
    /// `_PyPegen_raise_error_known_location` for string input): from
    /// `tok->buf` to the end of the current line when `lineno` is not before
    /// the tokenizer's line, else that line alone without its newline.
    pub fn error_line(&self, src: &str, exec_input: bool, lineno: u32) -> String {
        let s = Virtual {
            src: src.as_bytes(),
            exec_input,
        };
        if self.lineno <= lineno && self.inp > self.buf {
            return s.lossy(self.buf, self.inp);
        }
        // get_error_line_from_tokenizer_buffers(): walk `lineno - 1` lines
        // from the start of the source.
        let mut cur_line = 0;
        let end = s.len();
        for _ in 1..lineno.max(1) {
            match s.find_newline(cur_line) {
                Some(nl) if nl < self.inp.min(end) => cur_line = nl + 1,
                _ => break,
            }
        }
        let next_newline = s.find_newline(cur_line).unwrap_or(end);
        s.lossy(cur_line, next_newline)
    }
}

/// CPython's `_PyPegen_byte_offset_to_character_offset`: the number of
/// characters in the first `col_offset` bytes of `line`, where an offset past
/// the end is clamped to one past it (which then counts one more).
pub fn byte_offset_to_character_offset(line: &str, col_offset: i64) -> i64 {
    if col_offset <= 0 {
        return col_offset;
    }
    let bytes = line.as_bytes();
    let len = bytes.len() as i64;
    let col = col_offset.min(len + 1);
    let within = col.min(len) as usize;
    // Decoding with "replace": every character starts with a non-continuation
    // byte, and a character cut in two still counts once.
    let chars = bytes[..within]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count() as i64;
    chars + i64::from(col > len)
}

/// The source as the tokenizer reads it: the text plus the implicit newline.
struct Virtual<'a> {
    src: &'a [u8],
    exec_input: bool,
}

impl Virtual<'_> {
    /// Length including the appended newline, if any.
    fn len(&self) -> usize {
        if self.exec_input && self.src.last() != Some(&b'\n') {
            self.src.len() + 1
        } else {
            self.src.len()
        }
    }

    /// The first newline at or after `from`.
    fn find_newline(&self, from: usize) -> Option<usize> {
        let rest = self.src.get(from..).unwrap_or(&[]);
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => Some(from + i),
            None if self.len() > self.src.len() && from <= self.src.len() => Some(self.src.len()),
            None => None,
        }
    }

    /// `src[from..to]` (the appended newline included) decoded with
    /// "replace".
    fn lossy(&self, from: usize, to: usize) -> String {
        let to = to.min(self.len());
        let from = from.min(to);
        let real = &self.src[from.min(self.src.len())..to.min(self.src.len())];
        let mut out = String::from_utf8_lossy(real).into_owned();
        if to > self.src.len() {
            out.push('\n');
        }
        out
    }
}

impl Lexer<'_> {
    /// `tok->inp`: the end of the current line (after its newline).
    pub(super) fn inp(&self) -> usize {
        let rest = self.s.get(self.line_start..).unwrap_or(&[]);
        match rest.iter().position(|&b| b == b'\n') {
            Some(i) => self.line_start + i + 1,
            None => self.s.len(),
        }
    }

    /// The tokenizer state now.
    pub(super) fn state(&self) -> TokState {
        TokState {
            lineno: self.lineno,
            line_start: self.line_start,
            cur: self.pos,
            buf: self.buf,
            inp: self.inp(),
        }
    }

    /// `syntaxerror()`: located just before `tok->cur`, in characters.
    pub(super) fn syntax_error(&self, msg: impl Into<String>) -> Fail {
        self.syntax_error_known_range(msg, -1, -1)
    }

    /// `_syntaxerror_range`: a column of -1 means "at `tok->cur`"; given
    /// columns are used as they are (bytes).
    pub(super) fn syntax_error_known_range(
        &self,
        msg: impl Into<String>,
        col_offset: i64,
        end_col_offset: i64,
    ) -> Fail {
        let ls = self.line_start.min(self.s.len());
        let cur = self.pos.clamp(ls, self.s.len());
        let col = if col_offset == -1 {
            String::from_utf8_lossy(&self.s[ls..cur]).chars().count() as i64
        } else {
            col_offset
        };
        let end_col = if end_col_offset == -1 {
            col
        } else {
            end_col_offset
        };
        let line = &self.s[ls..];
        let line_len = line.iter().position(|&b| b == b'\n').unwrap_or(line.len());
        Fail::Direct(SyntaxError {
            kind: ErrorKind::SyntaxError,
            msg: msg.into(),
            lineno: self.lineno,
            offset: offset_value(col),
            end_lineno: self.lineno,
            end_offset: offset_value(end_col),
            text: Some(String::from_utf8_lossy(&line[..line_len]).into_owned()),
        })
    }

    /// The unterminated-string error: CPython moves the tokenizer back to the
    /// string's first line and reports just after the token's first
    /// character.
    pub(super) fn unterminated_string(&mut self, start: usize, quote_size: usize) -> Fail {
        let detected = self.lineno;
        self.pos = start + 1;
        self.line_start = self.multi_line_start;
        self.lineno = self.first_lineno;
        let what = if quote_size == 3 {
            "unterminated triple-quoted string literal"
        } else {
            "unterminated string literal"
        };
        self.syntax_error(format!("{what} (detected at line {detected})"))
    }

    /// The SyntaxError for a failure, located as pegen locates it.
    pub(super) fn failure_error(&mut self, fail: Fail) -> SyntaxError {
        let lineno = self.lineno;
        match fail {
            Fail::Direct(e) => e,
            // A null byte was met first: that exception is already set.
            _ if self.fatal.is_some() => self
                .fatal
                .take()
                .unwrap_or_else(|| SyntaxError::new(ErrorKind::SyntaxError, "")),
            Fail::Eof => match self.parens.last().copied() {
                // raise_unclosed_parentheses_error()
                Some(p) => self.known_location(
                    ErrorKind::SyntaxError,
                    format!("'{}' was never closed", p.ch),
                    p.lineno,
                    i64::from(p.col) + 1,
                    p.lineno,
                    0,
                ),
                None => self.at_error_token(ErrorKind::SyntaxError, "unexpected EOF while parsing"),
            },
            Fail::Dedent => self.at_error_token(
                ErrorKind::IndentationError,
                "unindent does not match any outer indentation level",
            ),
            Fail::TabSpace => self.known_location(
                ErrorKind::TabError,
                "inconsistent use of tabs and spaces in indentation".to_string(),
                lineno,
                1,
                lineno,
                0,
            ),
            Fail::TooDeep => self.known_location(
                ErrorKind::IndentationError,
                "too many levels of indentation".to_string(),
                lineno,
                1,
                lineno,
                0,
            ),
            Fail::LineCont => {
                // CPython measures from tok->buf, not the line start.
                let col = (self.pos as i64 - self.buf as i64 - 1).max(0);
                self.known_location(
                    ErrorKind::SyntaxError,
                    "unexpected character after line continuation character".to_string(),
                    lineno,
                    col + 1,
                    lineno,
                    0,
                )
            }
            Fail::TooBig => {
                SyntaxError::new(ErrorKind::MemoryError, "source too large for the tokenizer")
            }
        }
    }

    /// `_PyPegen_raise_error` when the last token is the error token (which
    /// has no column).
    fn at_error_token(&self, kind: ErrorKind, msg: &str) -> SyntaxError {
        let col = self.state().cur_col();
        self.known_location(kind, msg.to_string(), self.lineno, col, self.lineno, -1)
    }

    /// `_PyPegen_raise_error_known_location` with pegen's column values.
    fn known_location(
        &self,
        kind: ErrorKind,
        msg: String,
        lineno: u32,
        col_offset: i64,
        end_lineno: u32,
        end_col_offset: i64,
    ) -> SyntaxError {
        let text = self
            .state()
            .error_line(self.text, self.opts.exec_input, lineno);
        let mut col = col_offset;
        let mut end_col = end_col_offset;
        if self.opts.char_offsets {
            col = byte_offset_to_character_offset(&text, col);
            if end_col > 0 {
                end_col = byte_offset_to_character_offset(&text, end_col);
            }
        }
        SyntaxError {
            kind,
            msg,
            lineno,
            offset: offset_value(col),
            end_lineno,
            end_offset: offset_value(end_col),
            text: Some(text),
        }
    }
}

/// A CPython offset as stored in [`SyntaxError`] (-1 becomes
/// [`OFFSET_MINUS_ONE`]).
fn offset_value(v: i64) -> u32 {
    if v < 0 {
        OFFSET_MINUS_ONE
    } else {
        v.min(i64::from(u32::MAX - 1)) as u32
    }
}
