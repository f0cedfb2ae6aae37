//! The compiler the `kaa` binary gives its VM (`VmOptions::compiler`):
//! kaa-parser and `kaa_compiler::compile` behind the VM's compile hook, so
//! that `compile()`, `exec`, `eval` and imports compile source as CPython's
//! `compile()` does (bytes are decoded by their BOM / PEP 263 coding
//! declaration; str source ignores the declaration).

use std::path::Path;

use kaa_compiler::{CompileOptions, ErrorLines};
use kaa_parser::{ErrorKind, Mode, ParseOptions, SyntaxError};
use kaa_vm::compilehook::{
    CompileError, CompileMode, Compiled, Compiler, CO_FUTURE_ANNOTATIONS,
    PYCF_ALLOW_TOP_LEVEL_AWAIT, PYCF_IGNORE_COOKIE,
};

use crate::os;
use crate::script;

/// kaa's front end and compiler as a [`Compiler`].
#[derive(Clone, Copy, Debug, Default)]
pub struct KaaCompiler;

impl Compiler for KaaCompiler {
    fn compile(
        &self,
        source: &[u8],
        filename: &str,
        mode: CompileMode,
        flags: i32,
        optimize: i32,
    ) -> Result<Compiled, Box<CompileError>> {
        let mode_p = match mode {
            CompileMode::Exec => Mode::Exec,
            CompileMode::Eval => Mode::Eval,
            CompileMode::Single => Mode::Single,
        };
        let (parsed, mut warnings) = parse(source, mode_p, flags & PYCF_IGNORE_COOKIE != 0);
        let module = parsed.map_err(|e| compile_error(&e, filename))?;
        // The compiler's error texts come from the file named `filename`
        // if there is one (CPython's `PyErr_ProgramTextObject`).
        let on_disk = if filename.starts_with('<') {
            None
        } else {
            os::read_file(Path::new(filename)).ok()
        };
        let lines = match &on_disk {
            Some(bytes) => ErrorLines::File(bytes),
            None => ErrorLines::Unavailable,
        };
        let options = CompileOptions {
            mode: match mode {
                CompileMode::Exec => kaa_compiler::CompileMode::Exec,
                CompileMode::Eval => kaa_compiler::CompileMode::Eval,
                CompileMode::Single => kaa_compiler::CompileMode::Single,
            },
            optimize: optimize.clamp(0, 2) as u32,
            future_annotations: flags & CO_FUTURE_ANNOTATIONS != 0,
            top_level_await: flags & PYCF_ALLOW_TOP_LEVEL_AWAIT != 0,
        };
        let code = kaa_compiler::compile(&module, lines, filename, &options, &mut warnings)
            .map_err(|e| compile_error(&e, filename))?;
        // linecache reads the named file: no line when it does not exist.
        let text = on_disk.as_deref().unwrap_or(&[]);
        let warnings = warnings
            .iter()
            .map(|w| script::format_warnings(std::slice::from_ref(w), filename, text))
            .collect();
        Ok(Compiled { code, warnings })
    }
}

/// Parses str source (`text`: UTF-8, coding declaration ignored) or bytes
/// (decoded as `compile(bytes)` decodes them).
fn parse(
    source: &[u8],
    mode: Mode,
    text: bool,
) -> (
    Result<kaa_parser::ast::Mod, SyntaxError>,
    Vec<kaa_parser::Warning>,
) {
    if text {
        if source.contains(&0) {
            let e = SyntaxError::new(
                ErrorKind::SyntaxError,
                "source code string cannot contain null bytes",
            );
            return (Err(e), Vec::new());
        }
        return match std::str::from_utf8(source) {
            Ok(t) => kaa_parser::parse_with_warnings(t, mode),
            Err(_) => (
                Err(SyntaxError::new(
                    ErrorKind::SyntaxError,
                    "invalid utf-8 source",
                )),
                Vec::new(),
            ),
        };
    }
    let decoded = match kaa_parser::source::decode_source(source) {
        Ok(d) => d,
        Err(e) => return (Err(e), Vec::new()),
    };
    let opts = ParseOptions {
        mode,
        char_offsets: decoded.char_offsets,
        from_file: false,
        bom: false,
    };
    kaa_parser::parser::parse_with_warnings(&decoded.text, opts)
}

/// The VM's view of a front-end error raised compiling `filename`.
fn compile_error(err: &SyntaxError, filename: &str) -> Box<CompileError> {
    let is_syntax = matches!(
        err.kind,
        ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError
    );
    let unlocated = err.lineno == 0 && err.offset == 0 && err.text.is_none();
    // u32::MAX stands for CPython's -1.
    let num = |v: u32| i64::from(v as i32);
    let located = is_syntax && !unlocated;
    Box::new(CompileError {
        class: err.kind.name().to_string(),
        msg: err.msg.clone(),
        filename: filename.to_string(),
        lineno: located.then(|| num(err.lineno)),
        offset: located.then(|| num(err.offset)),
        text: if located { err.text.clone() } else { None },
        end_lineno: located.then(|| num(err.end_lineno)),
        end_offset: located.then(|| num(err.end_offset)),
    })
}

/// The command line's settings the VM's import system needs, recorded once
/// by `main` before anything runs (the binary runs one program).
#[derive(Clone, Debug, Default)]
pub struct Settings {
    /// `-u`: unbuffered standard output.
    pub unbuffered: bool,
    /// `-P`/`-I`: no script directory (or `''`/cwd) in front of `sys.path`.
    pub safe_path: bool,
    /// `-E`/`-I`: PYTHONPATH, PYTHONDONTWRITEBYTECODE and
    /// PYTHONPYCACHEPREFIX are ignored.
    pub ignore_environment: bool,
    /// Cleared by `-B`.
    pub write_bytecode: bool,
    /// `-O` count.
    pub optimize: u32,
    /// `-X` options.
    pub xoptions: Vec<std::ffi::OsString>,
    /// `--check-hash-based-pycs`.
    pub check_hash_pycs_mode: Option<String>,
    /// `argv[0]` of the kaa process (for `sys.executable`).
    pub program: std::ffi::OsString,
    /// The option counts and switches `sys.flags` shows (its `optimize`
    /// and `dont_write_bytecode` come from the fields above).
    pub flags: kaa_vm::sysmodule::SysFlags,
}

static SETTINGS: std::sync::OnceLock<Settings> = std::sync::OnceLock::new();

/// Records the command line's settings (first call wins).
pub fn configure(settings: Settings) {
    let _ = SETTINGS.set(settings);
}

/// The `-O` count from the command line (0 before `configure`).
pub fn optimize_level() -> u32 {
    SETTINGS.get().map_or(0, |s| s.optimize.min(2))
}

/// An environment variable CPython would read: unset and empty count as
/// missing, and `-E`/`-I` hide them all.
pub fn env_var(name: &str) -> Option<std::ffi::OsString> {
    if SETTINGS.get().is_some_and(|s| s.ignore_environment) {
        return None;
    }
    std::env::var_os(name).filter(|v| !v.is_empty())
}

/// `-i`: the prompt follows the program (`sys.flags.inspect`).
pub fn inspect() -> bool {
    SETTINGS.get().is_some_and(|s| s.flags.inspect > 0)
}

/// How `sys.stdout` buffers (`create_stdio`): not at all with `-u` or
/// PYTHONUNBUFFERED, by line on a terminal, by block otherwise.
fn stdout_buffering(unbuffered: bool) -> kaa_vm::stdio::Buffering {
    use kaa_vm::stdio::Buffering;
    if unbuffered {
        Buffering::Unbuffered
    } else if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        Buffering::Line
    } else {
        Buffering::Block
    }
}

/// What `sys.path[0]` is for the program being run (CPython's
/// `sys.path[0]` computation in `pymain_run_python`).
#[derive(Clone, Debug)]
pub enum PathZero {
    /// `''` (`-c`, stdin, the prompt).
    Empty,
    /// A directory: the script's (symlinks resolved), the directory run,
    /// or the current one for `-m`.
    Dir(String),
}

/// `VmOptions` for running a program: the compiler, argv and the import
/// settings (`sys.path`, bytecode cache switches) from the command line
/// and environment.
pub fn vm_options(argv: &[std::ffi::OsString], zero: PathZero) -> kaa_vm::VmOptions {
    let s = SETTINGS.get().cloned().unwrap_or(Settings {
        write_bytecode: true,
        ..Settings::default()
    });
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut path = Vec::new();
    if !s.safe_path && env_var("PYTHONSAFEPATH").is_none() {
        path.push(match zero {
            PathZero::Empty => String::new(),
            PathZero::Dir(d) => d,
        });
    }
    if let Some(pp) = env_var("PYTHONPATH") {
        for entry in os::display(&pp).split(':') {
            // getpath.py: each entry made absolute ('' is the cwd).
            path.push(if entry.starts_with('/') {
                entry.to_string()
            } else if entry.is_empty() {
                cwd.clone()
            } else {
                format!("{cwd}/{entry}")
            });
        }
    }
    let mut prefix = env_var("PYTHONPYCACHEPREFIX").map(|p| os::display(&p));
    for x in &s.xoptions {
        let x = os::display(x);
        if let Some(p) = x.strip_prefix("pycache_prefix=") {
            prefix = Some(p.to_string());
        }
    }
    // A relative prefix is made absolute (config_init_pycache_prefix).
    let prefix = prefix.map(|p| {
        if p.starts_with('/') {
            p
        } else {
            format!("{cwd}/{p}")
        }
    });
    let check = s
        .check_hash_pycs_mode
        .as_deref()
        .and_then(kaa_bytecode::cache::CheckHashBasedPycs::from_name)
        .unwrap_or_default();
    let mut flags = s.flags.clone();
    // The environment's share (config_read_env_vars).
    flags.no_user_site |= env_var("PYTHONNOUSERSITE").is_some();
    flags.safe_path |= env_var("PYTHONSAFEPATH").is_some();
    flags.dev_mode |= env_var("PYTHONDEVMODE").is_some();
    kaa_vm::VmOptions {
        sys_flags: flags,
        argv: argv.iter().map(|a| os::display(a)).collect(),
        compiler: Some(std::rc::Rc::new(KaaCompiler)),
        import: kaa_vm::import::ImportOptions {
            path,
            dont_write_bytecode: !s.write_bytecode || env_var("PYTHONDONTWRITEBYTECODE").is_some(),
            pycache_prefix: prefix,
            optimize: s.optimize,
            check_hash_based_pycs: check,
            executable: os::display(&script::executable(&s.program)),
        },
        stdout_buffering: stdout_buffering(s.unbuffered || env_var("PYTHONUNBUFFERED").is_some()),
        interrupt: crate::interrupt::flag(),
        ..kaa_vm::VmOptions::default()
    }
}
