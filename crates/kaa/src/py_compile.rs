//! `kaa -m py_compile`: CPython 3.11's `py_compile` module — `compile()`
//! (one source file to its `__pycache__` pyc, written atomically, with a
//! timestamp or source-hash header) and the `main()` command line. The
//! compile step is shared by `-m dis` and `-m compileall`.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use kaa_bytecode::cache::{cache_mode, write_cached_with_mode, CheckHashBasedPycs, SourceInfo};
use kaa_bytecode::pyc::{self, Validation};
use kaa_bytecode::CodeObject;
use kaa_compiler::{CompileOptions, ErrorLines};
use kaa_parser::{ErrorKind, Mode, SyntaxError};

use crate::argparse::{Argument, Nargs, Parser, Value};
use crate::os;
use crate::script;
use crate::Exit;

/// `py_compile.PycInvalidationMode`: how the pyc header ties it to its
/// source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Invalidation {
    /// `TIMESTAMP`: the source's mtime and size.
    Timestamp,
    /// `CHECKED_HASH`: the source's hash, checked on import.
    CheckedHash,
    /// `UNCHECKED_HASH`: the source's hash, trusted on import.
    UncheckedHash,
}

impl Invalidation {
    /// `_get_default_invalidation_mode()`: checked-hash when the
    /// `SOURCE_DATE_EPOCH` environment variable is set and not empty
    /// (reproducible builds), else timestamp.
    pub fn from_environment() -> Invalidation {
        match std::env::var_os("SOURCE_DATE_EPOCH") {
            Some(v) if !v.is_empty() => Invalidation::CheckedHash,
            _ => Invalidation::Timestamp,
        }
    }

    /// The mode named as `compileall --invalidation-mode` names it.
    pub fn from_name(name: &[u8]) -> Option<Invalidation> {
        match name {
            b"timestamp" => Some(Invalidation::Timestamp),
            b"checked-hash" => Some(Invalidation::CheckedHash),
            b"unchecked-hash" => Some(Invalidation::UncheckedHash),
            _ => None,
        }
    }
}

/// Why `py_compile.compile(..., doraise=True)` failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CompileError {
    /// `PyCompileError`: the source does not compile; `msg` is its text
    /// (the SyntaxError as `traceback.format_exception_only` prints it, or
    /// `Sorry: CLASS: MESSAGE` for other exceptions).
    Compile(String),
    /// An `OSError` (reading the source, writing the pyc, or a cache path
    /// that is a symlink): its class name and `str()`.
    Os(&'static str, String),
}

/// `compile(source, filename, 'exec', dont_inherit=True, optimize=...)`:
/// parse, check and generate the module's code object.
pub fn compile_source(
    source: &[u8],
    filename: &str,
    optimize: u32,
) -> Result<CodeObject, SyntaxError> {
    let module = kaa_parser::parse_bytes(source, Mode::Exec)?;
    // The compiler's errors take their line from the file named
    // `filename`, re-read from disk (CPython's `PyErr_ProgramTextObject`).
    let on_disk = os::read_file(Path::new(filename)).ok();
    let lines = match &on_disk {
        Some(bytes) => ErrorLines::File(bytes),
        None => ErrorLines::Unavailable,
    };
    let options = CompileOptions {
        optimize,
        ..CompileOptions::default()
    };
    // The SyntaxWarnings CPython prints here are not printed yet.
    kaa_compiler::compile(&module, lines, filename, &options, &mut Vec::new())
}

/// `PyCompileError(type(err), err, file).msg`.
pub fn compile_error_message(err: &SyntaxError, file: &str) -> String {
    if err.kind == ErrorKind::SyntaxError {
        // `''.join(traceback.format_exception_only(SyntaxError, err))`.
        return script::report(err, file);
    }
    format!("Sorry: {}: {}", err.kind.name(), exception_str(err, file))
}

/// `str(err)`: a SyntaxError subclass with its position appends
/// `(BASENAME, line N)` (`SyntaxError_str`); other exceptions are their
/// message.
fn exception_str(err: &SyntaxError, file: &str) -> String {
    if !matches!(err.kind, ErrorKind::IndentationError | ErrorKind::TabError) {
        return err.msg.clone();
    }
    let base = file.rsplit('/').next().unwrap_or(file);
    match err.lineno {
        0 => format!("{} ({base})", err.msg),
        // The compiler's unset line (-1).
        u32::MAX => format!("{} ({base}, line -1)", err.msg),
        line => format!("{} ({base}, line {line})", err.msg),
    }
}

/// The `OSError` subclass CPython raises for an OS error.
pub fn os_error_class(err: &std::io::Error) -> &'static str {
    match err.raw_os_error() {
        Some(2) => "FileNotFoundError",
        Some(1 | 13) => "PermissionError",
        Some(17) => "FileExistsError",
        Some(20) => "NotADirectoryError",
        Some(21) => "IsADirectoryError",
        _ => "OSError",
    }
}

/// `str(OSError(errno, strerror, filename))`:
/// `[Errno 2] No such file or directory: 'name'`.
pub fn os_error(err: &std::io::Error, filename: &OsStr) -> CompileError {
    let text = match err.raw_os_error() {
        Some(_) => format!("{}: {}", os::errno_message(err), repr_path(filename)),
        None => err.to_string(),
    };
    CompileError::Os(os_error_class(err), text)
}

/// Python's `repr()` of a path (decoded with `surrogateescape`).
pub fn repr_path(path: &OsStr) -> String {
    kaa_repr::repr_code_points(&os::decode_fs(path))
}

/// The pyc path `importlib.util.cache_from_source(file, optimization=...)`
/// gives at optimization level `optimize` (0: no `opt-` tag).
pub fn cache_file(file: &OsStr, optimize: u32) -> Result<PathBuf, CompileError> {
    let optimization = if optimize == 0 {
        String::new()
    } else {
        optimize.to_string()
    };
    pyc::cache_path(Path::new(file), &optimization, None)
        .map_err(|e| CompileError::Os("ValueError", e.to_string()))
}

/// `py_compile.compile(file, cfile, dfile, doraise=True, optimize,
/// invalidation_mode)`: compiles `file` and writes the pyc to `cfile`
/// (default: its `__pycache__` path), with `dfile` as the code's file name
/// when given. Returns the pyc path.
pub fn compile(
    file: &OsStr,
    cfile: Option<&Path>,
    dfile: Option<&OsStr>,
    optimize: u32,
    invalidation: Invalidation,
) -> Result<PathBuf, CompileError> {
    let cfile = match cfile {
        Some(c) => c.to_path_buf(),
        None => cache_file(file, optimize)?,
    };
    // The import system would replace a symlink or a special file by a
    // regular one: py_compile refuses.
    if std::fs::symlink_metadata(&cfile).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(CompileError::Os(
            "FileExistsError",
            format!(
                "{} is a symlink and will be changed into a regular file if \
                 import writes a byte-compiled file to it",
                os::display(cfile.as_os_str())
            ),
        ));
    }
    if std::fs::metadata(&cfile).is_ok_and(|m| !m.is_file()) {
        return Err(CompileError::Os(
            "FileExistsError",
            format!(
                "{} is a non-regular file and will be changed into a regular \
                 one if import writes a byte-compiled file to it",
                os::display(cfile.as_os_str())
            ),
        ));
    }
    let source = os::read_file(Path::new(file)).map_err(|e| os_error(&e, file))?;
    let shown = os::display(dfile.unwrap_or(file));
    let code = compile_source(&source, &shown, optimize)
        .map_err(|e| CompileError::Compile(compile_error_message(&e, &shown)))?;
    // `os.makedirs(dirname)`, an existing directory being fine.
    if let Some(dir) = cfile.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.is_dir() {
            std::fs::create_dir_all(dir).map_err(|e| os_error(&e, dir.as_os_str()))?;
        }
    }
    let validation = match invalidation {
        Invalidation::Timestamp => {
            let info = SourceInfo::stat(Path::new(file), CheckHashBasedPycs::Default)
                .map_err(|e| os_error(&e, file))?;
            Validation::from_stat(info.mtime, info.size)
        }
        Invalidation::CheckedHash => Validation::from_source(&source, true),
        Invalidation::UncheckedHash => Validation::from_source(&source, false),
    };
    let mode = cache_mode(Path::new(file));
    // CPython names the temporary file in a failed write's message; kaa
    // names the pyc.
    write_cached_with_mode(&cfile, &code, &validation, mode)
        .map_err(|e| os_error(&e, cfile.as_os_str()))?;
    Ok(cfile)
}

/// The parser `py_compile.main()` builds, named `kaa -m py_compile`.
fn parser() -> Parser {
    let mut p = Parser::new("kaa -m py_compile");
    p.description = Some("A simple command-line interface for py_compile module.");
    p.add(Argument::flag(
        &["-q", "--quiet"],
        "quiet",
        true,
        "Suppress error output",
    ));
    p.add(Argument::positional(
        "filenames",
        Nargs::OneOrMore,
        "Files to compile",
    ));
    p
}

/// Runs `py_compile.main()` with `args` as `sys.argv[1:]`; `optimize` is
/// the interpreter's `-O` level.
pub fn main(args: &[OsString], optimize: u32) -> Exit {
    let ns = match parser().parse_args(args) {
        Ok(ns) => ns,
        Err(exit) => return exit,
    };
    let quiet = matches!(ns.get("quiet"), Some(Value::Bool(true)));
    let given: Vec<OsString> = match ns.get("filenames") {
        Some(Value::List(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let filenames = if given.len() == 1 && given[0].as_bytes() == b"-" {
        match stdin_lines() {
            Ok(lines) => lines,
            Err(err) => return Exit::stderr(1, format!("OSError: {}\n", os::errno_message(&err))),
        }
    } else {
        given
    };
    let invalidation = Invalidation::from_environment();
    for filename in &filenames {
        if let Err(err) = compile(filename, None, None, optimize, invalidation) {
            // `parser.exit(1, message)`: the message as it is, no newline.
            let message = match err {
                CompileError::Compile(msg) | CompileError::Os(_, msg) => msg,
            };
            return Exit::stderr(1, if quiet { String::new() } else { message });
        }
    }
    Exit::stdout(0, Vec::new())
}

/// `[line.rstrip('\n') for line in sys.stdin.readlines()]`.
fn stdin_lines() -> std::io::Result<Vec<OsString>> {
    let mut data = Vec::new();
    std::io::stdin().read_to_end(&mut data)?;
    Ok(split_lines(&data))
}

/// Lines as `readlines()` gives them (each keeping its `\n`), with the
/// trailing newlines stripped.
pub fn split_lines(data: &[u8]) -> Vec<OsString> {
    let mut lines = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|&b| b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let mut line = &rest[..end];
        while let Some(stripped) = line.strip_suffix(b"\n") {
            line = stripped;
        }
        lines.push(OsString::from_vec(line.to_vec()));
        rest = &rest[end..];
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn readlines_rstrip() {
        let lines = split_lines(b"a.py\nb.py\n\nc.py");
        let shown: Vec<&[u8]> = lines.iter().map(|l| l.as_bytes()).collect();
        assert_eq!(shown, vec![&b"a.py"[..], b"b.py", b"", b"c.py"]);
    }

    #[test]
    fn indentation_error_str() {
        let mut err = SyntaxError::new(ErrorKind::IndentationError, "unexpected indent");
        err.lineno = 2;
        assert_eq!(
            compile_error_message(&err, "e/ind.py"),
            "Sorry: IndentationError: unexpected indent (ind.py, line 2)"
        );
    }
}
