//! bytes: the constructor and the methods of CPython 3.11's
//! Objects/bytesobject.c and Objects/bytes_methods.c (ASCII-only case
//! and class tests, `hex`/`fromhex`, `decode` over kaa-str's codecs).

use std::borrow::Cow;
use std::cell::RefCell;

use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A new bytes value.
pub fn new_bytes(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.bytes.clone(),
        Payload::Bytes(b.into_boxed_slice()),
    ))
}

/// The contents of a bytes value.
pub fn as_bytes(v: &Value) -> Option<&[u8]> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Some(b),
        _ => None,
    }
}

/// The largest bytes or bytearray kaa makes (4 GiB): past it CPython's
/// allocation would fail with MemoryError, and so does kaa's check, where
/// an allocation failure would abort the process instead.
const MAX_LEN: usize = 1 << 32;

/// `n` when a buffer of that many bytes may be made, else MemoryError.
pub(crate) fn alloc_len(vm: &Vm, n: usize) -> PyResult<usize> {
    if n > MAX_LEN {
        return Err(vm.new_error("MemoryError", ""));
    }
    Ok(n)
}

/// A new bytearray value.
pub fn new_bytearray(vm: &Vm, b: Vec<u8>) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.bytearray.clone(),
        Payload::ByteArray(RefCell::new(b)),
    ))
}

/// The bytes of any object with the buffer protocol kaa knows (bytes,
/// bytearray, memoryview): borrowed for bytes, copied for the mutable
/// kinds (so no borrow is held while Python code runs).
pub fn buffer_of(v: &Value) -> Option<Cow<'_, [u8]>> {
    match v.payload()? {
        Payload::Bytes(b) => Some(Cow::Borrowed(b)),
        Payload::ByteArray(b) => Some(Cow::Owned(b.borrow().clone())),
        Payload::MemoryView(m) => m.to_vec().map(Cow::Owned),
        _ => None,
    }
}

/// `self`'s bytes (bytes and bytearray share these methods).
fn this<'a>(a: &'a Args<'_>) -> Cow<'a, [u8]> {
    buffer_of(&a.this).unwrap_or(Cow::Borrowed(&[]))
}

/// A result of `self`'s kind: bytearray methods return bytearrays.
fn new_like(vm: &Vm, a: &Args<'_>, b: Vec<u8>) -> Value {
    match a.this.payload() {
        Some(Payload::ByteArray(_)) => new_bytearray(vm, b),
        _ => new_bytes(vm, b),
    }
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn bytes_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    match buffer_of(v) {
        Some(b) => Ok(b.to_vec()),
        None => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// A sub-sequence argument of find/count/index: bytes or an int 0..=255.
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(v) {
        return Ok(b.into_owned());
    }
    match vm.index_of(v) {
        Ok(Some(n)) if (0..256).contains(&n) => Ok(vec![n as u8]),
        Ok(Some(_)) => Err(vm.value_error("byte must be in range(0, 256)")),
        _ => Err(vm.type_error(format!(
            "argument should be integer or bytes-like object, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// An int argument (`__index__`).
pub(crate) fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_of(v)? {
        Some(n) => Ok(n),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

// ---- the constructor ----

/// `bytes(source=b'', encoding=..., errors=...)` (`bytes_new_impl`).
fn bytes_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(src) = a.get(0) {
        if a.get(1).is_none() && a.get(2).is_none() && src.as_str().is_none() {
            // `__bytes__` comes first (bytes only; bytearray ignores it).
            if let Some(m) = vm.user_method(src, "__bytes__") {
                let r = vm.call_dunder(&m, src, &[])?;
                if as_bytes(&r).is_none() {
                    return Err(vm.type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        vm.type_name(&r)
                    )));
                }
                return Ok(r);
            }
        }
    }
    let b = bytes_from_source(vm, a, "bytes")?;
    Ok(new_bytes(vm, b))
}

/// The contents `bytes(...)`/`bytearray(...)` build from their
/// `(source, encoding, errors)` arguments (`bytes_new_impl`,
/// `bytearray___init___impl`); `kind` names the type in messages.
pub(crate) fn bytes_from_source(vm: &mut Vm, a: &Args<'_>, kind: &str) -> PyResult<Vec<u8>> {
    let Some(src) = a.get(0) else {
        if a.get(1).is_some() {
            return Err(vm.type_error("encoding without a string argument"));
        }
        if a.get(2).is_some() {
            return Err(vm.type_error("errors without a string argument"));
        }
        return Ok(Vec::new());
    };
    let str_param = |vm: &Vm, v: Option<&Value>, name: &str, default: &str| match v {
        None => Ok(default.to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.to_string()),
            None => Err(vm.type_error(format!(
                "{kind}() argument '{name}' must be str, not {}",
                vm.type_name(v)
            ))),
        },
    };
    if let Some(s) = src.as_str() {
        if a.get(1).is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let enc = str_param(vm, a.get(1), "encoding", "utf-8")?;
        let errors = str_param(vm, a.get(2), "errors", "strict")?;
        let s = kaa_str::Str::from_str(s);
        return s
            .encode(&enc, &errors)
            .map_err(|e| vm.new_error(e.class_name(), e.message()));
    }
    if a.get(1).is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if a.get(2).is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = buffer_of(src) {
        return Ok(b.into_owned());
    }
    let count = match src {
        Value::Int(n) => Some(*n),
        Value::Bool(b) => Some(*b as i64),
        _ if src.as_bigint().is_some() => {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        _ if vm.user_method(src, "__index__").is_some() => vm.index_of(src)?,
        _ => None,
    };
    if let Some(n) = count {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        return Ok(vec![0; alloc_len(vm, n as usize)?]);
    }
    let it = match vm.get_iter(src) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, "TypeError") => {
            return Err(vm.type_error(format!(
                "cannot convert '{}' object to {kind}",
                vm.type_name(src)
            )))
        }
        Err(e) => return Err(e),
    };
    let range_msg = if kind == "bytes" {
        "bytes must be in range(0, 256)"
    } else {
        "byte must be in range(0, 256)"
    };
    let mut out = Vec::new();
    while let Some(it) = vm.iter_next(&it)? {
        out.push(byte_value(vm, &it, range_msg)?);
    }
    Ok(out)
}

/// An int 0..=255 from `v` (`__index__`), or CPython's errors:
/// "'str' object cannot be interpreted as an integer", `range_msg`.
pub(crate) fn byte_value(vm: &mut Vm, v: &Value, range_msg: &str) -> PyResult<u8> {
    match v {
        Value::Int(n) if (0..256).contains(n) => return Ok(*n as u8),
        Value::Bool(b) => return Ok(*b as u8),
        _ => {}
    }
    if v.as_bigint().is_some() {
        return Err(vm.value_error(range_msg.to_string()));
    }
    match vm.index_of(v)? {
        Some(n) if (0..256).contains(&n) => Ok(n as u8),
        Some(_) => Err(vm.value_error(range_msg.to_string())),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

// ---- hex ----

/// `bytes.hex(sep=..., bytes_per_sep=1)` (`_Py_strhex_impl`): groups
/// count from the right for a positive `bytes_per_sep`.
fn hex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let sep = match a.get(0) {
        None => None,
        Some(s) => {
            let text: Vec<u8> = match (s.as_str(), as_bytes(s)) {
                (Some(t), _) => t.as_bytes().to_vec(),
                (None, Some(t)) => t.to_vec(),
                _ => return Err(vm.type_error("sep must be str or bytes.")),
            };
            if text.len() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            if !text[0].is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(text[0] as char)
        }
    };
    let per = match a.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => 1,
    };
    let digits = |x: u8| format!("{x:02x}");
    let mut out = String::with_capacity(b.len() * 3);
    match sep {
        Some(sep) if per != 0 && !b.is_empty() => {
            let n = per.unsigned_abs() as usize;
            let len = b.len();
            for (i, x) in b.iter().enumerate() {
                let boundary = if per > 0 {
                    i > 0 && (len - i).is_multiple_of(n)
                } else {
                    i > 0 && i.is_multiple_of(n)
                };
                if boundary {
                    out.push(sep);
                }
                out.push_str(&digits(*x));
            }
        }
        _ => b.iter().for_each(|x| out.push_str(&digits(*x))),
    }
    Ok(vm.new_str(&out))
}

/// `bytes.fromhex(string)`, a classmethod: pairs of hex digits with
/// ASCII whitespace between pairs.
fn fromhex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(s) = a.arg(0).as_str() else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let Some(hi) = hi else {
            return Err(bad(vm, i));
        };
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        let Some(lo) = lo else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let r = new_bytes(vm, out);
    match &a.this {
        Value::Obj(t) if !t.ptr_eq(&vm.types.bytes) => vm.call(&a.this, &[r]),
        _ => Ok(r),
    }
}

/// `bytes.decode(encoding='utf-8', errors='strict')`.
fn decode(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    // The str engineer's codec entry (exact: surrogates kept).
    crate::strcodecs::bytes_decode(vm, a)
}

// ---- case and class ----

/// A method mapping each byte.
fn map_bytes(vm: &Vm, a: &Args<'_>, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    Ok(new_like(vm, a, f(&this(a))))
}

/// `bytes.upper()`.
fn upper(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, a, |b| b.to_ascii_uppercase())
}

/// `bytes.lower()`.
fn lower(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, a, |b| b.to_ascii_lowercase())
}

/// `bytes.swapcase()`.
fn swapcase(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, a, |b| {
        b.iter()
            .map(|c| match c {
                b'a'..=b'z' => c.to_ascii_uppercase(),
                b'A'..=b'Z' => c.to_ascii_lowercase(),
                _ => *c,
            })
            .collect()
    })
}

/// `bytes.capitalize()`.
fn capitalize(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, a, |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// `bytes.title()`: a cased byte after an uncased one starts a word.
fn title(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    map_bytes(vm, a, |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

macro_rules! class_test {
    ($($name:ident, $test:expr;)*) => {
        $(
            /// A byte class test (ASCII only); False for empty bytes.
            fn $name(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
                let b = this(a);
                let t: fn(&u8) -> bool = $test;
                Ok(Value::Bool(!b.is_empty() && b.iter().all(t)))
            }
        )*
    };
}

class_test! {
    isalpha, |c| c.is_ascii_alphabetic();
    isdigit, |c| c.is_ascii_digit();
    isalnum, |c| c.is_ascii_alphanumeric();
    isspace, |c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
}

/// `bytes.isascii()` (True for empty bytes).
fn isascii(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(this(a).is_ascii()))
}

/// `bytes.isupper()` / `islower()`: some cased byte, none of the other case.
fn case_test(a: &Args<'_>, upper: bool) -> Value {
    let b = this(a);
    let has = b.iter().any(|c| {
        if upper {
            c.is_ascii_uppercase()
        } else {
            c.is_ascii_lowercase()
        }
    });
    let other = b.iter().any(|c| {
        if upper {
            c.is_ascii_lowercase()
        } else {
            c.is_ascii_uppercase()
        }
    });
    Value::Bool(has && !other)
}

/// `bytes.isupper()`.
fn isupper(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(case_test(a, true))
}

/// `bytes.islower()`.
fn islower(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(case_test(a, false))
}

/// `bytes.istitle()`.
fn istitle(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut cased = false;
    let mut prev_cased = false;
    for c in this(a).iter() {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---- searching ----

/// Clamps optional `start`/`end` (slots `i`, `i + 1`) to `len`.
/// CPython's `ADJUST_INDICES`: negative positions count from the end,
/// `end` is clamped to `len` but `start` is not (a start past the end
/// finds nothing, not even b'').
fn bounds(vm: &mut Vm, a: &Args<'_>, i: usize, len: usize) -> PyResult<(usize, usize)> {
    let from_end = |n: i64| (n + len as i64).max(0) as usize;
    let start = match a.opt(i) {
        Some(v) => match slice_index(vm, v)? {
            n if n < 0 => from_end(n),
            n => n as usize,
        },
        None => 0,
    };
    let end = match a.opt(i + 1) {
        Some(v) => match slice_index(vm, v)? {
            n if n < 0 => from_end(n),
            n => (n as usize).min(len),
        },
        None => len,
    };
    Ok((start, end))
}

/// `_PyEval_SliceIndex`: an int (big ones clamped) or `__index__`.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(b) = v.as_bigint() {
        use num_traits::Signed;
        return Ok(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    }
    match vm.index_of(v)? {
        Some(n) => Ok(n),
        None => {
            Err(vm.type_error("slice indices must be integers or None or have an __index__ method"))
        }
    }
}

/// The first (or last) position of `needle` in `hay`.
fn find_in(hay: &[u8], needle: &[u8], right: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let last = hay.len() - needle.len();
    if right {
        (0..=last)
            .rev()
            .find(|&i| &hay[i..i + needle.len()] == needle)
    } else {
        (0..=last).find(|&i| &hay[i..i + needle.len()] == needle)
    }
}

/// find/rfind/index/rindex: the position in `self`, if any.
fn find_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Option<usize>> {
    let b = this(a).to_vec();
    let sub = sub_arg(vm, a.arg(0))?;
    let (s, e) = bounds(vm, a, 1, b.len())?;
    if s > e || e - s < sub.len() {
        return Ok(None);
    }
    Ok(find_in(&b[s..e], &sub, right).map(|i| i + s))
}

/// `bytes.find(sub[, start[, end]])`.
fn find(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(
        find_impl(vm, a, false)?.map_or(-1, |i| i as i64),
    ))
}

/// `bytes.rfind(sub[, start[, end]])`.
fn rfind(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, a, true)?.map_or(-1, |i| i as i64)))
}

/// `bytes.index(sub[, start[, end]])`.
fn index(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, a, false)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

/// `bytes.rindex(sub[, start[, end]])`.
fn rindex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match find_impl(vm, a, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

/// Non-overlapping occurrences of `needle` (empty: len + 1).
fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while let Some(p) = find_in(&hay[i..], needle, false) {
        n += 1;
        i += p + needle.len();
    }
    n
}

/// `bytes.count(sub[, start[, end]])`.
fn count(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let sub = sub_arg(vm, a.arg(0))?;
    let (s, e) = bounds(vm, a, 1, b.len())?;
    if s > e {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(count_in(&b[s..e], &sub) as i64))
}

/// startswith/endswith: a bytes or a tuple of them.
fn affix(vm: &mut Vm, a: &Args<'_>, ends: bool) -> PyResult<Value> {
    let b = this(a).to_vec();
    let (s, e) = bounds(vm, a, 1, b.len())?;
    let name = if ends { "endswith" } else { "startswith" };
    let cands: Vec<Value> = match a.arg(0).as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![a.arg(0).clone()],
    };
    for c in &cands {
        let Some(p) = buffer_of(c) else {
            return Err(vm.type_error(format!(
                "{name} first arg must be bytes or a tuple of bytes, not {}",
                vm.type_name(c)
            )));
        };
        if s > e || e - s < p.len() {
            continue;
        }
        let part = &b[s..e];
        if (ends && part.ends_with(&p)) || (!ends && part.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// `bytes.startswith(prefix[, start[, end]])`.
fn startswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, false)
}

/// `bytes.endswith(suffix[, start[, end]])`.
fn endswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, true)
}

// ---- splitting, joining, stripping ----

/// Whether a byte is ASCII whitespace as `bytes.split()` sees it.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// A list of bytes values.
fn bytes_list(vm: &Vm, a: &Args<'_>, parts: Vec<Vec<u8>>) -> Value {
    let items = parts.into_iter().map(|p| new_like(vm, a, p)).collect();
    vm.new_list(items)
}

/// split/rsplit.
fn split_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let b = this(a).to_vec();
    let maxsplit = match a.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut parts: Vec<Vec<u8>> = Vec::new();
    match a.opt(0) {
        None => {
            // Runs of whitespace separate; no empty parts.
            let mut v: Vec<u8> = b.clone();
            if right {
                v.reverse();
            }
            let mut i = 0;
            while i < v.len() {
                while i < v.len() && is_space(v[i]) {
                    i += 1;
                }
                if i >= v.len() {
                    break;
                }
                if parts.len() == max {
                    // The rest keeps its far-side whitespace, as CPython.
                    parts.push(v[i..].to_vec());
                    break;
                }
                let st = i;
                while i < v.len() && !is_space(v[i]) {
                    i += 1;
                }
                parts.push(v[st..i].to_vec());
            }
            if right {
                for p in &mut parts {
                    p.reverse();
                }
                parts.reverse();
            }
        }
        Some(sep) => {
            let sep = bytes_arg(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut rest: &[u8] = &b;
            let mut out: Vec<Vec<u8>> = Vec::new();
            while out.len() < max {
                match find_in(rest, &sep, right) {
                    Some(p) => {
                        if right {
                            out.push(rest[p + sep.len()..].to_vec());
                            rest = &rest[..p];
                        } else {
                            out.push(rest[..p].to_vec());
                            rest = &rest[p + sep.len()..];
                        }
                    }
                    None => break,
                }
            }
            out.push(rest.to_vec());
            if right {
                out.reverse();
            }
            parts = out;
        }
    }
    Ok(bytes_list(vm, a, parts))
}

/// `bytes.split(sep=None, maxsplit=-1)`.
fn split(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, false)
}

/// `bytes.rsplit(sep=None, maxsplit=-1)`.
fn rsplit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, true)
}

/// `bytes.join(iterable_of_bytes)`.
fn join(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let sep = this(a).to_vec();
    let items = match vm.collect(a.arg(0)) {
        Ok(items) => items,
        Err(e) if vm.err_matches(&e, "TypeError") && vm.get_iter(a.arg(0)).is_err() => {
            return Err(vm.type_error("can only join an iterable"))
        }
        Err(e) => return Err(e),
    };
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        let Some(b) = buffer_of(it) else {
            return Err(vm.type_error(format!(
                "sequence item {i}: expected a bytes-like object, {} found",
                vm.type_name(it)
            )));
        };
        if i > 0 {
            alloc_len(vm, out.len() + sep.len() + b.len())?;
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&b);
    }
    Ok(new_like(vm, a, out))
}

/// strip/lstrip/rstrip (`how`: 1 left, 2 right, 3 both).
fn strip_impl(vm: &mut Vm, a: &Args<'_>, how: u8) -> PyResult<Value> {
    let b = this(a);
    let chars = match a.opt(0) {
        Some(c) => Some(bytes_arg(vm, c)?),
        None => None,
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut s = 0;
    let mut e = b.len();
    if how & 1 != 0 {
        while s < e && strip(&b[s]) {
            s += 1;
        }
    }
    if how & 2 != 0 {
        while e > s && strip(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_like(vm, a, b[s..e].to_vec()))
}

/// `bytes.strip(bytes=None)`.
fn strip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, 3)
}

/// `bytes.lstrip(bytes=None)`.
fn lstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, 1)
}

/// `bytes.rstrip(bytes=None)`.
fn rstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, 2)
}

/// `bytes.replace(old, new, count=-1)`.
fn replace(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let old = bytes_arg(vm, a.arg(0))?;
    let new = bytes_arg(vm, a.arg(1))?;
    let count = match a.get(2) {
        Some(v) => int_arg(vm, v)?,
        None => -1,
    };
    let mut left = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        // An empty pattern matches between every byte.
        for c in &b {
            if left > 0 {
                alloc_len(vm, out.len() + new.len())?;
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(*c);
        }
        if left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, a, out));
    }
    let mut i = 0;
    while left > 0 {
        match find_in(&b[i..], &old, false) {
            Some(p) => {
                alloc_len(vm, out.len() + p + new.len())?;
                out.extend_from_slice(&b[i..i + p]);
                out.extend_from_slice(&new);
                i += p + old.len();
                left -= 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&b[i..]);
    Ok(new_like(vm, a, out))
}

/// partition/rpartition.
fn partition_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let b = this(a).to_vec();
    let sep = bytes_arg(vm, a.arg(0))?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let parts = match find_in(&b, &sep, right) {
        Some(p) => [b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()],
        None if right => [Vec::new(), Vec::new(), b],
        None => [b, Vec::new(), Vec::new()],
    };
    let items = parts.into_iter().map(|p| new_like(vm, a, p)).collect();
    Ok(vm.new_tuple(items))
}

/// `bytes.partition(sep)`.
fn partition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, false)
}

/// `bytes.rpartition(sep)`.
fn rpartition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, true)
}

/// ljust/rjust/center (`how`: 0 left, 1 right, 2 center).
fn pad(vm: &mut Vm, a: &Args<'_>, how: u8) -> PyResult<Value> {
    let b = this(a).to_vec();
    let width = int_arg(vm, a.arg(0))?;
    let fill = match a.get(1) {
        Some(f) => match buffer_of(f).as_deref() {
            Some([c]) => *c,
            _ => {
                let name = ["ljust", "rjust", "center"][how as usize];
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(f)
                )));
            }
        },
        None => b' ',
    };
    let width = width.max(0) as usize;
    if width <= b.len() {
        return Ok(new_like(vm, a, b));
    }
    alloc_len(vm, width)?;
    let total = width - b.len();
    let left = match how {
        0 => 0,
        1 => total,
        // CPython's `pad`: the extra byte goes left when both are odd.
        _ => total / 2 + (total & width & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&b);
    out.resize(width, fill);
    Ok(new_like(vm, a, out))
}

/// `bytes.ljust(width, fillchar=b' ')`.
fn ljust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 0)
}

/// `bytes.rjust(width, fillchar=b' ')`.
fn rjust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 1)
}

/// `bytes.center(width, fillchar=b' ')`.
fn center(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, 2)
}

/// `bytes.zfill(width)`: zeros after a leading sign.
fn zfill(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let width = int_arg(vm, a.arg(0))?.max(0) as usize;
    if width <= b.len() {
        return Ok(new_like(vm, a, b));
    }
    alloc_len(vm, width)?;
    let (sign, digits) = match b.first() {
        Some(c @ (b'+' | b'-')) => (vec![*c], &b[1..]),
        _ => (Vec::new(), &b[..]),
    };
    let mut out = sign;
    out.resize(width - digits.len(), b'0');
    out.extend_from_slice(digits);
    Ok(new_like(vm, a, out))
}

/// `bytes.expandtabs(tabsize=8)`.
fn expandtabs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let tab = match a.get(0) {
        Some(v) => int_arg(vm, v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for c in b {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    alloc_len(vm, out.len().saturating_add(n as usize))?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, a, out))
}

/// `bytes.splitlines(keepends=False)`.
fn splitlines(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let keep = match a.get(0) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut i = 0;
    let mut st = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' | b'\n' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        parts.push(b[st..end].to_vec());
        i += eol;
        st = i;
    }
    if st < b.len() {
        parts.push(b[st..].to_vec());
    }
    Ok(bytes_list(vm, a, parts))
}

/// `bytes.removeprefix(prefix)`.
fn removeprefix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let p = bytes_arg(vm, a.arg(0))?;
    let r = b.strip_prefix(&p[..]).unwrap_or(&b).to_vec();
    Ok(new_like(vm, a, r))
}

/// `bytes.removesuffix(suffix)`.
fn removesuffix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let p = bytes_arg(vm, a.arg(0))?;
    let r = b.strip_suffix(&p[..]).unwrap_or(&b).to_vec();
    Ok(new_like(vm, a, r))
}

/// `bytes.translate(table, /, delete=b'')`.
fn translate(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(a).to_vec();
    let table = match a.opt(0) {
        None => None,
        Some(t) => {
            let t = bytes_arg(vm, t)?;
            if t.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(t)
        }
    };
    let delete = match a.get(1) {
        Some(d) => bytes_arg(vm, d)?,
        None => Vec::new(),
    };
    let out = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|c| table.as_ref().map_or(*c, |t| t[*c as usize]))
        .collect();
    Ok(new_like(vm, a, out))
}

/// `bytes.maketrans(frm, to)`, a staticmethod.
fn maketrans(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let frm = bytes_arg(vm, a.arg(0))?;
    let to = bytes_arg(vm, a.arg(1))?;
    if frm.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut t: Vec<u8> = (0..=255u8).collect();
    for (f, x) in frm.iter().zip(to.iter()) {
        t[*f as usize] = *x;
    }
    Ok(new_bytes(vm, t))
}

/// The `(sub[, start[, end]])` methods parse their arguments as
/// `PyArg_ParseTuple` does ("find() takes at least 1 argument (0
/// given)"), then run `f` with them bound to slots 0..3.
fn sub_start_end(
    vm: &mut Vm,
    a: &Args<'_>,
    name: &str,
    f: fn(&mut Vm, &Args<'_>) -> PyResult<Value>,
) -> PyResult<Value> {
    let n = a.rest.len();
    if !a.kwrest.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if n < 1 {
        return Err(vm.type_error(format!("{name}() takes at least 1 argument (0 given)")));
    }
    if n > 3 {
        return Err(vm.type_error(format!("{name}() takes at most 3 arguments ({n} given)")));
    }
    let slots: [Option<Value>; 3] = std::array::from_fn(|i| a.rest.get(i).cloned());
    let bound = Args {
        this: a.this.clone(),
        slots: &slots,
        rest: &[],
        kwrest: &[],
    };
    f(vm, &bound)
}

macro_rules! sub_start_end_methods {
    ($($wrapper:ident => $inner:ident;)*) => {
        $(
            /// The method with CPython's argument parsing (`sub_start_end`).
            fn $wrapper(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
                sub_start_end(vm, a, stringify!($inner), $inner)
            }
        )*
    };
}

sub_start_end_methods! {
    find_args => find;
    rfind_args => rfind;
    index_args => index;
    rindex_args => rindex;
    count_args => count;
    startswith_args => startswith;
    endswith_args => endswith;
}

/// bytes's methods (signature lines as native.rs declares them).
pub const METHODS: &[(&str, NativeFn)] = &[
    (
        "bytes.__kaa_new__(source=None, encoding=None, errors=None)",
        bytes_new,
    ),
    ("bytes.hex($self, sep=None, bytes_per_sep=1)", hex),
    (
        "bytes.decode($self, encoding='utf-8', errors='strict')",
        decode,
    ),
    ("bytes.upper($self, /)", upper),
    ("bytes.lower($self, /)", lower),
    ("bytes.swapcase($self, /)", swapcase),
    ("bytes.capitalize($self, /)", capitalize),
    ("bytes.title($self, /)", title),
    ("bytes.isalpha($self, /)", isalpha),
    ("bytes.isdigit($self, /)", isdigit),
    ("bytes.isalnum($self, /)", isalnum),
    ("bytes.isspace($self, /)", isspace),
    ("bytes.isascii($self, /)", isascii),
    ("bytes.isupper($self, /)", isupper),
    ("bytes.islower($self, /)", islower),
    ("bytes.istitle($self, /)", istitle),
    ("bytes.find($self, *args)", find_args),
    ("bytes.rfind($self, *args)", rfind_args),
    ("bytes.index($self, *args)", index_args),
    ("bytes.rindex($self, *args)", rindex_args),
    ("bytes.count($self, *args)", count_args),
    ("bytes.startswith($self, *args)", startswith_args),
    ("bytes.endswith($self, *args)", endswith_args),
    ("bytes.split($self, sep=None, maxsplit=-1)", split),
    ("bytes.rsplit($self, sep=None, maxsplit=-1)", rsplit),
    ("bytes.join($self, iterable_of_bytes, /)", join),
    ("bytes.strip($self, bytes=None, /)", strip),
    ("bytes.lstrip($self, bytes=None, /)", lstrip),
    ("bytes.rstrip($self, bytes=None, /)", rstrip),
    ("bytes.replace($self, old, new, count=-1, /)", replace),
    ("bytes.partition($self, sep, /)", partition),
    ("bytes.rpartition($self, sep, /)", rpartition),
    ("bytes.ljust($self, width, fillchar=b' ', /)", ljust),
    ("bytes.rjust($self, width, fillchar=b' ', /)", rjust),
    ("bytes.center($self, width, fillchar=b' ', /)", center),
    ("bytes.zfill($self, width, /)", zfill),
    ("bytes.expandtabs($self, tabsize=8)", expandtabs),
    ("bytes.splitlines($self, keepends=False)", splitlines),
    ("bytes.removeprefix($self, prefix, /)", removeprefix),
    ("bytes.removesuffix($self, suffix, /)", removesuffix),
    ("bytes.translate($self, table, /, delete=b'')", translate),
];

/// Fills bytes's type dict (`fromhex` a classmethod, `maketrans` static).
pub fn install(vm: &Vm) {
    let t = vm.types.bytes.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
    install_static(vm, &t, "bytes");
}

/// Installs `fromhex` (a classmethod) and `maketrans` (a staticmethod)
/// into `t`, bytes or bytearray, named `name` in messages.
pub(crate) fn install_static(vm: &Vm, t: &ObjRef, name: &str) {
    let sig = format!("{name}.fromhex($self, string, /)");
    crate::int::install_methods(vm, t, &[], &[(sig.as_str(), fromhex as NativeFn)]);
    if let Some(d) = crate::types::type_data(t) {
        let sig = format!("{name}.maketrans(frm, to, /)");
        let f = crate::builtins::make_builtin(vm, &sig, maketrans);
        let sm = Value::Obj(ObjRef::new(
            vm.types.staticmethod.clone(),
            Payload::StaticMethod(f),
        ));
        d.set_own(vm.new_str("maketrans"), sm);
    }
}

/// Whether `v` is a bytes or a bytearray (the types with bytes's methods
/// and operators).
fn is_bytes_kind(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_)))
}

/// `needle in b` (`bytes_contains`) for bytes and bytearray: a
/// bytes-like object or an int 0..=255; None for other containers.
pub fn bytes_contains(vm: &mut Vm, container: &Value, needle: &Value) -> PyResult<Option<bool>> {
    if !is_bytes_kind(container) {
        return Ok(None);
    }
    let hay = buffer_of(container).unwrap_or_default();
    if let Some(n) = buffer_of(needle) {
        return Ok(Some(n.is_empty() || find_in(&hay, &n, false).is_some()));
    }
    if !needle.is_int_like() && vm.user_method(needle, "__index__").is_none() {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(needle)
        )));
    }
    let n = byte_value(vm, needle, "byte must be in range(0, 256)")?;
    Ok(Some(hay.contains(&n)))
}

/// The count of `seq * n`: None when `n` is not an int (NotImplemented);
/// negative counts are 0; an int too big is CPython's OverflowError.
pub(crate) fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    if n.as_bigint().is_some() {
        return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
    }
    let k = match n {
        Value::Int(k) => *k,
        Value::Bool(b) => *b as i64,
        _ => match vm.user_method(n, "__index__") {
            Some(_) => vm.index_of(n)?.unwrap_or(0),
            None => return Ok(None),
        },
    };
    Ok(Some(k.max(0) as usize))
}

/// BINARY_OP's bytes and bytearray cases: `+` with any bytes-like object
/// (the result has the left operand's type; "can't concat str to
/// bytes"), `*` by an int, and `%` formatting; None otherwise.
pub fn bytes_binop(vm: &mut Vm, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
    use crate::int::nb;
    let base = if op >= 13 { op - 13 } else { op };
    if !is_bytes_kind(a) {
        return Ok(None);
    }
    let ba = matches!(a.payload(), Some(Payload::ByteArray(_)));
    let wrap = |vm: &Vm, out: Vec<u8>| {
        if ba {
            new_bytearray(vm, out)
        } else {
            new_bytes(vm, out)
        }
    };
    match base {
        nb::ADD => {
            let x = buffer_of(a).unwrap_or_default();
            match buffer_of(b) {
                Some(y) => {
                    let mut out = x.into_owned();
                    out.extend_from_slice(&y);
                    Ok(Some(wrap(vm, out)))
                }
                None if vm.is_heap(b) => Ok(None),
                None => Err(vm.type_error(format!(
                    "can't concat {} to {}",
                    vm.type_name(b),
                    vm.type_name(a)
                ))),
            }
        }
        nb::MULTIPLY => match repeat_count(vm, b)? {
            Some(n) => {
                let x = buffer_of(a).unwrap_or_default();
                alloc_len(vm, x.len().saturating_mul(n))?;
                Ok(Some(wrap(vm, x.repeat(n))))
            }
            None if vm.is_heap(b) => Ok(None),
            None => Err(vm.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                vm.type_name(b)
            ))),
        },
        nb::REMAINDER => {
            let fmt = buffer_of(a).unwrap_or_default().into_owned();
            let out = crate::bytesformat::percent_format_bytes(vm, &fmt, b)?;
            Ok(Some(wrap(vm, out)))
        }
        _ => Ok(None),
    }
}

/// COMPARE_OP for bytes, bytearray and memoryview (`bytes_richcompare`,
/// `bytearray_richcompare`, `memory_richcompare`): bytes and bytearray
/// order lexicographically with each other; a memoryview only compares
/// for (in)equality. None for NotImplemented.
pub fn bytes_compare(a: &Value, b: &Value, op: usize) -> Option<Value> {
    let is_mv = |v: &Value| matches!(v.payload(), Some(Payload::MemoryView(_)));
    let (mva, mvb) = (is_mv(a), is_mv(b));
    if (mva || mvb) && op != 2 && op != 3 {
        return None;
    }
    if mva || mvb {
        // A released view equals only itself.
        let released = |v: &Value| match v.payload() {
            Some(Payload::MemoryView(m)) => m.is_released(),
            _ => false,
        };
        if released(a) || released(b) {
            return Some(Value::Bool(a.is(b) == (op == 2)));
        }
    } else if !is_bytes_kind(a) || !is_bytes_kind(b) {
        return None;
    }
    let (x, y) = (buffer_of(a)?, buffer_of(b)?);
    Some(Value::Bool(crate::interp::cmp_result(x.cmp(&y), op)))
}
