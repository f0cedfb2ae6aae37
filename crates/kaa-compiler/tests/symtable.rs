//! The symbol table against CPython 3.11's `symtable` module.
//!
//! Each `tests/symtable/X.py` has an `X.expected` written by
//! `tools/gen_symtable_expected.py` (which documents the format): the dump
//! of python3's table, or its SyntaxError, and "code" lines with what
//! CPython's compiler read from the table (code flags, cell and free
//! variables, parameters). This test renders kaa's table the same way and
//! reports every difference.
//!
//! The ignored test `stdlib` does the same for every `.py` file of the
//! python3 standard library, with expectations generated on the fly:
//! `cargo test -p kaa-compiler --release --test symtable -- --ignored --nocapture`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kaa_compiler::future::parse_future;
use kaa_compiler::symtable::{build_with, BuildOptions};
use kaa_compiler::{BlockType, NameScope, ScopeId, SymbolFlags, SymbolTable};
use kaa_parser::error::OFFSET_MINUS_ONE;
use kaa_parser::{Mode, SyntaxError};
use kaa_repr::repr_str;

/// Stack for the test threads: deep expressions recurse (unoptimised
/// frames are large).
const STACK: usize = 256 << 20;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The mode named by a first line `# symtable-mode: MODE`.
fn mode_of(src: &[u8]) -> Mode {
    let first = src.split(|&b| b == b'\n').next().unwrap_or_default();
    let prefix = b"# symtable-mode: ";
    if let Some(rest) = first.strip_prefix(prefix.as_slice()) {
        let name = String::from_utf8_lossy(rest);
        if let Some(mode) = Mode::from_name(name.trim()) {
            return mode;
        }
    }
    Mode::Exec
}

fn offset(v: u32) -> String {
    match v {
        0 => "None".to_string(),
        OFFSET_MINUS_ONE => "-1".to_string(),
        v => v.to_string(),
    }
}

fn format_error(e: &SyntaxError) -> String {
    match e.kind {
        kaa_parser::ErrorKind::RecursionError | kaa_parser::ErrorKind::MemoryError => {
            format!("error {}: {}\n", e.kind.name(), e.msg)
        }
        _ => {
            let text = e.text.as_deref().map_or("None".to_string(), repr_str);
            format!(
                "error {}: {} @ {}:{}-{}:{} text={}\n",
                e.kind.name(),
                e.msg,
                e.lineno,
                offset(e.offset),
                // kaa's 0 for an unknown end line is CPython's None.
                offset(e.end_lineno),
                offset(e.end_offset),
                text
            )
        }
    }
}

/// The symbol table part of the dump.
fn dump_table(table: &SymbolTable, id: ScopeId, depth: usize, out: &mut String) {
    let ind = "  ".repeat(depth);
    let scope = table.scope(id);
    let _ = writeln!(
        out,
        "{ind}{} {} line={} optimized={} nested={} children={} varnames={}",
        scope.block.name(),
        scope.name,
        scope.loc.lineno,
        u8::from(scope.is_optimized()),
        u8::from(scope.nested),
        scope.children.len(),
        scope.varnames.join(",")
    );
    let module_scope = scope.name == "top";
    for sym in scope.symbols() {
        let f = sym.flags;
        let s = sym.scope;
        let bound_at_top = module_scope && f.intersects(SymbolFlags::DEF_BOUND);
        let namespace = scope
            .children
            .iter()
            .any(|&c| table.scope(c).name == sym.name);
        let preds = [
            ("referenced", f.intersects(SymbolFlags::USE)),
            ("imported", f.intersects(SymbolFlags::DEF_IMPORT)),
            ("parameter", f.intersects(SymbolFlags::DEF_PARAM)),
            (
                "global",
                matches!(
                    s,
                    Some(NameScope::GlobalImplicit | NameScope::GlobalExplicit)
                ) || bound_at_top,
            ),
            ("declared_global", s == Some(NameScope::GlobalExplicit)),
            (
                "local",
                matches!(s, Some(NameScope::Local | NameScope::Cell)) || bound_at_top,
            ),
            ("annotated", f.intersects(SymbolFlags::DEF_ANNOT)),
            ("free", s == Some(NameScope::Free)),
            ("assigned", f.intersects(SymbolFlags::DEF_LOCAL)),
            ("namespace", namespace),
            ("nonlocal", f.intersects(SymbolFlags::DEF_NONLOCAL)),
        ];
        let preds: Vec<&str> = preds.iter().filter(|p| p.1).map(|p| p.0).collect();
        let _ = writeln!(
            out,
            "{ind}  sym {} flags={} scope={} [{}]",
            sym.name,
            f.names(),
            s.map_or("-", NameScope::name),
            preds.join(" ")
        );
    }
    for &child in &scope.children {
        dump_table(table, child, depth + 1, out);
    }
}

/// The "code" line CPython's compiler would give the scope at `path`
/// (child indices from the module), computed from kaa's table as
/// compile.c's `compute_code_flags` and `compute_localsplus_info` do.
fn code_line(table: &SymbolTable, path: &str) -> Option<String> {
    let mut id = ScopeId::TOP;
    for part in path.split('.') {
        let i: usize = part.parse().ok()?;
        id = *table.scope(id).children.get(i)?;
    }
    let s = table.scope(id);
    let mut flags = 0u32;
    if s.block == BlockType::Function {
        flags |= 0x3; // CO_OPTIMIZED | CO_NEWLOCALS
        if s.nested {
            flags |= 0x10;
        }
        flags |= match (s.generator, s.coroutine) {
            (true, false) => 0x20, // CO_GENERATOR
            (false, true) => 0x80, // CO_COROUTINE
            (true, true) => 0x200, // CO_ASYNC_GENERATOR
            (false, false) => 0,
        };
        if s.varargs {
            flags |= 0x4;
        }
        if s.varkeywords {
            flags |= 0x8;
        }
    }
    // co_cellvars: parameters that are cells (in parameter order), then the
    // other cells (sorted).
    let cells = s.cellvars();
    let mut cellvars: Vec<&str> = s
        .varnames
        .iter()
        .map(String::as_str)
        .filter(|v| cells.contains(v))
        .collect();
    cellvars.extend(cells.iter().filter(|c| !s.varnames.iter().any(|v| v == *c)));
    Some(format!(
        "code {path} flags={flags:#x} cellvars={} freevars={} params={}",
        cellvars.join(","),
        s.freevars().join(","),
        s.varnames.join(",")
    ))
}

/// Parses and builds; the dump part, and the table for code lines.
fn run_source(src: &[u8], expected: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let mode = mode_of(src);
    let decoded = match kaa_parser::source::decode_source(src) {
        Ok(d) => d,
        Err(e) => {
            compare(&format_error(&e), expected, &mut problems);
            return problems;
        }
    };
    let module = match kaa_parser::parse_bytes(src, mode) {
        Ok(m) => m,
        Err(e) => {
            compare(&format_error(&e), expected, &mut problems);
            return problems;
        }
    };
    let text = decoded.text.as_str();
    let built = parse_future(&module, text).and_then(|future| {
        let options = BuildOptions {
            future_annotations: future.annotations,
            ..BuildOptions::default()
        };
        build_with(&module, text, &options)
    });
    let table = match built {
        Ok(t) => t,
        Err(mut e) => {
            // CPython re-reads the error's line from the file as UTF-8:
            // no text when the file's encoding makes that line invalid.
            let raw_line = src
                .split(|&b| b == b'\n')
                .nth(e.lineno.saturating_sub(1) as usize);
            if raw_line.is_some_and(|l| std::str::from_utf8(l).is_err()) {
                e.text = None;
            }
            compare(&format_error(&e), expected, &mut problems);
            return problems;
        }
    };
    let mut dump = String::new();
    dump_table(&table, ScopeId::TOP, 0, &mut dump);
    let expected_dump: String = expected
        .lines()
        .filter(|l| !l.starts_with("code "))
        .map(|l| format!("{l}\n"))
        .collect();
    compare(&dump, &expected_dump, &mut problems);
    for line in expected.lines().filter(|l| l.starts_with("code ")) {
        let path = line.split(' ').nth(1).unwrap_or_default();
        match code_line(&table, path) {
            Some(ours) if ours == line => {}
            Some(ours) => problems.push(format!("  expected {line}\n  got      {ours}")),
            None => problems.push(format!("  expected {line}\n  got      no scope")),
        }
    }
    problems
}

/// Records a line diff of `got` against `expected`.
fn compare(got: &str, expected: &str, problems: &mut Vec<String>) {
    if got == expected {
        return;
    }
    let g: Vec<&str> = got.lines().collect();
    let e: Vec<&str> = expected.lines().collect();
    let first = g
        .iter()
        .zip(&e)
        .position(|(a, b)| a != b)
        .unwrap_or(g.len().min(e.len()));
    let mut msg = format!("  first difference at line {}:\n", first + 1);
    for line in e.iter().skip(first.saturating_sub(2)).take(8) {
        let _ = writeln!(msg, "  - {line}");
    }
    for line in g.iter().skip(first.saturating_sub(2)).take(8) {
        let _ = writeln!(msg, "  + {line}");
    }
    problems.push(msg);
}

fn run_in_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("spawn test thread")
        .join()
        .expect("test thread panicked")
}

#[test]
fn corpus() {
    run_in_big_stack(|| {
        let dir = root().join("crates/kaa-compiler/tests/symtable");
        let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "py"))
            .collect();
        names.sort();
        let mut failures = Vec::new();
        for path in &names {
            let src = std::fs::read(path).expect("read case");
            let expected = std::fs::read_to_string(path.with_extension("expected"))
                .unwrap_or_else(|_| panic!("no expected file for {}", path.display()));
            let problems = run_source(&src, &expected);
            if !problems.is_empty() {
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                failures.push(format!("{name}:\n{}", problems.join("\n")));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases differ from CPython:\n{}",
            failures.len(),
            names.len(),
            failures.join("\n")
        );
        assert!(names.len() >= 80, "corpus too small: {}", names.len());
    });
}

#[test]
#[ignore = "slow: the whole python3 standard library (needs python3 3.11)"]
fn stdlib() {
    run_in_big_stack(|| {
        let python = std::env::var("PYTHON").unwrap_or_else(|_| "python3".to_string());
        let script = root().join("tools/gen_symtable_expected.py");
        let mut cmd = std::process::Command::new(python);
        cmd.arg(script).arg("--stream");
        if let Ok(dir) = std::env::var("KAA_SYMTABLE_DIR") {
            cmd.arg(dir);
        }
        let output = cmd.output().expect("run python3");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stream = String::from_utf8_lossy(&output.stdout);
        let (mut matched, mut differ, mut both_fail) = (0usize, 0usize, 0usize);
        let mut reports = Vec::new();
        for chunk in stream.split("=== ").filter(|c| !c.is_empty()) {
            let (path, expected) = chunk.split_once('\n').unwrap_or((chunk, ""));
            let Ok(src) = std::fs::read(path) else {
                continue;
            };
            let problems = run_source(&src, expected);
            if problems.is_empty() {
                if expected.starts_with("error ") {
                    both_fail += 1;
                } else {
                    matched += 1;
                }
            } else {
                differ += 1;
                if reports.len() < 40 {
                    reports.push(format!("{path}:\n{}", problems.join("\n")));
                }
            }
        }
        println!("{}", reports.join("\n"));
        println!("stdlib symtable: {matched} match, {both_fail} same error, {differ} differ");
        assert_eq!(differ, 0);
    });
}
