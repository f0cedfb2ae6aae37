//! The `marshal` module (Python/marshal.c of CPython 3.11): `dumps`,
//! `loads`, `dump`, `load`, `version`.
//!
//! Reading goes through kaa_bytecode's bounds-checked reader; every code
//! object read is verified before it can run. Writing follows `w_object`
//! over live values: FLAG_REF goes where CPython's `w_ref` puts it, on
//! objects with more than one reference (kaa's `Rc` count, less the
//! references the call and the writer hold, stands for `Py_REFCNT`),
//! interned strs and the cached small ints, one-character strs and empty
//! singletons; a second meeting of a flagged object writes TYPE_REF.
//!
//! kaa keeps ints and floats inside values, without a count, so their
//! sharing is guessed as CPython's compiler makes it for literals: flagged
//! (and equal ones one object) at the top level and inside lists, dicts
//! and sets, which displays fill from the constants; not inside tuples,
//! whose literal items only the folded tuple holds. Computed numbers in a
//! list are where kaa's bytes can differ from CPython's (docs/
//! differences.md). Code objects are written by kaa_bytecode's writer,
//! which predicts CPython's sharing inside them.

use std::collections::HashMap;

use kaa_bytecode::marshal::{self as m, MAX_DEPTH};
use kaa_bytecode::Constant;

use crate::builtins::make_builtin;
use crate::exceptions::{PyErr, PyResult};
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

const TYPE_NULL: u8 = b'0';
const TYPE_NONE: u8 = b'N';
const TYPE_FALSE: u8 = b'F';
const TYPE_TRUE: u8 = b'T';
const TYPE_STOPITER: u8 = b'S';
const TYPE_ELLIPSIS: u8 = b'.';
const TYPE_INT: u8 = b'i';
const TYPE_FLOAT: u8 = b'f';
const TYPE_BINARY_FLOAT: u8 = b'g';
const TYPE_COMPLEX: u8 = b'x';
const TYPE_BINARY_COMPLEX: u8 = b'y';
const TYPE_LONG: u8 = b'l';
const TYPE_STRING: u8 = b's';
const TYPE_INTERNED: u8 = b't';
const TYPE_REF: u8 = b'r';
const TYPE_TUPLE: u8 = b'(';
const TYPE_LIST: u8 = b'[';
const TYPE_DICT: u8 = b'{';
const TYPE_UNICODE: u8 = b'u';
const TYPE_SET: u8 = b'<';
const TYPE_FROZENSET: u8 = b'>';
const TYPE_ASCII: u8 = b'a';
const TYPE_ASCII_INTERNED: u8 = b'A';
const TYPE_SMALL_TUPLE: u8 = b')';
const TYPE_SHORT_ASCII: u8 = b'z';
const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
const FLAG_REF: u8 = 0x80;

/// What makes two occurrences one object for back-references.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Ident {
    /// An int kept inside a value (the cached small ints, or equal
    /// literals taken as one constant).
    Int(i64),
    /// A float kept inside a value, by its bits.
    Float(u64),
    /// A heap object, by address.
    Obj(usize),
}

/// What remains to be written (w_object's recursion, on the heap).
enum Task {
    /// A value at a nesting depth, and where it was found.
    Obj(Value, u32, Ctx),
    /// The NULL that ends a dict.
    Null(u32),
}

/// Where a value was found, which decides how its references count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Ctx {
    /// The object passed to `dumps` (or a set element written on its own
    /// for its sort key): one more reference is the call's.
    Top,
    /// An item of a tuple of constants only (most likely one the compiler
    /// folded, whose items only it holds).
    InTuple,
    /// An item of a list, or a dict key or value.
    InOther,
    /// A set element: always flagged (the writer's sort pair holds it).
    SetElement,
}

struct Writer<'v> {
    vm: &'v Vm,
    out: Vec<u8>,
    version: i64,
    refs: HashMap<Ident, u32>,
    nrefs: u32,
}

fn value_err(vm: &Vm, msg: &str) -> PyErr {
    vm.value_error(msg.to_string())
}

impl Writer<'_> {
    fn long(&mut self, x: i32) {
        self.out.extend_from_slice(&x.to_le_bytes());
    }

    fn size(&mut self, n: usize) -> PyResult<()> {
        let n = i32::try_from(n).map_err(|_| value_err(self.vm, "unmarshallable object"))?;
        self.long(n);
        Ok(())
    }

    /// Whether a str is interned: the Vm's intern table holds this very
    /// object.
    fn interned(&self, o: &ObjRef, text: &str) -> bool {
        // The empty str is one interned singleton in CPython.
        text.is_empty()
            || self
                .vm
                .interned
                .borrow()
                .get(text)
                .and_then(Value::as_obj)
                .is_some_and(|i| i.ptr_eq(o))
    }

    /// `w_ref`: a back-reference if `ident` was flagged before (true), or
    /// whether to flag it now.
    fn w_ref(&mut self, ident: Ident, shared: bool) -> Result<bool, u8> {
        if self.version < 3 || !shared {
            return Err(0);
        }
        if let Some(&n) = self.refs.get(&ident) {
            self.out.push(TYPE_REF);
            self.long(n as i32);
            return Ok(true);
        }
        self.refs.insert(ident, self.nrefs);
        self.nrefs += 1;
        Err(FLAG_REF)
    }

    fn run(&mut self, root: Value) -> PyResult<()> {
        let mut tasks = vec![Task::Obj(root, 1, Ctx::Top)];
        while let Some(task) = tasks.pop() {
            match task {
                Task::Null(depth) => {
                    if depth > MAX_DEPTH {
                        return Err(value_err(self.vm, "object too deeply nested to marshal"));
                    }
                    self.out.push(TYPE_NULL);
                }
                Task::Obj(v, depth, ctx) => self.object(v, depth, ctx, &mut tasks)?,
            }
        }
        Ok(())
    }

    fn float(&mut self, f: f64, flag: u8) {
        if self.version > 1 {
            self.out.push(TYPE_BINARY_FLOAT | flag);
            self.out.extend_from_slice(&f.to_le_bytes());
        } else {
            self.out.push(TYPE_FLOAT | flag);
            let text = float_g17(f);
            self.out.push(text.len() as u8);
            self.out.extend_from_slice(text.as_bytes());
        }
    }

    fn int(&mut self, i: &num_bigint::BigInt, flag: u8) {
        use num_traits::ToPrimitive;
        match i.to_i32() {
            Some(x) => {
                self.out.push(TYPE_INT | flag);
                self.long(x);
            }
            None => {
                // w_PyLong: 15-bit digits, least significant first; the
                // count is negative for negative numbers.
                let (sign, mag) = i.to_u32_digits();
                let mut digits: Vec<u16> = Vec::new();
                let mut acc: u64 = 0;
                let mut bits = 0;
                for d in mag {
                    acc |= (d as u64) << bits;
                    bits += 32;
                    while bits >= 15 {
                        digits.push((acc & 0x7fff) as u16);
                        acc >>= 15;
                        bits -= 15;
                    }
                }
                if bits > 0 {
                    digits.push((acc & 0x7fff) as u16);
                }
                while digits.last() == Some(&0) {
                    digits.pop();
                }
                self.out.push(TYPE_LONG | flag);
                let n = digits.len() as i32;
                self.long(if sign == num_bigint::Sign::Minus {
                    -n
                } else {
                    n
                });
                for d in digits {
                    self.out.extend_from_slice(&d.to_le_bytes());
                }
            }
        }
    }

    fn object(&mut self, v: Value, depth: u32, ctx: Ctx, tasks: &mut Vec<Task>) -> PyResult<()> {
        let vm = self.vm;
        if depth > MAX_DEPTH {
            return Err(value_err(vm, "object too deeply nested to marshal"));
        }
        let inner = depth + 1;
        let o = match &v {
            Value::None => {
                self.out.push(TYPE_NONE);
                return Ok(());
            }
            Value::Bool(b) => {
                self.out.push(if *b { TYPE_TRUE } else { TYPE_FALSE });
                return Ok(());
            }
            Value::Int(i) => {
                let shared = (-5..=256).contains(i) || ctx != Ctx::InTuple;
                let flag = match self.w_ref(Ident::Int(*i), shared) {
                    Ok(_) => return Ok(()),
                    Err(f) => f,
                };
                self.int(&num_bigint::BigInt::from(*i), flag);
                return Ok(());
            }
            Value::Float(f) => {
                let flag = match self.w_ref(Ident::Float(f.to_bits()), ctx != Ctx::InTuple) {
                    Ok(_) => return Ok(()),
                    Err(f) => f,
                };
                self.float(*f, flag);
                return Ok(());
            }
            Value::Obj(o) => o.clone(),
        };
        if v.is(&vm.ellipsis) {
            self.out.push(TYPE_ELLIPSIS);
            return Ok(());
        }
        if o.ptr_eq(&vm.exc_type("StopIteration")) {
            self.out.push(TYPE_STOPITER);
            return Ok(());
        }
        let exact = |t: &ObjRef| o.class.as_ref().is_some_and(|c| c.ptr_eq(t));
        let t = &vm.types;
        let marshallable = match &o.payload {
            Payload::BigInt(_) => exact(&t.int),
            Payload::Complex(..) => exact(&t.complex),
            Payload::Str(_) => exact(&t.str_),
            Payload::Bytes(_) => exact(&t.bytes),
            Payload::Tuple(_) => exact(&t.tuple),
            Payload::List(_) => exact(&t.list),
            Payload::Dict(_) => exact(&t.dict),
            Payload::Set(_) => exact(&t.set),
            Payload::FrozenSet(_) => exact(&t.frozenset),
            // Any other buffer (bytearray, memoryview) is written as bytes.
            Payload::ByteArray(_) | Payload::MemoryView(_) | Payload::Code(_) => true,
            _ => false,
        };
        if !marshallable {
            return Err(value_err(vm, "unmarshallable object"));
        }
        // Less the writer's own references (the task's value and `o`) and,
        // at the top, the call's one more than CPython's.
        let mine = if ctx == Ctx::Top { 3 } else { 2 };
        let count = o.ref_count().saturating_sub(mine);
        let cached = match &o.payload {
            Payload::Str(s) => s.as_str().is_empty(),
            Payload::Tuple(items) => items.is_empty(),
            Payload::Bytes(b) => b.len() <= 1,
            _ => false,
        };
        let interned = match &o.payload {
            Payload::Str(s) => self.interned(&o, s.as_str()),
            _ => false,
        };
        let shared = ctx == Ctx::SetElement || cached || interned || count > 1;
        if let Payload::Code(c) = &o.payload {
            // Written by kaa_bytecode's writer, references numbered on.
            if self.version < 3 {
                let bytes = m::dumps_code(&c.obj).map_err(|e| marshal_error(vm, &e))?;
                self.out.extend_from_slice(&bytes);
                return Ok(());
            }
            // The code object is the first object its data flags.
            let ident = Ident::Obj(std::sync::Arc::as_ptr(&c.obj) as *const u8 as usize);
            if let Some(&n) = self.refs.get(&ident) {
                self.out.push(TYPE_REF);
                self.long(n as i32);
                return Ok(());
            }
            self.refs.insert(ident, self.nrefs);
            let (bytes, next) =
                m::dumps_code_nested(&c.obj, self.nrefs).map_err(|e| marshal_error(vm, &e))?;
            self.out.extend_from_slice(&bytes);
            self.nrefs = next;
            return Ok(());
        }
        let flag = match self.w_ref(Ident::Obj(o.id()), shared) {
            Ok(_) => return Ok(()),
            Err(f) => f,
        };
        let push_items = |tasks: &mut Vec<Task>, items: &[Value], ctx: Ctx| {
            for item in items.iter().rev() {
                tasks.push(Task::Obj(item.clone(), inner, ctx));
            }
        };
        match &o.payload {
            Payload::BigInt(b) => self.int(b, flag),
            Payload::Complex(re, im) => {
                if self.version > 1 {
                    self.out.push(TYPE_BINARY_COMPLEX | flag);
                    self.out.extend_from_slice(&re.to_le_bytes());
                    self.out.extend_from_slice(&im.to_le_bytes());
                } else {
                    self.out.push(TYPE_COMPLEX | flag);
                    for part in [*re, *im] {
                        let text = float_g17(part);
                        self.out.push(text.len() as u8);
                        self.out.extend_from_slice(text.as_bytes());
                    }
                }
            }
            Payload::Str(_) => {
                let s = crate::codeobj::value_pystr(&v)
                    .ok_or_else(|| value_err(vm, "unmarshallable object"))?;
                match s.as_str().filter(|t| t.is_ascii() && self.version >= 4) {
                    Some(t) if t.len() < 256 => {
                        let ty = if interned {
                            TYPE_SHORT_ASCII_INTERNED
                        } else {
                            TYPE_SHORT_ASCII
                        };
                        self.out.push(ty | flag);
                        self.out.push(t.len() as u8);
                        self.out.extend_from_slice(t.as_bytes());
                    }
                    Some(t) => {
                        let ty = if interned {
                            TYPE_ASCII_INTERNED
                        } else {
                            TYPE_ASCII
                        };
                        self.out.push(ty | flag);
                        self.size(t.len())?;
                        self.out.extend_from_slice(t.as_bytes());
                    }
                    None => {
                        let ty = if interned && self.version >= 3 {
                            TYPE_INTERNED
                        } else {
                            TYPE_UNICODE
                        };
                        let utf8 = s.to_utf8_surrogatepass();
                        self.out.push(ty | flag);
                        self.size(utf8.len())?;
                        self.out.extend_from_slice(&utf8);
                    }
                }
            }
            Payload::Bytes(b) => self.bytes(b, flag)?,
            Payload::ByteArray(b) => {
                let b = b.borrow().clone();
                self.bytes(&b, flag)?;
            }
            Payload::MemoryView(mv) => {
                let b = mv
                    .to_vec()
                    .ok_or_else(|| value_err(vm, "unmarshallable object"))?;
                self.bytes(&b, flag)?;
            }
            Payload::Tuple(items) => {
                if self.version >= 4 && items.len() < 256 {
                    self.out.push(TYPE_SMALL_TUPLE | flag);
                    self.out.push(items.len() as u8);
                } else {
                    self.out.push(TYPE_TUPLE | flag);
                    self.size(items.len())?;
                }
                let ctx = if items.iter().all(|x| constant_like(vm, x, 0)) {
                    Ctx::InTuple
                } else {
                    Ctx::InOther
                };
                push_items(tasks, items, ctx);
            }
            Payload::List(l) => {
                let items = l.borrow().clone();
                self.out.push(TYPE_LIST | flag);
                self.size(items.len())?;
                push_items(tasks, &items, Ctx::InOther);
            }
            Payload::Dict(d) => {
                self.out.push(TYPE_DICT | flag);
                let pairs: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|e| (e.key.clone(), e.value.clone()))
                    .collect();
                tasks.push(Task::Null(inner));
                for (k, x) in pairs.into_iter().rev() {
                    tasks.push(Task::Obj(x, inner, Ctx::InOther));
                    tasks.push(Task::Obj(k, inner, Ctx::InOther));
                }
            }
            Payload::Set(_) | Payload::FrozenSet(_) => {
                let items: Vec<Value> = match &o.payload {
                    Payload::Set(s) => s.borrow().iter().cloned().collect(),
                    Payload::FrozenSet(s) => s.iter().cloned().collect(),
                    _ => Vec::new(),
                };
                let ty = if matches!(o.payload, Payload::Set(_)) {
                    TYPE_SET
                } else {
                    TYPE_FROZENSET
                };
                self.out.push(ty | flag);
                self.size(items.len())?;
                // bpo-37596: sorted(v, key=marshal.dumps); each key is the
                // element written on its own (held by the set alone).
                let mut keyed = Vec::with_capacity(items.len());
                for item in items {
                    let key = dumps_element(vm, &item, self.version)?;
                    keyed.push((key, item));
                }
                keyed.sort_by(|a, b| a.0.cmp(&b.0));
                for (_, item) in keyed.into_iter().rev() {
                    tasks.push(Task::Obj(item, inner, Ctx::SetElement));
                }
            }
            _ => return Err(value_err(vm, "unmarshallable object")),
        }
        Ok(())
    }

    fn bytes(&mut self, b: &[u8], flag: u8) -> PyResult<()> {
        self.out.push(TYPE_STRING | flag);
        self.size(b.len())?;
        self.out.extend_from_slice(b);
        Ok(())
    }
}

/// Whether a value could be a constant the compiler folded into a tuple
/// (numbers, strs, bytes, None, Ellipsis, bools, and tuples of those).
fn constant_like(vm: &Vm, v: &Value, depth: u32) -> bool {
    match v {
        Value::Obj(o) => match &o.payload {
            Payload::Tuple(items) => {
                depth < 8 && items.iter().all(|x| constant_like(vm, x, depth + 1))
            }
            Payload::BigInt(_) | Payload::Complex(..) | Payload::Str(_) | Payload::Bytes(_) => true,
            _ => v.is(&vm.ellipsis),
        },
        _ => true,
    }
}

/// `repr`-style `%.17g` text of a float (marshal versions 0 and 1).
fn float_g17(f: f64) -> String {
    kaa_num::format_num::format_float(".17g", f, "float").unwrap_or_default()
}

/// A set element's sort key: the element marshalled on its own.
fn dumps_element(vm: &Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        vm,
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        nrefs: 0,
    };
    let mut tasks = vec![Task::Obj(v.clone(), 1, Ctx::Top)];
    while let Some(task) = tasks.pop() {
        match task {
            Task::Null(_) => w.out.push(TYPE_NULL),
            Task::Obj(v, depth, ctx) => w.object(v, depth, ctx, &mut tasks)?,
        }
    }
    Ok(w.out)
}

/// The Python exception for a kaa_bytecode marshal error.
fn marshal_error(vm: &Vm, e: &m::MarshalError) -> PyErr {
    vm.new_error(e.kind, e.message.clone())
}

/// `marshal.dumps(value, version)`'s bytes.
pub fn dumps_value(vm: &Vm, v: &Value, version: i64) -> PyResult<Vec<u8>> {
    let mut w = Writer {
        vm,
        out: Vec::new(),
        version,
        refs: HashMap::new(),
        nrefs: 0,
    };
    w.run(v.clone())?;
    Ok(w.out)
}

/// Every code object in a loaded value must pass the verifier before it
/// can run: kaa refuses what CPython would crash on.
fn check_codes(vm: &Vm, c: &Constant) -> PyResult<()> {
    let mut work = vec![c];
    while let Some(c) = work.pop() {
        match c {
            Constant::Code(code) => kaa_bytecode::verify::verify(code)
                .map_err(|e| vm.value_error(format!("bad marshal data ({e})")))?,
            Constant::Tuple(items)
            | Constant::List(items)
            | Constant::Set(items)
            | Constant::FrozenSet(items) => work.extend(items.iter()),
            Constant::Dict(pairs) => {
                for (k, x) in pairs.iter() {
                    work.push(k);
                    work.push(x);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// `marshal.loads(data)` of bytes: the value and the bytes it took.
pub fn loads_bytes(vm: &Vm, data: &[u8]) -> PyResult<(Value, usize)> {
    let loaded = m::loads_with_layout(data).map_err(|e| marshal_error(vm, &e))?;
    check_codes(vm, &loaded.value)?;
    let value = loaded_value(vm, &loaded.value, &mut HashMap::new(), 0);
    Ok((value, loaded.consumed))
}

/// A loaded constant as a value; a container met twice (a back-reference)
/// is one object, as CPython's reader makes it. Nesting is bounded by the
/// reader's MAX_DEPTH.
fn loaded_value(vm: &Vm, c: &Constant, memo: &mut HashMap<usize, Value>, depth: u32) -> Value {
    let key = match c {
        Constant::Tuple(items)
        | Constant::List(items)
        | Constant::Set(items)
        | Constant::FrozenSet(items) => Some(items.as_ptr() as usize),
        Constant::Dict(pairs) => Some(pairs.as_ptr() as usize),
        _ => None,
    };
    let Some(key) = key.filter(|_| depth <= MAX_DEPTH) else {
        return crate::code::constant_value(vm, c);
    };
    if let Some(v) = memo.get(&key) {
        return v.clone();
    }
    let mut conv = |items: &[Constant]| -> Vec<Value> {
        items
            .iter()
            .map(|x| loaded_value(vm, x, memo, depth + 1))
            .collect()
    };
    let v = match c {
        Constant::Tuple(items) => vm.new_tuple(conv(items)),
        Constant::List(items) => vm.new_list(conv(items)),
        Constant::Set(items) => crate::set::constant_set(vm, conv(items), false),
        Constant::FrozenSet(items) => crate::set::constant_set(vm, conv(items), true),
        Constant::Dict(pairs) => {
            let d = vm.new_dict_obj();
            for (k, x) in pairs.iter() {
                let k = loaded_value(vm, k, memo, depth + 1);
                let x = loaded_value(vm, x, memo, depth + 1);
                crate::dict::dict_set_simple(vm, &d, k, x);
            }
            Value::Obj(d)
        }
        _ => crate::code::constant_value(vm, c),
    };
    memo.insert(key, v.clone());
    v
}

fn version_arg(vm: &Vm, a: &Args<'_>, i: usize) -> PyResult<i64> {
    match a.get(i) {
        None => Ok(m::VERSION as i64),
        Some(Value::Int(x)) => Ok(*x),
        Some(Value::Bool(b)) => Ok(*b as i64),
        Some(v) => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// The bytes of a bytes-like argument.
fn buffer_arg(vm: &Vm, v: &Value, func: &str) -> PyResult<Vec<u8>> {
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok(b.to_vec()),
        Some(Payload::ByteArray(b)) => Ok(b.borrow().clone()),
        Some(Payload::MemoryView(mv)) => mv.to_vec().ok_or_else(|| {
            vm.value_error(format!(
                "{func}(): operation forbidden on released memoryview object"
            ))
        }),
        _ => Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

fn marshal_dumps(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let version = version_arg(vm, a, 1)?;
    let out = dumps_value(vm, a.arg(0), version)?;
    Ok(crate::bytes::new_bytes(vm, out))
}

fn marshal_loads(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let data = buffer_arg(vm, a.arg(0), "loads")?;
    Ok(loads_bytes(vm, &data)?.0)
}

fn marshal_dump(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let version = version_arg(vm, a, 2)?;
    let out = dumps_value(vm, a.arg(0), version)?;
    let b = crate::bytes::new_bytes(vm, out);
    let file = a.arg(1).clone();
    let write = {
        let n = vm.new_str("write");
        vm.get_attr(&file, &n)?
    };
    // CPython 3.11 returns what file.write returned.
    vm.call(&write, &[b])
}

/// `marshal.load(file)`: as CPython, `file.read(0)` must give bytes, then
/// the data comes through `file.readinto()`. CPython asks for exactly the
/// bytes each part needs; kaa reads chunks until a value parses and, when
/// the file can seek, moves back over what it read past the value.
fn marshal_load(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let file = a.arg(0).clone();
    let read = {
        let n = vm.new_str("read");
        vm.get_attr(&file, &n)?
    };
    let probe = vm.call(&read, &[Value::Int(0)])?;
    if !matches!(probe.payload(), Some(Payload::Bytes(_))) {
        return Err(vm.type_error(format!(
            "file.read() returned not bytes but {}",
            vm.type_name(&probe)
        )));
    }
    let readinto = {
        let n = vm.new_str("readinto");
        vm.get_attr(&file, &n)?
    };
    let mut data: Vec<u8> = Vec::new();
    let mut chunk = 64usize;
    loop {
        let buf = crate::bytes::new_bytearray(vm, vec![0; chunk]);
        let got = vm.call(&readinto, std::slice::from_ref(&buf))?;
        let n = match got {
            Value::Int(n) => usize::try_from(n).unwrap_or(0).min(chunk),
            Value::None => 0,
            _ => return Err(vm.type_error("readinto() must return an int")),
        };
        if let Some(Payload::ByteArray(b)) = buf.payload() {
            data.extend_from_slice(b.borrow().get(..n).unwrap_or(&[]));
        }
        match m::loads_with_layout(&data) {
            Ok(loaded) => {
                check_codes(vm, &loaded.value)?;
                let value = loaded_value(vm, &loaded.value, &mut HashMap::new(), 0);
                let back = data.len().saturating_sub(loaded.consumed);
                if back > 0 {
                    if let Ok(Some(seek)) = vm.get_attr_opt(&file, "seek") {
                        vm.call(&seek, &[Value::Int(-(back as i64)), Value::Int(1)])?;
                    }
                }
                return Ok(value);
            }
            Err(e) if e.kind == "EOFError" && n > 0 => {
                chunk = chunk.saturating_mul(2).min(1 << 24);
            }
            Err(e) => return Err(marshal_error(vm, &e)),
        }
    }
}

/// The `marshal` module.
pub fn marshal_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        ("version", Value::Int(m::VERSION as i64)),
        (
            "dumps",
            make_builtin(vm, "dumps(value, version=version, /)", marshal_dumps),
        ),
        ("loads", make_builtin(vm, "loads(bytes, /)", marshal_loads)),
        (
            "dump",
            make_builtin(vm, "dump(value, file, version=version, /)", marshal_dump),
        ),
        ("load", make_builtin(vm, "load(file, /)", marshal_load)),
    ];
    crate::module::new_native_module(vm, "marshal", None, values, &[])
}
