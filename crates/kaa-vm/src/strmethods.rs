//! The methods of `str`, each CPython 3.11's: signature, argument checks
//! and messages (strargs.rs) around kaa-str's exact algorithms. str.format
//! and format_map are in strformat.rs, encode and the decoding constructor
//! in strcodecs.rs.

use kaa_str::{Str, Translation};

use crate::exceptions::{PyErr, PyResult};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::strargs::{
    bounds, opt_str_arg, receiver, slice_index, ssize_arg, ssize_or, str_arg, str_error,
};
use crate::value::Value;
use crate::vm::Vm;

/// A str result, or `self` itself when the operation changed nothing and
/// `self` is an exact str (CPython returns the same object then).
fn same_or_new(vm: &Vm, a: &Args<'_>, before: &Str, r: Str) -> Value {
    if r.len() == before.len() && !vm.is_heap(&a.this) && r == *before {
        return a.this.clone();
    }
    vm.new_pystr(r)
}

macro_rules! unary {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            let s = receiver(vm, a, stringify!($name))?;
            Ok(vm.new_pystr(s.$name()))
        }
    )*};
}
unary!(upper, lower, casefold, swapcase, title, capitalize);

macro_rules! predicate {
    ($($name:ident),*) => {$(
        fn $name(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
            Ok(Value::Bool(receiver(vm, a, stringify!($name))?.$name()))
        }
    )*};
}
predicate!(
    isspace,
    isalpha,
    isalnum,
    isdecimal,
    isdigit,
    isnumeric,
    isascii,
    isprintable,
    islower,
    isupper,
    istitle,
    isidentifier
);

/// `str.join(iterable)`: CPython's `PyUnicode_Join` over `PySequence_Fast`.
fn join(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let sep = receiver(vm, a, "join")?;
    let arg = a.arg(0);
    let items = match arg.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => {
            if let Err(e) = vm.get_iter(arg) {
                return Err(if vm.err_matches(&e, "TypeError") {
                    vm.type_error("can only join an iterable")
                } else {
                    e
                });
            }
            vm.collect(arg)?
        }
    };
    // One item (exact str): CPython returns it unchanged.
    if let [only] = items.as_slice() {
        if only.as_pystr().is_some() && !vm.is_heap(only) {
            return Ok(only.clone());
        }
    }
    let mut parts = Vec::with_capacity(items.len());
    for (i, it) in items.iter().enumerate() {
        match it.as_pystr() {
            Some(s) => parts.push(s),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(it)
                )))
            }
        }
    }
    Ok(vm.new_pystr(sep.join(parts)))
}

fn split_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let s = receiver(vm, a, if right { "rsplit" } else { "split" })?;
    let sep = opt_str_arg(vm, a.get(0), "must be str or None")?;
    let max = ssize_or(vm, a.get(1), -1)?;
    let parts = if right {
        s.rsplit(sep, max)
    } else {
        s.split(sep, max)
    }
    .map_err(|e| str_error(vm, e))?;
    let items = parts.into_iter().map(|p| vm.new_pystr(p)).collect();
    Ok(vm.new_list(items))
}

fn split(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, false)
}

fn rsplit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    split_impl(vm, a, true)
}

/// strip/lstrip/rstrip: "strip arg must be None or str".
fn strip_impl(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let s = receiver(vm, a, name)?;
    let chars = opt_str_arg(vm, a.get(0), &format!("{name} arg must be None or str"))
        .map_err(|_| vm.type_error(format!("{name} arg must be None or str")))?;
    let r = match name {
        "lstrip" => s.lstrip(chars),
        "rstrip" => s.rstrip(chars),
        _ => s.strip(chars),
    };
    Ok(same_or_new(vm, a, s, r))
}

fn strip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, "strip")
}
fn lstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, "lstrip")
}
fn rstrip(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    strip_impl(vm, a, "rstrip")
}

fn expandtabs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "expandtabs")?;
    let n = ssize_or(vm, a.get(0), 8)?;
    let r = s.expandtabs(n).map_err(|e| str_error(vm, e))?;
    Ok(vm.new_pystr(r))
}

fn replace(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "replace")?;
    let old = str_arg(vm, a.arg(0), "replace() argument 1 must be str")?;
    let new = str_arg(vm, a.arg(1), "replace() argument 2 must be str")?;
    let count = ssize_or(vm, a.get(2), -1)?;
    let r = s.replace(old, new, count).map_err(|e| str_error(vm, e))?;
    Ok(same_or_new(vm, a, s, r))
}

/// startswith/endswith: a str or a tuple of strs, then start/end.
fn affix(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let s = receiver(vm, a, name)?;
    let (start, end) = bounds(vm, a, 1)?;
    let test = |p: &Str| {
        if name == "endswith" {
            s.endswith(p, start, end)
        } else {
            s.startswith(p, start, end)
        }
    };
    let sub = a.arg(0);
    if let Some(t) = sub.as_tuple() {
        // CPython checks each item only when it is reached.
        for it in t.iter() {
            match it.as_pystr() {
                Some(p) => {
                    if test(p) {
                        return Ok(Value::Bool(true));
                    }
                }
                None => {
                    return Err(vm.type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        vm.type_name(it)
                    )))
                }
            }
        }
        return Ok(Value::Bool(false));
    }
    match sub.as_pystr() {
        Some(p) => Ok(Value::Bool(test(p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(sub)
        ))),
    }
}

fn startswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, "startswith")
}
fn endswith(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    affix(vm, a, "endswith")
}

/// find/rfind/index/rindex/count: the position (or -1) / the count.
fn search(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<isize> {
    let s = receiver(vm, a, name)?;
    let sub = str_arg(vm, a.arg(0), "must be str")?;
    let start = slice_index(vm, a.get(1))?;
    let end = slice_index(vm, a.get(2))?;
    Ok(match name {
        "rfind" | "rindex" => s.rfind(sub, start, end),
        "count" => s.count(sub, start, end) as isize,
        _ => s.find(sub, start, end),
    })
}

fn find(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(search(vm, a, "find")? as i64))
}
fn rfind(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(search(vm, a, "rfind")? as i64))
}
fn count(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(search(vm, a, "count")? as i64))
}
fn index(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match search(vm, a, "index")? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i as i64)),
    }
}
fn rindex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match search(vm, a, "rindex")? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i as i64)),
    }
}

/// ljust/rjust/center: width, then the fill character (`convert_uc`).
fn pad(vm: &mut Vm, a: &Args<'_>, name: &str) -> PyResult<Value> {
    let s = receiver(vm, a, name)?;
    let width = ssize_arg(vm, a.arg(0))?;
    let fill = match a.get(1) {
        None => u32::from(b' '),
        Some(f) => match f.as_pystr() {
            Some(fs) => kaa_str::fill_char(fs).map_err(|e| str_error(vm, e))?,
            None => {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(f)
                )))
            }
        },
    };
    if width <= s.len() as isize && !vm.is_heap(&a.this) {
        return Ok(a.this.clone());
    }
    let r = match name {
        "ljust" => s.ljust(width, fill),
        "rjust" => s.rjust(width, fill),
        _ => s.center(width, fill),
    }
    .map_err(|e| str_error(vm, e))?;
    Ok(vm.new_pystr(r))
}
fn ljust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, "ljust")
}
fn rjust(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, "rjust")
}
fn center(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    pad(vm, a, "center")
}

fn zfill(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "zfill")?;
    let width = ssize_arg(vm, a.arg(0))?;
    let r = s.zfill(width).map_err(|e| str_error(vm, e))?;
    Ok(same_or_new(vm, a, s, r))
}

/// `splitlines(keepends=False)`: keepends is an int-like (bool accepted).
fn splitlines(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "splitlines")?;
    let keep = match a.get(0) {
        None => false,
        // bool(accept={int}): `_PyLong_AsInt`.
        Some(v) if v.as_bigint().is_some() => {
            return Err(vm.overflow_error("Python int too large to convert to C int"))
        }
        Some(v) => ssize_arg(vm, v)? != 0,
    };
    let items = s
        .splitlines(keep)
        .into_iter()
        .map(|p| vm.new_pystr(p))
        .collect();
    Ok(vm.new_list(items))
}

fn partition_impl(vm: &mut Vm, a: &Args<'_>, right: bool) -> PyResult<Value> {
    let s = receiver(vm, a, if right { "rpartition" } else { "partition" })?;
    let sep = str_arg(vm, a.arg(0), "must be str")?;
    let (x, y, z) = if right {
        s.rpartition(sep)
    } else {
        s.partition(sep)
    }
    .map_err(|e| str_error(vm, e))?;
    let items = vec![vm.new_pystr(x), vm.new_pystr(y), vm.new_pystr(z)];
    Ok(vm.new_tuple(items))
}
fn partition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, false)
}
fn rpartition(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    partition_impl(vm, a, true)
}

fn removeprefix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "removeprefix")?;
    let p = str_arg(vm, a.arg(0), "removeprefix() argument must be str")?;
    let r = s.removeprefix(p);
    Ok(same_or_new(vm, a, s, r))
}
fn removesuffix(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "removesuffix")?;
    let p = str_arg(vm, a.arg(0), "removesuffix() argument must be str")?;
    let r = s.removesuffix(p);
    Ok(same_or_new(vm, a, s, r))
}

/// An error while translating: a Python exception from the table, or a
/// kaa-str one.
enum TranslateError {
    Py(PyErr),
    Str(kaa_str::StrError),
}

impl From<kaa_str::StrError> for TranslateError {
    fn from(e: kaa_str::StrError) -> TranslateError {
        TranslateError::Str(e)
    }
}

/// `str.translate(table)`: `table[ord(c)]` for each character; LookupError
/// keeps it, None deletes it, an int or str replaces it.
fn translate(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "translate")?;
    let table = a.arg(0).clone();
    let r = s.translate(|cp| -> Result<Translation, TranslateError> {
        let v = match vm.get_item(&table, &Value::Int(i64::from(cp))) {
            Ok(v) => v,
            Err(e) if vm.err_matches(&e, "LookupError") => return Ok(Translation::Unmapped),
            Err(e) => return Err(TranslateError::Py(e)),
        };
        match &v {
            Value::None => Ok(Translation::Delete),
            Value::Int(i) => Ok(Translation::Char(*i)),
            Value::Bool(b) => Ok(Translation::Char(*b as i64)),
            _ if v.as_bigint().is_some() => Ok(Translation::Char(-1)),
            _ => match v.as_pystr() {
                Some(t) => Ok(Translation::Str(t.clone())),
                None => Err(TranslateError::Py(vm.type_error(kaa_str::BAD_MAPPING_TYPE))),
            },
        }
    });
    match r {
        Ok(r) => Ok(same_or_new(vm, a, s, r)),
        Err(TranslateError::Py(e)) => Err(e),
        Err(TranslateError::Str(e)) => Err(str_error(vm, e)),
    }
}

/// `str.maketrans(x[, y[, z]])` (a static method): the translation dict.
fn maketrans(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let d = vm.new_dict_obj();
    let x = a.arg(0);
    match a.get(1) {
        None => {
            let Some(Payload::Dict(_)) = x.payload() else {
                return Err(
                    vm.type_error("if you give only one argument to maketrans it must be a dict")
                );
            };
            let x_obj = x.as_obj().cloned();
            let items = x_obj
                .map(|o| crate::dict::dict_items(&o))
                .unwrap_or_default();
            for (k, v) in items {
                let key = if let Some(ks) = k.as_pystr() {
                    let cp = Str::maketrans_key(ks).map_err(|e| str_error(vm, e))?;
                    Value::Int(i64::from(cp))
                } else if k.is_int_like() {
                    k.clone()
                } else {
                    return Err(
                        vm.type_error("keys in translate table must be strings or integers")
                    );
                };
                crate::dict::dict_set(vm, &d, key, v)?;
            }
        }
        Some(y) => {
            let Some(xs) = x.as_pystr() else {
                return Err(vm.type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ));
            };
            let ys = str_arg(vm, y, "maketrans() argument 2 must be str")?;
            let zs = match a.get(2) {
                Some(z) => Some(str_arg(vm, z, "maketrans() argument 3 must be str")?),
                None => None,
            };
            let pairs = Str::maketrans(xs, ys, zs).map_err(|e| str_error(vm, e))?;
            for (k, v) in pairs {
                let v = v.map_or(Value::None, |c| Value::Int(i64::from(c)));
                crate::dict::dict_set(vm, &d, Value::Int(i64::from(k)), v)?;
            }
        }
    }
    Ok(Value::Obj(d))
}

/// The str type's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("str.capitalize($self, /)", capitalize),
    ("str.casefold($self, /)", casefold),
    ("str.center($self, width, fillchar=' ', /)", center),
    ("str.count($self, sub, start=None, end=None, /)", count),
    (
        "str.encode($self, /, encoding='utf-8', errors='strict')",
        crate::strcodecs::encode,
    ),
    (
        "str.endswith($self, suffix, start=None, end=None, /)",
        endswith,
    ),
    ("str.expandtabs($self, /, tabsize=8)", expandtabs),
    ("str.find($self, sub, start=None, end=None, /)", find),
    (
        "str.format($self, /, *args, **kwargs)",
        crate::strformat::format_method,
    ),
    (
        "str.format_map($self, mapping, /)",
        crate::strformat::format_map,
    ),
    ("str.index($self, sub, start=None, end=None, /)", index),
    ("str.isalnum($self, /)", isalnum),
    ("str.isalpha($self, /)", isalpha),
    ("str.isascii($self, /)", isascii),
    ("str.isdecimal($self, /)", isdecimal),
    ("str.isdigit($self, /)", isdigit),
    ("str.isidentifier($self, /)", isidentifier),
    ("str.islower($self, /)", islower),
    ("str.isnumeric($self, /)", isnumeric),
    ("str.isprintable($self, /)", isprintable),
    ("str.isspace($self, /)", isspace),
    ("str.istitle($self, /)", istitle),
    ("str.isupper($self, /)", isupper),
    ("str.join($self, iterable, /)", join),
    ("str.ljust($self, width, fillchar=' ', /)", ljust),
    ("str.lower($self, /)", lower),
    ("str.lstrip($self, chars=None, /)", lstrip),
    ("str.partition($self, sep, /)", partition),
    ("str.removeprefix($self, prefix, /)", removeprefix),
    ("str.removesuffix($self, suffix, /)", removesuffix),
    ("str.replace($self, old, new, count=-1, /)", replace),
    ("str.rfind($self, sub, start=None, end=None, /)", rfind),
    ("str.rindex($self, sub, start=None, end=None, /)", rindex),
    ("str.rjust($self, width, fillchar=' ', /)", rjust),
    ("str.rpartition($self, sep, /)", rpartition),
    ("str.rsplit($self, /, sep=None, maxsplit=-1)", rsplit),
    ("str.rstrip($self, chars=None, /)", rstrip),
    ("str.split($self, /, sep=None, maxsplit=-1)", split),
    ("str.splitlines($self, /, keepends=False)", splitlines),
    (
        "str.startswith($self, prefix, start=None, end=None, /)",
        startswith,
    ),
    ("str.strip($self, chars=None, /)", strip),
    ("str.swapcase($self, /)", swapcase),
    ("str.title($self, /)", title),
    ("str.translate($self, table, /)", translate),
    ("str.upper($self, /)", upper),
    ("str.zfill($self, width, /)", zfill),
    (
        "str.__kaa_new__(object=<unrepresentable>, encoding='utf-8', errors='strict')",
        crate::strcodecs::str_new,
    ),
];

/// Fills str's type dict: [`METHODS`], and `maketrans` as a static method.
pub fn install(vm: &Vm) {
    let t = vm.types.str_.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
    if let Some(d) = crate::types::type_data(&t) {
        let f = crate::builtins::make_builtin(vm, "str.maketrans(x, y=None, z=None, /)", maketrans);
        let sm = Value::Obj(ObjRef::new(
            vm.types.staticmethod.clone(),
            Payload::StaticMethod(f),
        ));
        d.set_own(vm.new_str("maketrans"), sm);
    }
}

/// `ascii()`'s escaping of a repr: every non-ASCII code point as `\xNN`,
/// `\uNNNN` or `\UNNNNNNNN`.
pub fn ascii_escape(s: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 128 {
            out.push(c);
        } else if cp < 0x100 {
            let _ = write!(out, "\\x{cp:02x}");
        } else if cp < 0x10000 {
            let _ = write!(out, "\\u{cp:04x}");
        } else {
            let _ = write!(out, "\\U{cp:08x}");
        }
    }
    out
}
