//! SIGINT (Ctrl-C) as CPython handles it: a handler that only sets a flag
//! the VM turns into KeyboardInterrupt, and, when KeyboardInterrupt ends
//! the program uncaught, death by SIGINT after the traceback (Modules/
//! main.c `exit_sigint`), so the shell sees status 130 and a script
//! running kaa in a loop stops too.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// The flag the handler sets.
static FLAG: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// Whether the process must die by SIGINT once its output is written.
static DIE_BY_SIGINT: AtomicBool = AtomicBool::new(false);

/// Installs the SIGINT handler (once). If the handler cannot be installed,
/// Ctrl-C keeps its default action.
pub fn install() {
    let flag = Arc::new(AtomicBool::new(false));
    if signal_hook::flag::register(signal_hook::consts::SIGINT, Arc::clone(&flag)).is_ok() {
        let _ = FLAG.set(flag);
    }
}

/// The flag to give the VM (`VmOptions::interrupt`).
pub fn flag() -> Option<Arc<AtomicBool>> {
    FLAG.get().cloned()
}

/// Records that an uncaught KeyboardInterrupt ends the program.
pub fn die_by_sigint_at_exit() {
    DIE_BY_SIGINT.store(true, Ordering::Relaxed);
}

/// At the very end of the process: dies by SIGINT if recorded (the
/// default action restored first); returns otherwise.
pub fn finish_process() {
    if DIE_BY_SIGINT.load(Ordering::Relaxed) {
        let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGINT);
    }
}
