//! Printing an uncaught exception as CPython 3.11's default excepthook
//! (traceback.py's TracebackException.format): chained exceptions with
//! their separators, `File "x.py", line 3, in f` entries with the source
//! line, the PEP 657 `^^^^` / `~~~^~~~` markers, and the final
//! `Type: message` line.

use crate::exceptions::{exc_data, PyErr};
use crate::object::ObjRef;
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// traceback.py's `_ExceptionPrintContext`: the exception group nesting
/// and whether a group's closing line is still owed.
struct Ctx {
    depth: usize,
    need_close: bool,
    seen: Vec<usize>,
}

/// traceback.py's max_group_width and max_group_depth.
const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// `_ctx.emit`: every line (blank ones too) gets the group margin.
    fn emit(&self, out: &mut String, text: &str, margin: char) {
        if self.depth == 0 {
            out.push_str(text);
            return;
        }
        let prefix = format!("{}{margin} ", self.indent());
        for line in text.split_inclusive('\n') {
            out.push_str(&prefix);
            out.push_str(line);
        }
    }
}

/// The full text CPython prints for an uncaught exception.
pub fn format_exception(vm: &mut Vm, err: &PyErr) -> String {
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        seen: Vec::new(),
    };
    let mut out = String::new();
    format_rec(vm, &err.exc, &mut ctx, &mut out);
    out
}

/// `TracebackException.format`: the chain of `e`, oldest first; groups
/// with their numbered, boxed sub-exceptions.
fn format_rec(vm: &mut Vm, e: &ObjRef, ctx: &mut Ctx, out: &mut String) {
    // Walk the chain (newest first), then print oldest first.
    let mut chain: Vec<(ObjRef, &'static str)> = Vec::new();
    let mut cur = Some(e.clone());
    let mut sep = "";
    while let Some(e) = cur.take() {
        if ctx.seen.contains(&e.id()) || chain.len() > 1000 {
            break;
        }
        ctx.seen.push(e.id());
        chain.push((e.clone(), sep));
        if let Some(d) = exc_data(&e) {
            let cause = d.cause.borrow().clone();
            let context = d.context.borrow().clone();
            if let Value::Obj(c) = cause {
                cur = Some(c);
                sep = CAUSE;
            } else if let (Value::Obj(c), false) = (context, d.suppress_context.get()) {
                cur = Some(c);
                sep = CONTEXT;
            }
        }
    }
    let group = vm.exc_type("BaseExceptionGroup");
    for (e, sep) in chain.iter().rev() {
        // After `e` comes the separator that led from the newer exception
        // to it.
        let ev = Value::Obj(e.clone());
        if !vm.isinstance(&ev, &group) {
            let stack = stack_text(e);
            if !stack.is_empty() {
                ctx.emit(out, "Traceback (most recent call last):\n", '|');
                ctx.emit(out, &stack, '|');
            }
            let only = exc_only(vm, e);
            ctx.emit(out, &only, '|');
        } else if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                out,
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
        } else {
            format_group(vm, e, &ev, ctx, out);
        }
        if !sep.is_empty() {
            ctx.emit(out, sep, '|');
        }
    }
}

/// The exception group part of `TracebackException.format`.
fn format_group(vm: &mut Vm, e: &ObjRef, ev: &Value, ctx: &mut Ctx, out: &mut String) {
    let toplevel = ctx.depth == 0;
    if toplevel {
        ctx.depth += 1;
    }
    let stack = stack_text(e);
    if !stack.is_empty() {
        ctx.emit(
            out,
            "Exception Group Traceback (most recent call last):\n",
            if toplevel { '+' } else { '|' },
        );
        ctx.emit(out, &stack, '|');
    }
    let only = exc_only(vm, e);
    ctx.emit(out, &only, '|');
    let excs = vm
        .get_attr_opt(ev, "exceptions")
        .ok()
        .flatten()
        .and_then(|t| t.as_tuple().map(|t| t.to_vec()))
        .unwrap_or_default();
    let num = excs.len();
    let n = if num <= MAX_GROUP_WIDTH {
        num
    } else {
        MAX_GROUP_WIDTH + 1
    };
    ctx.need_close = false;
    for i in 0..n {
        let last = i + 1 == n;
        if last {
            ctx.need_close = true;
        }
        let truncated = i >= MAX_GROUP_WIDTH;
        let title = if truncated {
            "...".to_string()
        } else {
            (i + 1).to_string()
        };
        out.push_str(&format!(
            "{}{}+---------------- {title} ----------------\n",
            ctx.indent(),
            if i == 0 { "+-" } else { "  " }
        ));
        ctx.depth += 1;
        if !truncated {
            if let Some(Value::Obj(sub)) = excs.get(i) {
                format_rec(vm, sub, ctx, out);
            }
        } else {
            let remaining = num - MAX_GROUP_WIDTH;
            let plural = if remaining > 1 { "s" } else { "" };
            ctx.emit(
                out,
                &format!("and {remaining} more exception{plural}\n"),
                '|',
            );
        }
        if last && ctx.need_close {
            out.push_str(&format!(
                "{}+------------------------------------\n",
                ctx.indent()
            ));
            ctx.need_close = false;
        }
        ctx.depth -= 1;
    }
    if toplevel {
        ctx.depth = 0;
    }
}

/// The `File ...` lines of an exception's traceback (empty if none).
fn stack_text(e: &ObjRef) -> String {
    let mut out = String::new();
    if let Some(d) = exc_data(e) {
        let tb = d.traceback.borrow().clone();
        if !tb.is_empty() {
            let mut last: Option<(String, i32, String)> = None;
            let mut repeat = 0usize;
            for entry in tb.iter().rev() {
                let line = entry.code.line_at(entry.lasti).unwrap_or(-1);
                let key = (entry.code.filename.clone(), line, entry.code.name.clone());
                if last.as_ref() == Some(&key) {
                    repeat += 1;
                    if repeat >= 3 {
                        continue;
                    }
                } else {
                    if repeat >= 3 {
                        let n = repeat - 2;
                        out.push_str(&format!(
                            "  [Previous line repeated {} more time{}]\n",
                            n,
                            if n > 1 { "s" } else { "" }
                        ));
                    }
                    repeat = 0;
                    last = Some(key);
                }
                out.push_str(&format!(
                    "  File \"{}\", line {}, in {}\n",
                    entry.code.filename, line, entry.code.name
                ));
                let pos = entry
                    .code
                    .obj
                    .positions()
                    .get(entry.lasti)
                    .copied()
                    .unwrap_or_default();
                if let Some(src) = source_line(&entry.code.filename, line) {
                    out.push_str(&render_line(&src, pos));
                }
            }
            if repeat >= 3 {
                let n = repeat - 2;
                out.push_str(&format!(
                    "  [Previous line repeated {} more time{}]\n",
                    n,
                    if n > 1 { "s" } else { "" }
                ));
            }
        }
    }
    out
}

/// `format_exception_only`: the final line and the notes.
fn exc_only(vm: &mut Vm, e: &ObjRef) -> String {
    let mut out = String::new();
    let t = vm.type_of(&Value::Obj(e.clone()));
    let class = type_data(&t).map_or(String::new(), |d| d.qualname.clone());
    match vm.format_syntax_error(e, &class) {
        Some(s) => out.push_str(&s),
        None => out.push_str(&final_line(vm, e)),
    }
    // __notes__
    if let Some(dict) = &e.dict {
        if let Some(notes) = crate::dict::dict_get_str(dict, "__notes__") {
            if let Some(crate::object::Payload::List(l)) = notes.payload() {
                for n in l.borrow().iter() {
                    out.push_str(n.as_str().unwrap_or(""));
                    out.push('\n');
                }
            }
        }
    }
    out
}

/// `ValueError: msg` (module-qualified for classes outside `__main__`
/// and builtins).
fn final_line(vm: &mut Vm, e: &ObjRef) -> String {
    let t = vm.type_of(&Value::Obj(e.clone()));
    let (module, qual) = type_data(&t).map_or((String::new(), String::new()), |d| {
        (d.module.clone(), d.qualname.clone())
    });
    let name = if module == "__main__" || module == "builtins" {
        qual
    } else {
        format!("{module}.{qual}")
    };
    let mut msg = match vm.str_of(&Value::Obj(e.clone())) {
        Ok(s) => s,
        Err(_) => "<exception str() failed>".to_string(),
    };
    if let Some(s) = suggestion(vm, e) {
        msg.push_str(&format!(". Did you mean: '{s}'?"));
    }
    if msg.is_empty() {
        format!("{name}\n")
    } else {
        format!("{name}: {msg}\n")
    }
}

/// `_Py_Offer_Suggestions` for NameError and AttributeError.
fn suggestion(vm: &mut Vm, e: &ObjRef) -> Option<String> {
    let d = exc_data(e)?;
    let attr = |k: &str| {
        d.attrs
            .borrow()
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
    };
    let name = attr("name")?.as_str()?.to_string();
    let ev = Value::Obj(e.clone());
    if vm.isinstance(&ev, &vm.exc_type("AttributeError")) {
        let obj = attr("obj")?;
        let dir_fn = crate::dict::dict_get_str(&vm.builtins, "dir")?;
        let listed = vm.call(&dir_fn, &[obj]).ok()?;
        let names: Vec<String> = vm
            .collect(&listed)
            .ok()?
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        return crate::suggestions::suggest(&names, &name);
    }
    if vm.isinstance(&ev, &vm.exc_type("NameError")) {
        let tb = d.traceback.borrow();
        let inner = tb.first()?;
        let locals: Vec<String> = inner
            .code
            .obj
            .varnames()
            .iter()
            .map(|s| s.to_string_lossy().into_owned())
            .collect();
        if let Some(s) = crate::suggestions::suggest(&locals, &name) {
            return Some(s);
        }
        let keys = |dict: &ObjRef| -> Vec<String> {
            crate::dict::dict_items(dict)
                .iter()
                .filter_map(|(k, _)| k.as_str().map(str::to_string))
                .collect()
        };
        if let Some(g) = &inner.globals {
            if let Some(s) = crate::suggestions::suggest(&keys(g), &name) {
                return Some(s);
            }
        }
        return crate::suggestions::suggest(&keys(&vm.builtins), &name);
    }
    None
}

/// Line `line` of `filename`, as linecache reads it.
fn source_line(filename: &str, line: i32) -> Option<String> {
    if line < 1 {
        return None;
    }
    let bytes = std::fs::read(filename).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    text.split_inclusive('\n')
        .nth(line as usize - 1)
        .map(|l| l.trim_end_matches(['\n', '\r']).to_string())
}

/// The source line (stripped) and, when the location does not cover it
/// all, the markers under it.
fn render_line(src: &str, pos: kaa_bytecode::linetable::Positions) -> String {
    let stripped = src.trim_matches(|c: char| c.is_whitespace());
    if stripped.is_empty() {
        return String::new();
    }
    let mut out = format!("    {stripped}\n");
    let (Some(line), Some(end_line), Some(col), Some(end_col)) = (
        pos.lineno,
        pos.end_lineno,
        pos.col_offset,
        pos.end_col_offset,
    ) else {
        return out;
    };
    let to_char = |b: i32| -> usize {
        let b = (b.max(0) as usize).min(src.len());
        String::from_utf8_lossy(&src.as_bytes()[..b])
            .chars()
            .count()
    };
    let lead = src.chars().count() - src.trim_start().chars().count();
    let start = to_char(col);
    let stripped_len = stripped.chars().count();
    let mut end = to_char(end_col);
    let mut anchors = None;
    if line == end_line {
        let seg: String = src
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        anchors = crate::caret::anchors(&seg);
    } else {
        end = lead + stripped_len;
    }
    let show = end.saturating_sub(start) < stripped_len || anchors.is_some_and(|(l, r)| r > l);
    if show {
        out.push_str("    ");
        out.push_str(&" ".repeat(start.saturating_sub(lead)));
        match anchors {
            Some((l, r)) => {
                out.push_str(&"~".repeat(l));
                out.push_str(&"^".repeat(r - l));
                out.push_str(&"~".repeat(end.saturating_sub(start).saturating_sub(r)));
            }
            None => out.push_str(&"^".repeat(end.saturating_sub(start))),
        }
        out.push('\n');
    }
    out
}
