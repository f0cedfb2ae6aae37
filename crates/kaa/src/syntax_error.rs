//! Printing an uncaught SyntaxError the way CPython 3.11's C-level exception
//! printer does (Python/pythonrun.c: `print_exception`,
//! `print_exception_file_and_line`, `parse_syntax_error` and
//! `print_error_text`).

use kaa_parser::{ErrorKind, SyntaxError};

/// The fields of a SyntaxError instance as `parse_syntax_error` reads them.
///
/// Offsets are 1-based; `None` stands for a `None` attribute. The fields are
/// CPython's attribute values; see [`Report::from_error`] for how a
/// `kaa_parser::SyntaxError` maps onto them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// The class name: `SyntaxError`, `IndentationError`, `TabError`, or a
    /// non-SyntaxError class raised by the front end (`MemoryError`, ...).
    pub class: &'static str,
    pub msg: String,
    /// `None` when the exception carries no location at all: CPython then
    /// prints no `File` line (its `parse_syntax_error` fails on `lineno`).
    pub location: Option<Location>,
}

/// Where a SyntaxError points: `filename`, `lineno`, `offset`, `text`,
/// `end_lineno` and `end_offset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    pub filename: String,
    pub lineno: i64,
    pub offset: Option<i64>,
    pub text: Option<String>,
    pub end_lineno: Option<i64>,
    pub end_offset: Option<i64>,
}

impl Report {
    /// The report for an error from the front end, raised while compiling
    /// `filename`.
    ///
    /// An error with no line, no offset and no text has no location (as
    /// CPython's "source code string cannot contain null bytes"). An offset
    /// of 0 prints as CPython's `None` does: no caret.
    pub fn from_error(err: &SyntaxError, filename: &str) -> Report {
        let class = err.kind.name();
        let is_syntax_error = matches!(
            err.kind,
            ErrorKind::SyntaxError | ErrorKind::IndentationError | ErrorKind::TabError
        );
        let unlocated = err.lineno == 0 && err.offset == 0 && err.text.is_none();
        let location = if !is_syntax_error || unlocated {
            None
        } else {
            Some(Location {
                filename: filename.to_string(),
                lineno: i64::from(err.lineno),
                offset: Some(i64::from(err.offset)),
                text: err.text.clone(),
                end_lineno: Some(i64::from(err.end_lineno)),
                end_offset: Some(i64::from(err.end_offset)),
            })
        };
        Report {
            class,
            msg: err.msg.clone(),
            location,
        }
    }

    /// The text CPython writes to stderr for this exception, uncaught at the
    /// top level (no traceback frames).
    pub fn render(&self) -> String {
        let mut out = String::new();
        if let Some(loc) = &self.location {
            render_location(&mut out, self.class, loc);
        }
        // `print_exception` writes the class name, then ": " and `str(value)`
        // unless that string is empty.
        out.push_str(self.class);
        if !self.msg.is_empty() {
            out.push_str(": ");
            out.push_str(&self.msg);
        }
        out.push('\n');
        out
    }
}

/// `print_exception_file_and_line`: the `File` line and the source line with
/// its carets.
fn render_location(out: &mut String, class: &str, loc: &Location) {
    out.push_str(&format!(
        "  File \"{}\", line {}\n",
        loc.filename, loc.lineno
    ));
    let Some(text) = &loc.text else {
        return;
    };
    // `parse_syntax_error` reads a missing offset as -1, and end positions
    // only for SyntaxError itself: its subclasses (IndentationError,
    // TabError) always get end_lineno = lineno, end_offset = -1.
    let offset = loc.offset.unwrap_or(-1);
    let (end_lineno, mut end_offset) = if class == "SyntaxError" {
        (
            loc.end_lineno.unwrap_or(loc.lineno),
            loc.end_offset.unwrap_or(-1),
        )
    } else {
        (loc.lineno, -1)
    };
    // The sizes below are of the UTF-8 encoding, while the offsets count
    // characters: CPython mixes the two, and so must kaa.
    let line_size = text.len() as i64;
    // An error spanning lines is highlighted to the end of its first line.
    if end_lineno > loc.lineno {
        end_offset = line_size;
    }
    // No more carets than the line has room for.
    if end_offset > line_size + 1 {
        end_offset = line_size + 1;
    }
    print_error_text(out, offset, end_offset, text.as_bytes());
}

/// `print_error_text`: the source line with leading whitespace stripped and
/// the caret line under it. Works on UTF-8 bytes as the C code does, and
/// stops at a NUL byte as C strings do.
fn print_error_text(out: &mut String, offset: i64, end_offset: i64, text: &[u8]) {
    let caret_repetitions = if end_offset > 0 && end_offset > offset {
        end_offset - offset
    } else {
        1
    };
    let text = match text.iter().position(|&b| b == 0) {
        Some(nul) => &text[..nul],
        None => text,
    };
    // 1-based to 0-based.
    let mut offset = offset - 1;
    // Strip leading spaces, tabs and form feeds, moving the offset with them.
    let mut start = 0;
    while let Some(b' ' | b'\t' | b'\x0c') = text.get(start) {
        start += 1;
        offset -= 1;
    }
    let mut text = &text[start..];
    // Length without the trailing newline.
    let mut len = text.len() as i64;
    if text.last() == Some(&b'\n') {
        len -= 1;
    }
    if offset > len {
        offset = len;
    }
    // Skip whole lines that end before the offset (text spanning lines).
    while let Some(nl) = text.iter().position(|&b| b == b'\n') {
        let inl = nl as i64;
        if inl >= offset {
            break;
        }
        text = &text[nl + 1..];
        len -= inl + 1;
        offset -= inl + 1;
    }
    out.push_str("    ");
    out.push_str(&String::from_utf8_lossy(text));
    // A newline is added unless the byte at `len` is one.
    let ends_with_newline = usize::try_from(len)
        .ok()
        .and_then(|i| text.get(i))
        .is_some_and(|&b| b == b'\n');
    if !ends_with_newline {
        out.push('\n');
    }
    // No caret when it would point left of the text.
    if offset < 0 {
        return;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat(caret_repetitions as usize));
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Cases generated by tools/regen_expected.py from python3's own printer
    /// (`raise SyntaxError(msg, (filename, lineno, offset, text, end_lineno,
    /// end_offset))` uncaught, traceback frames removed).
    const CASES: &str = include_str!("../tests/data/syntax_error_display.txt");

    fn parse_opt(s: &str) -> Option<i64> {
        if s == "None" {
            None
        } else {
            Some(s.parse().expect("bad number in test data"))
        }
    }

    fn unescape(s: &str) -> String {
        // The data file escapes backslash, newline, tab, form feed and NUL.
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('f') => out.push('\x0c'),
                Some('0') => out.push('\0'),
                Some('\\') => out.push('\\'),
                other => panic!("bad escape {other:?}"),
            }
        }
        out
    }

    #[test]
    fn matches_cpython_printer() {
        let mut failures = Vec::new();
        let mut count = 0;
        for case in CASES.split("\n=====\n").filter(|c| !c.trim().is_empty()) {
            let (fields, expected) = case.split_once("\n-----\n").expect("bad case");
            let f: Vec<&str> = fields.split('\t').collect();
            assert_eq!(f.len(), 6, "bad fields line {fields:?}");
            let class = match f[0] {
                "SyntaxError" => "SyntaxError",
                "IndentationError" => "IndentationError",
                "TabError" => "TabError",
                other => panic!("unknown class {other}"),
            };
            let report = Report {
                class,
                msg: "m".to_string(),
                location: Some(Location {
                    filename: "f".to_string(),
                    lineno: f[1].parse().expect("lineno"),
                    offset: parse_opt(f[2]),
                    text: (f[3] != "None").then(|| unescape(f[3])),
                    end_lineno: parse_opt(f[4]),
                    end_offset: parse_opt(f[5]),
                }),
            };
            count += 1;
            let got = report.render();
            let want = unescape(expected);
            if got != want {
                failures.push(format!("{fields}\n got: {got:?}\nwant: {want:?}"));
            }
        }
        assert!(count > 50, "too few cases: {count}");
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    }

    #[test]
    fn unlocated_errors_print_only_the_message() {
        let r = Report {
            class: "SyntaxError",
            msg: "source code string cannot contain null bytes".to_string(),
            location: None,
        };
        assert_eq!(
            r.render(),
            "SyntaxError: source code string cannot contain null bytes\n"
        );
        let r = Report {
            class: "MemoryError",
            msg: String::new(),
            location: None,
        };
        assert_eq!(r.render(), "MemoryError\n");
    }
}
