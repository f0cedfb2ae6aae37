//! The built-in exception classes with extra fields, after CPython 3.11's
//! Objects/exceptions.c: OSError (`errno`, `strerror`, `filename`,
//! `filename2`; `OSError(2, 'x')` makes a FileNotFoundError; `args` keeps
//! the first two when a filename is given), ImportError (`msg`, `name`,
//! `path`), StopIteration (`value`), SystemExit (`code`), SyntaxError
//! (`msg`, `filename`, `lineno`, ...), the Unicode errors (`encoding`,
//! `object`, `start`, `end`, `reason`) and their `str()`. The fields live
//! in the instance `__dict__`, as syntaxerr.rs keeps SyntaxError's.

use crate::exceptions::{exc_data, ExceptionData, PyResult};
use crate::object::{ObjRef, Payload};
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

/// `errnomap` of Objects/exceptions.c with Linux's errno values.
const ERRNO_MAP: &[(i64, &str)] = &[
    (11, "BlockingIOError"),  // EAGAIN / EWOULDBLOCK
    (114, "BlockingIOError"), // EALREADY
    (115, "BlockingIOError"), // EINPROGRESS
    (10, "ChildProcessError"),
    (32, "BrokenPipeError"),  // EPIPE
    (108, "BrokenPipeError"), // ESHUTDOWN
    (103, "ConnectionAbortedError"),
    (111, "ConnectionRefusedError"),
    (104, "ConnectionResetError"),
    (17, "FileExistsError"),
    (2, "FileNotFoundError"),
    (21, "IsADirectoryError"),
    (20, "NotADirectoryError"),
    (4, "InterruptedError"),
    (13, "PermissionError"), // EACCES
    (1, "PermissionError"),  // EPERM
    (3, "ProcessLookupError"),
    (110, "TimeoutError"),
];

impl Vm {
    /// Whether exception type `t` is the built-in class `name` or a
    /// subclass of it.
    fn exc_is(&self, t: &ObjRef, name: &str) -> bool {
        self.types
            .exc
            .get(name)
            .is_some_and(|b| crate::types::is_subtype(t, b))
    }
}

/// Sets `name` in the exception's instance dict.
fn set(vm: &Vm, dict: &ObjRef, name: &str, v: Value) {
    let k = vm.new_str(name);
    crate::dict::dict_set_simple(vm, dict, k, v);
}

/// Calling a built-in exception class (`BaseException_new` and the
/// subclasses' `__new__`/`__init__`): checks keywords, picks OSError's
/// subclass from the errno, and fills the fields.
pub fn construct(
    vm: &mut Vm,
    t: &ObjRef,
    pos: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let name = type_data(t).map_or(String::new(), |d| d.name.clone());
    if !kwargs.is_empty() && !vm.exc_is(t, "ImportError") {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let mut t = t.clone();
    if name == "OSError" && (2..=5).contains(&pos.len()) {
        if let Value::Int(errno) = pos[0] {
            if let Some((_, sub)) = ERRNO_MAP.iter().find(|(e, _)| *e == errno) {
                t = vm.exc_type(sub);
            }
        }
    }
    let dict = vm.new_dict_obj();
    let data = ExceptionData::new(vm.new_tuple(pos.to_vec()));
    init_fields(vm, &t, &data, &dict, pos, kwargs)?;
    Ok(Value::Obj(ObjRef::with_dict(
        t,
        Payload::Exception(data),
        dict,
    )))
}

/// The payload of a new instance of a Python subclass of a built-in
/// exception, with its fields in `dict`.
pub fn new_payload(vm: &mut Vm, t: &ObjRef, dict: &ObjRef, pos: &[Value]) -> PyResult<Payload> {
    let data = ExceptionData::new(vm.new_tuple(pos.to_vec()));
    init_fields(vm, t, &data, dict, pos, &[])?;
    Ok(Payload::Exception(data))
}

/// Re-runs the field setup for `BaseException.__init__(self, *args)`
/// (a subclass's `super().__init__(...)`).
pub fn reinit(vm: &mut Vm, exc: &ObjRef, pos: &[Value]) -> PyResult<()> {
    let (Some(data), Some(dict), Some(t)) = (exc_data(exc), &exc.dict, &exc.class) else {
        return Ok(());
    };
    init_fields(vm, t, data, dict, pos, &[])
}

/// The built-in exception classes with fields of their own.
const WITH_FIELDS: [&str; 8] = [
    "OSError",
    "ImportError",
    "StopIteration",
    "SystemExit",
    "SyntaxError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
];

/// The first built-in class in `t`'s MRO that has fields of its own.
fn field_kind(t: &ObjRef) -> Option<&'static str> {
    let d = type_data(t)?;
    std::iter::once(t).chain(d.mro.iter()).find_map(|c| {
        let cd = type_data(c)?;
        if cd.heap {
            return None;
        }
        WITH_FIELDS.iter().copied().find(|n| *n == cd.name)
    })
}

/// The fields of the exception classes that have some.
fn init_fields(
    vm: &mut Vm,
    t: &ObjRef,
    data: &ExceptionData,
    dict: &ObjRef,
    pos: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<()> {
    // One walk of the MRO finds the built-in class whose fields apply
    // (instead of a subclass test per class: this runs for every raise).
    let kind = field_kind(t);
    if kind == Some("OSError") {
        return oserror_fields(vm, data, dict, pos);
    }
    if kind == Some("ImportError") {
        let mut fields = [("name", Value::None), ("path", Value::None)];
        for (k, v) in kwargs {
            let kn = k.as_str().unwrap_or("");
            match fields.iter_mut().find(|(n, _)| *n == kn) {
                Some(slot) => slot.1 = v.clone(),
                None => {
                    let name = type_data(t).map_or(String::new(), |d| d.name.clone());
                    return Err(vm.type_error(format!(
                        "'{kn}' is an invalid keyword argument for {name}()"
                    )));
                }
            }
        }
        let msg = match pos {
            [m] => m.clone(),
            _ => Value::None,
        };
        set(vm, dict, "msg", msg);
        for (k, v) in fields {
            set(vm, dict, k, v);
        }
        return Ok(());
    }
    if kind == Some("StopIteration") {
        set(
            vm,
            dict,
            "value",
            pos.first().cloned().unwrap_or(Value::None),
        );
        return Ok(());
    }
    if kind == Some("SystemExit") {
        let code = match pos {
            [] => Value::None,
            [c] => c.clone(),
            _ => vm.new_tuple(pos.to_vec()),
        };
        set(vm, dict, "code", code);
        return Ok(());
    }
    if kind == Some("SyntaxError") {
        return syntax_fields(vm, dict, pos);
    }
    for (name, n) in [
        ("UnicodeDecodeError", 5),
        ("UnicodeEncodeError", 5),
        ("UnicodeTranslateError", 4),
    ] {
        if kind == Some(name) {
            return unicode_fields(vm, dict, pos, name, n);
        }
    }
    Ok(())
}

/// `oserror_parse_args` + `oserror_init`: `(errno, strerror[, filename[,
/// winerror[, filename2]]])`; with a filename the args keep only the
/// first two.
fn oserror_fields(vm: &mut Vm, data: &ExceptionData, dict: &ObjRef, pos: &[Value]) -> PyResult<()> {
    let mut f = [Value::None, Value::None, Value::None, Value::None];
    if (2..=5).contains(&pos.len()) {
        f[0] = pos[0].clone();
        f[1] = pos[1].clone();
        if let Some(name) = pos.get(2).filter(|v| !v.is_none()) {
            f[2] = name.clone();
            if let Some(name2) = pos.get(4).filter(|v| !v.is_none()) {
                f[3] = name2.clone();
            }
            *data.args.borrow_mut() = vm.new_tuple(pos[..2].to_vec());
        }
    }
    let [errno, strerror, filename, filename2] = f;
    set(vm, dict, "errno", errno);
    set(vm, dict, "strerror", strerror);
    set(vm, dict, "filename", filename);
    set(vm, dict, "filename2", filename2);
    Ok(())
}

/// `SyntaxError_init`: `(msg, (filename, lineno, offset, text[,
/// end_lineno, end_offset]))`.
fn syntax_fields(vm: &mut Vm, dict: &ObjRef, pos: &[Value]) -> PyResult<()> {
    let mut f: [Value; 7] = std::array::from_fn(|_| Value::None);
    if let Some(m) = pos.first() {
        f[0] = m.clone();
    }
    if pos.len() == 2 {
        let info = vm.collect(&pos[1])?;
        // PyArg_ParseTuple(info, "OOOO|OO").
        if info.len() < 4 {
            return Err(vm.type_error(format!(
                "function takes at least 4 arguments ({} given)",
                info.len()
            )));
        }
        if info.len() > 6 {
            return Err(vm.type_error(format!(
                "function takes at most 6 arguments ({} given)",
                info.len()
            )));
        }
        for (slot, v) in f[1..].iter_mut().zip(info) {
            *slot = v;
        }
    }
    let names = [
        "msg",
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    for (n, v) in names.into_iter().zip(f) {
        set(vm, dict, n, v);
    }
    set(vm, dict, "print_file_and_line", Value::None);
    Ok(())
}

/// The Unicode errors' `__init__`: exactly `n` arguments of the right
/// types ("function takes exactly 5 arguments (1 given)", "argument 1
/// must be str, not int").
fn unicode_fields(vm: &mut Vm, dict: &ObjRef, pos: &[Value], name: &str, n: usize) -> PyResult<()> {
    if pos.len() != n {
        return Err(vm.type_error(format!(
            "function takes exactly {n} arguments ({} given)",
            pos.len()
        )));
    }
    // (field, expected kind): 's' str, 'b' bytes-like, 'i' int.
    let spec: &[(&str, char)] = match name {
        "UnicodeDecodeError" => &[
            ("encoding", 's'),
            ("object", 'b'),
            ("start", 'i'),
            ("end", 'i'),
            ("reason", 's'),
        ],
        "UnicodeEncodeError" => &[
            ("encoding", 's'),
            ("object", 's'),
            ("start", 'i'),
            ("end", 'i'),
            ("reason", 's'),
        ],
        _ => &[
            ("object", 's'),
            ("start", 'i'),
            ("end", 'i'),
            ("reason", 's'),
        ],
    };
    for (i, ((field, kind), v)) in spec.iter().zip(pos).enumerate() {
        let ok = match kind {
            's' => v.as_str().is_some(),
            'b' => crate::bytes::buffer_of(v).is_some(),
            _ => v.is_int_like(),
        };
        if !ok {
            let want = match kind {
                's' => "str",
                'b' => "a bytes-like object",
                _ => "int",
            };
            let msg = if *kind == 'b' {
                format!("a bytes-like object is required, not '{}'", vm.type_name(v))
            } else {
                format!("argument {} must be {want}, not {}", i + 1, vm.type_name(v))
            };
            return Err(vm.type_error(msg));
        }
        let v = match (kind, crate::bytes::buffer_of(v)) {
            // The object of a UnicodeDecodeError is stored as bytes.
            ('b', Some(b)) => crate::bytes::new_bytes(vm, b.into_owned()),
            _ => v.clone(),
        };
        set(vm, dict, field, v);
    }
    Ok(())
}

/// A field of the exception's instance dict.
fn field(e: &ObjRef, name: &str) -> Value {
    e.dict
        .as_ref()
        .and_then(|d| crate::dict::dict_get_str(d, name))
        .unwrap_or(Value::None)
}

/// `str()` of the exceptions whose `__str__` is their own: OSError,
/// ImportError and the Unicode errors; None for the others.
pub fn exc_str(vm: &mut Vm, v: &Value) -> PyResult<Option<String>> {
    let Some(e) = v.as_obj().cloned() else {
        return Ok(None);
    };
    if exc_data(&e).is_none() || e.dict.is_none() {
        return Ok(None);
    }
    let t = vm.type_of(v);
    if vm.exc_is(&t, "OSError") {
        // OSError_str.
        let (errno, strerror) = (field(&e, "errno"), field(&e, "strerror"));
        let (filename, filename2) = (field(&e, "filename"), field(&e, "filename2"));
        if !filename.is_none() {
            let (n, s, f) = (
                vm.str_of(&errno)?,
                vm.str_of(&strerror)?,
                vm.repr_of(&filename)?,
            );
            if !filename2.is_none() {
                let f2 = vm.repr_of(&filename2)?;
                return Ok(Some(format!("[Errno {n}] {s}: {f} -> {f2}")));
            }
            return Ok(Some(format!("[Errno {n}] {s}: {f}")));
        }
        if !errno.is_none() && !strerror.is_none() {
            let (n, s) = (vm.str_of(&errno)?, vm.str_of(&strerror)?);
            return Ok(Some(format!("[Errno {n}] {s}")));
        }
        return Ok(None);
    }
    if vm.exc_is(&t, "ImportError") {
        let msg = field(&e, "msg");
        if !msg.is_none() {
            return vm.str_of(&msg).map(Some);
        }
        return Ok(None);
    }
    let is_decode = vm.exc_is(&t, "UnicodeDecodeError");
    let is_encode = vm.exc_is(&t, "UnicodeEncodeError");
    let is_translate = vm.exc_is(&t, "UnicodeTranslateError");
    if !(is_decode || is_encode || is_translate) {
        return Ok(None);
    }
    let object = field(&e, "object");
    if object.is_none() {
        // Raised by kaa's codecs with the message as the only argument.
        return Ok(None);
    }
    let (start, end) = (field(&e, "start"), field(&e, "end"));
    let (Value::Int(start), Value::Int(end)) = (start, end) else {
        return Ok(Some(String::new()));
    };
    let reason = vm.str_of(&field(&e, "reason"))?;
    let encoding = if is_translate {
        String::new()
    } else {
        vm.str_of(&field(&e, "encoding"))?
    };
    let one = end == start + 1;
    if is_decode {
        let b = crate::bytes::buffer_of(&object).unwrap_or_default();
        return Ok(Some(match (one, b.get(start.max(0) as usize)) {
            (true, Some(x)) => format!(
                "'{encoding}' codec can't decode byte 0x{x:02x} in position {start}: {reason}"
            ),
            _ => format!(
                "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
                end - 1
            ),
        }));
    }
    // The code point itself (exact: a lone surrogate stays one).
    let ch = object.as_pystr().and_then(|s| s.get(start.max(0) as usize));
    let shown = ch.map(|n| {
        if n < 0x100 {
            format!("\\x{n:02x}")
        } else if n < 0x10000 {
            format!("\\u{n:04x}")
        } else {
            format!("\\U{n:08x}")
        }
    });
    Ok(Some(match (one, shown) {
        (true, Some(c)) if is_encode => {
            format!("'{encoding}' codec can't encode character '{c}' in position {start}: {reason}")
        }
        (true, Some(c)) => {
            format!("can't translate character '{c}' in position {start}: {reason}")
        }
        _ if is_encode => format!(
            "'{encoding}' codec can't encode characters in position {start}-{}: {reason}",
            end - 1
        ),
        _ => format!(
            "can't translate characters in position {start}-{}: {reason}",
            end - 1
        ),
    }))
}
