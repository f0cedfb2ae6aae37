//! Heap objects: `ObjRef` (kaa's own reference-counted pointer, so that a
//! cycle collector can be added behind it), `Object` (class + payload) and
//! the `Payload` of every built-in kind of object.

use std::cell::{Cell, RefCell};
use std::ops::Deref;
use std::rc::Rc;

use num_bigint::BigInt;

use crate::code::CodeInfo;
use crate::dicttable::DictTable;
use crate::exceptions::ExceptionData;
use crate::function::Function;
use crate::generator::GenData;
use crate::iter::IterState;
use crate::native::Builtin;
use crate::settable::SetTable;
use crate::strobj::StrData;
use crate::types::TypeData;
use crate::value::Value;

/// A counted reference to a heap object (single-threaded).
#[derive(Clone)]
pub struct ObjRef(Rc<Object>);

impl std::fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<object at {:#x}>", self.id())
    }
}

impl Deref for ObjRef {
    type Target = Object;
    #[inline]
    fn deref(&self) -> &Object {
        &self.0
    }
}

impl ObjRef {
    /// A new object of class `class` (a type object) with `payload`.
    pub fn new(class: ObjRef, payload: Payload) -> ObjRef {
        ObjRef(Rc::new(Object {
            class: Some(class),
            dict: None,
            payload,
        }))
    }

    /// A new object with an instance `__dict__` (a dict object).
    pub fn with_dict(class: ObjRef, payload: Payload, dict: ObjRef) -> ObjRef {
        ObjRef(Rc::new(Object {
            class: Some(class),
            dict: Some(dict),
            payload,
        }))
    }

    /// A new type object (its class is `type`, left implicit).
    pub(crate) fn new_type(data: TypeData) -> ObjRef {
        ObjRef(Rc::new(Object {
            class: None,
            dict: None,
            payload: Payload::Type(Box::new(data)),
        }))
    }

    /// A new class object whose metaclass is `meta` (a subclass of `type`).
    pub(crate) fn new_type_with_meta(data: TypeData, meta: ObjRef) -> ObjRef {
        ObjRef(Rc::new(Object {
            class: Some(meta),
            dict: None,
            payload: Payload::Type(Box::new(data)),
        }))
    }

    /// Identity.
    #[inline]
    pub fn ptr_eq(&self, other: &ObjRef) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }

    /// `id()`: the object's address.
    pub fn id(&self) -> usize {
        Rc::as_ptr(&self.0) as *const u8 as usize
    }

    /// How many references the object has (CPython's `Py_REFCNT`, which
    /// marshal consults to place FLAG_REF).
    pub fn ref_count(&self) -> usize {
        Rc::strong_count(&self.0)
    }
}

/// A heap object.
pub struct Object {
    /// The class; None for type objects, whose class is `type`.
    pub(crate) class: Option<ObjRef>,
    /// The instance `__dict__` (a dict object), for instances of classes
    /// defined in Python.
    pub(crate) dict: Option<ObjRef>,
    /// What the object holds.
    pub(crate) payload: Payload,
}

/// A `range` object (ints that fit in 64 bits).
#[derive(Clone, Copy, Debug)]
pub struct RangeData {
    /// `start`.
    pub start: i64,
    /// `stop`.
    pub stop: i64,
    /// `step` (never 0).
    pub step: i64,
}

impl RangeData {
    /// `len(range)`.
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 && lo < hi {
            (hi - lo - 1) / step + 1
        } else if step < 0 && lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n as i64
    }

    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A module object.
pub struct ModuleData {
    /// `__name__`.
    pub name: String,
    /// The module's globals (a dict object).
    pub dict: ObjRef,
}

/// What a heap object holds, one variant per built-in kind.
pub enum Payload {
    /// No data: `object()`, instances of plain classes, NotImplemented,
    /// Ellipsis, the interpreter's NULL marker.
    Plain,
    /// A str.
    Str(StrData),
    /// An int that does not fit in 64 bits.
    BigInt(BigInt),
    /// A tuple.
    Tuple(Box<[Value]>),
    /// A list.
    List(RefCell<Vec<Value>>),
    /// A dict.
    Dict(RefCell<DictTable>),
    /// A set.
    Set(RefCell<SetTable>),
    /// A frozenset.
    FrozenSet(SetTable),
    /// A complex number (real, imag).
    Complex(f64, f64),
    /// A bytes object.
    Bytes(Box<[u8]>),
    /// A function defined in Python.
    Function(Box<Function>),
    /// A function written in Rust (bound to `self` for methods of objects).
    Builtin(Box<Builtin>),
    /// A code object.
    Code(Rc<CodeInfo>),
    /// A cell (closures).
    Cell(RefCell<Option<Value>>),
    /// A type object.
    Type(Box<TypeData>),
    /// A module.
    Module(ModuleData),
    /// An exception instance.
    Exception(ExceptionData),
    /// A generator, coroutine or async generator.
    Generator(RefCell<GenData>),
    /// An awaitable of a coroutine or async generator (`coro.rs`).
    Awaitable(RefCell<crate::coro::AwaitData>),
    /// An iterator over a built-in container.
    Iter(RefCell<IterState>),
    /// A slice.
    Slice(Box<[Value; 3]>),
    /// A range.
    Range(RangeData),
    /// A bound method.
    BoundMethod(Box<(Value, Value)>),
    /// `property(fget, fset, fdel, doc)`.
    Property(Box<[Value; 3]>),
    /// `staticmethod(f)`.
    StaticMethod(Value),
    /// `classmethod(f)`.
    ClassMethod(Value),
    /// `super(type, obj)`.
    Super(Box<(ObjRef, Value)>),
    /// A dict view: kind (0 keys, 1 values, 2 items) and the dict.
    DictView(Box<(u8, ObjRef)>),
    /// A counter object the interpreter keeps (unused by Python code).
    Counter(Cell<u64>),
    /// An instance of a class with `__slots__`: one value per slot
    /// (`slots.rs`).
    Slots(RefCell<Vec<Option<Value>>>),
    /// A `__slots__` member descriptor (`slots.rs`).
    Member(Box<crate::slots::MemberDescr>),
    /// A bytearray (`bytearray.rs`).
    ByteArray(RefCell<Vec<u8>>),
    /// A memoryview (`memoryview.rs`).
    MemoryView(Box<crate::memoryview::MemView>),
    /// A range beyond 64 bits (`rangeobj.rs`).
    LongRange(Box<crate::rangeobj::BigRange>),
    /// A traceback object (`tbobject.rs`).
    Traceback(Box<crate::tbobject::TbPos>),
    /// A frame object as a traceback shows it (`tbobject.rs`).
    Frame(Box<crate::tbobject::TbPos>),
}

impl Payload {
    /// Moves out the values this payload owns, so that dropping a long
    /// chain of containers needs no deep Rust recursion.
    fn take_children(&mut self, out: &mut Vec<Value>) {
        match self {
            Payload::Tuple(items) => out.extend(std::mem::take(items).into_vec()),
            Payload::List(items) => out.append(items.get_mut()),
            Payload::Dict(d) => d.get_mut().drain_into(out),
            Payload::Set(s) => s.get_mut().drain_into(out),
            Payload::FrozenSet(s) => s.drain_into(out),
            Payload::Cell(c) => out.extend(c.get_mut().take()),
            Payload::BoundMethod(b) => {
                let (f, s) = std::mem::replace(&mut **b, (Value::None, Value::None));
                out.push(f);
                out.push(s);
            }
            _ => {}
        }
    }
}

impl Drop for Object {
    /// CPython's "trashcan": nested containers are freed one by one.
    fn drop(&mut self) {
        // An instance whose class defines __del__ is queued (finalize.rs).
        if matches!(self.payload, Payload::Plain | Payload::Slots(_))
            && crate::finalize::on_drop(self)
        {
            return;
        }
        let mut work = Vec::new();
        self.payload.take_children(&mut work);
        if let Some(d) = self.dict.take() {
            work.push(Value::Obj(d));
        }
        while let Some(v) = work.pop() {
            if let Value::Obj(r) = v {
                if let Ok(mut obj) = Rc::try_unwrap(r.0) {
                    // An object to finalize keeps its contents (finalize.rs).
                    if matches!(obj.payload, Payload::Plain | Payload::Slots(_))
                        && crate::finalize::on_drop(&mut obj)
                    {
                        continue;
                    }
                    obj.payload.take_children(&mut work);
                    if let Some(d) = obj.dict.take() {
                        work.push(Value::Obj(d));
                    }
                }
            }
        }
    }
}
