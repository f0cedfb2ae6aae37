//! memoryview (basic), after CPython 3.11's Objects/memoryobject.c for
//! one-dimensional views over bytes and bytearray: `len`, indexing,
//! slicing (a slice is a new view of the same object), writes through to
//! a bytearray, `tobytes`/`tolist`/`hex`/`release`/`cast` to the byte
//! formats 'B', 'b' and 'c', the context-manager protocol, and the
//! `format`/`itemsize`/`nbytes`/`readonly`/`shape`/`ndim`/`strides`/`obj`
//! attributes.

use std::borrow::Cow;
use std::cell::Cell;

use crate::bytes::{buffer_of, new_bytes};
use crate::exceptions::{PyErr, PyResult};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A view of `len` bytes of `obj`, the first at `start`, `step` apart.
pub struct MemView {
    /// The exporting object (a bytes or a bytearray).
    obj: Value,
    /// Offset of the first element.
    start: usize,
    /// Distance between elements (negative for reversed slices).
    step: isize,
    /// Number of elements.
    len: usize,
    /// The struct format: b'B', b'b' or b'c'.
    format: u8,
    /// Whether writes are refused (a view of bytes, or `toreadonly()`).
    readonly: bool,
    /// Set by `release()` / leaving a `with` block.
    released: Cell<bool>,
}

impl MemView {
    /// Whether `release()` was called.
    pub fn is_released(&self) -> bool {
        self.released.get()
    }

    /// The exporter's current bytes.
    fn source(&self) -> Cow<'_, [u8]> {
        match self.obj.payload() {
            Some(Payload::Bytes(b)) => Cow::Borrowed(b),
            Some(Payload::ByteArray(b)) => Cow::Owned(b.borrow().clone()),
            _ => Cow::Borrowed(&[]),
        }
    }

    /// Position in the exporter of element `i`.
    fn pos(&self, i: usize) -> usize {
        (self.start as isize + i as isize * self.step) as usize
    }

    /// The viewed bytes in order (`tobytes()`); None once released.
    pub fn to_vec(&self) -> Option<Vec<u8>> {
        if self.is_released() {
            return None;
        }
        let src = self.source();
        Some(
            (0..self.len)
                .filter_map(|i| src.get(self.pos(i)).copied())
                .collect(),
        )
    }

    /// Element `i` as the format unpacks it: an int for 'B'/'b', a
    /// bytes of length 1 for 'c'.
    pub fn item(&self, vm: &Vm, i: usize) -> Option<Value> {
        if self.is_released() || i >= self.len {
            return None;
        }
        let x = *self.source().get(self.pos(i))?;
        Some(unpack(vm, self.format, x))
    }
}

/// One byte unpacked as `format` says.
fn unpack(vm: &Vm, format: u8, x: u8) -> Value {
    match format {
        b'b' => Value::Int(x as i8 as i64),
        b'c' => new_bytes(vm, vec![x]),
        _ => Value::Int(x as i64),
    }
}

/// CPython's error for any use of a released view.
fn released_error(vm: &Vm) -> PyErr {
    vm.value_error("operation forbidden on released memoryview object")
}

/// The view behind `v`, checked not released.
fn view<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a MemView> {
    match v.payload() {
        Some(Payload::MemoryView(m)) if m.is_released() => Err(released_error(vm)),
        Some(Payload::MemoryView(m)) => Ok(m),
        _ => Err(vm.type_error("descriptor requires a 'memoryview' object")),
    }
}

/// A new memoryview value.
fn new_view(vm: &Vm, m: MemView) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.memoryview.clone(),
        Payload::MemoryView(Box::new(m)),
    ))
}

/// `memoryview(object)`.
fn memoryview_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let src = a.arg(0);
    let m = match src.payload() {
        Some(Payload::Bytes(b)) => MemView {
            obj: src.clone(),
            start: 0,
            step: 1,
            len: b.len(),
            format: b'B',
            readonly: true,
            released: Cell::new(false),
        },
        Some(Payload::ByteArray(b)) => MemView {
            obj: src.clone(),
            start: 0,
            step: 1,
            len: b.borrow().len(),
            format: b'B',
            readonly: false,
            released: Cell::new(false),
        },
        Some(Payload::MemoryView(_)) => {
            let m = view(vm, src)?;
            MemView {
                obj: m.obj.clone(),
                released: Cell::new(false),
                ..*m
            }
        }
        _ => {
            return Err(vm.type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(src)
            )))
        }
    };
    Ok(new_view(vm, m))
}

/// `len(view)`.
pub fn len(vm: &Vm, v: &Value) -> PyResult<usize> {
    Ok(view(vm, v)?.len)
}

/// An index into a view: IndexError "index out of bounds on dimension 1".
fn index(vm: &mut Vm, m: &MemView, k: &Value) -> PyResult<usize> {
    let i = match vm.index_of(k)? {
        Some(i) => i,
        None => return Err(vm.type_error("memoryview: invalid slice key")),
    };
    let j = if i < 0 { i + m.len as i64 } else { i };
    if !(0..m.len as i64).contains(&j) {
        return Err(vm.index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

/// `view[k]`: an element, or a new view for a slice.
pub fn get_item(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Value> {
    let m = view(vm, c)?;
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let (start, _stop, step) = vm.slice_indices(&parts, m.len as i64)?;
        let n = vm.slice_positions(&parts, m.len)?.len();
        let first = if n == 0 { 0 } else { m.pos(start as usize) };
        let sub = MemView {
            obj: m.obj.clone(),
            start: first,
            step: m.step.saturating_mul(step as isize),
            len: n,
            released: Cell::new(false),
            ..*m
        };
        return Ok(new_view(vm, sub));
    }
    if matches!(k, Value::Obj(_)) && k.as_tuple().is_some() {
        return Err(vm.type_error("memoryview: invalid slice key"));
    }
    let i = index(vm, m, k)?;
    Ok(m.item(vm, i).unwrap_or(Value::None))
}

/// `view[k] = v`: writes through to the exporting bytearray.
pub fn set_item(vm: &mut Vm, c: &Value, k: &Value, v: &Value) -> PyResult<()> {
    let m = view(vm, c)?;
    if m.readonly {
        return Err(vm.type_error("cannot modify read-only memory"));
    }
    let Some(dst) = crate::bytearray::as_bytearray(&m.obj) else {
        return Err(vm.type_error("cannot modify read-only memory"));
    };
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let pos = vm.slice_positions(&parts, m.len)?;
        let new = match buffer_of(v) {
            Some(b) => b.into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                )))
            }
        };
        if new.len() != pos.len() {
            return Err(vm.value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut d = dst.borrow_mut();
        for (i, x) in pos.into_iter().zip(new) {
            if let Some(slot) = d.get_mut(m.pos(i)) {
                *slot = x;
            }
        }
        return Ok(());
    }
    let i = index(vm, m, k)?;
    let fmt = m.format as char;
    let x = match (m.format, v) {
        (b'c', _) => match crate::bytes::as_bytes(v) {
            Some([x]) => *x,
            _ => {
                return Err(vm.value_error(format!("memoryview: invalid value for format '{fmt}'")))
            }
        },
        (_, Value::Int(n)) => {
            let ok = if m.format == b'b' {
                (-128..128).contains(n)
            } else {
                (0..256).contains(n)
            };
            if !ok {
                return Err(vm.value_error(format!("memoryview: invalid value for format '{fmt}'")));
            }
            *n as u8
        }
        (_, Value::Bool(b)) => *b as u8,
        _ => return Err(vm.type_error(format!("memoryview: invalid type for format '{fmt}'"))),
    };
    if let Some(slot) = dst.borrow_mut().get_mut(m.pos(i)) {
        *slot = x;
    }
    Ok(())
}

/// `hash(view)`: a read-only view hashes as the bytes it shows
/// ("cannot hash writable memoryview object" otherwise).
pub fn hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(Payload::ByteArray(_)) = v.payload() {
        return Err(vm.type_error("unhashable type: 'bytearray'"));
    }
    let m = view(vm, v)?;
    if m.readonly {
        let b = new_bytes(vm, m.to_vec().unwrap_or_default());
        return vm.hash(&b);
    }
    Err(vm.value_error("cannot hash writable memoryview object"))
}

/// `self`'s view (the method table binds memoryviews only).
fn this<'a>(vm: &Vm, a: &'a Args<'_>) -> PyResult<&'a MemView> {
    view(vm, &a.this)
}

/// `memoryview.tobytes(order='C')`.
fn tobytes(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = this(vm, a)?.to_vec().unwrap_or_default();
    Ok(new_bytes(vm, b))
}

/// `memoryview.tolist()`.
fn tolist(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let m = this(vm, a)?;
    let items = (0..m.len).filter_map(|i| m.item(vm, i)).collect();
    Ok(vm.new_list(items))
}

/// `memoryview.hex(sep=..., bytes_per_sep=1)`: bytes.hex of the contents.
fn hex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let b = new_bytes(vm, this(vm, a)?.to_vec().unwrap_or_default());
    let f = vm.get_attr(&b, &vm.new_str("hex"))?;
    let mut args = Vec::new();
    args.extend(a.get(0).cloned());
    if let Some(n) = a.get(1) {
        if args.is_empty() {
            args.push(vm.new_str(""));
        }
        args.push(n.clone());
    }
    vm.call(&f, &args)
}

/// `memoryview.release()`.
fn release(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(Payload::MemoryView(m)) = a.this.payload() {
        m.released.set(true);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor requires a 'memoryview' object"))
}

/// `memoryview.__enter__()`.
fn enter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    this(vm, a)?;
    Ok(a.this.clone())
}

/// `memoryview.__exit__(*args)`: releases the view.
fn exit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    release(vm, a)
}

/// `memoryview.cast(format, /)` to one of the byte formats.
fn cast(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let m = this(vm, a)?;
    let Some(f) = a.arg(0).as_str() else {
        return Err(vm.type_error("memoryview: format argument must be a string"));
    };
    let format = match f {
        "B" | "b" | "c" => f.as_bytes()[0],
        _ => {
            return Err(vm.not_implemented(format!(
                "memoryview.cast() to format '{f}' is not supported by kaa yet"
            )))
        }
    };
    if m.step != 1 {
        return Err(vm.type_error("memoryview: casts are restricted to C-contiguous views"));
    }
    let sub = MemView {
        obj: m.obj.clone(),
        format,
        released: Cell::new(false),
        ..*m
    };
    Ok(new_view(vm, sub))
}

/// `memoryview.toreadonly()`.
fn toreadonly(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let m = this(vm, a)?;
    let sub = MemView {
        obj: m.obj.clone(),
        readonly: true,
        released: Cell::new(false),
        ..*m
    };
    Ok(new_view(vm, sub))
}

/// `memoryview.obj`.
fn get_obj(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(view(vm, a.arg(0))?.obj.clone())
}

/// `memoryview.nbytes`.
fn get_nbytes(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(view(vm, a.arg(0))?.len as i64))
}

/// `memoryview.readonly`.
fn get_readonly(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Bool(view(vm, a.arg(0))?.readonly))
}

/// `memoryview.itemsize` (1 for the byte formats).
fn get_itemsize(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a.arg(0))?;
    Ok(Value::Int(1))
}

/// `memoryview.ndim`.
fn get_ndim(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a.arg(0))?;
    Ok(Value::Int(1))
}

/// `memoryview.format`.
fn get_format(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let f = view(vm, a.arg(0))?.format;
    Ok(vm.new_str(&(f as char).to_string()))
}

/// `memoryview.shape`.
fn get_shape(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = view(vm, a.arg(0))?.len;
    Ok(vm.new_tuple(vec![Value::Int(n as i64)]))
}

/// `memoryview.strides`.
fn get_strides(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = view(vm, a.arg(0))?.step;
    Ok(vm.new_tuple(vec![Value::Int(s as i64)]))
}

/// `memoryview.suboffsets`.
fn get_suboffsets(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    view(vm, a.arg(0))?;
    Ok(vm.new_tuple(Vec::new()))
}

/// `memoryview.contiguous` (and `c_contiguous`/`f_contiguous`: one
/// dimension makes them the same).
fn get_contiguous(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let m = view(vm, a.arg(0))?;
    Ok(Value::Bool(m.step == 1 || m.len <= 1))
}

/// memoryview's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("memoryview.__kaa_new__(object)", memoryview_new),
    ("memoryview.tobytes($self, /, order='C')", tobytes),
    ("memoryview.tolist($self, /)", tolist),
    ("memoryview.hex($self, sep=None, bytes_per_sep=1)", hex),
    ("memoryview.release($self, /)", release),
    ("memoryview.__enter__($self, /)", enter),
    ("memoryview.__exit__($self, *args)", exit),
    ("memoryview.cast($self, format, /)", cast),
    ("memoryview.toreadonly($self, /)", toreadonly),
];

/// memoryview's read-only attributes.
const GETTERS: &[(&str, NativeFn)] = &[
    ("memoryview.obj(self, /)", get_obj),
    ("memoryview.nbytes(self, /)", get_nbytes),
    ("memoryview.readonly(self, /)", get_readonly),
    ("memoryview.itemsize(self, /)", get_itemsize),
    ("memoryview.ndim(self, /)", get_ndim),
    ("memoryview.format(self, /)", get_format),
    ("memoryview.shape(self, /)", get_shape),
    ("memoryview.strides(self, /)", get_strides),
    ("memoryview.suboffsets(self, /)", get_suboffsets),
    ("memoryview.contiguous(self, /)", get_contiguous),
    ("memoryview.c_contiguous(self, /)", get_contiguous),
    ("memoryview.f_contiguous(self, /)", get_contiguous),
];

/// Fills memoryview's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.memoryview.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
    crate::getset::install_getters(vm, &t, GETTERS);
}
