//! Source bytes meant as UTF-8 that are not all valid UTF-8. CPython's
//! string tokenizer does not check them up front: it tokenizes the raw bytes
//! (any byte >= 0x80 may continue an identifier) and fails only where it
//! decodes them, in an identifier (`verify_identifier`) or when the parser
//! turns a string literal into a value. Bytes in comments never fail.
//!
//! Here the bytes are decoded with U+FFFD for each bad sequence (as
//! `errors="replace"` does), tokenized, and the first place CPython would
//! decode a bad sequence gives the error CPython raises there; if there is
//! none, the replaced text is returned.

use super::codecs::utf8_error_message;
use super::Decoded;
use crate::error::{ErrorKind, SyntaxError, OFFSET_MINUS_ONE};
use crate::token::{Tok, NO_COL};
use crate::tokenizer::{
    byte_offset_to_character_offset, state_after, tokenize_with, TokenizeOptions,
};

/// One bad sequence: where its U+FFFD stands in the text, and its bytes.
struct Repl {
    text_pos: usize,
    orig_len: usize,
}

/// The text and the bad sequences it replaced.
struct Replaced {
    text: String,
    repls: Vec<Repl>,
}

impl Replaced {
    /// Decodes `bytes`, replacing each maximal bad subsequence.
    fn new(bytes: &[u8]) -> Replaced {
        let mut text = String::with_capacity(bytes.len() + 16);
        let mut repls = Vec::new();
        let mut rest = bytes;
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    text.push_str(s);
                    break;
                }
                Err(e) => {
                    let good = e.valid_up_to();
                    text.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                    let bad = e.error_len().unwrap_or(rest.len() - good).max(1);
                    repls.push(Repl {
                        text_pos: text.len(),
                        orig_len: bad,
                    });
                    text.push('\u{FFFD}');
                    let skip = (good + bad).min(rest.len());
                    rest = &rest[skip..];
                }
            }
        }
        Replaced { text, repls }
    }

    /// The offset in the original bytes of text offset `pos`.
    fn orig(&self, pos: usize) -> usize {
        let mut shrink = 0;
        for r in &self.repls {
            if r.text_pos >= pos {
                break;
            }
            shrink += 3 - r.orig_len.min(3);
        }
        pos - shrink.min(pos)
    }

    /// Whether a replacement lies in `start..end`.
    fn any_in(&self, start: usize, end: usize) -> bool {
        let i = self.repls.partition_point(|r| r.text_pos < start);
        self.repls.get(i).is_some_and(|r| r.text_pos < end)
    }

    /// The start of the line holding text offset `pos`.
    fn line_start(&self, pos: usize) -> usize {
        self.text.as_bytes()[..pos.min(self.text.len())]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)
    }

    /// The byte column, in the original bytes, of text offset `pos`.
    fn orig_col(&self, pos: usize) -> usize {
        self.orig(pos) - self.orig(self.line_start(pos))
    }
}

/// Decodes `body` (newlines translated, no BOM) as CPython's string
/// tokenizer sees UTF-8 source; `char_offsets` tells whether `tok->encoding`
/// is set.
pub(super) fn decode(body: &[u8], char_offsets: bool) -> Result<Decoded, SyntaxError> {
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(Decoded {
            text: s.to_string(),
            char_offsets,
        });
    }
    let rep = Replaced::new(body);
    let opts = TokenizeOptions {
        exec_input: true,
        char_offsets,
    };
    let tz = tokenize_with(&rep.text, opts);
    let toks = &tz.tokens;

    // A string literal holding a bad sequence fails when the parser takes the
    // run of STRING tokens, i.e. once the token after the run was fetched.
    if let Some(i) = toks
        .iter()
        .position(|t| t.kind == Tok::String && rep.any_in(t.start as usize, t.end as usize))
    {
        let next = (i..toks.len()).find(|&j| toks[j].kind != Tok::String);
        if let Some(j) = next {
            if let Some(msg) =
                string_error(body, &rep, toks[i].start as usize, toks[i].end as usize)
            {
                return Err(error_at_token(&rep, opts, j, msg));
            }
            return Ok(Decoded {
                text: rep.text,
                char_offsets,
            });
        }
    }

    // An identifier holding a bad sequence fails in the tokenizer.
    if let Some(e) = &tz.error {
        if e.msg == "invalid character '\u{FFFD}' (U+FFFD)" {
            let st = state_after(&rep.text, opts, toks.len());
            let bad = st.cur.saturating_sub('\u{FFFD}'.len_utf8());
            if rep.any_in(bad, bad + 1) {
                return Err(identifier_error(
                    body,
                    &rep,
                    opts,
                    toks.last().map_or(0, |t| t.end as usize),
                    bad,
                ));
            }
        }
    }
    Ok(Decoded {
        text: rep.text,
        char_offsets,
    })
}

/// The "(unicode error) ..." message for the string literal at text
/// `start..end`, as CPython's string parser decodes it: the body at once when
/// raw or free of backslashes, else each run of non-ASCII bytes on its own.
fn string_error(body: &[u8], rep: &Replaced, start: usize, end: usize) -> Option<String> {
    let lit = body.get(rep.orig(start)..rep.orig(end))?;
    let prefix_len = lit.iter().position(|&b| b == b'\'' || b == b'"')?;
    let prefix = &lit[..prefix_len];
    if prefix.iter().any(|b| b.eq_ignore_ascii_case(&b'b')) {
        // "bytes can only contain ASCII literal characters": the parser's.
        return None;
    }
    let quote = lit[prefix_len];
    let q = if lit[prefix_len..].starts_with(&[quote; 3]) && lit.len() >= prefix_len + 6 {
        3
    } else {
        1
    };
    let inner = lit.get(prefix_len + q..lit.len().saturating_sub(q))?;
    let raw = prefix.iter().any(|b| b.eq_ignore_ascii_case(&b'r'));
    let fstring = prefix.iter().any(|b| b.eq_ignore_ascii_case(&b'f'));
    // _PyPegen_parsestr: a literal without backslashes is decoded in one go
    // (f-strings always go through decode_unicode_with_escapes).
    let whole = raw || (!fstring && !inner.contains(&b'\\'));
    let fail = |chunk: &[u8]| {
        std::str::from_utf8(chunk).err().map(|e| {
            format!(
                "(unicode error) {}",
                utf8_error_message(chunk, e.valid_up_to(), e.error_len())
            )
        })
    };
    if whole {
        return fail(inner);
    }
    let mut i = 0;
    while i < inner.len() {
        if inner[i] < 0x80 {
            i += 1;
            continue;
        }
        let run_end = inner[i..]
            .iter()
            .position(|&b| b < 0x80)
            .map_or(inner.len(), |n| i + n);
        if let Some(m) = fail(&inner[i..run_end]) {
            return Some(m);
        }
        i = run_end;
    }
    None
}

/// `_PyPegen_raise_error` for `msg` while token `j` is the last one fetched.
fn error_at_token(rep: &Replaced, opts: TokenizeOptions, j: usize, msg: String) -> SyntaxError {
    let tz = tokenize_with(&rep.text, opts);
    let t = tz.tokens[j.min(tz.tokens.len().saturating_sub(1))];
    let st = state_after(&rep.text, opts, j);
    let (col, end_col) = if t.col == NO_COL {
        let cur = st.line_start + st.cur_col().max(0) as usize;
        (rep.orig_col(cur) as i64, -1)
    } else {
        (
            rep.orig_col(t.start as usize) as i64 + 1,
            rep.orig_col(t.end as usize) as i64 + 1,
        )
    };
    located(
        opts,
        st.error_line(&rep.text, true, t.lineno),
        t.lineno,
        col,
        t.end_lineno,
        end_col,
        msg,
    )
}

/// The error for a bad sequence at text offset `bad` inside an identifier
/// (the token before it ends at `prev_end`).
fn identifier_error(
    body: &[u8],
    rep: &Replaced,
    opts: TokenizeOptions,
    prev_end: usize,
    bad: usize,
) -> SyntaxError {
    let text = rep.text.as_bytes();
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
    let mut start = bad;
    while start > prev_end && is_ident(text[start - 1]) {
        start -= 1;
    }
    let mut end = bad;
    while end < text.len() && is_ident(text[end]) {
        end += 1;
    }
    let word = body.get(rep.orig(start)..rep.orig(end)).unwrap_or_default();
    let msg = match std::str::from_utf8(word) {
        Err(e) => format!(
            "(unicode error) {}",
            utf8_error_message(word, e.valid_up_to(), e.error_len())
        ),
        Ok(_) => "(unicode error) unknown error".to_string(),
    };
    let tz = tokenize_with(&rep.text, opts);
    let st = state_after(&rep.text, opts, tz.tokens.len());
    let lineno = st.lineno;
    // The error token has no column: CPython uses tok->cur - line_start.
    let col = rep.orig_col(end) as i64;
    located(
        opts,
        st.error_line(&rep.text, true, lineno),
        lineno,
        col,
        lineno,
        -1,
        msg,
    )
}

/// `_PyPegen_raise_error_known_location`'s conversion and result.
fn located(
    opts: TokenizeOptions,
    text: String,
    lineno: u32,
    mut col: i64,
    end_lineno: u32,
    mut end_col: i64,
    msg: String,
) -> SyntaxError {
    if opts.char_offsets {
        col = byte_offset_to_character_offset(&text, col);
        if end_col > 0 {
            end_col = byte_offset_to_character_offset(&text, end_col);
        }
    }
    let off = |v: i64| if v < 0 { OFFSET_MINUS_ONE } else { v as u32 };
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg,
        lineno,
        offset: off(col),
        end_lineno,
        end_offset: off(end_col),
        text: Some(text),
    }
}
