//! Golden tests: the built `kaa` binary against outputs recorded from
//! CPython 3.11 by tools/regen_expected.py (see that script for the
//! formats). One test per kind of case; each runs every case, collects all
//! mismatches and reports them together with a short diff each.
//!
//! `tests/<kind>/KNOWN_FAILURES` lists cases expected to fail, one per line
//! as `path reason...`. A listed case that passes is an error too, so the
//! list stays true.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::os::unix::ffi::OsStringExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case taking longer than this is a failure (a hang in the parser).
const TIMEOUT: Duration = Duration::from_secs(10);

fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(manifest.join("../..")).expect("repository root")
}

/// What one run of kaa did.
struct Outcome {
    status: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs kaa from the repository root with `argv[0] = "kaa"` (as the
/// expected files were made with python3), a fixed environment and `stdin`.
fn run_kaa<S: AsRef<OsStr>>(args: &[S], stdin: &[u8], env: &[(String, String)]) -> Outcome {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kaa"));
    cmd.arg0("kaa")
        .args(args)
        .current_dir(root())
        .env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("LANG", "C.UTF-8")
        .env("LC_ALL", "C.UTF-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (name, value) in env {
        cmd.env(name, value);
    }
    let mut child = cmd.spawn().expect("cannot start kaa");
    let mut child_stdin = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        // kaa may exit without reading; a broken pipe is fine.
        let _ = child_stdin.write_all(&input);
    });
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader_out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let reader_err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status.code(),
            Ok(None) if start.elapsed() > TIMEOUT => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(2)),
            Err(_) => break None,
        }
    };
    let _ = writer.join();
    Outcome {
        status,
        stdout: reader_out.join().unwrap_or_default(),
        stderr: reader_err.join().unwrap_or_default(),
    }
}

/// Replaces the repository root in CPython-style absolute paths, as
/// regen_expected.py does.
fn normalise_root(data: &[u8]) -> Vec<u8> {
    let root = format!("{}/", root().display());
    let text = String::from_utf8_lossy(data);
    text.replace(&root, "$ROOT/").into_bytes()
}

/// All files under `tests/<kind>` ending with `suffix`, as paths relative to
/// the root, sorted.
fn cases(kind: &str, suffix: &str) -> Vec<String> {
    fn walk(dir: &Path, suffix: &str, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, suffix, out);
            } else if path.to_string_lossy().ends_with(suffix) {
                out.push(path);
            }
        }
    }
    let root = root();
    let mut found = Vec::new();
    walk(&root.join("tests").join(kind), suffix, &mut found);
    let mut rel: Vec<String> = found
        .iter()
        .filter_map(|p| p.strip_prefix(&root).ok())
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    rel.sort();
    rel
}

fn read(rel: &str) -> Option<Vec<u8>> {
    std::fs::read(root().join(rel)).ok()
}

/// `tests/<kind>/KNOWN_FAILURES`: case path to reason.
fn known_failures(kind: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Some(data) = read(&format!("tests/{kind}/KNOWN_FAILURES")) else {
        return map;
    };
    for line in String::from_utf8_lossy(&data).lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (path, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        map.insert(path.to_string(), reason.trim().to_string());
    }
    map
}

/// A short diff: the first differing line with a little context.
fn short_diff(expected: &str, got: &str) -> String {
    let e: Vec<&str> = expected.split('\n').collect();
    let g: Vec<&str> = got.split('\n').collect();
    let first = e
        .iter()
        .zip(g.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(e.len().min(g.len()));
    let from = first.saturating_sub(1);
    let mut out = format!("    first difference at line {}\n", first + 1);
    for line in e.iter().skip(from).take(4) {
        out.push_str(&format!("    - {}\n", truncate(line)));
    }
    for line in g.iter().skip(from).take(4) {
        out.push_str(&format!("    + {}\n", truncate(line)));
    }
    out
}

fn truncate(line: &str) -> String {
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(160).collect();
        format!("{cut}...")
    } else {
        line.to_string()
    }
}

/// One case: its path and a function computing (expected, got) texts.
type Check = Box<dyn Fn() -> Result<(String, String), String> + Send + Sync>;

/// Runs every case (in parallel), compares, and fails with a report of all
/// problems.
fn run_suite(kind: &str, checks: Vec<(String, Check)>) {
    let known = known_failures(kind);
    let results: Mutex<Vec<(String, Result<(), String>)>> = Mutex::new(Vec::new());
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(8);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some((path, check)) = checks.get(i) else {
                    break;
                };
                let result = match check() {
                    Ok((expected, got)) if expected == got => Ok(()),
                    Ok((expected, got)) => Err(short_diff(&expected, &got)),
                    Err(problem) => Err(format!("    {problem}\n")),
                };
                results.lock().expect("lock").push((path.clone(), result));
            });
        }
    });
    let mut results = results.into_inner().expect("lock");
    results.sort_by(|a, b| a.0.cmp(&b.0));
    let mut problems = Vec::new();
    let (mut passed, mut known_failed) = (0, 0);
    for (path, result) in &results {
        match (result, known.get(path)) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => problems.push(format!(
                "{path}: passes but is listed in tests/{kind}/KNOWN_FAILURES; remove it\n"
            )),
            (Err(_), Some(_)) => known_failed += 1,
            (Err(diff), None) => problems.push(format!("{path}: mismatch\n{diff}")),
        }
    }
    for path in known.keys() {
        if !results.iter().any(|(p, _)| p == path) {
            problems.push(format!(
                "{path}: listed in tests/{kind}/KNOWN_FAILURES but no such case\n"
            ));
        }
    }
    eprintln!(
        "golden {kind}: {} cases, {passed} passed, {known_failed} known failures, {} problems",
        results.len(),
        problems.len()
    );
    // Every problem is listed; diffs are shown for the first ones only, so
    // that a broken build still gives a readable report.
    const SHOWN: usize = 60;
    let mut report = problems
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if problems.len() > SHOWN {
        report.push_str("\nand without diffs:\n");
        for problem in &problems[SHOWN..] {
            report.push_str(problem.lines().next().unwrap_or(""));
            report.push('\n');
        }
    }
    assert!(
        problems.is_empty(),
        "golden {kind}: {} problem(s) ({} cases, {passed} passed, {known_failed} known failures):\n\n{report}",
        problems.len(),
        results.len(),
    );
}

fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

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

fn status_text(status: Option<i32>) -> String {
    match status {
        Some(code) => code.to_string(),
        None => "killed (signal or timeout)".to_string(),
    }
}
