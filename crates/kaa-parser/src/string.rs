//! String literals: prefixes, escapes, implicit concatenation and 3.11
//! f-strings, turning the STRING tokens of one `strings` atom into an AST
//! expression as CPython 3.11's `_PyPegen_concatenate_strings`
//! (Parser/action_helpers.c) with Parser/string_parser.c do.
//!
//! The result is a `Constant` (str, or bytes) or, when any piece is an
//! f-string, a `JoinedStr`. Node locations follow 3.11: the `Constant` and
//! `FormattedValue` pieces of a `JoinedStr` carry the location of the whole
//! atom, a format spec's `JoinedStr` the location of its own token, and the
//! expressions inside come from the parser's f-string sub-parse, which this
//! module asks for through the `fexpr` callback.

mod decode;
mod fstring;
mod unicode_name;

use crate::ast::{Expr, ExprKind, Loc};
use crate::constant::Constant;
use crate::error::{ErrorKind, SyntaxError};
use crate::token::{Tok, Token};
use crate::tokenizer::byte_offset_to_character_offset;

use decode::StrBuf;

/// Parses one f-string expression: `fexpr(source, line_delta, col_delta)`.
///
/// `source` is what CPython 3.11 hands its sub-parser, the expression text in
/// parentheses. The sub-parser's tokens are shifted: `lineno`/`end_lineno`
/// by `line_delta`; `col`/`end_col` by `col_delta` for tokens that END on the
/// sub-source's first line (CPython tests the tokenizer's current line, which
/// for a multi-line string token is its last line).
pub type FExpr<'f> = dyn FnMut(&str, u32, u32) -> Result<Expr, SyntaxError> + 'f;

/// Where CPython reports a string error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorAt {
    /// At the i-th STRING token of the atom (`RAISE_SYNTAX_ERROR_KNOWN_LOCATION(t, ..)`).
    Token(usize),
    /// At the token after the last STRING token: plain `RAISE_SYNTAX_ERROR`
    /// uses the last token fetched, and `STRING+` has fetched one more.
    Next,
}

/// Why a `strings` atom failed.
#[derive(Clone, Debug, PartialEq)]
pub enum StringError {
    /// An error of the string code itself, with its message (not yet
    /// prefixed with "f-string: " for an atom inside an f-string expression).
    Literal { msg: String, at: ErrorAt },
    /// The error `fexpr` returned for an f-string expression, unchanged.
    Expr(SyntaxError),
}

impl StringError {
    fn at_next(msg: impl Into<String>) -> StringError {
        StringError::Literal {
            msg: msg.into(),
            at: ErrorAt::Next,
        }
    }
}

/// Turns the consecutive STRING `tokens` (indexing `src`) of one `strings`
/// atom into its expression; errors are full SyntaxErrors. An error CPython
/// reports at the token after the strings is placed by scanning `src` after
/// the last string (exact except when the strings end a line inside
/// brackets: prefer `concatenate_strings_before` when that token is known).
pub fn concatenate_strings(
    src: &str,
    tokens: &[Token],
    fexpr: &mut FExpr<'_>,
) -> Result<Expr, SyntaxError> {
    parse_strings(src, tokens, fexpr).map_err(|e| locate(src, tokens, None, e))
}

/// `concatenate_strings` given `next`, the token after the last string
/// (where CPython reports most string errors).
pub fn concatenate_strings_before(
    src: &str,
    tokens: &[Token],
    next: &Token,
    fexpr: &mut FExpr<'_>,
) -> Result<Expr, SyntaxError> {
    parse_strings(src, tokens, fexpr).map_err(|e| locate(src, tokens, Some(next), e))
}

/// Turns the STRING `tokens` of one `strings` atom into its expression,
/// reporting errors with the token CPython would blame (for a parser that
/// places errors itself, e.g. inside an f-string sub-parse).
pub fn parse_strings(
    src: &str,
    tokens: &[Token],
    fexpr: &mut FExpr<'_>,
) -> Result<Expr, StringError> {
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
        return Err(StringError::at_next("invalid syntax"));
    };
    let whole = Loc {
        lineno: first.lineno,
        col_offset: first.col,
        end_lineno: last.end_lineno,
        end_col_offset: last.end_col,
    };
    // make_str_node_and_del: kind 'u' only for a lowercase 'u' prefix on the
    // first token.
    let kind_u = token_text(src, first).is_some_and(|t| t.starts_with('u'));
    let mut ctx = fstring::Ctx {
        fexpr,
        whole,
        kind_u,
    };
    let mut state = fstring::State::default();
    let mut bytes_mode = false;
    let mut bytes: Vec<u8> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let text = token_text(src, t).ok_or_else(|| StringError::Literal {
            msg: "invalid string literal".to_string(),
            at: ErrorAt::Token(i),
        })?;
        let lit = Literal::split(text).ok_or_else(|| StringError::Literal {
            msg: "invalid string literal".to_string(),
            at: ErrorAt::Token(i),
        })?;
        let body = &text[lit.body_start..lit.body_end];
        // _PyPegen_parsestr decodes a plain literal before the mixing check.
        let value = if lit.fmode {
            None
        } else if lit.bytes {
            if !body.is_ascii() {
                return Err(StringError::Literal {
                    msg: "bytes can only contain ASCII literal characters".to_string(),
                    at: ErrorAt::Token(i),
                });
            }
            if lit.raw || !body.contains('\\') {
                Some(Piece::Bytes(body.as_bytes().to_vec()))
            } else {
                Some(Piece::Bytes(
                    decode::decode_bytes(body.as_bytes()).map_err(StringError::at_next)?,
                ))
            }
        } else if lit.raw {
            Some(Piece::Str(StrBuf::Utf8(body.to_string())))
        } else {
            Some(Piece::Str(
                decode::decode_unicode(body).map_err(StringError::at_next)?,
            ))
        };
        if i != 0 && bytes_mode != lit.bytes {
            return Err(StringError::at_next(
                "cannot mix bytes and nonbytes literals",
            ));
        }
        bytes_mode = lit.bytes;
        match value {
            None => {
                let mut pos = lit.body_start;
                let tok = fstring::TokenRef {
                    text,
                    tok: t,
                    scan: Default::default(),
                };
                fstring::concat_fstring(
                    &mut ctx,
                    &mut state,
                    &tok,
                    &mut pos,
                    lit.body_end,
                    lit.raw,
                    0,
                )?;
            }
            Some(Piece::Str(s)) => state.concat(s),
            Some(Piece::Bytes(b)) => {
                if bytes.is_empty() {
                    bytes = b;
                } else {
                    bytes.extend_from_slice(&b);
                }
            }
        }
    }
    if bytes_mode {
        return Ok(Expr {
            node: ExprKind::Constant {
                value: Constant::Bytes(bytes),
                kind: None,
            },
            loc: whole,
        });
    }
    Ok(state.finish(whole, kind_u))
}

/// A decoded non-f-string piece.
enum Piece {
    Str(StrBuf),
    Bytes(Vec<u8>),
}

/// The text of a token, if its offsets are sound.
fn token_text<'s>(src: &'s str, t: &Token) -> Option<&'s str> {
    src.get(t.start as usize..t.end as usize)
}

/// A string token split into prefix flags and body (`_PyPegen_parsestr`).
struct Literal {
    bytes: bool,
    raw: bool,
    fmode: bool,
    /// The body's byte range in the token text (quotes excluded).
    body_start: usize,
    body_end: usize,
}

impl Literal {
    /// Reads the prefix letters and the quotes; `None` for a malformed
    /// token (the tokenizer never makes one) or a bytes f-string.
    fn split(text: &str) -> Option<Literal> {
        let b = text.as_bytes();
        let (mut bytes, mut raw, mut fmode) = (false, false, false);
        let mut i = 0;
        while let Some(&c) = b.get(i) {
            match c {
                b'b' | b'B' => bytes = true,
                b'r' | b'R' => raw = true,
                b'f' | b'F' => fmode = true,
                b'u' | b'U' => {}
                _ => break,
            }
            i += 1;
        }
        let quote = *b.get(i)?;
        if (quote != b'\'' && quote != b'"') || (bytes && fmode) {
            return None;
        }
        let rest = b.len().checked_sub(i + 1)?;
        if rest == 0 || b[b.len() - 1] != quote {
            return None;
        }
        let (mut start, mut end) = (i + 1, b.len() - 1);
        // A triple-quoted string: two more quotes at each end.
        if end - start >= 4 && b[start] == quote && b[start + 1] == quote {
            start += 2;
            if end - start < 2 || b[end - 1] != quote || b[end - 2] != quote {
                return None;
            }
            end -= 2;
        }
        Some(Literal {
            bytes,
            raw,
            fmode,
            body_start: start,
            body_end: end,
        })
    }
}

/// Makes a str `Constant` node.
fn str_constant(value: StrBuf, loc: Loc, kind_u: bool) -> Expr {
    let value = match value {
        StrBuf::Utf8(s) => Constant::Str(s),
        StrBuf::Wide(v) => Constant::WideStr(v),
    };
    Expr {
        node: ExprKind::Constant {
            value,
            kind: kind_u.then(|| "u".to_string()),
        },
        loc,
    }
}

/// Turns a located string error into a SyntaxError, as CPython's
/// `_PyPegen_raise_error` does for a parser over `src`.
fn locate(src: &str, tokens: &[Token], next: Option<&Token>, err: StringError) -> SyntaxError {
    match err {
        StringError::Expr(e) => e,
        StringError::Literal { msg, at } => {
            let tok = match at {
                ErrorAt::Token(i) => tokens.get(i).copied(),
                ErrorAt::Next => match next {
                    Some(t) => Some(*t),
                    None => tokens.last().map(|last| approximate_next_token(src, last)),
                },
            };
            match tok {
                Some(t) => error_at_token(src, &t, msg),
                None => SyntaxError::new(ErrorKind::SyntaxError, msg),
            }
        }
    }
}

/// A SyntaxError located at token `t` of `src` (`text` is the line where the
/// token starts, newline included; columns become 1-based characters of it).
fn error_at_token(src: &str, t: &Token, msg: impl Into<String>) -> SyntaxError {
    let start = (t.start as usize).min(src.len());
    let line_start = src
        .get(..start)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line_end = src
        .get(start..)
        .and_then(|s| s.find('\n'))
        .map_or(src.len(), |i| start + i + 1);
    let mut line = src.get(line_start..line_end).unwrap_or("").to_string();
    if !line.ends_with('\n') {
        line.push('\n');
    }
    SyntaxError {
        kind: ErrorKind::SyntaxError,
        msg: msg.into(),
        lineno: t.lineno,
        offset: byte_offset_to_character_offset(&line, i64::from(t.col) + 1).max(0) as u32,
        end_lineno: t.end_lineno,
        end_offset: byte_offset_to_character_offset(&line, i64::from(t.end_col) + 1).max(0) as u32,
        text: Some(line),
    }
}

/// The token after `last` as CPython's tokenizer would make it, found by
/// scanning `src` (assuming no open bracket: a newline is a NEWLINE token,
/// which starts at a comment before it and ends at the newline).
fn approximate_next_token(src: &str, last: &Token) -> Token {
    let b = src.as_bytes();
    let mut i = last.end as usize;
    let (mut lineno, mut col) = (last.end_lineno, last.end_col);
    let mut comment: Option<(usize, u32)> = None;
    loop {
        match b.get(i) {
            Some(b' ' | b'\t' | b'\x0c') => {
                i += 1;
                col += 1;
            }
            Some(b'\\') if b.get(i + 1) == Some(&b'\n') => {
                i += 2;
                lineno += 1;
                col = 0;
            }
            Some(b'#') => {
                comment = Some((i, col));
                while let Some(&c) = b.get(i) {
                    if c == b'\n' {
                        break;
                    }
                    i += 1;
                    col += 1;
                }
            }
            None | Some(b'\n') => {
                let (start, start_col) = comment.unwrap_or((i, col));
                return Token {
                    kind: Tok::Newline,
                    start: start as u32,
                    end: i as u32,
                    lineno,
                    col: start_col,
                    end_lineno: lineno,
                    end_col: col,
                };
            }
            Some(&c) => {
                let len = if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
                    // A name or a number (approximately).
                    b[i..]
                        .iter()
                        .position(|&d| {
                            !(d.is_ascii_alphanumeric() || d == b'_' || d >= 0x80 || d == b'.')
                        })
                        .unwrap_or(b.len() - i)
                } else {
                    (1..=3)
                        .rev()
                        .find(|&n| src.get(i..i + n).and_then(Tok::operator).is_some())
                        .unwrap_or(1)
                };
                return Token {
                    kind: Tok::ErrorOp,
                    start: i as u32,
                    end: (i + len) as u32,
                    lineno,
                    col,
                    end_lineno: lineno,
                    end_col: col + len as u32,
                };
            }
        }
    }
}

#[cfg(test)]
mod tests;
