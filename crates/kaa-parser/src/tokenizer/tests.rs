//! Tokenizer tests; every expectation was produced by CPython 3.11.7
//! (`compile()` for errors, the C tokenizer's raw tokens for streams).

use super::*;
use crate::error::OFFSET_MINUS_ONE;

/// CPython's name for a token kind (keywords are NAME tokens there).
fn kind_name(t: Tok) -> String {
    match t {
        Tok::NotEqualBarry => "NOTEQUAL".into(),
        Tok::ErrorOp => "OP".into(),
        k if k.is_keyword() => "NAME".into(),
        k => format!("{k:?}").to_uppercase(),
    }
}

/// One line per token: `KIND line,col-line,col` (col -1 for none).
fn dump_tokens(toks: &[Token]) -> String {
    let mut out = String::new();
    for t in toks {
        let col = |c: u32| if c == NO_COL { -1 } else { i64::from(c) };
        out.push_str(&format!(
            "{} {},{}-{},{}\n",
            kind_name(t.kind),
            t.lineno,
            col(t.col),
            t.end_lineno,
            col(t.end_col)
        ));
    }
    out
}

/// The error as `Kind msg lineno offset end_lineno end_offset text`.
fn dump_error(e: &SyntaxError) -> String {
    let off = |o: u32| if o == OFFSET_MINUS_ONE { -1 } else { i64::from(o) };
    format!(
        "{} {:?} {} {} {} {} {:?}",
        e.kind.name(),
        e.msg,
        e.lineno,
        off(e.offset),
        e.end_lineno,
        off(e.end_offset),
        e.text
    )
}

/// Tokenizes the files listed in `$KAA_TOK_LIST` and writes their token
/// streams to `$KAA_TOK_OUT` (for differential runs against CPython).
#[test]
#[ignore]
fn dump_files_from_env() {
    let (Ok(list), Ok(out)) = (std::env::var("KAA_TOK_LIST"), std::env::var("KAA_TOK_OUT")) else {
        return;
    };
    let mut res = String::new();
    for path in std::fs::read_to_string(list).unwrap_or_default().lines() {
        let Ok(bytes) = std::fs::read(path) else { continue };
        let Ok(text) = crate::source::decode(&bytes) else {
            res.push_str(&format!("=== {path}\nDECODE-ERROR\n"));
            continue;
        };
        let r = tokenize(&text);
        res.push_str(&format!("=== {path}\n"));
        res.push_str(&dump_tokens(&r.tokens));
        if let Some(e) = &r.error {
            res.push_str(&format!("ERROR {}\n", dump_error(e)));
        }
    }
    let _ = std::fs::write(out, res);
}
