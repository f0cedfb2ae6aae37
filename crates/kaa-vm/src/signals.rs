//! Ctrl-C as CPython delivers it (Modules/signalmodule.c): the embedder's
//! SIGINT handler only sets a flag ([`VmOptions::interrupt`]); the loop
//! looks at it where CPython's eval breaker does (backward jumps and
//! function entry) and raises KeyboardInterrupt there, so Python code can
//! catch it.
//!
//! [`VmOptions::interrupt`]: crate::vm::VmOptions::interrupt

use std::sync::atomic::Ordering;

use crate::exceptions::PyResult;
use crate::vm::Vm;

impl Vm {
    /// Raises KeyboardInterrupt if SIGINT arrived since the last check
    /// (`PyErr_CheckSignals`).
    #[inline]
    pub fn check_interrupt(&mut self) -> PyResult<()> {
        match &self.options.interrupt {
            Some(flag) if flag.load(Ordering::Relaxed) => {
                flag.store(false, Ordering::Relaxed);
                Err(self.new_error_args("KeyboardInterrupt", Vec::new()))
            }
            _ => Ok(()),
        }
    }
}
