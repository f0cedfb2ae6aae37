//! The command's help and version texts (Python/initconfig.c `usage_line`,
//! `usage_help`, `usage_envvars`, `usage_xoptions`; the texts in usage/ are
//! python3's own output).

use std::ffi::OsStr;
use std::os::unix::ffi::OsStrExt;

/// The Python version kaa implements.
pub const PYTHON_VERSION: &str = "3.11.7";

/// `-h` after the usage line.
const HELP: &str = include_str!("usage/help.txt");
/// `--help-env`.
const ENVVARS: &str = include_str!("usage/envvars.txt");
/// `--help-xoptions`.
const XOPTIONS: &str = include_str!("usage/xoptions.txt");

/// `usage: PROGRAM [option] ... [-c cmd | -m mod | file | -] [arg] ...`
pub fn usage_line(program: &OsStr) -> Vec<u8> {
    let mut out = b"usage: ".to_vec();
    out.extend_from_slice(program.as_bytes());
    out.extend_from_slice(b" [option] ... [-c cmd | -m mod | file | -] [arg] ...\n");
    out
}

/// `-h`, `-?`, `--help`.
pub fn help(program: &OsStr) -> Vec<u8> {
    let mut out = usage_line(program);
    out.extend_from_slice(HELP.as_bytes());
    out
}

/// `--help-env`.
pub fn envvars() -> Vec<u8> {
    ENVVARS.as_bytes().to_vec()
}

/// `--help-xoptions`.
pub fn xoptions() -> Vec<u8> {
    XOPTIONS.as_bytes().to_vec()
}

/// `--help-all` (`config_complete_usage`: each part followed by `puts("\n")`).
pub fn complete(program: &OsStr) -> Vec<u8> {
    let mut out = help(program);
    out.extend_from_slice(b"\n\n");
    out.extend_from_slice(ENVVARS.as_bytes());
    out.extend_from_slice(b"\n\n");
    out.extend_from_slice(XOPTIONS.as_bytes());
    out
}

/// `-V` (`Python 3.11.7`); given twice CPython adds build details, for which
/// kaa names itself.
pub fn version(count: u32) -> String {
    if count >= 2 {
        format!(
            "Python {PYTHON_VERSION} (kaa {})\n",
            env!("CARGO_PKG_VERSION")
        )
    } else {
        format!("Python {PYTHON_VERSION}\n")
    }
}
