//! `str` methods, `format()` / f-string formatting and printf-style `%`.
//!
//! TEMPORARY: written over the minimal `StrData` until kaa-str's `Str` and
//! kaa-num's format-spec and `%` implementations are wired in; the
//! format-spec support here covers fill, align, sign, width, `,`/`_`,
//! precision and the d/f/e/g/s/x/o/b/%/c types.

use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

fn this(vm: &Vm, a: &Args<'_>) -> PyResult<String> {
    match a.this.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            vm.type_name(&a.this)
        ))),
    }
}

fn str_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.to_string()),
        None => Err(vm.type_error(format!("{what}, not {}", vm.type_name(v)))),
    }
}

fn opt_str(vm: &Vm, a: &Args<'_>, i: usize, what: &str) -> PyResult<Option<String>> {
    match a.opt(i) {
        Some(v) => str_arg(vm, v, what).map(Some),
        None => Ok(None),
    }
}

fn join(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let sep = this(vm, a)?;
    let items = vm.collect(a.arg(0))?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match it.as_str() {
            Some(s) => out.push_str(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.new_str(&out))
}

fn maxsplit(vm: &mut Vm, a: &Args<'_>, i: usize) -> PyResult<i64> {
    match a.get(i) {
        Some(v) => Ok(vm.index_of(v)?.unwrap_or(-1)),
        None => Ok(-1),
    }
}

fn split_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let s = kstr(vm, a)?;
    let sep = opt_str(vm, a, 0, "must be str or None")?.map(|sep| kaa_str::Str::from_str(&sep));
    let max = maxsplit(vm, a, 1)?;
    let max = isize::try_from(max).unwrap_or(isize::MAX);
    let parts = if right {
        s.rsplit(sep.as_ref(), max)
    } else {
        s.split(sep.as_ref(), max)
    };
    let parts = parts.map_err(|e| vm.new_error(e.class_name(), e.message()))?;
    let items = parts.iter().map(|p| back(vm, p)).collect();
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, false)
}

fn rsplit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, true)
}

fn strip_impl(vm: &mut Vm, a: &Args<'_>, left: bool, right: bool) -> PyResult<Value> {
    let s = this(vm, a)?;
    let chars = opt_str(vm, a, 0, "strip arg must be None or str")?;
    let pat = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => c.is_whitespace(),
    };
    let mut r: &str = &s;
    if left {
        r = r.trim_start_matches(pat);
    }
    if right {
        r = r.trim_end_matches(pat);
    }
    Ok(vm.new_str(r))
}

fn strip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, true, true)
}
fn lstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, true, false)
}
fn rstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, false, true)
}

/// A `kaa_str::Str` of the receiver (kaa-str holds the exact Unicode
/// algorithms; kaa-vm's storage converts until it adopts `Str`).
fn kstr(vm: &Vm, a: &Args<'_>) -> PyResult<kaa_str::Str> {
    Ok(kaa_str::Str::from_str(&this(vm, a)?))
}

fn back(vm: &Vm, s: &kaa_str::Str) -> Value {
    vm.new_str(&s.to_utf8_lossy())
}

macro_rules! case_method {
    ($name:ident) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let s = kstr(vm, a)?;
            Ok(back(vm, &s.$name()))
        }
    };
}
case_method!(upper);
case_method!(lower);
case_method!(casefold);
case_method!(swapcase);
case_method!(title);
case_method!(capitalize);

fn expandtabs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = kstr(vm, a)?;
    let n = match a.get(0) {
        Some(v) => vm.index_of(v)?.unwrap_or(8),
        None => 8,
    };
    match s.expandtabs(n as isize) {
        Ok(r) => Ok(back(vm, &r)),
        Err(e) => Err(vm.new_error(e.class_name(), e.message())),
    }
}

fn replace(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let old = str_arg(vm, a.arg(0), "replace() argument 1 must be str")?;
    let new = str_arg(vm, a.arg(1), "replace() argument 2 must be str")?;
    let count = maxsplit(vm, a, 2)?;
    let r = if count < 0 {
        s.replace(&old, &new)
    } else {
        s.replacen(&old, &new, count as usize)
    };
    Ok(vm.new_str(&r))
}

fn affix(vm: &mut Vm, a: &Args<'_>, ends: bool) -> PyResult<Value> {
    let s = this(vm, a)?;
    let sub = a.arg(0);
    let cands: Vec<String> = match sub.as_tuple() {
        Some(t) => t
            .iter()
            .map(|x| x.as_str().unwrap_or("").to_string())
            .collect(),
        None => match sub.as_str() {
            Some(x) => vec![x.to_string()],
            None => {
                let which = if ends { "endswith" } else { "startswith" };
                return Err(vm.type_error(format!(
                    "{which} first arg must be str or a tuple of str, not {}",
                    vm.type_name(sub)
                )));
            }
        },
    };
    let chars: Vec<char> = s.chars().collect();
    let (start, end) = bounds(vm, a, 1, chars.len())?;
    let hay: String = chars
        .get(start..end.max(start))
        .unwrap_or(&[])
        .iter()
        .collect();
    Ok(Value::Bool(cands.iter().any(|c| {
        if ends {
            hay.ends_with(c.as_str())
        } else {
            hay.starts_with(c.as_str())
        }
    })))
}

fn bounds(vm: &mut Vm, a: &Args<'_>, i: usize, len: usize) -> PyResult<(usize, usize)> {
    let len = len as i64;
    let norm = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    let start = match a.opt(i) {
        Some(v) => norm(vm.index_of(v)?.unwrap_or(0)),
        None => 0,
    };
    let end = match a.opt(i + 1) {
        Some(v) => norm(vm.index_of(v)?.unwrap_or(len)),
        None => len,
    };
    Ok((start as usize, end as usize))
}

fn startswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, false)
}
fn endswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, true)
}

/// The optional `start`/`end` arguments from position `i` as given (None
/// for absent or None); kaa-str applies Python's slice adjustment.
fn raw_bounds(vm: &mut Vm, a: &Args<'_>, i: usize) -> PyResult<(Option<isize>, Option<isize>)> {
    let mut get = |j: usize| -> PyResult<Option<isize>> {
        match a.opt(j) {
            Some(v) => Ok(vm.index_of(v)?.map(|n| n as isize)),
            None => Ok(None),
        }
    };
    Ok((get(i)?, get(i + 1)?))
}

fn find_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Option<usize>> {
    let s = kstr(vm, a)?;
    let sub = kaa_str::Str::from_str(&str_arg(vm, a.arg(0), "must be str")?);
    let (start, end) = raw_bounds(vm, a, 1)?;
    let pos = if right {
        s.rfind(&sub, start, end)
    } else {
        s.find(&sub, start, end)
    };
    Ok(usize::try_from(pos).ok())
}

fn find(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, false)?.map_or(-1, |i| i as i64),
    ))
}
fn rfind(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, a, true)?.map_or(-1, |i| i as i64)))
}
fn index(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, a, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn rindex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, a, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("substring not found")),
    }
}
fn count(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = kstr(vm, a)?;
    let sub = kaa_str::Str::from_str(&str_arg(vm, a.arg(0), "must be str")?);
    let (start, end) = raw_bounds(vm, a, 1)?;
    Ok(Value::Int(s.count(&sub, start, end) as i64))
}

macro_rules! predicate {
    ($name:ident) => {
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let s = kstr(vm, a)?;
            Ok(Value::Bool(s.$name()))
        }
    };
}
predicate!(isspace);
predicate!(isalpha);
predicate!(isalnum);
predicate!(isdecimal);
predicate!(isdigit);
predicate!(isnumeric);
predicate!(isascii);
predicate!(isprintable);
predicate!(islower);
predicate!(isupper);
predicate!(istitle);
predicate!(isidentifier);

fn pad(vm: &mut Vm, a: &Args<'_>, how: u8) -> PyResult<Value> {
    let s = this(vm, a)?;
    let width = vm.index_of(a.arg(0))?.unwrap_or(0);
    let fill = match a.get(1) {
        Some(f) => {
            let fs = f.as_str().unwrap_or(" ");
            if fs.chars().count() != 1 {
                return Err(vm.type_error("The fill character must be exactly one character long"));
            }
            fs.chars().next().unwrap_or(' ')
        }
        None => ' ',
    };
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(vm.new_str(&s));
    }
    let total = (width - len) as usize;
    let (l, r) = match how {
        0 => (0, total),
        1 => (total, 0),
        _ => {
            // CPython's center: left = total/2 + (total & width & 1).
            let left = total / 2 + (total & (width as usize) & 1);
            (left, total - left)
        }
    };
    let mut out = String::new();
    out.extend(std::iter::repeat_n(fill, l));
    out.push_str(&s);
    out.extend(std::iter::repeat_n(fill, r));
    Ok(vm.new_str(&out))
}
fn ljust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 0)
}
fn rjust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 1)
}
fn center(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 2)
}
fn zfill(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let width = vm.index_of(a.arg(0))?.unwrap_or(0);
    let len = s.chars().count() as i64;
    if width <= len {
        return Ok(vm.new_str(&s));
    }
    let fill = "0".repeat((width - len) as usize);
    let r = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{}{}", &s[..1], fill, &s[1..])
    } else {
        format!("{fill}{s}")
    };
    Ok(vm.new_str(&r))
}

fn splitlines(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let keep = match a.get(0) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut brk = c.to_string();
            if c == '\r' && chars.peek() == Some(&'\n') {
                chars.next();
                brk.push('\n');
            }
            if keep {
                cur.push_str(&brk);
            }
            out.push(vm.new_str(&cur));
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(vm.new_str(&cur));
    }
    Ok(vm.new_list(out))
}

fn partition_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let s = this(vm, a)?;
    let sep = str_arg(vm, a.arg(0), "must be str")?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let pos = if right { s.rfind(&sep) } else { s.find(&sep) };
    let parts = match pos {
        Some(i) => [
            s[..i].to_string(),
            sep.clone(),
            s[i + sep.len()..].to_string(),
        ],
        None if right => [String::new(), String::new(), s.clone()],
        None => [s.clone(), String::new(), String::new()],
    };
    let items = parts.iter().map(|p| vm.new_str(p)).collect();
    Ok(vm.new_tuple(items))
}
fn partition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, false)
}
fn rpartition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, true)
}
fn removeprefix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let p = str_arg(vm, a.arg(0), "removeprefix() argument must be str")?;
    Ok(vm.new_str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}
fn removesuffix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let p = str_arg(vm, a.arg(0), "removesuffix() argument must be str")?;
    Ok(vm.new_str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}
fn encode(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    Ok(Value::Obj(crate::object::ObjRef::new(
        vm.types.bytes.clone(),
        Payload::Bytes(s.into_bytes().into_boxed_slice()),
    )))
}

fn format_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = this(vm, a)?;
    let r = str_format(vm, &s, a.rest, a.kwrest)?;
    Ok(vm.new_str(&r))
}

/// `str.format`: fields `{name!conv:spec}` with auto/explicit numbering,
/// attribute and index lookups, nested fields in the spec.
pub fn str_format(vm: &mut Vm, s: &str, pos: &[Value], kw: &[(Value, Value)]) -> PyResult<String> {
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut auto = 0usize;
    let mut manual = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth != 0 {
                return Err(vm.value_error("expected '}' before end of string"));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            let (head, spec) = match field.find(':') {
                Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (head[..p].to_string(), Some(head[p + 1..].to_string())),
                None => (head, None),
            };
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut v = if first.is_empty() {
                if manual {
                    return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
                }
                let v = pos.get(auto).cloned();
                auto += 1;
                match v {
                    Some(v) => v,
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {} out of range for positional args tuple",
                            auto - 1
                        )))
                    }
                }
            } else if let Ok(n) = first.parse::<usize>() {
                manual = true;
                match pos.get(n) {
                    Some(v) => v.clone(),
                    None => {
                        return Err(vm.index_error(format!(
                            "Replacement index {n} out of range for positional args tuple"
                        )))
                    }
                }
            } else {
                match kw.iter().find(|(k, _)| k.as_str() == Some(first)) {
                    Some((_, v)) => v.clone(),
                    None => return Err(vm.key_error(vm.new_str(first))),
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    let attr = vm.new_str(&r[..end]);
                    v = vm.get_attr(&v, &attr)?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => vm.new_str(key),
                    };
                    v = vm.get_item(&v, &k)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let spec = if spec.contains('{') {
                str_format(vm, &spec, pos, kw)?
            } else {
                spec
            };
            let v = match conv.as_deref() {
                Some("r") => {
                    let r = vm.repr_of(&v)?;
                    vm.new_str(&r)
                }
                Some("s") => {
                    let r = vm.str_of(&v)?;
                    vm.new_str(&r)
                }
                Some("a") => {
                    let r = vm.repr_of(&v)?;
                    vm.new_str(&ascii_escape(&r))
                }
                Some(other) => {
                    return Err(vm.value_error(format!("Unknown conversion specifier {other}")))
                }
                None => v,
            };
            out.push_str(&vm.format(&v, &spec)?);
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

/// `ascii()`'s escaping of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let cp = c as u32;
        if cp < 128 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{cp:02x}"));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{cp:04x}"));
        } else {
            out.push_str(&format!("\\U{cp:08x}"));
        }
    }
    out
}

fn str_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        None => Ok(vm.new_str("")),
        Some(v) => {
            if let (Some(Payload::Bytes(b)), Some(_)) = (v.payload(), a.get(1)) {
                return match std::str::from_utf8(b) {
                    Ok(s) => Ok(vm.new_str(s)),
                    Err(_) => {
                        Err(vm.new_error("UnicodeDecodeError", "'utf-8' codec can't decode bytes"))
                    }
                };
            }
            if v.as_str().is_some() && !vm.is_heap(v) {
                return Ok(v.clone());
            }
            let s = vm.str_of(v)?;
            Ok(vm.new_str(&s))
        }
    }
}

/// The str type's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("str.join($self, iterable, /)", join),
    ("str.split($self, /, sep=None, maxsplit=-1)", split),
    ("str.rsplit($self, /, sep=None, maxsplit=-1)", rsplit),
    ("str.strip($self, chars=None, /)", strip),
    ("str.lstrip($self, chars=None, /)", lstrip),
    ("str.rstrip($self, chars=None, /)", rstrip),
    ("str.upper($self, /)", upper),
    ("str.lower($self, /)", lower),
    ("str.casefold($self, /)", casefold),
    ("str.expandtabs($self, /, tabsize=8)", expandtabs),
    ("str.swapcase($self, /)", swapcase),
    ("str.title($self, /)", title),
    ("str.capitalize($self, /)", capitalize),
    ("str.replace($self, old, new, count=-1, /)", replace),
    (
        "str.startswith($self, prefix, start=None, end=None, /)",
        startswith,
    ),
    (
        "str.endswith($self, suffix, start=None, end=None, /)",
        endswith,
    ),
    ("str.find($self, sub, start=None, end=None, /)", find),
    ("str.rfind($self, sub, start=None, end=None, /)", rfind),
    ("str.index($self, sub, start=None, end=None, /)", index),
    ("str.rindex($self, sub, start=None, end=None, /)", rindex),
    ("str.count($self, sub, start=None, end=None, /)", count),
    ("str.isdigit($self, /)", isdigit),
    ("str.isnumeric($self, /)", isnumeric),
    ("str.isdecimal($self, /)", isdecimal),
    ("str.isascii($self, /)", isascii),
    ("str.isprintable($self, /)", isprintable),
    ("str.istitle($self, /)", istitle),
    ("str.isalpha($self, /)", isalpha),
    ("str.isspace($self, /)", isspace),
    ("str.isalnum($self, /)", isalnum),
    ("str.isupper($self, /)", isupper),
    ("str.islower($self, /)", islower),
    ("str.isidentifier($self, /)", isidentifier),
    ("str.ljust($self, width, fillchar=' ', /)", ljust),
    ("str.rjust($self, width, fillchar=' ', /)", rjust),
    ("str.center($self, width, fillchar=' ', /)", center),
    ("str.zfill($self, width, /)", zfill),
    ("str.splitlines($self, /, keepends=False)", splitlines),
    ("str.partition($self, sep, /)", partition),
    ("str.rpartition($self, sep, /)", rpartition),
    ("str.removeprefix($self, prefix, /)", removeprefix),
    ("str.removesuffix($self, suffix, /)", removesuffix),
    (
        "str.encode($self, /, encoding='utf-8', errors='strict')",
        encode,
    ),
    ("str.format($self, /, *args, **kwargs)", format_method),
    (
        "str.__kaa_new__(object='', encoding=None, errors=None)",
        str_new,
    ),
];
