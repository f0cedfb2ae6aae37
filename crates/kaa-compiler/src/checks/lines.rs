//! The `text` of a compile-stage SyntaxError: CPython's
//! `PyErr_ProgramTextObject`, which re-reads the line from the file named
//! by the code's filename.

/// Where the `text` of a compile-stage SyntaxError comes from.
///
/// The future checker, the symbol table and the code generator all locate
/// their errors with `PyErr_ProgramTextObject(filename, lineno)`, which
/// opens `filename` and reads the line back, so the text is only known
/// when the code came from a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorLines<'a> {
    /// The bytes of the file the code was compiled from (a script, a
    /// module): the error's line is read back from them.
    File(&'a [u8]),
    /// No file to read back (`<string>`, `<stdin>`): `text` is `None`.
    Unavailable,
}

impl ErrorLines<'_> {
    /// The text CPython gives line `lineno` (1-based; 0 or CPython's -1
    /// give `None`).
    pub fn text(&self, lineno: u32) -> Option<String> {
        match self {
            ErrorLines::File(bytes) => program_text(bytes, lineno),
            ErrorLines::Unavailable => None,
        }
    }
}

/// How many bytes one `fgets` call of `err_programtext` reads at most (its
/// buffer is 1000 bytes, one kept for the NUL).
const CHUNK: usize = 999;

/// Line `lineno` of `file` as `err_programtext` reads it: lines end at
/// `\n`, `\r\n` or `\r` (`Py_UniversalNewlineFgets`), each ending written
/// as `\n`; a line longer than the buffer leaves only its last chunk; the
/// text stops at a NUL byte (`strlen`) and must be valid UTF-8
/// (`PyUnicode_FromString`), else there is no text.
fn program_text(file: &[u8], lineno: u32) -> Option<String> {
    if lineno == 0 || lineno == u32::MAX {
        return None;
    }
    let mut pos = 0;
    let mut chunk: Vec<u8> = Vec::new();
    let mut line = 0u32;
    while line < lineno {
        // One line: fgets calls until one stops short of a full buffer or
        // at a newline (the C loop checks the buffer's last byte).
        loop {
            if pos >= file.len() {
                return None;
            }
            chunk.clear();
            while chunk.len() < CHUNK && pos < file.len() {
                let b = file[pos];
                pos += 1;
                if b == b'\r' {
                    if file.get(pos) == Some(&b'\n') {
                        pos += 1;
                    }
                    chunk.push(b'\n');
                    break;
                }
                chunk.push(b);
                if b == b'\n' {
                    break;
                }
            }
            let full = chunk.len() == CHUNK;
            if !full || chunk.last() == Some(&b'\n') {
                break;
            }
        }
        line += 1;
    }
    let end = chunk.iter().position(|&b| b == 0).unwrap_or(chunk.len());
    String::from_utf8(chunk[..end].to_vec()).ok()
}

#[cfg(test)]
mod tests {
    use super::program_text;

    #[test]
    fn lines_as_err_programtext_reads_them() {
        assert_eq!(program_text(b"a\nb\n", 1).as_deref(), Some("a\n"));
        assert_eq!(program_text(b"a\nb", 2).as_deref(), Some("b"));
        assert_eq!(program_text(b"a\r\nb  \r\nc", 2).as_deref(), Some("b  \n"));
        assert_eq!(program_text(b"a\rb", 2).as_deref(), Some("b"));
        assert_eq!(program_text(b"a\n", 2), None);
        assert_eq!(program_text(b"a", 0), None);
        assert_eq!(
            program_text(b"\xef\xbb\xbfx\n", 1).as_deref(),
            Some("\u{feff}x\n")
        );
        // Not UTF-8 (a latin-1 file): no text.
        assert_eq!(program_text(b"x = '\xe9'\n", 1), None);
        // A NUL byte ends the text.
        assert_eq!(program_text(b"ab\0cd\n", 1).as_deref(), Some("ab"));
    }

    #[test]
    fn long_lines_keep_their_last_chunk() {
        let mut file = vec![b'x'; 999];
        file.extend_from_slice(b"tail\nnext\n");
        assert_eq!(program_text(&file, 1).as_deref(), Some("tail\n"));
        assert_eq!(program_text(&file, 2).as_deref(), Some("next\n"));
        // Exactly 998 bytes and a newline fill the buffer: one chunk.
        let mut file = vec![b'y'; 998];
        file.push(b'\n');
        assert_eq!(program_text(&file, 1).map(|t| t.len()), Some(999));
    }
}
