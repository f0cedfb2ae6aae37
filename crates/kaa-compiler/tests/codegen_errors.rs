//! How far the code generator is from raising the compile-time errors
//! itself: for each case under tests/syntax, the first error of
//! `check_module` (the stand-in walk) against the one `compile_module`
//! raises. Ignored: a progress report for moving the checks into the
//! code generator (see checks.rs), not yet an expectation.

use std::fs;
use std::path::Path;

use kaa_compiler::{check_module, compile_module, CheckOptions, CompileOptions, ErrorLines};

#[test]
#[ignore]
fn codegen_errors_match_checks() {
    // The deepest nesting the checks let through needs a main thread's
    // stack, not a test thread's.
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(compare_all)
        .expect("thread")
        .join()
        .expect("no panic");
}

fn compare_all() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/syntax");
    let mut paths = Vec::new();
    for dir in fs::read_dir(&root).expect("tests/syntax") {
        let Ok(dir) = dir else { continue };
        if let Ok(files) = fs::read_dir(dir.path()) {
            for f in files.flatten() {
                if f.path().extension().is_some_and(|e| e == "py") {
                    paths.push(f.path());
                }
            }
        }
    }
    paths.sort();
    let (mut same, mut total) = (0, 0);
    for p in &paths {
        let Ok(src) = fs::read(p) else { continue };
        let name = p.to_string_lossy().to_string();
        let Ok(module) = kaa_parser::parse_file(&src, &name, kaa_parser::Mode::Exec) else {
            continue;
        };
        let checked = check_module(&module, ErrorLines::Unavailable, &CheckOptions::default());
        if checked
            .as_ref()
            .is_err_and(|e| e.kind != kaa_parser::ErrorKind::SyntaxError)
        {
            // RecursionError: the code generator never sees such a module.
            continue;
        }
        let compiled = compile_module(&module, &name, &CompileOptions::default());
        let key = |e: &kaa_parser::SyntaxError| {
            format!(
                "{:?} {} {}:{}-{}:{}",
                e.kind, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset
            )
        };
        let a = checked.err().map(|e| key(&e));
        let b = compiled.err().map(|e| key(&e));
        if a.is_none() && b.is_none() {
            continue;
        }
        total += 1;
        if a == b {
            same += 1;
        } else {
            eprintln!("{name}\n  checks:  {a:?}\n  codegen: {b:?}");
        }
    }
    eprintln!("{same}/{total} error cases raised identically by the code generator");
}

/// The deepest nesting the checks let through compiles (python3 compiles
/// `x = not not ... y` with 2900 `not`s, and 2900 nested lambdas) within
/// 64 MiB of stack in a debug build; 2900 nested lambdas need more than a
/// main thread's 8 MiB (the `kaa` binary compiles on a 1 GiB thread).
#[test]
fn deep_nesting_compiles_on_main_stack() {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(|| {
            for src in [
                format!("x = {}y\n", "not ".repeat(2900)),
                format!("x = {}y\n", "-".repeat(2900)),
                format!("x = {}1\n", "-".repeat(2900)),
                format!("x = {}y{}\n", "(".repeat(199), ")".repeat(199)),
                format!("x = {}y{}\n", "[".repeat(199), "]".repeat(199)),
                format!("x = {}\n", "f(".repeat(199) + &")".repeat(199)),
                format!("x = {}1\n", "lambda: ".repeat(2900)),
                format!("x = {}y{}\n", "[".repeat(199), " for y in z]".repeat(199)),
            ] {
                let module = kaa_parser::parse(&src, kaa_parser::Mode::Exec).expect("parses");
                check_module(&module, ErrorLines::Unavailable, &CheckOptions::default())
                    .expect("passes the checks");
                compile_module(&module, "deep.py", &CompileOptions::default()).expect("compiles");
            }
        })
        .expect("thread")
        .join()
        .expect("no stack overflow");
}
