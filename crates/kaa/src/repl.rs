//! The interactive prompt (Python/pythonrun.c `PyRun_InteractiveLoopFlags`
//! with the interactive tokenizer's line reading): `>>> ` and `... `
//! prompts, one statement compiled in `single` mode and run in `__main__`
//! at a time, errors printed without leaving the prompt.
//!
//! CPython's parser pulls lines from the terminal as it needs them; kaa
//! reads a line, parses what it has so far, and asks for another line while
//! the input can only be the start of a statement ([`classify`]): an
//! unclosed bracket or triple-quoted string, a backslash continuation, a
//! block header without its body, or a compound statement that a blank line
//! has not ended yet. The prompts and messages are CPython's.
//!
//! On a terminal, lines are read with line editing and a session history
//! (rustyline, prompts on stdout as GNU readline prints them); otherwise
//! plainly, prompts on stderr (`python3 -i < file`).

use std::io::{BufRead, IsTerminal, Write};

use kaa_compiler::{CompileMode, CompileOptions, ErrorLines};
use kaa_parser::ast::{Mod, StmtKind};
use kaa_parser::{Mode, SyntaxError};
use kaa_vm::Vm;

use crate::script::report;
use crate::Exit;

/// `kaa` with no script on a terminal, or `kaa -i` without one: the banner
/// (unless `-q`), then the prompt on a new interpreter until end of input
/// or SystemExit.
pub fn run_prompt(argv: &[std::ffi::OsString], quiet: bool) -> Exit {
    let options = crate::compiler_hook::vm_options(argv, crate::compiler_hook::PathZero::Empty);
    let mut vm = Vm::new(options);
    if !quiet {
        vm.write_stderr(&banner());
    }
    if let Some(status) = run_startup(&mut vm) {
        vm.shutdown_main();
        return crate::script::exit_with(&mut vm, status);
    }
    prompt_until_exit(&mut vm)
}

/// The file named by PYTHONSTARTUP, run in `__main__` before the first
/// prompt (Modules/main.c `pymain_run_startup`, `PyRun_SimpleFile`):
/// `__file__` is set while it runs; an error is printed and the prompt
/// starts anyway; SystemExit ends the process (`Some(status)`).
fn run_startup(vm: &mut Vm) -> Option<i32> {
    let path = crate::compiler_hook::env_var("PYTHONSTARTUP")?;
    let shown = crate::os::display(&path);
    let source = match crate::os::read_file(std::path::Path::new(&path)) {
        Ok(source) => source,
        Err(err) => {
            let exc = vm.os_error_with_filename(&err, &shown);
            let text = vm.format_exception(&exc);
            vm.write_stderr(&format!("Could not open PYTHONSTARTUP\n{text}"));
            return None;
        }
    };
    let code = match crate::script::compile_program(&source, &shown, crate::script::Input::File) {
        Ok(code) => code,
        Err(text) => {
            vm.write_stderr(&text);
            return None;
        }
    };
    let result = vm.run_file_in_main(code, &shown);
    match result {
        Ok(()) => None,
        Err(err) if vm.err_matches(&err, "SystemExit") => Some(vm.exit_status(&err)),
        Err(err) => {
            vm.print_exception(&err);
            None
        }
    }
}

/// Runs the prompt on `vm` (after `-i`'s program, or on a new one) and
/// shuts the interpreter down: status 0 at end of input, or SystemExit's.
pub fn prompt_until_exit(vm: &mut Vm) -> Exit {
    let mut lines = stdin_lines();
    let status = interact(vm, lines.as_mut()).unwrap_or(0);
    vm.shutdown_main();
    crate::script::exit_with(vm, status)
}

/// What reading one line gave.
pub enum Read {
    /// A line, without its end-of-line characters.
    Line(String),
    /// End of input (Ctrl-D on an empty line).
    Eof,
    /// Ctrl-C while reading: the statement being typed is dropped.
    Interrupted,
}

/// Where the prompt's lines come from.
pub trait Lines {
    /// Shows `prompt` and reads one line.
    fn read(&mut self, prompt: &str) -> Read;
}

/// Lines from a pipe or file: the prompt goes to stderr (CPython's
/// `PyOS_StdioReadline` writes it there when stdin is not a terminal).
pub struct PlainLines<R: BufRead> {
    input: R,
}

impl<R: BufRead> PlainLines<R> {
    /// Reads from `input`.
    pub fn new(input: R) -> Self {
        PlainLines { input }
    }
}

impl<R: BufRead> Lines for PlainLines<R> {
    fn read(&mut self, prompt: &str) -> Read {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(prompt.as_bytes());
        let _ = err.flush();
        let mut buf = Vec::new();
        match self.input.read_until(b'\n', &mut buf) {
            Ok(0) | Err(_) => Read::Eof,
            Ok(_) => {
                if buf.ends_with(b"\n") {
                    buf.pop();
                }
                Read::Line(String::from_utf8_lossy(&buf).into_owned())
            }
        }
    }
}

/// Lines from a terminal, with line editing and history.
pub struct EditedLines {
    editor: rustyline::DefaultEditor,
    /// The rest of a multi-line paste (bracketed paste gives it as one
    /// input), handed out one line at a time as if typed.
    pasted: std::collections::VecDeque<String>,
}

impl EditedLines {
    /// An editor on the terminal, or None when the terminal cannot be set
    /// up (then input is read plainly).
    pub fn new() -> Option<Self> {
        let config = rustyline::Config::builder().auto_add_history(true).build();
        rustyline::DefaultEditor::with_config(config)
            .ok()
            .map(|editor| EditedLines {
                editor,
                pasted: Default::default(),
            })
    }
}

impl Lines for EditedLines {
    fn read(&mut self, prompt: &str) -> Read {
        if let Some(line) = self.pasted.pop_front() {
            // Shown as the terminal would show it typed.
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{prompt}{line}");
            let _ = out.flush();
            return Read::Line(line);
        }
        match self.editor.readline(prompt) {
            Ok(text) if text.contains('\n') => {
                // CPython's readline prompt takes a paste line by line.
                let mut lines = text.lines().map(str::to_string);
                let first = lines.next().unwrap_or_default();
                self.pasted.extend(lines);
                Read::Line(first)
            }
            Ok(line) => Read::Line(line),
            Err(rustyline::error::ReadlineError::Interrupted) => Read::Interrupted,
            Err(_) => Read::Eof,
        }
    }
}

/// The prompt's line source for stdin: edited on a terminal, plain
/// otherwise.
pub fn stdin_lines() -> Box<dyn Lines> {
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        if let Some(edited) = EditedLines::new() {
            return Box::new(edited);
        }
    }
    Box::new(PlainLines::new(std::io::stdin().lock()))
}

/// The banner printed on stderr before the first prompt (unless `-q`).
pub fn banner() -> String {
    format!(
        "Python 3.11.7 (kaa {}) on linux\nType \"exit()\" or Ctrl-D (i.e. EOF) to exit.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where the statement being typed stands.
#[derive(Debug, PartialEq, Eq)]
pub enum Status {
    /// Nothing to run (blank or comment-only first line).
    Empty,
    /// The input so far can only be the start of a statement: ask for a
    /// line more with the continuation prompt.
    More,
    /// A whole statement (or an error to report): compile and run it.
    Complete,
}

/// Whether the lines typed so far form a statement to run.
///
/// The rules reproduce what CPython's interactive tokenizer and parser do:
/// an error at the end of the input (an unclosed bracket or string, a
/// header without its block, `try:` without its handler) asks for more; a
/// compound statement runs once a blank line ends it; a simple statement
/// runs at once.
pub fn classify(lines: &[String]) -> Status {
    let Some(last) = lines.last() else {
        return Status::Empty;
    };
    let first = lines.first().map(|l| l.trim_start()).unwrap_or("");
    if lines.len() == 1 && (first.is_empty() || first.starts_with('#')) {
        return Status::Empty;
    }
    let last_blank = last.trim().is_empty();
    match kaa_parser::parse(&joined(lines), Mode::Single) {
        Ok(Mod::Interactive { body }) => {
            let compound = body.first().is_some_and(|s| is_compound(&s.node));
            if compound && !last_blank {
                Status::More
            } else {
                Status::Complete
            }
        }
        Ok(_) => Status::Complete,
        Err(err) if at_end_of_input(&err, lines, last_blank) => Status::More,
        Err(_) => Status::Complete,
    }
}

/// The source text of `lines`.
fn joined(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Statements with a block, which a blank line ends at the prompt.
fn is_compound(kind: &StmtKind) -> bool {
    matches!(
        kind,
        StmtKind::FunctionDef { .. }
            | StmtKind::AsyncFunctionDef { .. }
            | StmtKind::ClassDef { .. }
            | StmtKind::For { .. }
            | StmtKind::AsyncFor { .. }
            | StmtKind::While { .. }
            | StmtKind::If { .. }
            | StmtKind::With { .. }
            | StmtKind::AsyncWith { .. }
            | StmtKind::Match { .. }
            | StmtKind::Try { .. }
            | StmtKind::TryStar { .. }
    )
}

/// Whether `err` only says the input stopped too early: the tokenizer ran
/// out inside a bracket, a string or a continuation line, or the parser
/// failed on the end of the input itself (CPython's "incomplete input").
/// After a blank line only the tokenizer's cases still ask for more.
fn at_end_of_input(err: &SyntaxError, lines: &[String], last_blank: bool) -> bool {
    let msg = err.msg.as_str();
    if msg.ends_with("was never closed")
        || msg.starts_with("unterminated triple-quoted string literal")
        || msg == "unexpected EOF while parsing"
    {
        return true;
    }
    if last_blank {
        return false;
    }
    let n = lines.len() as u32;
    let last_len = lines
        .last()
        .map(|l| l.trim_end().chars().count())
        .unwrap_or(0) as u32;
    err.lineno > n || (err.lineno == n && err.offset > last_len)
}

/// Runs the prompt on `vm` until end of input (`None`) or a SystemExit
/// (`Some(status)`).
pub fn interact(vm: &mut Vm, input: &mut dyn Lines) -> Option<i32> {
    vm.init_prompts();
    loop {
        let mut lines: Vec<String> = Vec::new();
        let status = loop {
            vm.flush_stdout();
            let prompt = if lines.is_empty() {
                vm.prompt("ps1", ">>> ")
            } else {
                vm.prompt("ps2", "... ")
            };
            match input.read(&prompt) {
                Read::Line(line) => lines.push(line),
                Read::Eof => {
                    // CPython ends the prompt's line; a statement begun
                    // still runs (or reports its error).
                    let mut err = std::io::stderr().lock();
                    let _ = err.write_all(b"\n");
                    if lines.is_empty() {
                        return None;
                    }
                    break Status::Complete;
                }
                Read::Interrupted => {
                    vm.write_stderr("\nKeyboardInterrupt\n");
                    break Status::Empty;
                }
            }
            match classify(&lines) {
                Status::More => continue,
                done => break done,
            }
        };
        if status == Status::Complete {
            if let Some(code) = run_statement(vm, &joined(&lines)) {
                return Some(code);
            }
        }
    }
}

/// Compiles and runs one statement typed at the prompt, printing its
/// warnings, SyntaxError or traceback; `Some(status)` on SystemExit.
fn run_statement(vm: &mut Vm, text: &str) -> Option<i32> {
    let filename = "<stdin>";
    let (parsed, warnings) = kaa_parser::parse_with_warnings(text, Mode::Single);
    let mut out = crate::script::format_warnings(&warnings, filename, text.as_bytes());
    let compiled = parsed.and_then(|module| {
        let options = CompileOptions {
            mode: CompileMode::Single,
            ..CompileOptions::default()
        };
        let mut warnings = Vec::new();
        let r = kaa_compiler::compile(
            &module,
            ErrorLines::Unavailable,
            filename,
            &options,
            &mut warnings,
        );
        out.push_str(&crate::script::format_warnings(
            &warnings,
            filename,
            text.as_bytes(),
        ));
        r
    });
    vm.flush_stdout();
    match compiled {
        Ok(code) => {
            vm.write_stderr(&out);
            match vm.run_in_main(code, None) {
                Ok(()) => None,
                Err(err) if vm.err_matches(&err, "SystemExit") => Some(vm.exit_status(&err)),
                Err(err) => {
                    vm.print_exception(&err);
                    None
                }
            }
        }
        Err(err) => {
            out.push_str(&report(&err, filename));
            vm.write_stderr(&out);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(lines: &[&str]) -> Status {
        let lines: Vec<String> = lines.iter().map(|s| s.to_string()).collect();
        classify(&lines)
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(status(&["1 + 1"]), Status::Complete);
        assert_eq!(status(&["x = 1; y = 2"]), Status::Complete);
        assert_eq!(status(&["def f(:"]), Status::Complete);
        assert_eq!(status(&["  x"]), Status::Complete);
    }

    #[test]
    fn blank_and_comment_lines_are_empty() {
        assert_eq!(status(&[""]), Status::Empty);
        assert_eq!(status(&["   "]), Status::Empty);
        assert_eq!(status(&["# note"]), Status::Empty);
    }

    #[test]
    fn open_constructs_ask_for_more() {
        assert_eq!(status(&["(1,"]), Status::More);
        assert_eq!(status(&["(1,", ""]), Status::More);
        assert_eq!(status(&["x = '''a"]), Status::More);
        assert_eq!(status(&["1\\"]), Status::More);
        assert_eq!(status(&["if 1:"]), Status::More);
        assert_eq!(status(&["@dec"]), Status::More);
        assert_eq!(status(&["try:", "  pass"]), Status::More);
        assert_eq!(status(&["if 1:", "  x=1", "else:"]), Status::More);
    }

    #[test]
    fn compound_statements_end_at_a_blank_line() {
        assert_eq!(status(&["if 1: print(1)"]), Status::More);
        assert_eq!(status(&["if 1: print(1)", ""]), Status::Complete);
        assert_eq!(status(&["for i in []:", "  pass", ""]), Status::Complete);
        // A header followed by a blank line is an IndentationError.
        assert_eq!(status(&["if 1:", ""]), Status::Complete);
        // A new statement without the blank line is a SyntaxError.
        assert_eq!(status(&["def f():", "  return 1", "f()"]), Status::Complete);
    }
}
