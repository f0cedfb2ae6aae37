//! How CPython shows operating-system values: file names decoded from bytes
//! with `surrogateescape`, and `OSError` messages (`[Errno 2] No such file or
//! directory`).

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The code points of an OS string as CPython decodes it (UTF-8 with
/// `surrogateescape`: each undecodable byte `b` becomes U+DC00+`b`).
pub fn decode_fs(s: &OsStr) -> Vec<u32> {
    use std::os::unix::ffi::OsStrExt;
    let mut out = Vec::new();
    let mut rest = s.as_bytes();
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(valid) => {
                out.extend(valid.chars().map(|c| c as u32));
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                // `good` is valid UTF-8 by construction.
                out.extend(String::from_utf8_lossy(good).chars().map(|c| c as u32));
                let skip = e.error_len().unwrap_or(bad.len()).max(1);
                for &b in bad.iter().take(skip) {
                    out.push(0xDC00 + u32::from(b));
                }
                rest = bad.get(skip..).unwrap_or(&[]);
            }
        }
    }
    out
}

/// Text of code points as CPython writes it to stderr (UTF-8 with the
/// `backslashreplace` error handler: a lone surrogate prints as `\udcff`).
pub fn backslashreplace(cps: &[u32]) -> String {
    let mut out = String::new();
    for &cp in cps {
        match char::from_u32(cp) {
            Some(c) => out.push(c),
            None => out.push_str(&format!("\\u{cp:04x}")),
        }
    }
    out
}

/// An OS string (a file name, an argument) as CPython shows it on stderr.
pub fn display(s: &OsStr) -> String {
    backslashreplace(&decode_fs(s))
}

/// CPython's `str(OSError)` without a file name: `[Errno 2] No such file or
/// directory`.
pub fn errno_message(err: &io::Error) -> String {
    match err.raw_os_error() {
        Some(code) => format!("[Errno {code}] {}", strerror(err)),
        None => err.to_string(),
    }
}

/// The C library's `strerror` text for an OS error. Rust's `Display` for an
/// OS error is `"<strerror> (os error N)"`; the suffix is dropped.
fn strerror(err: &io::Error) -> String {
    let text = err.to_string();
    match (err.raw_os_error(), text.rfind(" (os error ")) {
        (Some(_), Some(cut)) => text[..cut].to_string(),
        _ => text,
    }
}

/// The `EISDIR` error: opening a directory with `open()` fails in CPython
/// (its `FileIO` checks `fstat`), while `File::open` on Linux succeeds.
fn is_a_directory() -> io::Error {
    io::Error::from_raw_os_error(21)
}

/// Reads a whole file as CPython's `open(path, 'rb').read()` would,
/// including its refusal to open directories.
pub fn read_file(path: &Path) -> io::Result<Vec<u8>> {
    let mut file = File::open(path)?;
    if file.metadata()?.is_dir() {
        return Err(is_a_directory());
    }
    let mut data = Vec::new();
    file.read_to_end(&mut data)?;
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn surrogateescape_decoding() {
        let s = OsStr::from_bytes(b"a\xffb\xc3\xa9\xe2\x82");
        assert_eq!(decode_fs(s), vec![0x61, 0xDCFF, 0x62, 0xE9, 0xDCE2, 0xDC82]);
        assert_eq!(display(s), "a\\udcffb\u{e9}\\udce2\\udc82");
    }

    #[test]
    fn errno_text() {
        let e = io::Error::from_raw_os_error(2);
        assert_eq!(errno_message(&e), "[Errno 2] No such file or directory");
        assert_eq!(
            errno_message(&is_a_directory()),
            "[Errno 21] Is a directory"
        );
    }
}
