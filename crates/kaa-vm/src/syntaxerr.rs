//! SyntaxError instances: made from a compile-hook error with CPython's
//! attributes (`msg`, `filename`, `lineno`, `offset`, `text`,
//! `end_lineno`, `end_offset`), their `str()` (`SyntaxError_str`), and how
//! CPython 3.11's C-level exception printer shows one uncaught
//! (Python/pythonrun.c: `print_exception_file_and_line`,
//! `parse_syntax_error`, `print_error_text`).

use crate::compilehook::CompileError;
use crate::exceptions::PyErr;
use crate::object::ObjRef;
use crate::value::Value;
use crate::vm::Vm;

/// Where a SyntaxError points, as `parse_syntax_error` reads it (offsets
/// 1-based; `None` is a `None` attribute).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// `filename`.
    pub filename: String,
    /// `lineno`.
    pub lineno: i64,
    /// `offset`.
    pub offset: Option<i64>,
    /// `text`.
    pub text: Option<String>,
    /// `end_lineno`.
    pub end_lineno: Option<i64>,
    /// `end_offset`.
    pub end_offset: Option<i64>,
}

impl Vm {
    /// The SyntaxError (or subclass) exception for a compile error.
    pub fn syntax_error_from(&self, err: &CompileError) -> PyErr {
        let class = if self.types.exc.contains_key(err.class.as_str()) {
            err.class.as_str()
        } else {
            "SyntaxError"
        };
        let msg = self.new_str(&err.msg);
        let is_syntax = matches!(class, "SyntaxError" | "IndentationError" | "TabError");
        if !is_syntax || err.lineno.is_none() {
            return self.new_error_args(class, vec![msg]);
        }
        let int = |v: Option<i64>| v.map_or(Value::None, Value::Int);
        let text = err.text.as_deref().map_or(Value::None, |t| self.new_str(t));
        let filename = self.new_str(&err.filename);
        let details = self.new_tuple(vec![
            filename.clone(),
            int(err.lineno),
            int(err.offset),
            text.clone(),
            int(err.end_lineno),
            int(err.end_offset),
        ]);
        let e = self.new_error_args(class, vec![msg.clone(), details]);
        if let Some(d) = &e.exc.dict {
            let attrs = [
                ("msg", msg),
                ("filename", filename),
                ("lineno", int(err.lineno)),
                ("offset", int(err.offset)),
                ("text", text),
                ("end_lineno", int(err.end_lineno)),
                ("end_offset", int(err.end_offset)),
                ("print_file_and_line", Value::None),
            ];
            for (k, v) in attrs {
                let k = self.new_str(k);
                crate::dict::dict_set_simple(self, d, k, v);
            }
        }
        e
    }

    /// Whether `e` is a SyntaxError instance.
    fn is_syntax_error(&self, e: &ObjRef) -> bool {
        self.isinstance(&Value::Obj(e.clone()), &self.exc_type("SyntaxError"))
    }

    /// `SyntaxError.__str__`: `msg (file, line N)` with the file's base
    /// name; None when `e` is no SyntaxError.
    pub(crate) fn syntax_error_str(&mut self, e: &ObjRef) -> Option<String> {
        if !self.is_syntax_error(e) {
            return None;
        }
        let attr = |k: &str| {
            e.dict
                .as_ref()
                .and_then(|d| crate::dict::dict_get_str(d, k))
        };
        let msg = attr("msg").or_else(|| self.exc_args(e).first().cloned());
        let msg = match msg {
            Some(m) => self.str_of(&m).unwrap_or_default(),
            None => "None".to_string(),
        };
        let filename = attr("filename").and_then(|v| v.as_str().map(str::to_string));
        let base = filename
            .as_deref()
            .map(|f| f.rsplit('/').next().unwrap_or(f).to_string());
        let lineno = match attr("lineno") {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        };
        Some(match (base, lineno) {
            (Some(f), Some(l)) => format!("{msg} ({f}, line {l})"),
            (Some(f), None) => format!("{msg} ({f})"),
            (None, Some(l)) => format!("{msg} (line {l})"),
            (None, None) => msg,
        })
    }

    /// The uncaught-exception text of a SyntaxError after its traceback:
    /// the `File` line, the source line with carets, `CLASS: msg`. None
    /// for other exceptions (or one without `print_file_and_line`).
    pub(crate) fn format_syntax_error(&mut self, e: &ObjRef, class: &str) -> Option<String> {
        if !self.is_syntax_error(e) {
            return None;
        }
        let d = e.dict.clone()?;
        crate::dict::dict_get_str(&d, "print_file_and_line")?;
        let get = |k: &str| crate::dict::dict_get_str(&d, k);
        let int = |v: Option<Value>| match v {
            Some(Value::Int(i)) => Some(i),
            _ => None,
        };
        let msg = match get("msg") {
            Some(m) => self.str_of(&m).ok()?,
            None => String::new(),
        };
        let mut out = String::new();
        let filename = match get("filename") {
            Some(f) if f.as_str().is_some() => f.as_str().unwrap_or("").to_string(),
            Some(f) if !f.is_none() => self.str_of(&f).ok()?,
            _ => "<string>".to_string(),
        };
        if let Some(lineno) = int(get("lineno")) {
            let loc = Location {
                filename,
                lineno,
                offset: int(get("offset")),
                text: get("text").and_then(|t| t.as_str().map(str::to_string)),
                end_lineno: int(get("end_lineno")),
                end_offset: int(get("end_offset")),
            };
            render_location(&mut out, class, &loc);
        }
        out.push_str(class);
        if !msg.is_empty() {
            out.push_str(": ");
            out.push_str(&msg);
        }
        out.push('\n');
        Some(out)
    }
}

/// `print_exception_file_and_line`: the `File` line and the source line
/// with its carets.
pub fn render_location(out: &mut String, class: &str, loc: &Location) {
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
        end_offset.saturating_sub(offset)
    } else {
        1
    };
    let text = match text.iter().position(|&b| b == 0) {
        Some(nul) => &text[..nul],
        None => text,
    };
    // 1-based to 0-based.
    let mut offset = offset.saturating_sub(1);
    // Strip leading spaces, tabs and form feeds, moving the offset with them.
    let mut start = 0;
    while let Some(b' ' | b'\t' | b'\x0c') = text.get(start) {
        start += 1;
        offset = offset.saturating_sub(1);
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
        offset = offset.saturating_sub(inl + 1);
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
    out.push_str(&"^".repeat(caret_repetitions.max(0) as usize));
    out.push('\n');
}
