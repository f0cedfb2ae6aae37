//! The code generator against CPython 3.11: each fixture under
//! tests/codegen/ is compiled by kaa and compared, field by field and
//! recursively into nested code objects, with the code object python3
//! made (NAME.marshal, written by tools/gen_codegen_expected.py).
//!
//! Fixtures listed in tests/codegen/known_different.txt are allowed to
//! differ (they are reported, not failed); a listed fixture that now
//! matches fails the test so the list stays honest.

use std::fs;
use std::path::{Path, PathBuf};

use kaa_bytecode::code::CodeObject;
use kaa_bytecode::marshal::loads;
use kaa_bytecode::opcode::opname;
use kaa_bytecode::Constant;
use kaa_compiler::{compile_module, compile_module_with_warnings, CompileMode, CompileOptions};

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/codegen")
}

/// A listing of one code object: offset, opcode, oparg and positions.
fn listing(code: &CodeObject) -> Vec<String> {
    let positions = code.positions();
    code.instructions()
        .iter()
        .map(|ins| {
            let p = positions.get(ins.offset / 2).copied().unwrap_or_default();
            let f = |v: Option<i32>| v.map_or("-".to_string(), |v| v.to_string());
            format!(
                "{:>4} {:<28} {:>6}   {}:{}-{}:{}",
                ins.offset,
                opname(ins.op),
                ins.arg.map_or(String::new(), |a| a.to_string()),
                f(p.lineno),
                f(p.col_offset),
                f(p.end_lineno),
                f(p.end_col_offset)
            )
        })
        .collect()
}

fn const_summary(c: &Constant) -> String {
    match c {
        Constant::Code(code) => format!("<code {}>", code.qualname.to_string_lossy()),
        other => format!("{other:?}"),
    }
}

/// Every difference between kaa's code object and CPython's, as lines.
fn compare(path: &str, kaa: &CodeObject, cpy: &CodeObject, out: &mut Vec<String>) {
    macro_rules! field {
        ($name:ident) => {
            if kaa.$name != cpy.$name {
                out.push(format!(
                    "{path}: {} differs:\n    kaa: {:?}\n    cpy: {:?}",
                    stringify!($name),
                    kaa.$name,
                    cpy.$name
                ));
            }
        };
    }
    field!(argcount);
    field!(posonlyargcount);
    field!(kwonlyargcount);
    field!(stacksize);
    field!(flags);
    field!(names);
    field!(localsplusnames);
    field!(localspluskinds);
    field!(name);
    field!(qualname);
    field!(firstlineno);
    field!(exceptiontable);
    if kaa.code != cpy.code || kaa.linetable != cpy.linetable {
        let (a, b) = (listing(kaa), listing(cpy));
        let n = a.len().max(b.len());
        let mut lines = Vec::new();
        for i in 0..n {
            let x = a.get(i).map_or("", String::as_str);
            let y = b.get(i).map_or("", String::as_str);
            let mark = if x == y { ' ' } else { '!' };
            lines.push(format!("{mark} {x:<60} | {y}"));
        }
        out.push(format!(
            "{path}: co_code/co_linetable differ (kaa | cpython):\n{}",
            lines.join("\n")
        ));
    }
    let n = kaa.consts.len().max(cpy.consts.len());
    let mut const_diff = false;
    for i in 0..n {
        match (kaa.consts.get(i), cpy.consts.get(i)) {
            (Some(Constant::Code(a)), Some(Constant::Code(b))) => compare(
                &format!("{path}.{}", b.qualname.to_string_lossy()),
                a,
                b,
                out,
            ),
            (Some(a), Some(b)) if a == b => {}
            _ => const_diff = true,
        }
    }
    if const_diff {
        let show = |cs: &[Constant]| cs.iter().map(const_summary).collect::<Vec<_>>().join(", ");
        out.push(format!(
            "{path}: co_consts differ:\n    kaa: [{}]\n    cpy: [{}]",
            show(&kaa.consts),
            show(&cpy.consts)
        ));
    }
}

fn mode_of(stem: &str) -> CompileMode {
    if stem.ends_with("_eval") {
        CompileMode::Eval
    } else if stem.ends_with("_single") {
        CompileMode::Single
    } else {
        CompileMode::Exec
    }
}

/// Compiles one fixture and compares; the differences (empty if none).
fn check_fixture(src_path: &Path) -> Vec<String> {
    let stem = src_path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let name = src_path
        .file_name()
        .unwrap_or_default()
        .to_string_lossy()
        .to_string();
    let source = fs::read_to_string(src_path).expect("fixture source");
    let mode = mode_of(&stem);
    let pmode = match mode {
        CompileMode::Exec => kaa_parser::Mode::Exec,
        CompileMode::Eval => kaa_parser::Mode::Eval,
        CompileMode::Single => kaa_parser::Mode::Single,
    };
    let expected = fs::read(src_path.with_extension("marshal")).expect("expected marshal");
    let Ok(Constant::Code(ref cpy)) = loads(&expected) else {
        return vec![format!("{name}: expected file is not a code object")];
    };
    let (parsed, mut warnings) = kaa_parser::parse_with_warnings(&source, pmode);
    let module = match parsed {
        Ok(m) => m,
        Err(e) => return vec![format!("{name}: parse error {e}")],
    };
    let options = CompileOptions {
        mode,
        ..CompileOptions::default()
    };
    match compile_module_with_warnings(&module, &name, &options) {
        Ok((kaa, compiler_warnings)) => {
            let mut out = Vec::new();
            compare(&stem, &kaa, cpy, &mut out);
            // The parser's warnings, then the compiler's, as python3's
            // compile() reports them (NAME.warnings; none if absent).
            warnings.extend(compiler_warnings);
            let got: String = warnings
                .iter()
                .map(|w| format!("{}: {}: {}\n", w.lineno, w.category, w.message))
                .collect();
            let expected =
                fs::read_to_string(src_path.with_extension("warnings")).unwrap_or_default();
            if got != expected {
                out.push(format!(
                    "{name}: warnings differ:\n--- kaa\n{got}--- cpython\n{expected}"
                ));
            }
            out
        }
        Err(e) => vec![format!("{name}: compile error {e}")],
    }
}

#[test]
fn fixtures_match_cpython() {
    let dir = fixtures_dir();
    let known: Vec<String> = fs::read_to_string(dir.join("known_different.txt"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    let only = std::env::var("KAA_CODEGEN_ONLY").ok();
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("fixtures dir")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no fixtures");
    let mut failures = Vec::new();
    let mut same = 0;
    for path in &paths {
        let stem = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if only.as_deref().is_some_and(|o| o != stem) {
            continue;
        }
        let diffs = check_fixture(path);
        let is_known = known.contains(&stem);
        if diffs.is_empty() {
            same += 1;
            if is_known {
                failures.push(format!(
                    "{stem}: matches now; remove it from known_different.txt"
                ));
            }
        } else if is_known {
            eprintln!("known difference {stem}:\n{}", diffs.join("\n"));
        } else {
            failures.push(diffs.join("\n"));
        }
    }
    eprintln!("{same}/{} fixtures identical to CPython", paths.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n\n"));
}

/// Counts (identical, total) code objects, recursively.
fn count_identical(kaa: &CodeObject, cpy: &CodeObject, tally: &mut (usize, usize)) {
    let mut diffs = Vec::new();
    let shallow_kaa = CodeObject {
        consts: Vec::new(),
        ..kaa.clone()
    };
    let shallow_cpy = CodeObject {
        consts: Vec::new(),
        ..cpy.clone()
    };
    compare("", &shallow_kaa, &shallow_cpy, &mut diffs);
    let consts_same = kaa.consts.len() == cpy.consts.len()
        && kaa
            .consts
            .iter()
            .zip(&cpy.consts)
            .all(|(a, b)| matches!((a, b), (Constant::Code(_), Constant::Code(_))) || a == b);
    tally.1 += 1;
    if diffs.is_empty() && consts_same {
        tally.0 += 1;
    } else if std::env::var("KAA_STDLIB_FIELDS").is_ok() {
        let mut fields: Vec<String> = diffs
            .iter()
            .filter_map(|d| d.lines().next())
            .map(|l| l.trim_start_matches(": ").to_string())
            .collect();
        if !consts_same {
            fields.push("co_consts differ".into());
        }
        eprintln!(
            "FIELDS {} {} {} {}",
            cpy.code.len(),
            cpy.filename.to_string_lossy(),
            cpy.qualname.to_string_lossy(),
            fields.join("; ")
        );
    }
    let inner_kaa: Vec<&CodeObject> = kaa
        .consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(&**c),
            _ => None,
        })
        .collect();
    let inner_cpy: Vec<&CodeObject> = cpy
        .consts
        .iter()
        .filter_map(|c| match c {
            Constant::Code(c) => Some(&**c),
            _ => None,
        })
        .collect();
    for (i, b) in inner_cpy.iter().enumerate() {
        match inner_kaa.get(i) {
            Some(a) => count_identical(a, b, tally),
            None => tally.1 += count_all(b),
        }
    }
}

fn count_all(code: &CodeObject) -> usize {
    1 + code
        .consts
        .iter()
        .map(|c| match c {
            Constant::Code(c) => count_all(c),
            _ => 0,
        })
        .sum::<usize>()
}

/// Compiles every stdlib module and prints the share of code objects
/// identical to CPython's. Needs the expectations first:
/// `python3 tools/gen_codegen_expected.py --stdlib /tmp/kaa-stdlib-expected`
/// (or set KAA_STDLIB_EXPECTED to another directory).
#[test]
#[ignore]
fn stdlib_identical_percentage() {
    let dir = PathBuf::from(
        std::env::var("KAA_STDLIB_EXPECTED").unwrap_or("/tmp/kaa-stdlib-expected".into()),
    );
    let root = PathBuf::from(
        fs::read_to_string(dir.join("root.txt"))
            .expect("root.txt")
            .trim(),
    );
    let files = fs::read_to_string(dir.join("files.txt")).expect("files.txt");
    let mut tally = (0usize, 0usize);
    let (mut modules_same, mut modules, mut errors) = (0, 0, 0);
    let verbose = std::env::var("KAA_STDLIB_VERBOSE").is_ok();
    for rel in files.lines() {
        modules += 1;
        let src = fs::read(root.join(rel)).expect("source");
        let expected = fs::read(dir.join(format!("{rel}.marshal"))).expect("marshal");
        let Ok(Constant::Code(ref cpy)) = loads(&expected) else {
            continue;
        };
        let path = root.join(rel).to_string_lossy().to_string();
        let module = match kaa_parser::parse_file(&src, &path, kaa_parser::Mode::Exec) {
            Ok(m) => m,
            Err(e) => {
                errors += 1;
                eprintln!("{rel}: parse error {e}");
                tally.1 += count_all(cpy);
                continue;
            }
        };
        // KAA_STDLIB_OPTIMIZE=1 or 2 compares with expectations made
        // under -O / -OO.
        let options = CompileOptions {
            optimize: std::env::var("KAA_STDLIB_OPTIMIZE")
                .ok()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
            ..CompileOptions::default()
        };
        match compile_module(&module, &path, &options) {
            Ok(kaa) => {
                let before = tally;
                count_identical(&kaa, cpy, &mut tally);
                if tally.0 - before.0 == tally.1 - before.1 {
                    modules_same += 1;
                } else if verbose {
                    eprintln!(
                        "{rel}: {} of {} differ",
                        (tally.1 - before.1) - (tally.0 - before.0),
                        tally.1 - before.1
                    );
                }
            }
            Err(e) => {
                errors += 1;
                eprintln!("{rel}: compile error {e}");
                tally.1 += count_all(cpy);
            }
        }
    }
    let pct = 100.0 * tally.0 as f64 / tally.1.max(1) as f64;
    eprintln!(
        "stdlib: {}/{} code objects identical ({pct:.2}%), {modules_same}/{modules} modules identical, {errors} errors",
        tally.0, tally.1
    );
}

/// Compiles one stdlib module (KAA_STDLIB_ONE=relative/path.py) and prints
/// every difference from CPython's code object in full. Needs the
/// expectations of `stdlib_identical_percentage`.
#[test]
#[ignore]
fn stdlib_one() {
    let Ok(rel) = std::env::var("KAA_STDLIB_ONE") else {
        return;
    };
    let dir = PathBuf::from(
        std::env::var("KAA_STDLIB_EXPECTED").unwrap_or("/tmp/kaa-stdlib-expected".into()),
    );
    let root = PathBuf::from(
        fs::read_to_string(dir.join("root.txt"))
            .expect("root.txt")
            .trim(),
    );
    let src = fs::read(root.join(&rel)).expect("source");
    let expected = fs::read(dir.join(format!("{rel}.marshal"))).expect("marshal");
    let Ok(Constant::Code(ref cpy)) = loads(&expected) else {
        panic!("expected file is not a code object");
    };
    let path = root.join(&rel).to_string_lossy().to_string();
    let module = kaa_parser::parse_file(&src, &path, kaa_parser::Mode::Exec).expect("parse");
    let kaa = compile_module(&module, &path, &CompileOptions::default()).expect("compile");
    let mut out = Vec::new();
    compare(&rel, &kaa, cpy, &mut out);
    eprintln!("{}", out.join("\n"));
}

/// Prints the compiler's SyntaxWarnings for every stdlib module of
/// `stdlib_identical_percentage`'s list, as `REL:LINE: MESSAGE` lines, to
/// compare with python3's (compile() under `warnings.catch_warnings`).
#[test]
#[ignore]
fn stdlib_warnings() {
    let dir = PathBuf::from(
        std::env::var("KAA_STDLIB_EXPECTED").unwrap_or("/tmp/kaa-stdlib-expected".into()),
    );
    let root = PathBuf::from(
        fs::read_to_string(dir.join("root.txt"))
            .expect("root.txt")
            .trim(),
    );
    let files = fs::read_to_string(dir.join("files.txt")).expect("files.txt");
    for rel in files.lines() {
        let src = fs::read(root.join(rel)).expect("source");
        let path = root.join(rel).to_string_lossy().to_string();
        let Ok(module) = kaa_parser::parse_file(&src, &path, kaa_parser::Mode::Exec) else {
            continue;
        };
        if let Ok((_, warnings)) =
            compile_module_with_warnings(&module, &path, &CompileOptions::default())
        {
            for w in warnings {
                println!("{rel}:{}: {}", w.lineno, w.message);
            }
        }
    }
}
