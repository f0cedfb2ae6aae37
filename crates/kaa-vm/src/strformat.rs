//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`: a port of
//! CPython 3.11's Objects/stringlib/unicode_format.h (MarkupIterator,
//! parse_field, field_name_split, FieldNameIterator, auto-numbering, two
//! levels of nested specs) with its error messages.

use kaa_str::{Str, StrBuilder};

use crate::exceptions::PyResult;
use crate::native::Args;
use crate::strargs::receiver;
use crate::value::Value;
use crate::vm::Vm;

/// Where field values come from.
struct Source<'a> {
    /// Positional arguments (None for format_map: "Format string contains
    /// positional fields").
    args: Option<&'a [Value]>,
    /// Keyword arguments (format) ...
    kwargs: &'a [(Value, Value)],
    /// ... or the mapping (format_map).
    mapping: Option<&'a Value>,
}

/// CPython's AutoNumber state.
#[derive(Clone, Copy, PartialEq, Eq)]
enum AutoState {
    Init,
    Auto,
    Manual,
}

struct AutoNumber {
    state: AutoState,
    next: usize,
}

/// One `{...}` field split into its parts (code point ranges of the input).
struct Field {
    name: (usize, usize),
    conversion: Option<u32>,
    spec: (usize, usize),
    spec_needs_expanding: bool,
}

/// `str.format(*args, **kwargs)`.
pub fn format_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "format")?;
    let src = Source {
        args: Some(a.rest),
        kwargs: a.kwrest,
        mapping: None,
    };
    let r = str_format_source(vm, s, &src)?;
    Ok(vm.new_pystr(r))
}

/// `str.format_map(mapping)`.
pub fn format_map(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "format_map")?;
    let src = Source {
        args: None,
        kwargs: &[],
        mapping: Some(a.arg(0)),
    };
    let r = str_format_source(vm, s, &src)?;
    Ok(vm.new_pystr(r))
}

/// `fmt.format(*pos, **kw)` as a Rust string (lossy for surrogates).
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    pos: &[Value],
    kw: &[(Value, Value)],
) -> PyResult<String> {
    let src = Source {
        args: Some(pos),
        kwargs: kw,
        mapping: None,
    };
    let r = str_format_source(vm, &Str::from_str(fmt), &src)?;
    Ok(r.to_utf8_lossy().into_owned())
}

fn str_format_source(vm: &mut Vm, s: &Str, src: &Source<'_>) -> PyResult<Str> {
    let cps = s.to_code_points();
    let mut auto = AutoNumber {
        state: AutoState::Init,
        next: 0,
    };
    build_string(vm, &cps, (0, cps.len()), src, 2, &mut auto)
}

/// `build_string`: the recursion guard, then `do_markup`.
fn build_string(
    vm: &mut Vm,
    s: &[u32],
    range: (usize, usize),
    src: &Source<'_>,
    depth: u32,
    auto: &mut AutoNumber,
) -> PyResult<Str> {
    if depth == 0 {
        return Err(vm.value_error("Max string recursion exceeded"));
    }
    let mut out = StrBuilder::with_capacity(range.1 - range.0 + 16);
    let (mut pos, end) = range;
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    while pos < end {
        // MarkupIterator_next: literal text up to a brace.
        let start = pos;
        let mut c = 0;
        let mut markup = false;
        while pos < end {
            c = at(pos);
            pos += 1;
            if c == u32::from(b'{') || c == u32::from(b'}') {
                markup = true;
                break;
            }
        }
        let at_end = pos >= end;
        let mut len = pos - start;
        if c == u32::from(b'}') && markup && (at_end || at(pos) != c) {
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if at_end && markup && c == u32::from(b'{') {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        if markup && !at_end {
            if at(pos) == c {
                pos += 1;
                markup = false;
            } else {
                len -= 1;
            }
        }
        for &cp in s.get(start..start + len).unwrap_or(&[]) {
            out.push(cp);
        }
        if !markup {
            continue;
        }
        let field = parse_field(vm, s, &mut pos, end)?;
        output_markup(vm, s, &field, src, depth, auto, &mut out)?;
    }
    Ok(out.finish())
}

/// `parse_field`: `name[!conv][:spec]}` starting at `*pos`.
fn parse_field(vm: &Vm, s: &[u32], pos: &mut usize, end: usize) -> PyResult<Field> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let name_start = *pos;
    let mut c = 0;
    while *pos < end {
        c = at(*pos);
        *pos += 1;
        match char::from_u32(c) {
            Some('{') => return Err(vm.value_error("unexpected '{' in field name")),
            Some('[') => {
                while *pos < end && at(*pos) != u32::from(b']') {
                    *pos += 1;
                }
                continue;
            }
            Some('}' | ':' | '!') => break,
            _ => continue,
        }
    }
    let mut field = Field {
        name: (name_start, pos.saturating_sub(1).max(name_start)),
        conversion: None,
        spec: (0, 0),
        spec_needs_expanding: false,
    };
    if c == u32::from(b'!') || c == u32::from(b':') {
        if c == u32::from(b'!') {
            if *pos >= end {
                return Err(vm.value_error("end of string while looking for conversion specifier"));
            }
            field.conversion = Some(at(*pos));
            *pos += 1;
            if *pos < end {
                let c2 = at(*pos);
                *pos += 1;
                if c2 == u32::from(b'}') {
                    return Ok(field);
                }
                if c2 != u32::from(b':') {
                    return Err(vm.value_error("expected ':' after conversion specifier"));
                }
            }
        }
        let spec_start = *pos;
        let mut count = 1;
        while *pos < end {
            let c = at(*pos);
            *pos += 1;
            if c == u32::from(b'{') {
                field.spec_needs_expanding = true;
                count += 1;
            } else if c == u32::from(b'}') {
                count -= 1;
                if count == 0 {
                    field.spec = (spec_start, *pos - 1);
                    return Ok(field);
                }
            }
        }
        return Err(vm.value_error("unmatched '{' in format spec"));
    } else if c != u32::from(b'}') {
        return Err(vm.value_error("expected '}' before end of string"));
    }
    Ok(field)
}

/// `get_integer`: the decimal value of a range (any Unicode decimal
/// digits), None when empty or not all digits.
fn get_integer(vm: &Vm, s: &[u32]) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for &cp in s {
        let Some(d) = kaa_str::unicode::decimal_value(cp) else {
            return Ok(None);
        };
        acc = match acc.checked_mul(10).and_then(|x| x.checked_add(d as usize)) {
            Some(v) if v <= isize::MAX as usize => v,
            _ => return Err(vm.value_error("Too many decimal digits in format string")),
        };
    }
    Ok(Some(acc))
}

fn substr(vm: &Vm, s: &[u32], r: (usize, usize)) -> Value {
    vm.new_pystr(Str::from_code_points(s.get(r.0..r.1).unwrap_or(&[])))
}

/// `get_field_object`: the first part from args/kwargs, then `.attr` and
/// `[key]` lookups.
fn get_field_object(
    vm: &mut Vm,
    s: &[u32],
    name: (usize, usize),
    src: &Source<'_>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let at = |i: usize| s.get(i).copied().unwrap_or(0);
    let is_sep = |c: u32| c == u32::from(b'.') || c == u32::from(b'[');
    let mut i = name.0;
    while i < name.1 && !is_sep(at(i)) {
        i += 1;
    }
    let first = (name.0, i);
    let mut index = get_integer(vm, s.get(first.0..first.1).unwrap_or(&[]))?;
    let empty = first.0 >= first.1;
    let numeric = empty || index.is_some();
    if auto.state == AutoState::Init && numeric {
        auto.state = if empty {
            AutoState::Auto
        } else {
            AutoState::Manual
        };
    }
    if numeric {
        if auto.state == AutoState::Manual && empty {
            return Err(vm.value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        if auto.state == AutoState::Auto && !empty {
            return Err(vm.value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
    }
    if empty {
        index = Some(auto.next);
        auto.next += 1;
    }
    let mut obj = match index {
        None => {
            let key = substr(vm, s, first);
            match src.mapping {
                Some(m) => vm.get_item(m, &key)?,
                None => {
                    let ks = key.as_pystr().cloned().unwrap_or_default();
                    match src.kwargs.iter().find(|(k, _)| k.as_pystr() == Some(&ks)) {
                        Some((_, v)) => v.clone(),
                        None => return Err(vm.key_error(key)),
                    }
                }
            }
        }
        Some(n) => match src.args {
            None => return Err(vm.value_error("Format string contains positional fields")),
            Some(args) => match args.get(n) {
                Some(v) => v.clone(),
                None => {
                    return Err(vm.index_error(format!(
                        "Replacement index {n} out of range for positional args tuple"
                    )))
                }
            },
        },
    };
    // FieldNameIterator over the rest.
    while i < name.1 {
        let c = at(i);
        i += 1;
        let is_attr = c == u32::from(b'.');
        let part_start = i;
        let part;
        if is_attr {
            while i < name.1 && !is_sep(at(i)) {
                i += 1;
            }
            part = (part_start, i);
        } else if c == u32::from(b'[') {
            while i < name.1 && at(i) != u32::from(b']') {
                i += 1;
            }
            if i >= name.1 {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            part = (part_start, i);
            i += 1;
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        }
        if part.0 == part.1 {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        obj = if is_attr {
            let n = substr(vm, s, part);
            vm.get_attr(&obj, &n)?
        } else {
            match get_integer(vm, s.get(part.0..part.1).unwrap_or(&[]))? {
                Some(n) => vm.get_item(&obj, &Value::Int(n as i64))?,
                None => {
                    let k = substr(vm, s, part);
                    vm.get_item(&obj, &k)?
                }
            }
        };
    }
    Ok(obj)
}

/// `output_markup`: the field's value, converted, formatted with its
/// (possibly expanded) spec.
fn output_markup(
    vm: &mut Vm,
    s: &[u32],
    field: &Field,
    src: &Source<'_>,
    depth: u32,
    auto: &mut AutoNumber,
    out: &mut StrBuilder,
) -> PyResult<()> {
    let mut obj = get_field_object(vm, s, field.name, src, auto)?;
    if let Some(conv) = field.conversion {
        obj = match char::from_u32(conv) {
            Some('r') => crate::format::repr_value(vm, &obj)?,
            Some('s') => crate::format::str_value(vm, &obj)?,
            Some('a') => crate::format::ascii_value(vm, &obj)?,
            _ => {
                let msg = if conv > 32 && conv < 127 {
                    format!("Unknown conversion specifier {}", conv as u8 as char)
                } else {
                    format!("Unknown conversion specifier \\x{conv:x}")
                };
                return Err(vm.value_error(msg));
            }
        };
    }
    let spec = if field.spec_needs_expanding {
        build_string(vm, s, field.spec, src, depth - 1, auto)?
    } else {
        Str::from_code_points(s.get(field.spec.0..field.spec.1).unwrap_or(&[]))
    };
    let r = crate::format::format_to_str(vm, &obj, &spec)?;
    out.push_str(&r);
    Ok(())
}
