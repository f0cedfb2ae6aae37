//! Tests of string atoms against CPython 3.11's answers (samples.rs, made by
//! tools/gen_string_samples.py), with a stub f-string sub-parser.

use super::*;
use crate::ast::ExprContext;
use crate::dump::{Dump, DumpCtx};

#[path = "samples.rs"]
mod samples;

/// What CPython made of a sample.
pub enum Expect {
    /// `ast.dump(node, include_attributes=True)` of the atom's node, field
    /// expressions replaced by `Name('e')` with their location.
    Ok(&'static str),
    /// SyntaxError: msg, lineno, offset, end_lineno, end_offset, text.
    Err(&'static str, u32, u32, u32, u32, &'static str),
}

/// A source, its first `strings` atom and the token after it (each as
/// start, end, lineno, col, end_lineno, end_col; byte offsets and columns).
pub struct Sample {
    pub src: &'static str,
    pub tokens: &'static [(u32, u32, u32, u32, u32, u32)],
    pub next: (u32, u32, u32, u32, u32, u32),
    pub expect: Expect,
}

fn token(kind: Tok, t: (u32, u32, u32, u32, u32, u32)) -> Token {
    Token {
        kind,
        start: t.0,
        end: t.1,
        lineno: t.2,
        col: t.3,
        end_lineno: t.4,
        end_col: t.5,
    }
}

/// Line (1-based) and byte column of byte offset `i` in `s`.
fn line_col(s: &str, i: usize) -> (u32, u32) {
    let before = &s[..i];
    let line = before.matches('\n').count() as u32 + 1;
    let col = before.rfind('\n').map_or(i, |nl| i - nl - 1) as u32;
    (line, col)
}

/// A stand-in for the parser's f-string sub-parse: a Name spanning the
/// expression text without surrounding whitespace, located as a sub-parser
/// shifted by (line_delta, col_delta) would locate it.
fn stub_fexpr(sub: &str, line_delta: u32, col_delta: u32) -> Result<Expr, SyntaxError> {
    assert!(sub.starts_with('(') && sub.ends_with(')'), "{sub:?}");
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\x0c');
    let inner = &sub[1..sub.len() - 1];
    let lead = inner.len() - inner.trim_start_matches(ws).len();
    let start = 1 + lead;
    let end = 1 + inner.trim_end_matches(ws).len();
    let (l1, c1) = line_col(sub, start);
    let (l2, c2) = line_col(sub, end);
    let shift = |line: u32, col: u32| if line == 1 { col + col_delta } else { col };
    Ok(Expr {
        node: ExprKind::Name {
            id: "e".to_string(),
            ctx: ExprContext::Load,
        },
        loc: Loc {
            lineno: l1 + line_delta,
            col_offset: shift(l1, c1),
            end_lineno: l2 + line_delta,
            end_col_offset: shift(l2, c2),
        },
    })
}

fn dump_one_line(e: &Expr) -> String {
    let ctx = DumpCtx::new(None, true);
    let mut out = String::new();
    e.write(&mut out, 0, &ctx);
    out
}

/// Every sample: the tree (with stub fields) or the SyntaxError CPython gives,
/// via both the approximate and the exact next-token entry points.
#[test]
fn samples_match_cpython() {
    let mut failures = Vec::new();
    let mut checked = 0;
    for s in samples::SAMPLES {
        let tokens: Vec<Token> = s.tokens.iter().map(|&t| token(Tok::String, t)).collect();
        let next = token(Tok::Newline, s.next);
        let got_approx = concatenate_strings(s.src, &tokens, &mut stub_fexpr);
        let got_exact = concatenate_strings_before(s.src, &tokens, &next, &mut stub_fexpr);
        match &s.expect {
            Expect::Ok(want) => {
                checked += 1;
                for got in [got_approx, got_exact] {
                    match got {
                        Ok(e) if dump_one_line(&e) == *want => {}
                        Ok(e) => failures.push(format!(
                            "{:?}\n  want {want}\n  got  {}",
                            s.src,
                            dump_one_line(&e)
                        )),
                        Err(e) => {
                            failures.push(format!("{:?}\n  want {want}\n  got  {e:?}", s.src))
                        }
                    }
                }
            }
            Expect::Err(msg, lineno, offset, end_lineno, end_offset, text) => {
                // Errors of the expression sub-parse need the real parser.
                if text.starts_with('(') {
                    continue;
                }
                checked += 1;
                for got in [got_approx, got_exact] {
                    let want = (*msg, *lineno, *offset, *end_lineno, *end_offset);
                    match got {
                        Err(e) => {
                            let have = (
                                e.msg.as_str(),
                                e.lineno,
                                e.offset,
                                e.end_lineno,
                                e.end_offset,
                            );
                            // compile() of a string gives as text the whole
                            // logical line (several lines when a string token
                            // spans lines), with offsets counted from its
                            // start, or a line without its newline when the
                            // tokenizer has moved past it: the parser's own
                            // error reporting decides that; here only the
                            // one-line cases are compared in full.
                            let one_line = text.ends_with('\n') && text.matches('\n').count() == 1;
                            let (have, want) = if one_line {
                                (have, want)
                            } else {
                                (
                                    (have.0, have.1, 0, have.3, 0),
                                    (want.0, want.1, 0, want.3, 0),
                                )
                            };
                            let text_ok = !one_line || e.text.as_deref() == Some(*text);
                            if have != want || !text_ok {
                                failures.push(format!(
                                    "{:?}\n  want {want:?} {text:?}\n  got  {have:?} {:?}",
                                    s.src, e.text
                                ));
                            }
                        }
                        Ok(e) => failures.push(format!(
                            "{:?}\n  want error {want:?}\n  got  {}",
                            s.src,
                            dump_one_line(&e)
                        )),
                    }
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(checked > 150);
}

/// The deltas handed to the sub-parser, from python3 positions: `{` on the
/// token's first line, on a later line, and followed by a newline.
#[test]
fn fexpr_deltas() {
    let mut calls = Vec::new();
    let src = "x = (1,\n  f'''ab{c}\n  {d}''', f'''{\n e}''')";
    // Token 1: f'''ab{c}\n  {d}''' at line 2 col 2; token 2 alone.
    let t1 = Token {
        kind: Tok::String,
        start: 10,
        end: 28,
        lineno: 2,
        col: 2,
        end_lineno: 3,
        end_col: 8,
    };
    let mut record = |s: &str, l: u32, c: u32| {
        calls.push((s.to_string(), l, c));
        stub_fexpr(s, l, c)
    };
    let text = &src[t1.start as usize..t1.end as usize];
    assert_eq!(text, "f'''ab{c}\n  {d}'''");
    parse_strings(src, &[t1], &mut record)
        .map_err(|e| format!("{e:?}"))
        .unwrap();
    assert_eq!(
        calls,
        vec![("(c)".to_string(), 1, 2 + 6), ("(d)".to_string(), 2, 2)]
    );
}

/// Plain strings are one copy of the body; `Constant` kinds.
#[test]
fn plain_constants() {
    let src = "u'a' 'b'";
    let toks = [
        token(Tok::String, (0, 4, 1, 0, 1, 4)),
        token(Tok::String, (5, 8, 1, 5, 1, 8)),
    ];
    let e = concatenate_strings(src, &toks, &mut stub_fexpr).unwrap();
    assert_eq!(
        e.node,
        ExprKind::Constant {
            value: Constant::Str("ab".to_string()),
            kind: Some("u".to_string())
        }
    );
    let src = "'\\ud800x'";
    let toks = [token(Tok::String, (0, 9, 1, 0, 1, 9))];
    let e = concatenate_strings(src, &toks, &mut stub_fexpr).unwrap();
    assert_eq!(
        e.node,
        ExprKind::Constant {
            value: Constant::WideStr(vec![0xd800, 0x78]),
            kind: None
        }
    );
}

/// Malformed tokens (which the tokenizer never makes) are errors, not panics.
#[test]
fn malformed_tokens_do_not_panic() {
    let src = "abc 'x bf'x' '' \"";
    for start in 0..src.len() as u32 {
        for end in start..=src.len() as u32 + 2 {
            let t = token(Tok::String, (start, end, 1, start, 1, end));
            let _ = concatenate_strings(src, &[t], &mut stub_fexpr);
        }
    }
    assert!(concatenate_strings(src, &[], &mut stub_fexpr).is_err());
}
