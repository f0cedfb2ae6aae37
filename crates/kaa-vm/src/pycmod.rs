//! `_kaa_pyc`: the native half of the frozen `py_compile` and
//! `compileall` modules (crates/kaa-vm/lib/): compiling a source file
//! through the compile hook and writing its pyc with kaa_bytecode's cache
//! writer (PEP 552 header, atomic write, `_calc_mode`), plus the few file
//! system queries those modules make (kaa has no `os` module yet).

use std::path::Path;

use kaa_bytecode::cache;
use kaa_bytecode::pyc::{self, Validation};

use crate::builtins::make_builtin;
use crate::compilehook::CompileMode;
use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

fn path_arg(vm: &Vm, v: &Value) -> PyResult<String> {
    v.as_str().map(str::to_string).ok_or_else(|| {
        vm.type_error(format!(
            "expected str, bytes or os.PathLike object, not {}",
            vm.type_name(v)
        ))
    })
}

fn int_arg(v: &Value, default: i64) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        _ => default,
    }
}

/// `_kaa_pyc.compile(file, cfile, dfile, optimize, mode)`: reads `file`,
/// compiles it as `dfile` and writes the pyc to `cfile`. `mode` is the
/// `PycInvalidationMode` value (1 timestamp, 2 checked hash, 3 unchecked
/// hash). Errors: the OSError of reading or writing, the SyntaxError (or
/// other exception) of compiling.
fn k_compile(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let file = path_arg(vm, a.arg(0))?;
    let cfile = path_arg(vm, a.arg(1))?;
    let dfile = path_arg(vm, a.arg(2))?;
    let optimize = int_arg(a.arg(3), -1);
    let mode = int_arg(a.arg(4), 1);
    let source = std::fs::read(&file).map_err(|e| vm.os_error_with_filename(&e, &file))?;
    let optimize = if optimize < 0 {
        vm.options.import.optimize as i32
    } else {
        optimize.min(2) as i32
    };
    let code = vm.compile_with_hook(&source, &dfile, CompileMode::Exec, 0, optimize)?;
    let validation = match mode {
        2 | 3 => Validation::from_source(&source, mode == 2),
        _ => {
            let meta =
                std::fs::metadata(&file).map_err(|e| vm.os_error_with_filename(&e, &file))?;
            let mtime = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_secs() as i64);
            Validation::from_stat(mtime, meta.len())
        }
    };
    let mode_bits = cache::cache_mode(Path::new(&file));
    cache::write_cached_with_mode(Path::new(&cfile), &code, &validation, mode_bits)
        .map_err(|e| vm.os_error_with_filename(&e, &cfile))?;
    Ok(Value::None)
}

/// `_kaa_pyc.format_exception_only(exc)`: the SyntaxError block
/// `traceback.format_exception_only` gives (None for other exceptions).
fn k_format_exception_only(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(e) = a.arg(0).as_obj().cloned() else {
        return Ok(Value::None);
    };
    let class = vm.type_name(a.arg(0)).to_string();
    Ok(match vm.format_syntax_error(&e, &class) {
        Some(text) => vm.new_str(&text),
        None => Value::None,
    })
}

/// `_kaa_pyc.kind(path)`: 'link', 'dir', 'file', 'other' or None (absent),
/// without following a final symbolic link.
fn k_kind(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let path = path_arg(vm, a.arg(0))?;
    Ok(match std::fs::symlink_metadata(&path) {
        Err(_) => Value::None,
        Ok(m) if m.file_type().is_symlink() => {
            // A link to a directory is still walked by compileall.
            let target_dir = std::fs::metadata(&path).is_ok_and(|t| t.is_dir());
            vm.new_str(if target_dir { "linkdir" } else { "link" })
        }
        Ok(m) if m.is_dir() => vm.new_str("dir"),
        Ok(m) if m.is_file() => vm.new_str("file"),
        Ok(_) => vm.new_str("other"),
    })
}

/// `_kaa_pyc.listdir(path)`: the names in a directory (OSError as
/// `os.listdir`).
fn k_listdir(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let path = path_arg(vm, a.arg(0))?;
    let rd = std::fs::read_dir(&path).map_err(|e| vm.os_error_with_filename(&e, &path))?;
    let mut names = Vec::new();
    for entry in rd {
        let entry = entry.map_err(|e| vm.os_error_with_filename(&e, &path))?;
        names.push(vm.new_str(&entry.file_name().to_string_lossy()));
    }
    Ok(vm.new_list(names))
}

/// `_kaa_pyc.expected_header(file, mode)`: the 16 bytes a fresh pyc of
/// `file` starts with (compileall's up-to-date check), or None if the
/// source cannot be read.
fn k_expected_header(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let file = path_arg(vm, a.arg(0))?;
    let mode = int_arg(a.arg(1), 1);
    let validation = if mode == 2 || mode == 3 {
        match std::fs::read(&file) {
            Ok(source) => Validation::from_source(&source, mode == 2),
            Err(_) => return Ok(Value::None),
        }
    } else {
        match std::fs::metadata(&file) {
            Ok(meta) => {
                let mtime = meta
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_secs() as i64);
                Validation::from_stat(mtime, meta.len())
            }
            Err(_) => return Ok(Value::None),
        }
    };
    let header = pyc::write_pyc(&validation, &[]);
    Ok(crate::bytes::new_bytes(vm, header))
}

/// `_kaa_pyc.read_head(path, n)`: the first `n` bytes of a file, or None.
fn k_read_head(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    use std::io::Read;
    let path = path_arg(vm, a.arg(0))?;
    let n = usize::try_from(int_arg(a.arg(1), 0)).unwrap_or(0);
    let mut buf = Vec::new();
    match std::fs::File::open(&path) {
        Ok(f) => match f.take(n as u64).read_to_end(&mut buf) {
            Ok(_) => Ok(crate::bytes::new_bytes(vm, buf)),
            Err(_) => Ok(Value::None),
        },
        Err(_) => Ok(Value::None),
    }
}

/// `_kaa_pyc.cache_from_source(path, optimization, prefix)`:
/// `importlib.util.cache_from_source` with kaa's cache tag and
/// `sys.pycache_prefix` = `prefix`.
fn k_cache_from_source(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let path = path_arg(vm, a.arg(0))?;
    let opt = a.arg(1).as_str().unwrap_or("").to_string();
    let prefix = a.opt(2).and_then(Value::as_str).map(str::to_string);
    match pyc::cache_path(Path::new(&path), &opt, prefix.as_deref().map(Path::new)) {
        Ok(p) => Ok(vm.new_str(&p.to_string_lossy())),
        Err(e) => Err(vm.value_error(e.to_string())),
    }
}

/// `_kaa_pyc.source_date_epoch()`: whether `SOURCE_DATE_EPOCH` is set
/// and not empty (py_compile then defaults to checked-hash pycs).
fn k_source_date_epoch(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(
        std::env::var_os("SOURCE_DATE_EPOCH").is_some_and(|v| !v.is_empty()),
    ))
}

/// The `_kaa_pyc` module.
pub fn kaa_pyc_module(vm: &mut Vm) -> ObjRef {
    let magic = crate::bytes::new_bytes(vm, pyc::MAGIC_NUMBER.to_vec());
    let values = vec![
        ("MAGIC_NUMBER", magic),
        (
            "compile",
            make_builtin(
                vm,
                "compile(file, cfile, dfile, optimize, mode, /)",
                k_compile,
            ),
        ),
        (
            "format_exception_only",
            make_builtin(vm, "format_exception_only(exc, /)", k_format_exception_only),
        ),
        ("kind", make_builtin(vm, "kind(path, /)", k_kind)),
        (
            "source_date_epoch",
            make_builtin(vm, "source_date_epoch(/)", k_source_date_epoch),
        ),
        (
            "cache_from_source",
            make_builtin(
                vm,
                "cache_from_source(path, optimization, prefix, /)",
                k_cache_from_source,
            ),
        ),
        ("listdir", make_builtin(vm, "listdir(path, /)", k_listdir)),
        (
            "expected_header",
            make_builtin(vm, "expected_header(file, mode, /)", k_expected_header),
        ),
        (
            "read_head",
            make_builtin(vm, "read_head(path, n, /)", k_read_head),
        ),
    ];
    crate::module::new_native_module(vm, "_kaa_pyc", None, values, &[])
}
