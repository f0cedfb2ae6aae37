//! 3.11 f-strings: splitting an f-string body into literal pieces and
//! `{expression!conversion:format_spec}` fields, as CPython 3.11's
//! Parser/string_parser.c (`fstring_find_literal`, `fstring_find_expr`,
//! `fstring_compile_expr`, `fstring_find_expr_location`, the FstringParser).
//!
//! Positions are byte offsets into the whole token text (prefix and quotes
//! included), which is what CPython's location arithmetic works on.

use super::decode::{decode_unicode, StrBuf};
use super::{str_constant, FExpr, StringError};
use crate::ast::{Expr, ExprKind, Loc};
use crate::token::Token;

/// CPython's MAXLEVEL: bracket nesting allowed inside one expression.
const MAX_NESTING: usize = 200;

/// What every part of one `strings` atom shares.
pub(super) struct Ctx<'a, 'f> {
    /// Parses an f-string expression (see `FExpr`).
    pub fexpr: &'a mut FExpr<'f>,
    /// The location of the whole atom (first token start, last token end).
    pub whole: Loc,
    /// The first token has a lowercase `u` prefix.
    pub kind_u: bool,
}

/// The f-string token being parsed.
pub(super) struct TokenRef<'s, 't> {
    pub text: &'s str,
    pub tok: &'t Token,
    /// Newlines counted so far (expressions are met left to right), so that
    /// locating each one does not rescan the text before it.
    pub scan: std::cell::Cell<LineScan>,
}

/// How far `expr_location` has counted lines in a token's text.
#[derive(Clone, Copy, Default)]
pub(super) struct LineScan {
    upto: usize,
    lines: u32,
    last_newline: Option<usize>,
}

impl TokenRef<'_, '_> {
    fn loc(&self) -> Loc {
        Loc {
            lineno: self.tok.lineno,
            col_offset: self.tok.col,
            end_lineno: self.tok.end_lineno,
            end_col_offset: self.tok.end_col,
        }
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.text.as_bytes().get(i).copied()
    }
}

/// The FstringParser: a pending literal and the finished values.
#[derive(Default)]
pub(super) struct State {
    /// Literal text not yet turned into a Constant (empty: none).
    last_str: StrBuf,
    values: Vec<Expr>,
    /// An f-string was seen (the result is a JoinedStr).
    fmode: bool,
}

impl State {
    /// Adds literal text (`_PyPegen_FstringParser_ConcatAndDel`: empty
    /// pieces vanish).
    pub fn concat(&mut self, s: StrBuf) {
        if !s.is_empty() {
            self.last_str.append(s);
        }
    }

    /// Turns the pending literal into a Constant located at `loc`.
    fn flush(&mut self, loc: Loc, kind_u: bool) {
        if !self.last_str.is_empty() {
            let s = std::mem::take(&mut self.last_str);
            self.values.push(str_constant(s, loc, kind_u));
        }
    }

    /// `_PyPegen_FstringParser_Finish`: a Constant when no f-string was
    /// seen, else a JoinedStr, both located at `loc`.
    pub fn finish(mut self, loc: Loc, kind_u: bool) -> Expr {
        if !self.fmode {
            return str_constant(self.last_str, loc, kind_u);
        }
        self.flush(loc, kind_u);
        Expr {
            node: ExprKind::JoinedStr {
                values: self.values,
            },
            loc,
        }
    }
}

/// `_PyPegen_FstringParser_ConcatFstring`: parses the f-string body from
/// `*pos` to `end` into `state`. At `recurse_lvl` 1 (a format spec) it
/// stops at the closing `}`.
pub(super) fn concat_fstring(
    ctx: &mut Ctx<'_, '_>,
    state: &mut State,
    t: &TokenRef<'_, '_>,
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
) -> Result<(), StringError> {
    state.fmode = true;
    loop {
        let (literal, doubled) = find_literal(t, pos, end, raw, recurse_lvl)?;
        if doubled {
            // A doubled brace ends the literal; keep scanning.
            if let Some(lit) = literal {
                state.concat(lit);
            }
            continue;
        }
        if *pos >= end || t.byte(*pos) == Some(b'}') {
            // The end of the string, or of a format spec.
            if let Some(lit) = literal {
                state.concat(lit);
            }
            break;
        }
        let (expr_text, expression) = find_expr(ctx, t, pos, end, raw, recurse_lvl)?;
        if let Some(lit) = literal {
            state.concat(lit);
        }
        if let Some(text) = expr_text {
            state.concat(StrBuf::Utf8(text));
        }
        state.flush(ctx.whole, ctx.kind_u);
        state.values.push(expression);
    }
    if recurse_lvl == 0 && *pos + 1 < end {
        return Err(StringError::at_next("f-string: unexpected end of string"));
    }
    if recurse_lvl != 0 && (*pos >= end || t.byte(*pos) != Some(b'}')) {
        return Err(StringError::at_next("f-string: expecting '}'"));
    }
    Ok(())
}

/// `fstring_find_literal`: the literal text from `*pos` up to an expression's
/// `{` (or a format spec's `}`, or the end). Returns the decoded literal
/// (`None` if empty) and whether it ended at a doubled brace (`{{`/`}}`,
/// only recognised at the top level), in which case `*pos` is past both.
fn find_literal(
    t: &TokenRef<'_, '_>,
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
) -> Result<(Option<StrBuf>, bool), StringError> {
    let start = *pos;
    let mut s = *pos;
    let mut doubled = false;
    let mut lit_end = end;
    let mut stopped = false;
    while s < end {
        let mut ch = t.byte(s).unwrap_or(0);
        s += 1;
        if !raw && ch == b'\\' && s < end {
            ch = t.byte(s).unwrap_or(0);
            s += 1;
            if ch == b'N' {
                // Skip `\N{...}` so its braces are not fields; any other
                // character after `\N` is skipped too (the decoder reports
                // the malformed escape).
                if s < end {
                    let open = t.byte(s) == Some(b'{');
                    s += 1;
                    if open {
                        while s < end {
                            let c = t.byte(s);
                            s += 1;
                            if c == Some(b'}') {
                                break;
                            }
                        }
                    }
                }
                continue;
            }
            // `\{` and `\}` fall through: the brace still counts (CPython
            // only warns about the invalid escape).
        }
        if ch == b'{' || ch == b'}' {
            if recurse_lvl == 0 {
                if s < end && t.byte(s) == Some(ch) {
                    // A doubled brace: the literal keeps one.
                    *pos = s + 1;
                    lit_end = s;
                    doubled = true;
                    stopped = true;
                    break;
                }
                if ch == b'}' {
                    *pos = s - 1;
                    return Err(StringError::at_next("f-string: single '}' is not allowed"));
                }
            }
            // The start of an expression, or the end of a format spec.
            s -= 1;
            break;
        }
    }
    if !stopped {
        *pos = s;
        lit_end = s;
    }
    if lit_end == start {
        return Ok((None, doubled));
    }
    let piece = t.text.get(start..lit_end).unwrap_or("");
    let value = if raw {
        StrBuf::Utf8(piece.to_string())
    } else {
        decode_unicode(piece).map_err(StringError::at_next)?
    };
    Ok((Some(value), doubled))
}

/// The ASCII whitespace `Py_ISSPACE` accepts.
fn is_py_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `fstring_find_expr`: parses the field starting at the `{` at `*pos`.
/// Returns the `=` debug text (if any) and the FormattedValue node.
fn find_expr(
    ctx: &mut Ctx<'_, '_>,
    t: &TokenRef<'_, '_>,
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
) -> Result<(Option<String>, Expr), StringError> {
    if recurse_lvl >= 2 {
        return Err(StringError::at_next(
            "f-string: expressions nested too deeply",
        ));
    }
    *pos += 1;
    let expr_start = *pos;
    // The quote of the string literal we are in (0: none), single or triple.
    let mut quote: u8 = 0;
    let mut triple = false;
    let mut brackets: Vec<u8> = Vec::new();
    while *pos < end {
        let ch = t.byte(*pos).unwrap_or(0);
        if ch == b'\\' {
            return Err(StringError::at_next(
                "f-string expression part cannot include a backslash",
            ));
        }
        if quote != 0 {
            if ch == quote {
                if triple {
                    if *pos + 2 < end
                        && t.byte(*pos + 1) == Some(ch)
                        && t.byte(*pos + 2) == Some(ch)
                    {
                        *pos += 2;
                        quote = 0;
                        triple = false;
                    }
                } else {
                    quote = 0;
                }
            }
        } else if ch == b'\'' || ch == b'"' {
            triple = *pos + 2 < end && t.byte(*pos + 1) == Some(ch) && t.byte(*pos + 2) == Some(ch);
            if triple {
                *pos += 2;
            }
            quote = ch;
        } else if matches!(ch, b'[' | b'{' | b'(') {
            if brackets.len() >= MAX_NESTING {
                return Err(StringError::at_next(
                    "f-string: too many nested parenthesis",
                ));
            }
            brackets.push(ch);
        } else if ch == b'#' {
            return Err(StringError::at_next(
                "f-string expression part cannot include '#'",
            ));
        } else if brackets.is_empty() && matches!(ch, b'!' | b':' | b'}' | b'=' | b'>' | b'<') {
            // `!=`, `==`, `<=`, `>=` are operators, not field syntax.
            if *pos + 1 < end && t.byte(*pos + 1) == Some(b'=') && ch != b':' && ch != b'}' {
                *pos += 2;
                continue;
            }
            // A lone `<` or `>` is an operator too.
            if ch != b'<' && ch != b'>' {
                break;
            }
        } else if matches!(ch, b']' | b'}' | b')') {
            let Some(opening) = brackets.pop() else {
                return Err(StringError::at_next(format!(
                    "f-string: unmatched '{}'",
                    ch as char
                )));
            };
            let matching = matches!((opening, ch), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
            if !matching {
                return Err(StringError::at_next(format!(
                    "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                    ch as char, opening as char
                )));
            }
        }
        *pos += 1;
    }
    let expr_end = *pos;
    if quote != 0 {
        return Err(StringError::at_next("f-string: unterminated string"));
    }
    if let Some(&opening) = brackets.last() {
        return Err(StringError::at_next(format!(
            "f-string: unmatched '{}'",
            opening as char
        )));
    }
    let expecting = || StringError::at_next("f-string: expecting '}'");
    if *pos >= end {
        return Err(expecting());
    }
    // The expression is compiled first, so its errors win over the
    // conversion's and the format spec's.
    let value = compile_expr(ctx, t, expr_start, expr_end)?;

    let mut expr_text = None;
    if t.byte(*pos) == Some(b'=') {
        *pos += 1;
        while t.byte(*pos).is_some_and(is_py_space) {
            *pos += 1;
        }
        if *pos >= end {
            return Err(expecting());
        }
        expr_text = Some(t.text.get(expr_start..*pos).unwrap_or("").to_string());
    }

    let mut conversion: i64 = -1;
    if t.byte(*pos) == Some(b'!') {
        *pos += 1;
        if *pos >= end {
            return Err(expecting());
        }
        let c = t.byte(*pos).unwrap_or(0);
        *pos += 1;
        if !matches!(c, b's' | b'r' | b'a') {
            return Err(StringError::at_next(
                "f-string: invalid conversion character: expected 's', 'r', or 'a'",
            ));
        }
        conversion = c as i64;
    }

    if *pos >= end {
        return Err(expecting());
    }
    let mut format_spec = None;
    if t.byte(*pos) == Some(b':') {
        *pos += 1;
        if *pos >= end {
            return Err(expecting());
        }
        format_spec = Some(Box::new(parse_format_spec(
            ctx,
            t,
            pos,
            end,
            raw,
            recurse_lvl + 1,
        )?));
    }
    if *pos >= end || t.byte(*pos) != Some(b'}') {
        return Err(expecting());
    }
    *pos += 1;

    // `=` with neither conversion nor format spec means `!r`.
    if expr_text.is_some() && format_spec.is_none() && conversion == -1 {
        conversion = b'r' as i64;
    }
    let node = ExprKind::FormattedValue {
        value: Box::new(value),
        conversion,
        format_spec,
    };
    Ok((
        expr_text,
        Expr {
            node,
            loc: ctx.whole,
        },
    ))
}

/// `fstring_parse` for a format spec: a JoinedStr located at the token
/// (its trailing literal too; earlier literals carry the whole atom's
/// location).
fn parse_format_spec(
    ctx: &mut Ctx<'_, '_>,
    t: &TokenRef<'_, '_>,
    pos: &mut usize,
    end: usize,
    raw: bool,
    recurse_lvl: u32,
) -> Result<Expr, StringError> {
    let mut state = State::default();
    concat_fstring(ctx, &mut state, t, pos, end, raw, recurse_lvl)?;
    let kind_u = t.text.starts_with('u');
    Ok(state.finish(t.loc(), kind_u))
}

/// `fstring_compile_expr`: hands the expression text to the parser, in
/// parentheses, with the line and column shifts CPython 3.11 gives its
/// sub-parser (`starting_lineno`, `starting_col_offset`).
fn compile_expr(
    ctx: &mut Ctx<'_, '_>,
    t: &TokenRef<'_, '_>,
    expr_start: usize,
    expr_end: usize,
) -> Result<Expr, StringError> {
    let text = t.text.get(expr_start..expr_end).unwrap_or("");
    // Only whitespace: turning it into "()" would be valid, so it is
    // caught here.
    if text
        .bytes()
        .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c'))
    {
        return Err(match t.byte(expr_end) {
            Some(c @ (b'!' | b':' | b'=')) => StringError::at_next(format!(
                "f-string: expression required before '{}'",
                c as char
            )),
            _ => StringError::at_next("f-string: empty expression not allowed"),
        });
    }
    let (lines, cols) = expr_location(t, expr_start - 1);
    let mut sub = String::with_capacity(text.len() + 2);
    sub.push('(');
    sub.push_str(text);
    sub.push(')');
    // The sub-tokenizer starts at line t.lineno + lines - 1, so its first
    // line is t.lineno + lines; columns on that line are shifted by the
    // brace's column (plus the token's when the brace is on its first line).
    let line_delta = (t.tok.lineno + lines).saturating_sub(1);
    let col_delta = if lines != 0 { cols } else { t.tok.col + cols };
    (ctx.fexpr)(&sub, line_delta, col_delta).map_err(StringError::Expr)
}

/// `fstring_find_expr_location`: for the `{` at `brace` in the token text,
/// the number of newlines before it and its byte column within its line
/// (0 when only whitespace follows the brace before a newline).
fn expr_location(t: &TokenRef<'_, '_>, brace: usize) -> (u32, u32) {
    let text = t.text.as_bytes();
    let mut scan = t.scan.get();
    if brace < scan.upto {
        scan = LineScan::default();
    }
    let upto = brace.min(text.len());
    for (i, &c) in text[scan.upto..upto].iter().enumerate() {
        if c == b'\n' {
            scan.lines += 1;
            scan.last_newline = Some(scan.upto + i);
        }
    }
    scan.upto = upto;
    t.scan.set(scan);
    let lines = scan.lines;
    let mut newline_after_brace = true;
    for &c in text.get(brace + 1..).unwrap_or(&[]) {
        if c == b'}' || c == b'\n' {
            break;
        }
        if !matches!(c, b' ' | b'\t' | b'\x0c') {
            newline_after_brace = false;
            break;
        }
    }
    let cols = if newline_after_brace {
        0
    } else {
        match scan.last_newline {
            Some(nl) => (brace - nl - 1) as u32,
            None => brace as u32,
        }
    };
    (lines, cols)
}
