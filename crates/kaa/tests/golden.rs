//! Golden tests: the built `kaa` binary against outputs recorded from
//! CPython 3.11 by tools/regen_expected.py (see that script for the
//! formats). One test per kind of case; each runs every case, collects all
//! mismatches and reports them together with a short diff each.
//!
//! `tests/<kind>/KNOWN_FAILURES` lists cases expected to fail, one per line
//! as `path reason...`. A listed case that passes is an error too, so the
//! list stays true.

mod common;

use common::{cases, normalise_root, read, run_kaa, run_suite, status_text, text, Check};
use std::ffi::OsString;
use std::os::unix::ffi::OsStringExt;

/// `tests/syntax/**/X.py`: `kaa X.py` prints the SyntaxError as python3
/// does; X.expected is `status N` then stderr.
#[test]
fn syntax_errors() {
    let checks: Vec<(String, Check)> = cases("syntax", ".py")
        .into_iter()
        .map(|path| {
            let p = path.clone();
            let check: Check = Box::new(move || {
                let stem = p.trim_end_matches(".py");
                let expected = read(&format!("{stem}.expected"))
                    .ok_or("no .expected file: run tools/regen_expected.py")?;
                let out = run_kaa(std::slice::from_ref(&p), b"", &[]);
                let mut got = format!("status {}\n", status_text(out.status)).into_bytes();
                got.extend(normalise_root(&out.stderr));
                if !out.stdout.is_empty() {
                    got.extend(b"\n[stdout]\n");
                    got.extend(&out.stdout);
                }
                Ok((text(&expected), text(&got)))
            });
            (path, check)
        })
        .collect();
    assert!(
        checks.len() >= 150,
        "too few syntax cases: {}",
        checks.len()
    );
    run_suite("syntax", checks);
}

/// `tests/ast/**/X.py`: `kaa -m ast ARGS X.py` prints X.ast.
#[test]
fn ast_dumps() {
    let checks: Vec<(String, Check)> = cases("ast", ".py")
        .into_iter()
        .map(|path| {
            let p = path.clone();
            let check: Check = Box::new(move || {
                let stem = p.trim_end_matches(".py");
                let expected = read(&format!("{stem}.ast"))
                    .ok_or("no .ast file: run tools/regen_expected.py")?;
                let source = read(&p).ok_or("cannot read the case")?;
                let mut args = vec!["-m".to_string(), "ast".to_string()];
                args.extend(ast_args(&source));
                args.push(p.clone());
                let out = run_kaa(&args, b"", &[]);
                let want = format!("status 0\n{}", text(&expected));
                let mut got = format!("status {}\n{}", status_text(out.status), text(&out.stdout));
                if !out.stderr.is_empty() {
                    got.push_str("\n[stderr]\n");
                    got.push_str(&text(&out.stderr));
                }
                Ok((want, got))
            });
            (path, check)
        })
        .collect();
    assert!(checks.len() >= 120, "too few ast cases: {}", checks.len());
    run_suite("ast", checks);
}

/// The `-m ast` arguments of a case: a first line `# ast-args: ...`, else
/// `-a --no-type-comments`.
fn ast_args(source: &[u8]) -> Vec<String> {
    let first = source.split(|&b| b == b'\n').next().unwrap_or(&[]);
    match first.strip_prefix(b"# ast-args:") {
        Some(rest) => String::from_utf8_lossy(rest)
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        None => vec!["-a".to_string(), "--no-type-comments".to_string()],
    }
}

/// `tests/cli/X.args`: a whole command line (and X.stdin) against
/// X.status, X.stdout and X.stderr.
#[test]
fn command_lines() {
    let checks: Vec<(String, Check)> = cases("cli", ".args")
        .into_iter()
        .map(|path| {
            let p = path.clone();
            let check: Check = Box::new(move || {
                let stem = p.trim_end_matches(".args");
                let spec = read(&p).ok_or("cannot read the case")?;
                let (args, env) = parse_args_file(&spec);
                let stdin = read(&format!("{stem}.stdin")).unwrap_or_default();
                let status = read(&format!("{stem}.status"))
                    .ok_or("no .status file: run tools/regen_expected.py")?;
                let want = format!(
                    "status {}[stdout]\n{}[stderr]\n{}",
                    text(&status),
                    text(&read(&format!("{stem}.stdout")).unwrap_or_default()),
                    text(&read(&format!("{stem}.stderr")).unwrap_or_default())
                );
                let out = run_kaa(&args, &stdin, &env);
                let got = format!(
                    "status {}\n[stdout]\n{}[stderr]\n{}",
                    status_text(out.status),
                    text(&normalise_root(&out.stdout)),
                    text(&normalise_root(&out.stderr))
                );
                Ok((want, got))
            });
            (path, check)
        })
        .collect();
    run_suite("cli", checks);
}

/// An X.args file: `#env NAME=VALUE` lines, then one argument per line
/// (bytes, so that arguments need not be UTF-8).
fn parse_args_file(spec: &[u8]) -> (Vec<OsString>, Vec<(String, String)>) {
    let mut lines: Vec<&[u8]> = spec.split(|&b| b == b'\n').collect();
    if lines.last() == Some(&&b""[..]) {
        lines.pop();
    }
    let mut args = Vec::new();
    let mut env = Vec::new();
    for line in lines {
        match line.strip_prefix(b"#env ") {
            Some(assignment) if args.is_empty() => {
                let assignment = String::from_utf8_lossy(assignment);
                let (name, value) = assignment.split_once('=').unwrap_or((&assignment, ""));
                env.push((name.to_string(), value.to_string()));
            }
            _ => args.push(OsString::from_vec(line.to_vec())),
        }
    }
    (args, env)
}
