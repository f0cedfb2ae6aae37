//! Running a program given as a file, `-c` text or stdin
//! (Modules/main.c: `pymain_run_file`, `pymain_run_command`,
//! `pymain_run_stdin`): parse, compile, run as `__main__` on a new VM; a
//! SyntaxError or an uncaught exception is printed as CPython prints it.

use std::ffi::{OsStr, OsString};
use std::io::{IsTerminal, Read, Write};
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::Path;

use kaa_bytecode::CodeObject;
use kaa_compiler::{CompileOptions, ErrorLines};
use kaa_parser::{Mode, SyntaxError};
use kaa_vm::Vm;

use crate::os;
use crate::syntax_error::Report;
use crate::Exit;

/// How the source reached CPython's parser, which changes some messages and
/// positions (a file is read through the `FILE*` tokenizer, `-c` text is a
/// string).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// A script file or stdin.
    File,
    /// `-c` text: a UTF-8 string whose coding declaration is ignored
    /// (`PyCF_IGNORE_COOKIE`).
    Command,
}

/// Parses, compiles and runs the program: status 0, the SyntaxError or the
/// traceback as CPython prints it (status 1), or a SystemExit's status.
pub fn run_source(source: &[u8], filename: &str, input: Input, argv: &[OsString]) -> Exit {
    let code = match compile_program(source, filename, input) {
        Ok(code) => code,
        Err(text) => return compile_failed(text, argv),
    };
    let mut vm = Vm::new(crate::compiler_hook::vm_options(argv, path_zero(filename)));
    let result = vm.run_in_main(code, Some(filename));
    finish(&mut vm, result)
}

/// Parses and compiles a program at the command line's `-O` level,
/// printing its warnings; Err holds the text of its SyntaxError (after the
/// warnings met before it).
pub fn compile_program(source: &[u8], filename: &str, input: Input) -> Result<CodeObject, String> {
    let (parsed, warnings) = match input {
        Input::File => kaa_parser::parse_file_with_warnings(source, filename, Mode::Exec),
        Input::Command => match std::str::from_utf8(source) {
            Ok(text) => kaa_parser::parse_with_warnings(text, Mode::Exec),
            Err(_) => return Err(command_encode_error(source)),
        },
    };
    let warned = format_warnings(&warnings, filename, source);
    let module = match parsed {
        Ok(module) => module,
        Err(err) => return Err(warned + &report(&err, filename)),
    };
    // The compiler's errors take their text from the file named
    // `filename`, which `<stdin>` and `<string>` are not.
    let lines = match input {
        Input::File if filename != "<stdin>" => ErrorLines::File(source),
        _ => ErrorLines::Unavailable,
    };
    let mut compiler_warnings = Vec::new();
    let compiled = kaa_compiler::compile(
        &module,
        lines,
        filename,
        &CompileOptions {
            optimize: crate::compiler_hook::optimize_level(),
            ..CompileOptions::default()
        },
        &mut compiler_warnings,
    );
    let warned = warned + &format_warnings(&compiler_warnings, filename, source);
    let code = compiled.map_err(|err| warned.clone() + &report(&err, filename))?;
    if !warned.is_empty() {
        let _ = std::io::stderr().lock().write_all(warned.as_bytes());
    }
    Ok(code)
}

/// The end of a program's run (Modules/main.c `pymain_run_python`): a
/// traceback is printed (status 1), SystemExit gives its status, and a
/// normal end or SystemExit shuts `__main__` down. With `-i` the prompt
/// follows on the same interpreter instead, even after SystemExit (whose
/// traceback is then printed), and its end decides the status.
fn finish(vm: &mut Vm, result: Result<(), kaa_vm::PyErr>) -> Exit {
    let inspect = crate::compiler_hook::inspect();
    let (status, clean) = match &result {
        Ok(()) => (0, true),
        Err(err) if !inspect && vm.err_matches(err, "SystemExit") => (vm.exit_status(err), true),
        Err(err) => {
            vm.print_exception(err);
            if !inspect && vm.err_matches(err, "KeyboardInterrupt") {
                crate::interrupt::die_by_sigint_at_exit();
            }
            (1, false)
        }
    };
    if inspect {
        return crate::repl::prompt_until_exit(vm);
    }
    if clean {
        vm.shutdown_main();
    }
    exit_with(vm, status)
}

/// The process's exit (`Py_FinalizeEx`): standard output is flushed; if
/// that fails, CPython reports it and exits with status 120.
pub fn exit_with(vm: &mut Vm, status: i32) -> Exit {
    let status = if vm.flush_stdout_at_exit() {
        status
    } else {
        120
    };
    Exit::stderr(u8::try_from(status & 0xff).unwrap_or(1), Vec::new())
}

/// A program that cannot start (a SyntaxError, a module `-m` cannot find):
/// the message and status 1, or with `-i` the message and then the prompt.
fn compile_failed(text: String, argv: &[OsString]) -> Exit {
    if !crate::compiler_hook::inspect() {
        return Exit::stderr(1, text);
    }
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
    let options = crate::compiler_hook::vm_options(argv, crate::compiler_hook::PathZero::Empty);
    crate::repl::prompt_until_exit(&mut Vm::new(options))
}

/// `sys.path[0]` for a program from `filename`: the script's directory
/// (symlinks resolved, as CPython's `_PyPathConfig_ComputeSysPath0`), or
/// `''` for `-c` and stdin.
fn path_zero(filename: &str) -> crate::compiler_hook::PathZero {
    use crate::compiler_hook::PathZero;
    if filename.starts_with('<') {
        return PathZero::Empty;
    }
    let real = std::fs::canonicalize(filename).unwrap_or_else(|_| filename.into());
    match real.parent() {
        Some(dir) => PathZero::Dir(dir.to_string_lossy().into_owned()),
        None => PathZero::Empty,
    }
}

/// Warnings as the `warnings` module prints them: `FILE:LINE: CATEGORY:
/// MESSAGE`, then the source line stripped when `linecache` can read it
/// (not for `<string>` or `<stdin>`).
pub(crate) fn format_warnings(
    warnings: &[kaa_parser::Warning],
    filename: &str,
    source: &[u8],
) -> String {
    let mut out = String::new();
    for w in warnings {
        out.push_str(&format!(
            "{filename}:{}: {}: {}\n",
            w.lineno, w.category, w.message
        ));
        if !filename.starts_with('<') {
            let line = source
                .split(|&b| b == b'\n')
                .nth(w.lineno.saturating_sub(1) as usize);
            if let Some(line) = line {
                let text = String::from_utf8_lossy(line);
                let text = text.trim();
                if !text.is_empty() {
                    out.push_str(&format!("  {text}\n"));
                }
            }
        }
    }
    out
}

/// The text CPython prints for an uncaught SyntaxError from `filename`.
pub fn report(err: &SyntaxError, filename: &str) -> String {
    let mut report = Report::from_error(err, filename);
    // The compiler reports line -1 (stored as `u32::MAX`) where its
    // position is unset.
    if let Some(location) = &mut report.location {
        if err.lineno == u32::MAX {
            location.lineno = -1;
        }
        if err.end_lineno == u32::MAX {
            location.end_lineno = Some(-1);
        }
    }
    report.render()
}

/// `-c` text that is not UTF-8 (an argument with undecodable bytes): CPython
/// fails to encode the surrogate-escaped command back to UTF-8.
fn command_encode_error(source: &[u8]) -> String {
    let cps = os::decode_fs(OsStr::from_bytes(source));
    let (pos, cp) = cps
        .iter()
        .enumerate()
        .find(|(_, &cp)| (0xD800..0xE000).contains(&cp))
        .map_or((0, 0xDC80), |(i, &cp)| (i, cp));
    format!(
        "UnicodeEncodeError: 'utf-8' codec can't encode character '\\u{cp:04x}' \
         in position {pos}: surrogates not allowed\n"
    )
}

/// `-c CMD` (the command already ends with the newline CPython adds).
pub fn run_command(command: &OsStr, argv: &[OsString]) -> Exit {
    run_source(command.as_bytes(), "<string>", Input::Command, argv)
}

/// A script file named on the command line.
pub fn run_file(program: &OsStr, file: &OsStr, skip_first_line: bool, argv: &[OsString]) -> Exit {
    let abs = absolute(file);
    let shown = os::display(&abs);
    let path = Path::new(&abs);
    if path.is_dir() {
        return run_directory(program, &abs, argv);
    }
    let mut source = match os::read_file(path) {
        Ok(source) => source,
        Err(err) => {
            // pymain_run_file_obj: "%S: can't open file %R: [Errno %d] %s"
            let message = format!(
                "{}: can't open file {}: {}\n",
                os::display(program),
                repr_os(&abs),
                os::errno_message(&err)
            );
            return Exit::stderr(2, message);
        }
    };
    if skip_first_line {
        // -x skips up to, not including, the first newline, so line numbers
        // stay those of the file.
        let cut = source
            .iter()
            .position(|&b| b == b'\n')
            .unwrap_or(source.len());
        source.drain(..cut);
    }
    run_source(&source, &shown, Input::File, argv)
}

/// A directory is run through its `__main__.py` (runpy); without one,
/// CPython fails to find the module. runpy names the interpreter by
/// `sys.executable`, not by `argv[0]`.
fn run_directory(program: &OsStr, dir: &OsStr, argv: &[OsString]) -> Exit {
    let mut main = dir.as_bytes().to_vec();
    main.extend_from_slice(b"/__main__.py");
    let main = OsString::from_vec(main);
    match os::read_file(Path::new(&main)) {
        Ok(source) => run_source(&source, &os::display(&main), Input::File, argv),
        Err(_) => Exit::stderr(
            1,
            format!(
                "{}: can't find '__main__' module in {}\n",
                os::display(&executable(program)),
                repr_os(dir)
            ),
        ),
    }
}

/// The program on stdin (`-` or no script). A terminal would start the
/// interactive interpreter, which kaa does not have yet.
pub fn run_stdin(argv: &[OsString]) -> Exit {
    let mut stdin = std::io::stdin();
    if stdin.is_terminal() {
        return Exit::stderr(
            1,
            "NotImplementedError: kaa has no interactive mode yet\n".to_string(),
        );
    }
    let mut source = Vec::new();
    if let Err(err) = stdin.read_to_end(&mut source) {
        return Exit::stderr(1, format!("OSError: {}\n", os::errno_message(&err)));
    }
    run_source(&source, "<stdin>", Input::File, argv)
}

/// `-m MODULE` (runpy's `_run_module_as_main`): the module or package
/// (`pkg/__main__.py`) found on `sys.path`, whose first entry is the
/// current directory, run as `__main__`.
pub fn run_module(program: &OsStr, module: &OsStr, argv: &[OsString]) -> Exit {
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_default();
    let options = crate::compiler_hook::vm_options(argv, crate::compiler_hook::PathZero::Dir(cwd));
    let mut vm = Vm::new(options);
    match vm.run_module_as_main(&os::display(module)) {
        Err(kaa_vm::module::RunModuleError(msg)) => {
            vm.flush_stdout();
            let exe = os::display(&executable(program));
            compile_failed(format!("{exe}: {msg}\n"), argv)
        }
        Ok(result) => finish(&mut vm, result),
    }
}

/// CPython's `_Py_abspath`: `""` and `"."` are the current directory; another
/// relative path is joined to it with a `/` (even after `/`: `//x.py`),
/// without normalising `.` or `..`.
fn absolute(file: &OsStr) -> OsString {
    if file.as_bytes().first() == Some(&b'/') {
        return file.to_os_string();
    }
    match std::env::current_dir() {
        Ok(cwd) if matches!(file.as_bytes(), b"" | b".") => cwd.into_os_string(),
        Ok(cwd) => {
            let mut joined = cwd.into_os_string().into_vec();
            joined.push(b'/');
            joined.extend_from_slice(file.as_bytes());
            OsString::from_vec(joined)
        }
        // CPython keeps the relative path if the directory is unknown.
        Err(_) => file.to_os_string(),
    }
}

/// `sys.executable` as CPython's getpath derives it from `argv[0]`: a name
/// with a `/` made absolute (an absolute one normalised, a relative one
/// joined to the current directory after dropping leading `./`), a bare
/// name searched on `$PATH` (normalised), or `''` if not found there.
pub(crate) fn executable(argv0: &OsStr) -> OsString {
    let bytes = argv0.as_bytes();
    if bytes.first() == Some(&b'/') {
        return normpath(bytes);
    }
    if bytes.contains(&b'/') {
        let mut rel = bytes;
        while let Some(rest) = rel.strip_prefix(b"./") {
            rel = rest;
        }
        return absolute(OsStr::from_bytes(rel));
    }
    if bytes.is_empty() {
        return OsString::new();
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in path.as_bytes().split(|&b| b == b':') {
        let mut candidate = dir.to_vec();
        if !candidate.is_empty() && candidate.last() != Some(&b'/') {
            candidate.push(b'/');
        }
        candidate.extend_from_slice(bytes);
        let candidate = OsString::from_vec(candidate);
        if is_executable_file(Path::new(&candidate)) {
            return match candidate.as_bytes().first() {
                Some(b'/') => normpath(candidate.as_bytes()),
                _ => absolute(&candidate),
            };
        }
    }
    OsString::new()
}

/// Whether `path` is a regular file with an execute bit (getpath's
/// `isxfile`).
fn is_executable_file(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

/// `os.path.normpath` for an absolute POSIX path.
fn normpath(path: &[u8]) -> OsString {
    let mut parts: Vec<&[u8]> = Vec::new();
    for part in path.split(|&b| b == b'/') {
        match part {
            b"" | b"." => {}
            b".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    let mut out = Vec::new();
    for part in parts {
        out.push(b'/');
        out.extend_from_slice(part);
    }
    if out.is_empty() {
        out.push(b'/');
    }
    OsString::from_vec(out)
}

/// `repr()` of an OS string decoded as CPython decodes file names.
fn repr_os(s: &OsStr) -> String {
    kaa_repr::repr_code_points(&os::decode_fs(s))
}
