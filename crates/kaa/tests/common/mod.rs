//! What the golden tests (golden.rs) and the program corpus (cases.rs)
//! share: running the built `kaa` binary the way the expected files were
//! recorded from python3, finding cases, reading `KNOWN_FAILURES` lists,
//! running checks in parallel and reporting every mismatch in one run.

// Each test crate includes this module and uses a different part of it.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::io::{Read, Write};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A case taking longer than this is a failure (a hang).
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// The repository root (kaa runs from there, given relative paths).
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::canonicalize(manifest.join("../..")).expect("repository root")
}

/// What one run of kaa did.
pub struct Outcome {
    /// The exit status; `None` when killed by a signal or the timeout.
    pub status: Option<i32>,
    /// Everything written to stdout.
    pub stdout: Vec<u8>,
    /// Everything written to stderr.
    pub stderr: Vec<u8>,
}

/// Runs kaa from the repository root with `argv[0] = "kaa"` (as the
/// expected files were made with python3), a fixed environment (`PATH`,
/// `LANG`/`LC_ALL` C.UTF-8, then `env`) and `stdin`.
pub fn run_kaa<S: AsRef<OsStr>>(args: &[S], stdin: &[u8], env: &[(String, String)]) -> Outcome {
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
pub fn normalise_root(data: &[u8]) -> Vec<u8> {
    let root = format!("{}/", root().display());
    let text = String::from_utf8_lossy(data);
    text.replace(&root, "$ROOT/").into_bytes()
}

/// All files under `tests/<kind>` ending with `suffix`, as paths relative to
/// the root, sorted.
pub fn cases(kind: &str, suffix: &str) -> Vec<String> {
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

/// The contents of a file given relative to the root, if it exists.
pub fn read(rel: &str) -> Option<Vec<u8>> {
    std::fs::read(root().join(rel)).ok()
}

/// A `KNOWN_FAILURES` file (relative to the root): case path to reason.
/// Lines are `path reason...`; blank lines and `#` comments are skipped.
pub fn known_failures_in(list: &str) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    let Some(data) = read(list) else {
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
pub fn short_diff(expected: &str, got: &str) -> String {
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

/// A line cut to 160 characters for a report.
pub fn truncate(line: &str) -> String {
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(160).collect();
        format!("{cut}...")
    } else {
        line.to_string()
    }
}

/// One case: its path and a function computing (expected, got) texts.
pub type Check = Box<dyn Fn() -> Result<(String, String), String> + Send + Sync>;

/// A case's result: `Ok` when it matched, else the report of the mismatch.
pub type CaseResult = (String, Result<(), String>);

/// Runs every check on a few threads; the results sorted by path.
pub fn run_checks(checks: &[(String, Check)]) -> Vec<CaseResult> {
    let results: Mutex<Vec<CaseResult>> = Mutex::new(Vec::new());
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
    results
}

/// Compares results with the known failures and fails with a report of all
/// problems: unlisted mismatches, listed cases that pass, listed cases that
/// do not exist. `list_of(path)` names the list file a case belongs in.
pub fn report(
    label: &str,
    results: &[CaseResult],
    known: &BTreeMap<String, String>,
    list_of: &dyn Fn(&str) -> String,
) {
    let mut problems = Vec::new();
    let (mut passed, mut known_failed) = (0, 0);
    for (path, result) in results {
        match (result, known.get(path)) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => problems.push(format!(
                "{path}: passes but is listed in {}; remove it\n",
                list_of(path)
            )),
            (Err(_), Some(_)) => known_failed += 1,
            (Err(diff), None) => problems.push(format!("{path}: mismatch\n{diff}")),
        }
    }
    for path in known.keys() {
        if !results.iter().any(|(p, _)| p == path) {
            problems.push(format!(
                "{path}: listed in {} but no such case\n",
                list_of(path)
            ));
        }
    }
    eprintln!(
        "{label}: {} cases, {passed} passed, {known_failed} known failures, {} problems",
        results.len(),
        problems.len()
    );
    // Every problem is listed; diffs are shown for the first ones only, so
    // that a broken build still gives a readable report.
    const SHOWN: usize = 60;
    let mut text = problems
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("\n");
    if problems.len() > SHOWN {
        text.push_str("\nand without diffs:\n");
        for problem in &problems[SHOWN..] {
            text.push_str(problem.lines().next().unwrap_or(""));
            text.push('\n');
        }
    }
    assert!(
        problems.is_empty(),
        "{label}: {} problem(s) ({} cases, {passed} passed, {known_failed} known failures):\n\n{text}",
        problems.len(),
        results.len(),
    );
}

/// Runs every case of `tests/<kind>` (in parallel), compares, and fails
/// with a report of all problems against `tests/<kind>/KNOWN_FAILURES`.
pub fn run_suite(kind: &str, checks: Vec<(String, Check)>) {
    let list = format!("tests/{kind}/KNOWN_FAILURES");
    let known = known_failures_in(&list);
    let results = run_checks(&checks);
    report(&format!("golden {kind}"), &results, &known, &|_| {
        list.clone()
    });
}

/// Bytes as text for comparison (invalid UTF-8 replaced).
pub fn text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// An exit status as the reports show it.
pub fn status_text(status: Option<i32>) -> String {
    match status {
        Some(code) => code.to_string(),
        None => "killed (signal or timeout)".to_string(),
    }
}
