//! Standard output and error as CPython's `sys.stdout`/`sys.stderr`
//! buffer them (Python/pylifecycle.c `create_stdio`): stdout is
//! unbuffered with `-u`/PYTHONUNBUFFERED, line-buffered on a terminal and
//! block-buffered otherwise, so its text reaches a pipe at exit, after a
//! traceback on stderr, as CPython's does; stderr is written at once.
//!
//! A failed write (a closed pipe) raises the OSError CPython raises from
//! `print()` (BrokenPipeError, status 1 when uncaught); a failed flush at
//! exit prints CPython's "Exception ignored" message (status 120).

use std::io::Write;

use crate::exceptions::{PyErr, PyResult};
use crate::value::Value;
use crate::vm::Vm;

/// How standard output is buffered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Buffering {
    /// Every write goes out at once (`-u`, PYTHONUNBUFFERED).
    Unbuffered,
    /// Written at each newline (a terminal).
    Line,
    /// Written when the buffer fills, and at exit (a pipe or file).
    #[default]
    Block,
}

/// The size of the block buffer (io.DEFAULT_BUFFER_SIZE).
const BLOCK_SIZE: usize = 8192;

impl Vm {
    /// Appends text to standard output; a write error is dropped (for
    /// output that is not the program's own, e.g. the prompt's echo).
    pub fn write_stdout(&mut self, s: &str) {
        let _ = self.write_stdout_checked(s);
    }

    /// Appends text to standard output, writing it out as the buffering
    /// mode says; a failed write raises the OSError CPython raises.
    pub fn write_stdout_checked(&mut self, s: &str) -> PyResult<()> {
        self.out.extend_from_slice(s.as_bytes());
        let due = match self.options.stdout_buffering {
            Buffering::Unbuffered => true,
            Buffering::Line => s.contains('\n'),
            Buffering::Block => self.out.len() >= BLOCK_SIZE,
        };
        if due {
            self.try_flush_stdout()?;
        }
        Ok(())
    }

    /// Writes the buffered standard output, ignoring errors.
    pub fn flush_stdout(&mut self) {
        let _ = self.try_flush_stdout();
    }

    /// Writes the buffered standard output (`sys.stdout.flush()`). If the
    /// write fails, a buffered stream keeps the text that fits its buffer
    /// (so the flush at exit fails again, as CPython's BufferedWriter
    /// does); an unbuffered one drops it.
    pub fn try_flush_stdout(&mut self) -> PyResult<()> {
        if self.options.capture_stdout {
            let out = std::mem::take(&mut self.out);
            self.captured.extend_from_slice(&out);
            return Ok(());
        }
        if self.out.is_empty() {
            return Ok(());
        }
        let mut o = std::io::stdout().lock();
        match o.write_all(&self.out).and_then(|()| o.flush()) {
            Ok(()) => {
                self.out.clear();
                Ok(())
            }
            Err(e) => {
                // What does not fit the buffer went straight to the file
                // and is lost with the error.
                if self.options.stdout_buffering == Buffering::Unbuffered
                    || self.out.len() > BLOCK_SIZE
                {
                    self.out.clear();
                }
                Err(self.os_error(&e))
            }
        }
    }

    /// The flush at interpreter exit (`flush_std_files`): true if it
    /// worked; otherwise CPython's "Exception ignored" report is printed
    /// and the process must exit with status 120.
    pub fn flush_stdout_at_exit(&mut self) -> bool {
        match self.try_flush_stdout() {
            Ok(()) => true,
            Err(err) => {
                let text = self.format_exception(&err);
                self.write_stderr(&format!(
                    "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' \
                     encoding='utf-8'>\n{text}"
                ));
                false
            }
        }
    }

    /// Writes text to standard error at once (stderr is unbuffered for
    /// kaa's purposes: CPython's is line-buffered and flushed after each
    /// write of a traceback or message).
    pub fn write_stderr(&mut self, s: &str) {
        if self.options.capture_stdout {
            self.captured_err.push_str(s);
            return;
        }
        let mut e = std::io::stderr().lock();
        let _ = e.write_all(s.as_bytes());
        let _ = e.flush();
    }

    /// The OSError for a failed system call (`PyErr_SetFromErrno`): the
    /// subclass its errno selects (BrokenPipeError for EPIPE, ...), with
    /// `errno` and `strerror` set.
    pub fn os_error(&mut self, err: &std::io::Error) -> PyErr {
        self.os_error_args(err, None)
    }

    /// The OSError for a failed system call on the file `filename`
    /// (`PyErr_SetFromErrnoWithFilenameObject`: its str ends with
    /// `: 'filename'`).
    pub fn os_error_with_filename(&mut self, err: &std::io::Error, filename: &str) -> PyErr {
        self.os_error_args(err, Some(filename))
    }

    fn os_error_args(&mut self, err: &std::io::Error, filename: Option<&str>) -> PyErr {
        let Some(errno) = err.raw_os_error() else {
            return self.new_error("OSError", err.to_string());
        };
        // Rust's message is strerror's text followed by " (os error N)".
        let text = err.to_string();
        let strerror = match text.rfind(" (os error ") {
            Some(at) => text[..at].to_string(),
            None => text,
        };
        let cls = self.exc_type("OSError");
        let mut args = vec![Value::Int(i64::from(errno)), self.new_str(&strerror)];
        if let Some(name) = filename {
            args.push(self.new_str(name));
        }
        match crate::excattrs::construct(self, &cls, &args, &[]) {
            Ok(Value::Obj(exc)) => PyErr { exc },
            Ok(_) => self.new_error("OSError", strerror),
            Err(e) => e,
        }
    }
}
