//! Standard output that cannot be written: each program of
//! tests/data/stdio_dev_full.txt (recorded from CPython 3.11 by
//! tools/gen_stdio_expected.py) runs as `kaa -c PROGRAM > /dev/full`,
//! buffered and with PYTHONUNBUFFERED=1, and must print the same stderr and
//! exit with the same status: a traceback from the failing write, and the
//! "Exception ignored" report with status 120 when the flush at exit fails.

use std::process::{Command, Stdio};

struct Case {
    unbuffered: bool,
    program: String,
    status: i32,
    stderr: String,
}

fn cases() -> Vec<Case> {
    let data = include_str!("data/stdio_dev_full.txt");
    let mut cases = Vec::new();
    for block in data.split("=== unbuffered=").skip(1) {
        let (head, rest) = block.split_once('\n').expect("block header");
        let (program, rest) = rest.split_once('\n').expect("program line");
        let (status, stderr) = rest.split_once('\n').unwrap_or((rest, ""));
        cases.push(Case {
            unbuffered: head == "1",
            program: unescape(program),
            status: status
                .strip_prefix("--- status ")
                .and_then(|s| s.parse().ok())
                .expect("status line"),
            stderr: stderr.to_string(),
        });
    }
    cases
}

/// The generator's escaping: `\\` is a backslash, `\n` a newline.
fn unescape(line: &str) -> String {
    let mut out = String::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[test]
fn stdout_to_a_full_device() {
    if std::fs::metadata("/dev/full").is_err() {
        return;
    }
    let cases = cases();
    assert_eq!(cases.len(), 12);
    let mut failures = Vec::new();
    for case in &cases {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_kaa"));
        cmd.arg("-c")
            .arg(&case.program)
            .env_remove("PYTHONUNBUFFERED")
            .stdout(Stdio::from(full))
            .stderr(Stdio::piped());
        if case.unbuffered {
            cmd.env("PYTHONUNBUFFERED", "1");
        }
        let out = cmd.output().expect("run kaa");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let status = out.status.code().unwrap_or(-1);
        if status != case.status || stderr != case.stderr {
            failures.push(format!(
                "unbuffered={} {:?}: want status {} and\n{}got status {} and\n{}",
                case.unbuffered, case.program, case.status, case.stderr, status, stderr
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
