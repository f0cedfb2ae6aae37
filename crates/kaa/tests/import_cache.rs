//! The bytecode cache as the import system uses it, driven through real
//! `kaa` runs in a temporary directory: the first import writes
//! `__pycache__/<name>.kaa-311.pyc` (timestamp header, kaa's code), a
//! second run loads it without compiling (a cached pyc whose code differs
//! from the source is used while the source's mtime and size match), a
//! changed source is recompiled, a corrupted pyc is replaced silently,
//! `-B` / `PYTHONDONTWRITEBYTECODE` / `sys.dont_write_bytecode` write
//! nothing, `-X pycache_prefix` moves the cache, a lone `name.pyc` is
//! imported sourcelessly (a bad one raises CPython's ImportError), and
//! `kaa -m` runs modules and packages.

mod sandbox;

use std::path::Path;
use std::process::Output;

use kaa_bytecode::marshal;
use kaa_bytecode::pyc::{self, Validation};
use sandbox::{stat_validation, stdout, TempDir};

/// Runs kaa in `dir`.
fn kaa(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    sandbox::run_kaa(dir, &[], args, env)
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// kaa's code for `source` named `filename`.
fn code_for(source: &str, filename: &str) -> kaa_bytecode::CodeObject {
    let module =
        kaa_parser::parse_bytes(source.as_bytes(), kaa_parser::Mode::Exec).expect("parses");
    let options = kaa_compiler::CompileOptions::default();
    kaa_compiler::compile_module(&module, filename, &options).expect("compiles")
}

const MAIN: &str = "import helper\nprint(helper.f())\n";
const HELPER: &str = "def f():\n    return 'from source'\n";

#[test]
fn first_import_writes_the_pyc_and_second_run_loads_it() {
    let tmp = TempDir::new("imp-first");
    tmp.write("main.py", MAIN);
    let helper = tmp.write("helper.py", HELPER);
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "from source\n", "{}", stderr(&out));
    let pyc_path = tmp.0.join("__pycache__/helper.kaa-311.pyc");
    let data = std::fs::read(&pyc_path).expect("pyc written");
    let (validation, body) = pyc::read_header(&data).expect("valid header");
    assert_eq!(validation, stat_validation(&helper));
    let want = code_for(HELPER, &helper.to_string_lossy());
    assert_eq!(body, marshal::dumps_code(&want).expect("marshals"));
    // The script itself is never cached (CPython caches imports only).
    assert!(!tmp.0.join("__pycache__/main.kaa-311.pyc").exists());

    // A pyc with different code but the source's mtime and size is used
    // as is: the second run does not compile helper.py.
    let other = code_for(
        "def f():\n    return 'from the cache'\n",
        &helper.to_string_lossy(),
    );
    let body = marshal::dumps_code(&other).expect("marshals");
    std::fs::write(&pyc_path, pyc::write_pyc(&validation, &body)).expect("write pyc");
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "from the cache\n", "{}", stderr(&out));
}

#[test]
fn changed_source_is_recompiled() {
    let tmp = TempDir::new("imp-changed");
    tmp.write("main.py", MAIN);
    tmp.write("helper.py", HELPER);
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "from source\n");
    let helper = tmp.write("helper.py", "def f():\n    return 'changed source!'\n");
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "changed source!\n", "{}", stderr(&out));
    let data = std::fs::read(tmp.0.join("__pycache__/helper.kaa-311.pyc")).expect("pyc");
    let (validation, _) = pyc::read_header(&data).expect("header");
    assert_eq!(validation, stat_validation(&helper));
}

#[test]
fn corrupted_pyc_is_recompiled_silently() {
    let tmp = TempDir::new("imp-corrupt");
    tmp.write("main.py", MAIN);
    let helper = tmp.write("helper.py", HELPER);
    let pyc_path = tmp.0.join("__pycache__/helper.kaa-311.pyc");
    for garbage in [&b"\xe3\x00\x00"[..], b"", b"\xff\xff\xff\xff\xff\xff\xff"] {
        // A valid header for the source, then a bad marshal body.
        let mut data = pyc::write_pyc(&stat_validation(&helper), garbage);
        std::fs::create_dir_all(tmp.0.join("__pycache__")).expect("mkdir");
        std::fs::write(&pyc_path, &data).expect("write");
        let out = kaa(&tmp.0, &["main.py"], &[]);
        assert_eq!(stdout(&out), "from source\n");
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
        data = std::fs::read(&pyc_path).expect("rewritten");
        let (_, body) = pyc::read_header(&data).expect("header");
        assert!(marshal::loads(body).is_ok(), "pyc was rewritten");
        // A bad magic number too.
        std::fs::write(&pyc_path, b"\x00\x00\r\n0000000000000000").expect("write");
        let out = kaa(&tmp.0, &["main.py"], &[]);
        assert_eq!(stdout(&out), "from source\n");
        assert!(out.stderr.is_empty(), "{}", stderr(&out));
    }
}

#[test]
fn no_bytecode_written_when_disabled() {
    let tmp = TempDir::new("imp-nowrite");
    tmp.write("main.py", MAIN);
    tmp.write("helper.py", HELPER);
    let pycache = tmp.0.join("__pycache__");
    let out = kaa(&tmp.0, &["-B", "main.py"], &[]);
    assert_eq!(stdout(&out), "from source\n");
    assert!(!pycache.exists(), "-B wrote a pyc");
    let out = kaa(&tmp.0, &["main.py"], &[("PYTHONDONTWRITEBYTECODE", "1")]);
    assert_eq!(stdout(&out), "from source\n");
    assert!(!pycache.exists(), "PYTHONDONTWRITEBYTECODE wrote a pyc");
    // -E ignores the variable.
    let out = kaa(
        &tmp.0,
        &["-E", "main.py"],
        &[("PYTHONDONTWRITEBYTECODE", "1")],
    );
    assert_eq!(stdout(&out), "from source\n");
    assert!(
        pycache.join("helper.kaa-311.pyc").exists(),
        "-E should write"
    );
    std::fs::remove_dir_all(&pycache).expect("rm");
    tmp.write(
        "main2.py",
        "import sys\nprint(sys.dont_write_bytecode)\nsys.dont_write_bytecode = True\nimport helper\n",
    );
    let out = kaa(&tmp.0, &["main2.py"], &[]);
    assert_eq!(stdout(&out), "False\n", "{}", stderr(&out));
    assert!(!pycache.exists(), "sys.dont_write_bytecode wrote a pyc");
}

#[test]
fn pycache_prefix_moves_the_cache() {
    let tmp = TempDir::new("imp-prefix");
    tmp.write("src/main.py", MAIN);
    tmp.write("src/helper.py", HELPER);
    let prefix = tmp.0.join("cache");
    let opt = format!("pycache_prefix={}", prefix.display());
    let out = kaa(&tmp.0, &["-X", &opt, "src/main.py"], &[]);
    assert_eq!(stdout(&out), "from source\n", "{}", stderr(&out));
    let src_dir = std::fs::canonicalize(tmp.0.join("src")).expect("canon");
    let rel = src_dir.strip_prefix("/").expect("absolute");
    assert!(prefix.join(rel).join("helper.kaa-311.pyc").exists());
    assert!(!tmp.0.join("src/__pycache__").exists());
    // PYTHONPYCACHEPREFIX does the same; sys.pycache_prefix shows it.
    tmp.write("src/show.py", "import sys\nprint(sys.pycache_prefix)\n");
    let out = kaa(
        &tmp.0,
        &["src/show.py"],
        &[("PYTHONPYCACHEPREFIX", "/tmp/x")],
    );
    assert_eq!(stdout(&out), "/tmp/x\n");
}

#[test]
fn sourceless_pyc_is_imported() {
    let tmp = TempDir::new("imp-sourceless");
    tmp.write("main.py", MAIN);
    let code = code_for("def f():\n    return 'sourceless'\n", "helper.py");
    let body = marshal::dumps_code(&code).expect("marshals");
    let data = pyc::write_pyc(&Validation::from_stat(0, 0), &body);
    std::fs::write(tmp.0.join("helper.pyc"), data).expect("write");
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "sourceless\n", "{}", stderr(&out));
    // A bad one: CPython's ImportError.
    std::fs::write(tmp.0.join("helper.pyc"), b"\x00\x00\r\n0000000000000000").expect("write");
    tmp.write(
        "bad.py",
        "try:\n    import helper\nexcept ImportError as e:\n    print(type(e).__name__, e)\n",
    );
    let out = kaa(&tmp.0, &["bad.py"], &[]);
    assert_eq!(
        stdout(&out),
        "ImportError bad magic number in 'helper': b'\\x00\\x00\\r\\n'\n",
        "{}",
        stderr(&out)
    );
}

#[test]
fn dash_m_runs_modules_and_packages() {
    let tmp = TempDir::new("imp-dashm");
    tmp.write(
        "tool.py",
        "import sys\nprint(__name__, sys.argv[0].endswith('/tool.py'), sys.argv[1:])\n",
    );
    tmp.write("pkg/__init__.py", "print('pkg init')\n");
    tmp.write(
        "pkg/__main__.py",
        "from . import helper\nprint(__name__, __package__, helper.X)\n",
    );
    tmp.write("pkg/helper.py", "X = 'helped'\n");
    let out = kaa(&tmp.0, &["-m", "tool", "a", "b"], &[]);
    assert_eq!(
        stdout(&out),
        "__main__ True ['a', 'b']\n",
        "{}",
        stderr(&out)
    );
    let out = kaa(&tmp.0, &["-m", "pkg"], &[]);
    assert_eq!(
        stdout(&out),
        "pkg init\n__main__ pkg helped\n",
        "{}",
        stderr(&out)
    );
    let out = kaa(&tmp.0, &["-m", "nosuch"], &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).ends_with(": No module named nosuch\n"),
        "{}",
        stderr(&out)
    );
    let out = kaa(&tmp.0, &["-m", "pkg.helper"], &[]);
    assert_eq!(stdout(&out), "pkg init\n", "{}", stderr(&out));
}

#[test]
fn hash_based_pycs_are_checked_as_configured() {
    let tmp = TempDir::new("imp-hash");
    tmp.write("main.py", MAIN);
    let helper = tmp.write("helper.py", HELPER);
    let pyc_path = tmp.0.join("__pycache__/helper.kaa-311.pyc");
    // A checked-hash pyc with the source's hash but other code is used.
    let other = code_for(
        "def f():\n    return 'hashed cache'\n",
        &helper.to_string_lossy(),
    );
    let body = marshal::dumps_code(&other).expect("marshals");
    let checked = Validation::from_source(HELPER.as_bytes(), true);
    std::fs::create_dir_all(tmp.0.join("__pycache__")).expect("mkdir");
    std::fs::write(&pyc_path, pyc::write_pyc(&checked, &body)).expect("write");
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "hashed cache\n", "{}", stderr(&out));
    // `--check-hash-based-pycs never` trusts it even when the source
    // changed; the default checks and recompiles, keeping the pyc
    // hash-based (checked).
    let new_source = "def f():\n    return 'new'\n";
    tmp.write("helper.py", new_source);
    let out = kaa(
        &tmp.0,
        &["--check-hash-based-pycs", "never", "main.py"],
        &[],
    );
    assert_eq!(stdout(&out), "hashed cache\n", "{}", stderr(&out));
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "new\n", "{}", stderr(&out));
    let data = std::fs::read(&pyc_path).expect("pyc");
    let (validation, _) = pyc::read_header(&data).expect("header");
    assert_eq!(
        validation,
        Validation::from_source(new_source.as_bytes(), true)
    );
}

#[test]
fn unwritable_cache_is_no_error() {
    let tmp = TempDir::new("imp-unwritable");
    tmp.write("main.py", MAIN);
    tmp.write("helper.py", HELPER);
    // `__pycache__` is a file: the directory cannot be made.
    std::fs::write(tmp.0.join("__pycache__"), b"not a directory").expect("write");
    let out = kaa(&tmp.0, &["main.py"], &[]);
    assert_eq!(stdout(&out), "from source\n");
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn optimized_pycs_and_compile_warnings() {
    let tmp = TempDir::new("imp-opt");
    tmp.write("main.py", MAIN);
    tmp.write(
        "helper.py",
        "def f():\n    assert False, 'asserts are on'\n    return 'asserts are off' if 1 is 1 else ''\n",
    );
    let warning = "helper.py:3: SyntaxWarning: \"is\" with a literal. Did you mean \"==\"?\n  \
                   return 'asserts are off' if 1 is 1 else ''\n";
    let out = kaa(&tmp.0, &["-O", "main.py"], &[]);
    assert_eq!(stdout(&out), "asserts are off\n", "{}", stderr(&out));
    // The warning names the module's path and is printed when compiling...
    assert!(stderr(&out).ends_with(warning), "{}", stderr(&out));
    assert!(tmp.0.join("__pycache__/helper.kaa-311.opt-1.pyc").exists());
    assert!(!tmp.0.join("__pycache__/helper.kaa-311.pyc").exists());
    // ...not when the cached code is used.
    let out = kaa(&tmp.0, &["-O", "main.py"], &[]);
    assert_eq!(stdout(&out), "asserts are off\n");
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}
