//! Ctrl-C: SIGINT sent to a running `kaa` becomes KeyboardInterrupt in the
//! Python program, raised in a busy loop (the backward jump checks for
//! it) where `except KeyboardInterrupt` catches it; uncaught, it prints
//! its traceback and the process dies by SIGINT as CPython's does (a shell
//! shows status 130).

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, Stdio};

/// Runs `program` with `kaa -u -c`, waits for its first output line
/// ("ready"), sends SIGINT, and returns (stdout after "ready", stderr,
/// exit code, terminating signal).
fn interrupt(program: &str) -> (String, String, Option<i32>, Option<i32>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kaa"))
        .args(["-u", "-c", program])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run kaa");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("read ready");
    assert_eq!(first, "ready\n");
    let sent = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill");
    assert!(sent.success());
    let mut rest = String::new();
    out.read_to_string(&mut rest).expect("read stdout");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        e.read_to_string(&mut err).expect("read stderr");
    }
    let status = child.wait().expect("wait");
    (rest, err, status.code(), status.signal())
}

#[test]
fn keyboard_interrupt_is_caught() {
    let (out, err, code, signal) = interrupt(
        "print('ready')\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt as e:\n    print('caught', type(e).__name__, e.args)\n",
    );
    assert_eq!(out, "caught KeyboardInterrupt ()\n");
    assert_eq!(err, "");
    assert_eq!((code, signal), (Some(0), None));
}

#[test]
fn uncaught_keyboard_interrupt_dies_by_sigint() {
    // The tracebacks are python3's for the same programs and signal: the
    // line is the backward jump's.
    let (out, err, code, signal) = interrupt("print('ready')\nwhile True:\n    pass\n");
    assert_eq!(out, "");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<string>\", line 2, in <module>\nKeyboardInterrupt\n"
    );
    assert_eq!((code, signal), (None, Some(2)));
    let (_, err, _, signal) =
        interrupt("def g():\n    for i in range(10**9):\n        i * 2\nprint('ready')\ng()\n");
    assert_eq!(
        err,
        "Traceback (most recent call last):\n  File \"<string>\", line 5, in <module>\n  File \"<string>\", line 3, in g\nKeyboardInterrupt\n"
    );
    assert_eq!(signal, Some(2));
}

#[test]
fn interrupt_in_a_function_call_loop() {
    let (out, _, code, _) = interrupt(
        "def f():\n    return 1\nprint('ready')\ntry:\n    while f():\n        pass\nexcept KeyboardInterrupt:\n    print('stopped')\n",
    );
    assert_eq!(out, "stopped\n");
    assert_eq!(code, Some(0));
}
