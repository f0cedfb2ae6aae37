//! `kaa -m py_compile` and `kaa -m compileall` writing real pyc files in a
//! temporary directory: the PEP 552 header (timestamp, checked and
//! unchecked hash), the marshalled code equal to what kaa's compiler
//! produces for the source, compileall's up-to-date check (a second run
//! skips, touching the source recompiles), and that neither tool heeds
//! `PYTHONDONTWRITEBYTECODE` or `-B` (CPython's do not).

mod sandbox;

use std::path::Path;
use std::process::Output;
use std::time::{Duration, SystemTime};

use kaa_bytecode::cache::{read_cached, CacheLookup, CheckHashBasedPycs, SourceInfo};
use kaa_bytecode::marshal;
use kaa_bytecode::pyc::{self, Validation, HEADER_LEN, MAGIC_NUMBER};
use sandbox::{stat_validation, stdout, TempDir};

/// Runs kaa in `dir` (PYTHONDONTWRITEBYTECODE set unless `env` clears it).
fn kaa(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    sandbox::run_kaa(dir, &[("PYTHONDONTWRITEBYTECODE", "1")], args, env)
}

/// The code kaa compiles for `source` named `filename`, marshalled.
fn expected_code(source: &[u8], filename: &str, optimize: u32) -> Vec<u8> {
    let module = kaa_parser::parse_bytes(source, kaa_parser::Mode::Exec).expect("parses");
    let options = kaa_compiler::CompileOptions {
        optimize,
        ..kaa_compiler::CompileOptions::default()
    };
    let code = kaa_compiler::compile_module(&module, filename, &options).expect("compiles");
    marshal::dumps_code(&code).expect("marshals")
}

/// The pyc's header validation and body.
fn read_pyc(path: &Path) -> (Validation, Vec<u8>) {
    let data = std::fs::read(path).unwrap_or_else(|e| panic!("no pyc at {path:?}: {e}"));
    assert_eq!(&data[..4], &MAGIC_NUMBER);
    let (validation, body) = pyc::read_header(&data).expect("valid header");
    (validation, body.to_vec())
}

const SOURCE: &str = "def f(a, b=2):\n    return a * b\n\nprint(f(3))\n";

#[test]
fn py_compile_writes_timestamp_pyc() {
    let tmp = TempDir::new("pyc-timestamp");
    let src = tmp.write("mod.py", SOURCE);
    let out = kaa(&tmp.0, &["-m", "py_compile", "mod.py"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(out.stdout.is_empty() && out.stderr.is_empty(), "{out:?}");
    let pyc_path = tmp.0.join("__pycache__/mod.kaa-311.pyc");
    let (validation, body) = read_pyc(&pyc_path);
    assert_eq!(validation, stat_validation(&src));
    let raw = std::fs::read(&pyc_path).expect("pyc");
    assert_eq!(&raw[4..8], &[0, 0, 0, 0], "timestamp flags");
    assert_eq!(raw.len(), HEADER_LEN + body.len());
    assert_eq!(body, expected_code(SOURCE.as_bytes(), "mod.py", 0));
    // The importer's reader accepts it, verified.
    let info = SourceInfo::stat(&src, CheckHashBasedPycs::Default).expect("stat");
    assert!(matches!(
        read_cached(&pyc_path, Some(&info)),
        CacheLookup::Hit(_)
    ));
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(tmp.0.join("__pycache__"))
        .expect("pycache")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("mod.kaa-311.pyc")]);
}

#[test]
fn py_compile_ignores_dont_write_bytecode() {
    let tmp = TempDir::new("pyc-dontwrite");
    tmp.write("a.py", "x = 1\n");
    // Set in the environment (kaa() sets it) and -B: py_compile still writes.
    let out = kaa(&tmp.0, &["-B", "-m", "py_compile", "a.py"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(tmp.0.join("__pycache__/a.kaa-311.pyc").is_file());
    // And with it cleared.
    let out = kaa(
        &tmp.0,
        &["-m", "py_compile", "a.py"],
        &[("PYTHONDONTWRITEBYTECODE", "")],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn source_date_epoch_gives_checked_hash() {
    let tmp = TempDir::new("pyc-sde");
    tmp.write("h.py", SOURCE);
    let out = kaa(
        &tmp.0,
        &["-m", "py_compile", "h.py"],
        &[("SOURCE_DATE_EPOCH", "1700000000")],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (validation, body) = read_pyc(&tmp.0.join("__pycache__/h.kaa-311.pyc"));
    assert_eq!(validation, Validation::from_source(SOURCE.as_bytes(), true));
    assert_eq!(body, expected_code(SOURCE.as_bytes(), "h.py", 0));
    // An empty SOURCE_DATE_EPOCH does not count.
    let out = kaa(
        &tmp.0,
        &["-m", "py_compile", "h.py"],
        &[("SOURCE_DATE_EPOCH", "")],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (validation, _) = read_pyc(&tmp.0.join("__pycache__/h.kaa-311.pyc"));
    assert!(matches!(validation, Validation::Timestamp { .. }));
}

#[test]
fn optimize_level_names_the_pyc() {
    let tmp = TempDir::new("pyc-opt");
    let text = "assert x\n\"doc\"\ny = 1\n";
    tmp.write("o.py", text);
    let out = kaa(&tmp.0, &["-O", "-m", "py_compile", "o.py"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (_, body) = read_pyc(&tmp.0.join("__pycache__/o.kaa-311.opt-1.pyc"));
    assert_eq!(body, expected_code(text.as_bytes(), "o.py", 1));
    let out = kaa(
        &tmp.0,
        &["-m", "compileall", "-q", "-o", "2", "-o", "0", "."],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (_, body) = read_pyc(&tmp.0.join("__pycache__/o.kaa-311.opt-2.pyc"));
    assert_eq!(body, expected_code(text.as_bytes(), "./o.py", 2));
    let (_, body) = read_pyc(&tmp.0.join("__pycache__/o.kaa-311.pyc"));
    assert_eq!(body, expected_code(text.as_bytes(), "./o.py", 0));
}

#[test]
fn compileall_skips_up_to_date_and_recompiles_touched() {
    let tmp = TempDir::new("pyc-compileall");
    let a = tmp.write("pkg/a.py", SOURCE);
    tmp.write("pkg/sub/b.py", "y = [1, 2]\n");
    tmp.write("pkg/readme.txt", "not python\n");
    let out = kaa(&tmp.0, &["-m", "compileall", "pkg"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(
        stdout(&out),
        "Listing 'pkg'...\nCompiling 'pkg/a.py'...\nListing 'pkg/sub'...\n\
         Compiling 'pkg/sub/b.py'...\n"
    );
    let a_pyc = tmp.0.join("pkg/__pycache__/a.kaa-311.pyc");
    let (validation, body) = read_pyc(&a_pyc);
    assert_eq!(validation, stat_validation(&a));
    assert_eq!(body, expected_code(SOURCE.as_bytes(), "pkg/a.py", 0));
    assert!(tmp.0.join("pkg/sub/__pycache__/b.kaa-311.pyc").is_file());

    // Everything is up to date: only the listings.
    let out = kaa(&tmp.0, &["-m", "compileall", "pkg"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "Listing 'pkg'...\nListing 'pkg/sub'...\n");

    // A new mtime on a.py: it alone is recompiled.
    let file = std::fs::File::options().write(true).open(&a).expect("open");
    let later = SystemTime::now() + Duration::from_secs(100);
    file.set_modified(later).expect("set mtime");
    drop(file);
    let out = kaa(&tmp.0, &["-m", "compileall", "pkg"], &[]);
    assert_eq!(
        stdout(&out),
        "Listing 'pkg'...\nCompiling 'pkg/a.py'...\nListing 'pkg/sub'...\n"
    );
    let (validation, _) = read_pyc(&a_pyc);
    assert_eq!(validation, stat_validation(&a));

    // -f recompiles everything; -q prints nothing.
    let out = kaa(&tmp.0, &["-m", "compileall", "-f", "-q", "pkg"], &[]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(stdout(&out), "");

    // The up-to-date check ignores --invalidation-mode (b.py is skipped
    // unless forced) and never counts a hash-based pyc as up to date.
    let out = kaa(
        &tmp.0,
        &[
            "-m",
            "compileall",
            "--invalidation-mode",
            "unchecked-hash",
            "pkg/sub",
        ],
        &[],
    );
    assert_eq!(stdout(&out), "Listing 'pkg/sub'...\n");
    let out = kaa(
        &tmp.0,
        &[
            "-m",
            "compileall",
            "-f",
            "--invalidation-mode",
            "unchecked-hash",
            "pkg/sub",
        ],
        &[],
    );
    assert_eq!(
        stdout(&out),
        "Listing 'pkg/sub'...\nCompiling 'pkg/sub/b.py'...\n"
    );
    let (validation, _) = read_pyc(&tmp.0.join("pkg/sub/__pycache__/b.kaa-311.pyc"));
    assert_eq!(validation, Validation::from_source(b"y = [1, 2]\n", false));
    let out = kaa(&tmp.0, &["-m", "compileall", "pkg/sub"], &[]);
    assert_eq!(
        stdout(&out),
        "Listing 'pkg/sub'...\nCompiling 'pkg/sub/b.py'...\n"
    );
}

#[test]
fn compileall_legacy_and_ddir() {
    let tmp = TempDir::new("pyc-legacy");
    tmp.write("lib/m.py", SOURCE);
    let out = kaa(
        &tmp.0,
        &["-m", "compileall", "-b", "-d", "/site", "lib"],
        &[],
    );
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let (_, body) = read_pyc(&tmp.0.join("lib/m.pyc"));
    assert_eq!(body, expected_code(SOURCE.as_bytes(), "/site/m.py", 0));
    assert!(!tmp.0.join("lib/__pycache__").exists());
}

#[test]
fn py_compile_refuses_symlinked_cache() {
    let tmp = TempDir::new("pyc-symlink");
    tmp.write("s.py", "z = 3\n");
    std::fs::create_dir_all(tmp.0.join("__pycache__")).expect("mkdir");
    std::os::unix::fs::symlink("elsewhere", tmp.0.join("__pycache__/s.kaa-311.pyc"))
        .expect("symlink");
    let out = kaa(&tmp.0, &["-m", "py_compile", "s.py"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "__pycache__/s.kaa-311.pyc is a symlink and will be changed into a regular \
         file if import writes a byte-compiled file to it"
    );
}
