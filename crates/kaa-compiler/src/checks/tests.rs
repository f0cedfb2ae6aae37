//! `check_module` against CPython 3.11: each case's expected outcome is
//! what `compile(source, '<string>', 'exec', flags=..., optimize=...,
//! dont_inherit=True)` raised in python3 (msg, lineno, offset, end_lineno,
//! end_offset; 0 for `None`), with `ast.PyCF_ALLOW_TOP_LEVEL_AWAIT` for
//! `top_level_await` and `__future__.annotations.compiler_flag` for
//! `future_annotations`. The golden cases in tests/syntax/compiler cover
//! the rest through the `kaa` binary.

use kaa_parser::{ErrorKind, Mode};

use super::{check_module, CheckOptions, ErrorLines};

struct Case {
    source: &'static str,
    optimize: u32,
    top_level_await: bool,
    future_annotations: bool,
    expected: Option<(&'static str, i64, u32, i64, u32)>,
}

/// Stands for `x = ` followed by 2999 `-` and `1`: one level too deep.
const DEEP: &str = "<deep>";

const CASES: &[Case] = &[
    Case { source: "await x", optimize: 0, top_level_await: true, future_annotations: false, expected: None },
    Case { source: "async for x in y:\n    pass", optimize: 0, top_level_await: true, future_annotations: false, expected: None },
    Case { source: "async with x:\n    pass", optimize: 0, top_level_await: true, future_annotations: false, expected: None },
    Case { source: "[await x for x in y]", optimize: 0, top_level_await: true, future_annotations: false, expected: None },
    Case { source: "[x async for x in y]", optimize: 0, top_level_await: true, future_annotations: false, expected: None },
    Case { source: "def f():\n    await x", optimize: 0, top_level_await: true, future_annotations: false, expected: Some(("'await' outside async function", 2, 5, 2, 12)) },
    Case { source: "x = lambda: await x", optimize: 0, top_level_await: true, future_annotations: false, expected: Some(("'await' outside async function", 1, 13, 1, 20)) },
    Case { source: "class C:\n    await x", optimize: 0, top_level_await: true, future_annotations: false, expected: Some(("'await' outside function", 2, 5, 2, 12)) },
    Case { source: "async for x in y:\n    pass\nreturn", optimize: 0, top_level_await: true, future_annotations: false, expected: Some(("'return' outside function", 3, 1, 3, 7)) },
    Case { source: "await x", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'await' outside function", 1, 1, 1, 8)) },
    Case { source: "assert (yield)", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'yield' outside function", 1, 9, 1, 14)) },
    Case { source: "assert (yield)", optimize: 1, top_level_await: false, future_annotations: false, expected: None },
    Case { source: "x: (await y)", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'await' outside function", 1, 5, 1, 12)) },
    Case { source: "x: (await y)", optimize: 0, top_level_await: false, future_annotations: true, expected: Some(("'await expression' can not be used within an annotation", 1, 5, 1, 12)) },
    Case { source: "def f(x: (yield)): pass", optimize: 0, top_level_await: false, future_annotations: true, expected: Some(("'yield expression' can not be used within an annotation", 1, 11, 1, 16)) },
    Case { source: "def f():\n    x: [await y for y in z]", optimize: 0, top_level_await: false, future_annotations: false, expected: None },
    Case { source: "x: [await y for y in z]", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("asynchronous comprehension outside of an asynchronous function", 1, 4, 1, 24)) },
    Case { source: "x: [await y for y in z]", optimize: 0, top_level_await: false, future_annotations: true, expected: None },
    Case { source: "for x in y:\n    try:\n        pass\n    finally:\n        continue", optimize: 0, top_level_await: false, future_annotations: false, expected: None },
    Case { source: "def f():\n    try:\n        pass\n    except* E:\n        return 1", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'break', 'continue' and 'return' cannot appear in an except* block", 5, 16, 5, 17)) },
    Case { source: "def f():\n    try:\n        pass\n    except* E:\n        with a:\n            return x", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'break', 'continue' and 'return' cannot appear in an except* block", -1, 0, -1, 0)) },
    Case { source: "x = (a.\n  __debug__) = 1", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("cannot assign to __debug__", 2, 3, 2, 12)) },
    Case { source: "match x:\n    case {1: a, 1.0: b}: pass", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("mapping pattern checks duplicate key (1.0)", 2, 10, 2, 24)) },
    Case { source: "match x:\n    case [a, b] | [c]: pass", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("alternative patterns bind different names", 2, 20, 2, 21)) },
    Case { source: "match x:\n    case (a as b) as a: pass", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("multiple assignments to name 'a' in pattern", 2, 11, 2, 12)) },
    Case { source: "match x:\n    case C(a=1, b=2, a=3): pass", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("attribute name repeated in class pattern: a", 2, 24, 2, 25)) },
    Case { source: "\u{e9} = '\u{e9}'; return", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("'return' outside function", 1, 12, 1, 18)) },
    Case { source: DEEP, optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("RecursionError: maximum recursion depth exceeded during compilation", 0, 0, 0, 0)) },
    Case { source: "from __future__ import braces\nreturn", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("not a chance", 1, 1, 1, 0)) },
    Case { source: "def f(a, a): pass\nreturn", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("duplicate argument 'a' in function definition", 1, 10, 1, 11)) },
    Case { source: "import os\nfrom __future__ import annotations", optimize: 0, top_level_await: false, future_annotations: false, expected: Some(("from __future__ imports must occur at the beginning of the file", 2, 1, 2, 35)) },
];

/// Runs `f` on a thread with room for the parser's and the checks' deepest
/// recursion in a debug build.
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    let worker = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("spawn");
    assert!(worker.join().is_ok(), "a case failed");
}

/// CPython's -1 line, stored as `u32::MAX`.
fn signed(line: u32) -> i64 {
    if line == u32::MAX {
        -1
    } else {
        i64::from(line)
    }
}

#[test]
fn errors_match_cpython() {
    with_big_stack(|| {
        for case in CASES {
            let deep = format!("x = {}1", "-".repeat(2999));
            let source = if case.source == DEEP {
                deep.as_str()
            } else {
                case.source
            };
            let module = kaa_parser::parse(source, Mode::Exec).expect("the case parses");
            let options = CheckOptions {
                optimize: case.optimize,
                top_level_await: case.top_level_await,
                future_annotations: case.future_annotations,
                start_depth: 0,
            };
            let got = check_module(&module, ErrorLines::Unavailable, &options).err();
            let got = got.map(|e| {
                let msg = match e.kind {
                    ErrorKind::SyntaxError => e.msg.clone(),
                    kind => format!("{}: {}", kind.name(), e.msg),
                };
                assert_eq!(e.text, None, "{source:?}: no file, no text");
                (
                    msg,
                    signed(e.lineno),
                    e.offset,
                    signed(e.end_lineno),
                    e.end_offset,
                )
            });
            let expected = case
                .expected
                .map(|(msg, l, o, el, eo)| (msg.to_string(), l, o, el, eo));
            assert_eq!(got, expected, "{source:?}");
        }
    });
}

#[test]
fn texts_are_read_back_from_the_file() {
    let file = b"\xef\xbb\xbfx = 1\r\nif x:\r\n    return x\r\n";
    let source = std::str::from_utf8(&file[3..]).expect("utf-8");
    let module = kaa_parser::parse(source, Mode::Exec).expect("parses");
    let err = check_module(&module, ErrorLines::File(file), &CheckOptions::default())
        .expect_err("return outside function");
    assert_eq!(err.text.as_deref(), Some("    return x\n"));
    assert_eq!((err.lineno, err.offset, err.end_offset), (3, 5, 13));
    // A symbol table error gets its text the same way.
    let module = kaa_parser::parse("def f(a, a): pass\n", Mode::Exec).expect("parses");
    let file = b"def f(a, a): pass\n";
    let err = check_module(&module, ErrorLines::File(file), &CheckOptions::default())
        .expect_err("duplicate argument");
    assert_eq!(err.text.as_deref(), Some("def f(a, a): pass\n"));
}

#[test]
fn finally_bodies_are_not_compiled_exponentially() {
    // Nineteen nested `try`s, each returning early through all the
    // `finally` bodies around it: CPython compiles the innermost body
    // millions of times; kaa once per frame block context.
    let mut body = "x = 1".to_string();
    for i in 0..19 {
        let inner: String = body.lines().map(|l| format!("    {l}\n")).collect();
        body = format!("try:\n    return f{i}()\nfinally:\n{inner}");
    }
    let source: String = std::iter::once("def f():\n".to_string())
        .chain(body.lines().map(|l| format!("    {l}\n")))
        .chain(std::iter::once("return\n".to_string()))
        .collect();
    let module = kaa_parser::parse(&source, Mode::Exec).expect("parses");
    let err = check_module(&module, ErrorLines::Unavailable, &CheckOptions::default())
        .expect_err("return outside function");
    assert_eq!(err.msg, "'return' outside function");
}
