//! bytearray: the mutable bytes of CPython 3.11's
//! Objects/bytearrayobject.c. The non-mutating methods are bytes.rs's
//! (one implementation over `&[u8]`, installed on both types, returning
//! bytearrays here); this file has the constructor, the mutating methods
//! (append, extend, insert, pop, remove, reverse, clear, copy), item and
//! slice assignment/deletion with CPython's messages, `+=`/`*=`, and the
//! hooks the interpreter calls for subscripting, iteration and repr.

use std::cell::RefCell;

use crate::bytes::{buffer_of, byte_value, new_bytearray};
use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// CPython's message for a byte out of range in a bytearray.
const BYTE_RANGE: &str = "byte must be in range(0, 256)";

/// The storage of a bytearray value.
pub fn as_bytearray(v: &Value) -> Option<&RefCell<Vec<u8>>> {
    match v.payload() {
        Some(Payload::ByteArray(b)) => Some(b),
        _ => None,
    }
}

/// `self`'s storage (the method tables only bind bytearrays).
fn cell<'a>(vm: &Vm, a: &'a Args<'_>) -> PyResult<&'a RefCell<Vec<u8>>> {
    as_bytearray(&a.this).ok_or_else(|| vm.type_error("descriptor requires a 'bytearray' object"))
}

/// `bytearray(source=b'', encoding=..., errors=...)`.
fn bytearray_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = crate::bytes::bytes_from_source(vm, a, "bytearray")?;
    Ok(new_bytearray(vm, b))
}

/// An index argument: "bytearray indices must be integers or slices, not
/// str" (`what` names the type); an int too big for an index is an IndexError, as CPython's
/// `PyNumber_AsSsize_t(index, PyExc_IndexError)`.
fn index_arg(vm: &mut Vm, k: &Value, what: &str) -> PyResult<i64> {
    if k.as_bigint().is_some() {
        return Err(vm.index_error("cannot fit 'int' into an index-sized integer"));
    }
    match vm.index_of(k)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "{what} indices must be integers or slices, not {}",
            vm.type_name(k)
        ))),
    }
}

/// `i` made non-negative against `len`, if in range.
fn norm(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    (0..len as i64).contains(&j).then_some(j as usize)
}

/// `ba[k]`: an int, or a new bytearray for a slice.
pub fn get_item(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Value> {
    if let Some(Payload::MemoryView(_)) = c.payload() {
        return crate::memoryview::get_item(vm, c, k);
    }
    if let Some(Payload::Bytes(b)) = c.payload() {
        return bytes_get_item(vm, b, k);
    }
    let Some(b) = as_bytearray(c) else {
        return Err(vm.type_error("'bytearray' object expected"));
    };
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let len = b.borrow().len();
        let pos = vm.slice_positions(&parts, len)?;
        let src = b.borrow();
        let out = pos.iter().filter_map(|&i| src.get(i).copied()).collect();
        drop(src);
        return Ok(new_bytearray(vm, out));
    }
    let i = index_arg(vm, k, "bytearray")?;
    let src = b.borrow();
    match norm(i, src.len()).and_then(|j| src.get(j)) {
        Some(x) => Ok(Value::Int(*x as i64)),
        None => {
            drop(src);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

/// `b[k]` of a bytes (`bytes_subscript`): an int, or a bytes for a
/// slice; "index out of range", "byte indices must be integers or
/// slices, not str".
fn bytes_get_item(vm: &mut Vm, b: &[u8], k: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let pos = vm.slice_positions(&parts, b.len())?;
        let out = pos.iter().filter_map(|&i| b.get(i).copied()).collect();
        return Ok(crate::bytes::new_bytes(vm, out));
    }
    let i = index_arg(vm, k, "byte")?;
    match norm(i, b.len()).and_then(|j| b.get(j)) {
        Some(x) => Ok(Value::Int(*x as i64)),
        None => Err(vm.index_error("index out of range")),
    }
}

/// The bytes a slice assignment puts in (`bytearray_ass_subscript`):
/// numbers and strs are refused, anything else goes through
/// `bytearray(values)`.
fn assigned_bytes(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer_of(v) {
        return Ok(b.into_owned());
    }
    let is_number = v.is_int_like()
        || matches!(v, Value::Float(_))
        || matches!(v.payload(), Some(Payload::Complex(..)));
    if is_number || v.as_str().is_some() {
        return Err(
            vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
        );
    }
    let src = [Some(v.clone())];
    let args = Args {
        this: Value::None,
        slots: &src,
        rest: &[],
        kwrest: &[],
    };
    crate::bytes::bytes_from_source(vm, &args, "bytearray")
}

/// `ba[k] = v`.
pub fn set_item(vm: &mut Vm, c: &Value, k: Value, v: Value) -> PyResult<()> {
    if let Some(Payload::MemoryView(_)) = c.payload() {
        return crate::memoryview::set_item(vm, c, &k, &v);
    }
    let Some(b) = as_bytearray(c) else {
        return Err(vm.type_error("'bytearray' object expected"));
    };
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let new = assigned_bytes(vm, &v)?;
        let len = b.borrow().len();
        let (start, stop, step) = vm.slice_indices(&parts, len as i64)?;
        if step == 1 {
            let lo = start.clamp(0, len as i64) as usize;
            let hi = (stop.clamp(0, len as i64) as usize).max(lo);
            b.borrow_mut().splice(lo..hi, new);
            return Ok(());
        }
        let pos = vm.slice_positions(&parts, len)?;
        if pos.len() != new.len() {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                pos.len()
            )));
        }
        let mut dst = b.borrow_mut();
        for (i, x) in pos.into_iter().zip(new) {
            if let Some(slot) = dst.get_mut(i) {
                *slot = x;
            }
        }
        return Ok(());
    }
    let i = index_arg(vm, &k, "bytearray")?;
    // CPython converts the value before the bounds check (GH-91153).
    let x = byte_value(vm, &v, BYTE_RANGE)?;
    let mut dst = b.borrow_mut();
    let len = dst.len();
    match norm(i, len).and_then(|j| dst.get_mut(j)) {
        Some(slot) => {
            *slot = x;
            Ok(())
        }
        None => {
            drop(dst);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

/// `del ba[k]`.
pub fn del_item(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<()> {
    if let Some(Payload::MemoryView(_)) = c.payload() {
        return Err(vm.type_error("cannot delete memory"));
    }
    let Some(b) = as_bytearray(c) else {
        return Err(vm.type_error("'bytearray' object expected"));
    };
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let len = b.borrow().len();
        let mut pos = vm.slice_positions(&parts, len)?;
        pos.sort_unstable();
        let mut dst = b.borrow_mut();
        let mut keep = pos.iter().peekable();
        let mut j = 0usize;
        dst.retain(|_| {
            let drop_it = keep.peek() == Some(&&j);
            if drop_it {
                keep.next();
            }
            j += 1;
            !drop_it
        });
        return Ok(());
    }
    let i = index_arg(vm, k, "bytearray")?;
    let mut dst = b.borrow_mut();
    match norm(i, dst.len()) {
        Some(j) => {
            dst.remove(j);
            Ok(())
        }
        None => {
            drop(dst);
            Err(vm.index_error("bytearray index out of range"))
        }
    }
}

/// The item at `i` of a bytearray or memoryview being iterated (the
/// iterators see mutations, as CPython's do).
pub fn seq_item(vm: &mut Vm, seq: &Value, i: usize) -> Option<Value> {
    match seq.payload()? {
        Payload::ByteArray(b) => b.borrow().get(i).map(|x| Value::Int(*x as i64)),
        Payload::MemoryView(m) => m.item(vm, i),
        _ => None,
    }
}

/// `repr()` of a bytearray (`bytearray(b'...')`) or memoryview
/// (`<memory at 0x...>`).
pub fn repr(v: &Value) -> String {
    match v.payload() {
        Some(Payload::ByteArray(b)) => {
            let name = v
                .as_obj()
                .and_then(|o| o.class.as_ref())
                .and_then(crate::types::type_data);
            let name = name.map_or("bytearray", |d| d.name.as_str());
            format!("{name}({})", bytearray_repr(&b.borrow()))
        }
        Some(Payload::MemoryView(m)) => {
            let id = v.as_obj().map_or(0, |o| o.id());
            if m.is_released() {
                format!("<released memory at {id:#x}>")
            } else {
                format!("<memory at {id:#x}>")
            }
        }
        _ => String::new(),
    }
}

/// The `b'...'` part of a bytearray's repr (`bytearray_repr`): the quote
/// choice of bytes, but a `'` is always escaped.
fn bytearray_repr(b: &[u8]) -> String {
    let mut quote = '\'';
    for &c in b {
        if c == b'"' {
            quote = '\'';
            break;
        } else if c == b'\'' {
            quote = '"';
        }
    }
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote);
    for &c in b {
        match c {
            b'\'' | b'\\' => {
                out.push('\\');
                out.push(c as char);
            }
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            0..=0x1f | 0x7f..=0xff => out.push_str(&format!("\\x{c:02x}")),
            _ => out.push(c as char),
        }
    }
    out.push(quote);
    out
}

/// `ba += x` and `ba *= n`: the in-place forms, which mutate `ba`; None
/// when `a` is not a bytearray or the operator is another.
pub fn inplace_op(vm: &mut Vm, a: &Value, b: &Value, base: usize) -> PyResult<Option<Value>> {
    use crate::int::nb;
    let Some(dst) = as_bytearray(a) else {
        return Ok(None);
    };
    match base {
        nb::ADD => match buffer_of(b) {
            Some(more) => {
                dst.borrow_mut().extend_from_slice(&more);
                Ok(Some(a.clone()))
            }
            None => Err(vm.type_error(format!("can't concat {} to bytearray", vm.type_name(b)))),
        },
        nb::MULTIPLY => {
            let Some(n) = crate::bytes::repeat_count(vm, b)? else {
                return Ok(None);
            };
            let cur = dst.borrow().clone();
            crate::bytes::alloc_len(vm, cur.len().saturating_mul(n))?;
            *dst.borrow_mut() = cur.repeat(n);
            Ok(Some(a.clone()))
        }
        _ => Ok(None),
    }
}

// ---- the mutating methods ----

/// `bytearray.append(item, /)`.
fn append(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = byte_value(vm, a.arg(0), BYTE_RANGE)?;
    cell(vm, a)?.borrow_mut().push(x);
    Ok(Value::None)
}

/// `bytearray.extend(iterable_of_ints, /)`.
fn extend(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let src = a.arg(0);
    let more = match buffer_of(src) {
        Some(b) => b.into_owned(),
        None => {
            let it = match vm.get_iter(src) {
                Ok(it) => it,
                Err(e) if vm.err_matches(&e, "TypeError") => {
                    return Err(
                        vm.type_error(format!("can't extend bytearray with {}", vm.type_name(src)))
                    )
                }
                Err(e) => return Err(e),
            };
            let mut out = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                out.push(byte_value(vm, &x, BYTE_RANGE)?);
            }
            out
        }
    };
    cell(vm, a)?.borrow_mut().extend_from_slice(&more);
    Ok(Value::None)
}

/// `bytearray.insert(index, item, /)` (the index is clamped as list's).
fn insert(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let i = crate::bytes::int_arg(vm, a.arg(0))?;
    let x = byte_value(vm, a.arg(1), BYTE_RANGE)?;
    let mut dst = cell(vm, a)?.borrow_mut();
    let len = dst.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) };
    dst.insert(at as usize, x);
    Ok(Value::None)
}

/// `bytearray.pop(index=-1, /)`.
fn pop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let i = match a.get(0) {
        Some(v) => crate::bytes::int_arg(vm, v)?,
        None => -1,
    };
    let b = cell(vm, a)?;
    let len = b.borrow().len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    match norm(i, len) {
        Some(j) => Ok(Value::Int(b.borrow_mut().remove(j) as i64)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

/// `bytearray.remove(value, /)`.
fn remove(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = byte_value(vm, a.arg(0), BYTE_RANGE)?;
    let b = cell(vm, a)?;
    let pos = b.borrow().iter().position(|c| *c == x);
    match pos {
        Some(j) => {
            b.borrow_mut().remove(j);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

/// `bytearray.reverse()`.
fn reverse(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    cell(vm, a)?.borrow_mut().reverse();
    Ok(Value::None)
}

/// `bytearray.clear()`.
fn clear(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    cell(vm, a)?.borrow_mut().clear();
    Ok(Value::None)
}

/// `bytearray.copy()`.
fn copy(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = cell(vm, a)?.borrow().clone();
    Ok(new_bytearray(vm, b))
}

/// The payload of a new instance of a Python subclass of bytes or
/// bytearray (`class B(bytes)`): the contents the base type's
/// constructor makes from the arguments (a bytearray subclass with its
/// own `__init__` starts empty, as `bytearray.__new__` leaves it); None
/// when `t` derives from neither.
pub fn subclass_payload(
    vm: &mut Vm,
    t: &crate::object::ObjRef,
    pos: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Option<Payload>> {
    let (bytes_t, bytearray_t) = (vm.types.bytes.clone(), vm.types.bytearray.clone());
    let base = if crate::types::is_subtype(t, &bytes_t) {
        bytes_t
    } else if crate::types::is_subtype(t, &bytearray_t) {
        if crate::types::lookup_user(t, "__init__").is_some() {
            return Ok(Some(Payload::ByteArray(RefCell::new(Vec::new()))));
        }
        bytearray_t
    } else {
        return Ok(None);
    };
    let v = vm.call_with_kwargs(&Value::Obj(base), pos, kwargs)?;
    Ok(Some(match v.payload() {
        Some(Payload::Bytes(b)) => Payload::Bytes(b.clone()),
        Some(Payload::ByteArray(b)) => Payload::ByteArray(RefCell::new(b.borrow().clone())),
        _ => Payload::Bytes(Box::default()),
    }))
}

/// bytearray's own methods (the shared ones come from bytes.rs).
pub const METHODS: &[(&str, NativeFn)] = &[
    (
        "bytearray.__kaa_new__(source=None, encoding=None, errors=None)",
        bytearray_new,
    ),
    ("bytearray.append($self, item, /)", append),
    ("bytearray.extend($self, iterable_of_ints, /)", extend),
    ("bytearray.insert($self, index, item, /)", insert),
    ("bytearray.pop($self, index=-1, /)", pop),
    ("bytearray.remove($self, value, /)", remove),
    ("bytearray.reverse($self, /)", reverse),
    ("bytearray.clear($self, /)", clear),
    ("bytearray.copy($self, /)", copy),
];

/// Fills bytearray's type dict: bytes's shared methods under bytearray's
/// name, then its own.
pub fn install(vm: &Vm) {
    let t = vm.types.bytearray.clone();
    let Some(d) = crate::types::type_data(&t) else {
        return;
    };
    for (sig, f) in crate::bytes::METHODS {
        let Some(rest) = sig.strip_prefix("bytes.") else {
            continue;
        };
        if rest.starts_with("__kaa_new__") {
            continue;
        }
        let name = rest.split('(').next().unwrap_or(rest);
        let b = crate::builtins::make_builtin(vm, &format!("bytearray.{rest}"), *f);
        d.set_own(vm.new_str(name), b);
    }
    crate::int::install_methods(vm, &t, METHODS, &[]);
    crate::bytes::install_static(vm, &t, "bytearray");
}
