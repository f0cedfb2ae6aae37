//! The program corpus: every `tests/cases/<area>/<name>.py` runs as
//! `kaa tests/cases/<area>/<name>.py` from the repository root, and its
//! stdout, stderr and exit status must equal what CPython 3.11 produced,
//! recorded by tools/regen_cases.py (see that script for the file formats
//! and the fixed environment, which this test sets the same way).
//!
//! Cases run in parallel, each with a 10 s timeout; every mismatch is
//! reported in one run with a short diff (line numbers count lines of
//! stdout; `[stderr]` and `[status N]` follow it).
//!
//! `tests/cases/<area>/KNOWN_FAILURES` lists the cases of that area expected
//! to fail, one per line as `path reason...`. A listed case that passes is
//! an error too, so the lists stay true.
//!
//! Switches (environment variables):
//! - `KAA_CASES_WRITE_KNOWN=1` rewrites every area's KNOWN_FAILURES from the
//!   current outcome instead of failing: passing cases leave the list, new
//!   failures join it (keeping the reasons of cases already listed), a list
//!   left empty is removed. Review the diff before committing it.
//! - `KAA_CASES_FILTER=SUBSTRING` runs only the cases whose path contains
//!   SUBSTRING (with `KAA_CASES_WRITE_KNOWN`, only their entries change).
//!
//! Examples:
//!
//! ```text
//! cargo test -p kaa --test cases
//! KAA_CASES_FILTER=generators/ cargo test -p kaa --test cases
//! KAA_CASES_WRITE_KNOWN=1 cargo test -p kaa --test cases
//! ```

mod common;

use common::{
    cases, known_failures_in, normalise_root, read, report, root, run_checks, run_kaa, status_text,
    text, CaseResult, Check,
};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// The environment regen_cases.py gives python3 (on top of PATH and
/// LANG/LC_ALL = C.UTF-8, which `run_kaa` sets).
const CASE_ENV: [(&str, &str); 3] = [
    ("PYTHONHASHSEED", "0"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
    ("PYTHONNOUSERSITE", "1"),
];

/// The corpus must not shrink by accident.
const MIN_CASES: usize = 400;

/// The area of a case path `tests/cases/<area>/<name>.py`.
fn area_of(path: &str) -> &str {
    let rest = path.strip_prefix("tests/cases/").unwrap_or(path);
    rest.rsplit_once('/').map_or("", |(area, _)| area)
}

/// The KNOWN_FAILURES list a case belongs in.
fn list_of(path: &str) -> String {
    format!("tests/cases/{}/KNOWN_FAILURES", area_of(path))
}

/// The text compared for one run: stdout, then stderr and the status.
fn outcome_text(stdout: &[u8], stderr: &[u8], status: &str) -> String {
    format!(
        "{}\n[stderr]\n{}\n[status {status}]\n",
        text(stdout),
        text(stderr)
    )
}

/// A one-line reason for a new failure: kaa's last line of stderr when its
/// stderr differs from python3's, else the first differing line.
fn reason_for(
    want: &str,
    got: &str,
    stderr_differs: bool,
    kaa_stderr: &str,
    killed: bool,
) -> String {
    if killed {
        return "timeout (10 s) or killed by a signal".to_string();
    }
    let tail = kaa_stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("");
    if stderr_differs && !tail.is_empty() {
        return format!("kaa: {}", shorten(tail, 120));
    }
    let (w, g): (Vec<&str>, Vec<&str>) = (want.split('\n').collect(), got.split('\n').collect());
    let line = w
        .iter()
        .zip(g.iter())
        .position(|(a, b)| a != b)
        .unwrap_or(w.len().min(g.len()));
    let at = |v: &Vec<&str>| shorten(v.get(line).copied().unwrap_or("<end>"), 50);
    format!("line {}: want {:?} got {:?}", line + 1, at(&w), at(&g))
}

/// `text` cut to `max` characters.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        let cut: String = text.chars().take(max).collect();
        format!("{cut}...")
    } else {
        text.to_string()
    }
}

/// Rewrites each area's KNOWN_FAILURES from `results`.
fn write_known(
    results: &[CaseResult],
    known: &BTreeMap<String, String>,
    reasons: &BTreeMap<String, String>,
) {
    let mut lists: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    // Entries of cases not run this time (filter) stay as they are.
    for (path, reason) in known {
        if !results.iter().any(|(p, _)| p == path) {
            lists
                .entry(list_of(path))
                .or_default()
                .insert(path.clone(), reason.clone());
        }
    }
    for (path, result) in results {
        let list = lists.entry(list_of(path)).or_default();
        if result.is_err() {
            let reason = known
                .get(path)
                .or_else(|| reasons.get(path))
                .cloned()
                .unwrap_or_else(|| "mismatch".to_string());
            list.insert(path.clone(), reason);
        }
    }
    let (mut written, mut entries) = (0, 0);
    for (list, items) in &lists {
        let file = root().join(list);
        if items.is_empty() {
            let _ = std::fs::remove_file(&file);
            continue;
        }
        let mut body = String::from(
            "# Cases expected to fail for now, one per line: path, then the reason.\n\
             # The cases test fails if a listed case passes, so keep this list true\n\
             # (KAA_CASES_WRITE_KNOWN=1 cargo test -p kaa --test cases rewrites it).\n",
        );
        for (path, reason) in items {
            body.push_str(&format!("{path}  {reason}\n"));
        }
        std::fs::write(&file, body).expect("cannot write a KNOWN_FAILURES list");
        written += 1;
        entries += items.len();
    }
    eprintln!("cases: wrote {written} KNOWN_FAILURES list(s) with {entries} entries");
}

/// Every program of tests/cases against python3's recorded outcome.
#[test]
fn programs() {
    let filter = std::env::var("KAA_CASES_FILTER").unwrap_or_default();
    let write = std::env::var_os("KAA_CASES_WRITE_KNOWN").is_some_and(|v| v == "1");
    // Only an area's top-level files are cases: its subdirectories hold
    // the modules and packages the cases import.
    let all: Vec<String> = cases("cases", ".py")
        .into_iter()
        .filter(|p| p.matches('/').count() == 3)
        .collect();
    if filter.is_empty() {
        assert!(
            all.len() >= MIN_CASES,
            "too few cases in tests/cases: {}",
            all.len()
        );
    }
    let selected: Vec<String> = all.into_iter().filter(|p| p.contains(&filter)).collect();
    let env: Vec<(String, String)> = CASE_ENV
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    // A one-line reason per failing case, for new KNOWN_FAILURES entries.
    let reasons: Arc<Mutex<BTreeMap<String, String>>> = Arc::default();
    let checks: Vec<(String, Check)> = selected
        .iter()
        .map(|path| {
            let p = path.clone();
            let env = env.clone();
            let reasons = Arc::clone(&reasons);
            let check: Check = Box::new(move || {
                let stem = p.trim_end_matches(".py");
                let stdout =
                    read(&format!("{stem}.out")).ok_or("no .out file: run tools/regen_cases.py")?;
                let stderr = read(&format!("{stem}.err")).unwrap_or_default();
                let status = read(&format!("{stem}.status"))
                    .map_or_else(|| "0".to_string(), |s| text(&s).trim().to_string());
                let want = outcome_text(&stdout, &stderr, &status);
                let out = run_kaa(std::slice::from_ref(&p), b"", &env);
                let got_stderr = normalise_root(&out.stderr);
                let got = outcome_text(&out.stdout, &got_stderr, &status_text(out.status));
                if want != got {
                    let reason = reason_for(
                        &want,
                        &got,
                        got_stderr != stderr,
                        &text(&got_stderr),
                        out.status.is_none(),
                    );
                    reasons.lock().expect("lock").insert(p.clone(), reason);
                }
                Ok((want, got))
            });
            (path.clone(), check)
        })
        .collect();
    let results = run_checks(&checks);
    let mut known = BTreeMap::new();
    for list in &cases("cases", "KNOWN_FAILURES") {
        known.extend(known_failures_in(list));
    }
    if write {
        let reasons = reasons.lock().expect("lock").clone();
        write_known(&results, &known, &reasons);
        return;
    }
    known.retain(|path, _| path.contains(&filter));
    report("cases", &results, &known, &list_of);
}
