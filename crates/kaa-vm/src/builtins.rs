//! The `builtins` module: the built-in functions (declared with the
//! signature-line pattern of native.rs), the built-in types' constructors
//! and methods installed into their type dicts, and the small `sys` module.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::exceptions::PyResult;
use crate::iter::IterState;
use crate::native::{Args, Builtin, NativeFn, Sig};
use crate::object::{ObjRef, Payload};
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

/// A built-in function object for `sig` and `func`.
pub fn make_builtin(vm: &Vm, sig: &str, func: NativeFn) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.builtin.clone(),
        Payload::Builtin(Box::new(Builtin {
            sig: Sig::parse(sig),
            func,
        })),
    ))
}

fn constant_impl(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(a.this.clone())
}

/// A callable returning `v` (e.g. `C.mro`).
pub fn constant_fn(vm: &Vm, v: Value) -> Value {
    let f = make_builtin(vm, "mro($self, /)", constant_impl);
    vm.bind_method(f, v)
}

fn set_in(vm: &Vm, t: &ObjRef, methods: &[(&str, NativeFn)]) {
    if let Some(d) = type_data(t) {
        for (sig, f) in methods {
            let b = make_builtin(vm, sig, *f);
            let raw = sig.split('(').next().unwrap_or("");
            let name = raw.rsplit('.').next().unwrap_or(raw);
            d.set_own(vm.new_str(name), b);
        }
    }
}

fn set_global(vm: &Vm, name: &str, v: Value) {
    let k = vm.new_str(name);
    crate::dict::dict_set_simple(vm, &vm.builtins, k, v);
}

/// Fills the builtins module and the built-in types' dicts.
pub fn install(vm: &mut Vm) {
    let t = vm.types.clone_refs();
    set_in(vm, &t.list, crate::list::LIST_METHODS);
    set_in(vm, &t.tuple, crate::list::TUPLE_METHODS);
    set_in(vm, &t.dict, crate::dict::METHODS);
    set_in(vm, &t.set, crate::set::SET_METHODS);
    set_in(vm, &t.frozenset, crate::set::FROZENSET_METHODS);
    crate::strmethods::install(vm);
    set_in(vm, &t.generator, crate::generator::METHODS);
    crate::int::install(vm);
    crate::float::install(vm);
    crate::complex::install(vm);
    crate::codeobj::install(vm);
    crate::bytes::install(vm);
    crate::bytearray::install(vm);
    crate::memoryview::install(vm);
    crate::metaclass::install_union(vm);
    crate::dictview::install(vm);
    crate::tbobject::install(vm);
    set_in(vm, &t.object, OBJECT_METHODS);
    crate::rangeobj::install(vm);
    crate::sliceobj::install(vm);
    set_in(vm, &t.bool_, &[("bool.__kaa_new__(x=False, /)", bool_new)]);
    set_in(
        vm,
        &t.property,
        &[
            (
                "property.__kaa_new__(fget=None, fset=None, fdel=None, doc=None)",
                property_new,
            ),
            ("property.setter($self, fset, /)", property_setter),
            ("property.getter($self, fget, /)", property_getter),
            ("property.deleter($self, fdel, /)", property_deleter),
        ],
    );
    set_in(
        vm,
        &t.staticmethod,
        &[("staticmethod.__kaa_new__(function, /)", staticmethod_new)],
    );
    set_in(
        vm,
        &t.classmethod,
        &[("classmethod.__kaa_new__(function, /)", classmethod_new)],
    );
    set_in(
        vm,
        &t.super_,
        &[("super.__kaa_new__(type=None, obj=None, /)", super_new)],
    );
    if let Some(od) = type_data(&t.object) {
        let f = make_builtin(
            vm,
            "object.__init_subclass__($self, /)",
            object_init_subclass,
        );
        let cm = Value::Obj(ObjRef::new(
            vm.types.classmethod.clone(),
            Payload::ClassMethod(f),
        ));
        od.set_own(vm.new_str("__init_subclass__"), cm);
    }
    if let Some(be) = vm.types.exc.get("BaseException").cloned() {
        set_in(vm, &be, EXC_METHODS);
    }
    for (name, sig, f) in ITER_CTORS {
        if let Some(ty) = vm.types.by_name.get(name).cloned() {
            set_in(vm, &ty, &[(sig, *f)]);
        }
    }
    if let Some(dt) = type_data(&t.dict) {
        for (sig, f) in crate::dict::STATIC {
            let b = make_builtin(vm, sig, *f);
            let sm = Value::Obj(ObjRef::new(
                vm.types.staticmethod.clone(),
                Payload::StaticMethod(b),
            ));
            dt.set_own(vm.new_str("fromkeys"), sm);
        }
    }
    for (name, ty) in [
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("str", &t.str_),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
    ] {
        set_global(vm, name, Value::Obj(ty.clone()));
    }
    for (name, ty) in [
        ("bytearray", vm.types.bytearray.clone()),
        ("memoryview", vm.types.memoryview.clone()),
    ] {
        set_global(vm, name, Value::Obj(ty));
    }
    for name in ["enumerate", "zip", "map", "filter", "reversed"] {
        if let Some(ty) = vm.types.by_name.get(name).cloned() {
            set_global(vm, name, Value::Obj(ty));
        }
    }
    let excs: Vec<(&str, ObjRef)> = vm.types.exc.iter().map(|(k, v)| (*k, v.clone())).collect();
    for (name, ty) in excs {
        set_global(vm, name, Value::Obj(ty));
    }
    for alias in ["EnvironmentError", "IOError"] {
        set_global(vm, alias, Value::Obj(vm.exc_type("OSError")));
    }
    set_global(vm, "NotImplemented", vm.not_implemented.clone());
    set_global(vm, "Ellipsis", vm.ellipsis.clone());
    set_global(vm, "__name__", vm.new_str("builtins"));
    for (sig, f) in FUNCTIONS.iter().chain(crate::evalexec::FUNCTIONS) {
        let b = make_builtin(vm, sig, *f);
        let name = Sig::parse(sig).name;
        set_global(vm, &name, b);
    }
}

/// The types `install` needs, cloned out of the Vm.
pub struct TypeRefs {
    object: ObjRef,
    type_: ObjRef,
    int: ObjRef,
    bool_: ObjRef,
    float: ObjRef,
    complex: ObjRef,
    str_: ObjRef,
    bytes: ObjRef,
    list: ObjRef,
    tuple: ObjRef,
    dict: ObjRef,
    set: ObjRef,
    frozenset: ObjRef,
    range: ObjRef,
    slice: ObjRef,
    property: ObjRef,
    staticmethod: ObjRef,
    classmethod: ObjRef,
    super_: ObjRef,
    generator: ObjRef,
}

impl crate::types::Types {
    /// Clones of the type refs `install` fills in.
    pub fn clone_refs(&self) -> TypeRefs {
        TypeRefs {
            object: self.object.clone(),
            type_: self.type_.clone(),
            int: self.int.clone(),
            bool_: self.bool_.clone(),
            float: self.float.clone(),
            complex: self.complex.clone(),
            str_: self.str_.clone(),
            bytes: self.bytes.clone(),
            list: self.list.clone(),
            tuple: self.tuple.clone(),
            dict: self.dict.clone(),
            set: self.set.clone(),
            frozenset: self.frozenset.clone(),
            range: self.range.clone(),
            slice: self.slice.clone(),
            property: self.property.clone(),
            staticmethod: self.staticmethod.clone(),
            classmethod: self.classmethod.clone(),
            super_: self.super_.clone(),
            generator: self.generator.clone(),
        }
    }
}

// ---- constructors ----

fn bool_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        Some(v) => Ok(Value::Bool(vm.is_true(v)?)),
        None => Ok(Value::Bool(false)),
    }
}

fn property_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = |i: usize| a.get(i).cloned().unwrap_or(Value::None);
    Ok(Value::Obj(ObjRef::new(
        vm.types.property.clone(),
        Payload::Property(Box::new([g(0), g(1), g(2)])),
    )))
}

fn property_with(vm: &mut Vm, a: &Args<'_>, slot: usize) -> PyResult<Value> {
    let Some(Payload::Property(p)) = a.this.payload() else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let mut parts = (**p).clone();
    parts[slot] = a.arg(0).clone();
    Ok(Value::Obj(ObjRef::new(
        vm.types.property.clone(),
        Payload::Property(Box::new(parts)),
    )))
}

fn property_getter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    property_with(vm, a, 0)
}
fn property_setter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    property_with(vm, a, 1)
}
fn property_deleter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    property_with(vm, a, 2)
}

fn staticmethod_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(ObjRef::new(
        vm.types.staticmethod.clone(),
        Payload::StaticMethod(a.arg(0).clone()),
    )))
}

fn classmethod_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(ObjRef::new(
        vm.types.classmethod.clone(),
        Payload::ClassMethod(a.arg(0).clone()),
    )))
}

fn super_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match (a.get(0), a.get(1)) {
        (Some(t), Some(o)) => {
            let (t, o) = (t.clone(), o.clone());
            vm.new_super(&t, &o)
        }
        _ => Err(vm.runtime_error("super(): no arguments")),
    }
}

fn enumerate_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = vm.get_iter(a.arg(0))?;
    let start = match a.get(1) {
        Some(v) => vm.index_of(v)?.unwrap_or(0),
        None => 0,
    };
    Ok(vm.new_iter("enumerate", IterState::Enumerate(it, start)))
}

fn zip_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut its = Vec::with_capacity(a.rest.len());
    for (i, x) in a.rest.iter().enumerate() {
        match vm.get_iter(x) {
            Ok(it) => its.push(it),
            Err(e) if vm.err_matches(&e, "TypeError") => {
                return Err(vm.type_error(format!("zip argument #{} must support iteration", i + 1)))
            }
            Err(e) => return Err(e),
        }
    }
    let strict = match a.get(0) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    Ok(vm.new_iter("zip", IterState::Zip(its, strict)))
}

fn map_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if a.rest.len() < 2 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let f = a.rest[0].clone();
    let mut its = Vec::new();
    for x in &a.rest[1..] {
        its.push(vm.get_iter(x)?);
    }
    Ok(vm.new_iter("map", IterState::Map(f, its)))
}

fn filter_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = vm.get_iter(a.arg(1))?;
    Ok(vm.new_iter("filter", IterState::Filter(a.arg(0).clone(), it)))
}

fn reversed_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    if let Some(m) = vm.user_method(v, "__reversed__") {
        return vm.call_dunder(&m, v, &[]);
    }
    match v.payload() {
        Some(Payload::Range(r)) => Ok(crate::rangeobj::reversed_range(vm, *r)),
        Some(Payload::LongRange(_)) => crate::rangeobj::long_reversed(vm, v),
        Some(
            Payload::List(_)
            | Payload::Tuple(_)
            | Payload::Str(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_),
        ) => {
            let n = vm.len(v)? as isize;
            let name = if matches!(v.payload(), Some(Payload::List(_))) {
                "list_reverseiterator"
            } else {
                "reversed"
            };
            Ok(vm.new_iter(name, IterState::Reversed(v.clone(), n - 1)))
        }
        Some(Payload::DictView(dv)) => {
            let (kind, d) = (dv.0, dv.1.clone());
            let pairs = crate::dict::dict_items(&d);
            let items: Vec<Value> = pairs
                .into_iter()
                .rev()
                .map(|(k, val)| match kind {
                    0 => k,
                    1 => val,
                    _ => vm.new_tuple(vec![k, val]),
                })
                .collect();
            let name = [
                "dict_reversekeyiterator",
                "dict_reversevalueiterator",
                "dict_reverseitemiterator",
            ][kind as usize % 3];
            Ok(vm.new_iter(name, IterState::Items(items, 0)))
        }
        Some(Payload::Dict(_)) => {
            let keys: Vec<Value> = v
                .as_obj()
                .map(crate::dict::dict_items)
                .unwrap_or_default()
                .into_iter()
                .rev()
                .map(|(k, _)| k)
                .collect();
            Ok(vm.new_iter("dict_reversekeyiterator", IterState::Items(keys, 0)))
        }
        _ => {
            if vm.user_method(v, "__getitem__").is_some() && vm.user_method(v, "__len__").is_some()
            {
                let n = vm.len(v)? as isize;
                return Ok(vm.new_iter("reversed", IterState::Reversed(v.clone(), n - 1)));
            }
            Err(vm.type_error(format!("'{}' object is not reversible", vm.type_name(v))))
        }
    }
}

fn object_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if !a.rest.is_empty() {
        return Err(vm.type_error("object() takes no arguments"));
    }
    Ok(Value::Obj(ObjRef::new(
        vm.types.object.clone(),
        Payload::Plain,
    )))
}

const ITER_CTORS: &[(&str, &str, NativeFn)] = &[
    (
        "enumerate",
        "enumerate.__kaa_new__(iterable, start=0)",
        enumerate_new,
    ),
    ("zip", "zip.__kaa_new__(*iterables, strict=False)", zip_new),
    ("map", "map.__kaa_new__(*args)", map_new),
    (
        "filter",
        "filter.__kaa_new__(function, iterable, /)",
        filter_new,
    ),
    (
        "reversed",
        "reversed.__kaa_new__(sequence, /)",
        reversed_new,
    ),
];

// ---- methods of object, int, float, BaseException ----

fn object_init(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_setattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    vm.generic_setattr(&this, a.arg(0), a.arg(1).clone())?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = a.arg(0).as_str().unwrap_or("").to_string();
    let this = a.this.clone();
    match vm.get_attr_opt(&this, &n)? {
        Some(v) => Ok(v),
        None => Err(vm.no_attribute(&this, &n)),
    }
}

fn object_delattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    vm.del_attr(&this, a.arg(0))?;
    Ok(Value::None)
}

fn object_init_subclass(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = &a.this;
    let t = vm.type_of(v);
    let (m, q) = type_data(&t).map_or(("builtins".to_string(), String::new()), |d| {
        (d.module.clone(), d.qualname.clone())
    });
    let id = v.as_obj().map_or(0, |o| o.id());
    let s = if m == "builtins" {
        format!("<{q} object at {id:#x}>")
    } else {
        format!("<{m}.{q} object at {id:#x}>")
    };
    Ok(vm.new_str(&s))
}

fn object_str(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = vm.repr_of(&a.this)?;
    Ok(vm.new_str(&s))
}

fn object_eq(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(if a.this.is(a.arg(0)) {
        Value::Bool(true)
    } else {
        vm.not_implemented.clone()
    })
}

fn object_hash(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let id = a.this.as_obj().map_or(0, |o| o.id()) as u64;
    let _ = vm;
    Ok(Value::Int(id.rotate_right(4) as i64))
}

fn object_new_method(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.rest.first() {
        Some(Value::Obj(t)) if matches!(t.payload, Payload::Type(_)) => {
            let t = t.clone();
            vm.new_instance(&t, &[], &[])
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

const OBJECT_METHODS: &[(&str, NativeFn)] = &[
    ("object.__init__($self, *args, **kwargs)", object_init),
    ("object.__setattr__($self, name, value, /)", object_setattr),
    (
        "object.__getattribute__($self, name, /)",
        object_getattribute,
    ),
    ("object.__delattr__($self, name, /)", object_delattr),
    ("object.__repr__($self, /)", object_repr),
    ("object.__str__($self, /)", object_str),
    ("object.__eq__($self, value, /)", object_eq),
    ("object.__hash__($self, /)", object_hash),
    ("object.__new__(*args, **kwargs)", object_new_method),
    ("object.__kaa_new__(*args)", object_new),
];

fn exc_init(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(o) = a.this.as_obj() {
        if let Some(d) = crate::exceptions::exc_data(o) {
            *d.args.borrow_mut() = vm.new_tuple(a.rest.to_vec());
        }
        crate::excattrs::reinit(vm, o, a.rest)?;
    }
    Ok(Value::None)
}

fn exc_with_traceback(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::tbobject::with_traceback(vm, a)
}

fn exc_str(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let o = a.this.as_obj().cloned();
    let args = o.map(|o| vm.exc_args(&o)).unwrap_or_default();
    let s = match args.len() {
        0 => String::new(),
        1 => vm.str_of(&args[0])?,
        _ => {
            let t = vm.new_tuple(args);
            vm.repr_of(&t)?
        }
    };
    Ok(vm.new_str(&s))
}

fn exc_add_note(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(o) = a.this.as_obj().cloned() else {
        return Ok(Value::None);
    };
    if a.arg(0).as_str().is_none() {
        return Err(vm.type_error(format!(
            "note must be a str, not '{}'",
            vm.type_name(a.arg(0))
        )));
    }
    let key = vm.new_str("__notes__");
    let notes = match vm.get_attr_opt(&a.this, "__notes__")? {
        Some(n) => n,
        None => {
            let l = vm.new_list(Vec::new());
            if let Some(d) = &o.dict {
                crate::dict::dict_set(vm, d, key, l.clone())?;
            }
            l
        }
    };
    if let Some(Payload::List(l)) = notes.payload() {
        l.borrow_mut().push(a.arg(0).clone());
    }
    Ok(Value::None)
}

const EXC_METHODS: &[(&str, NativeFn)] = &[
    ("BaseException.__init__($self, *args)", exc_init),
    ("BaseException.__str__($self, /)", exc_str),
    (
        "BaseException.with_traceback($self, tb, /)",
        exc_with_traceback,
    ),
    ("BaseException.add_note($self, note, /)", exc_add_note),
];

// ---- functions ----

fn b_print(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let sep = match a.opt(0) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "sep must be None or a string, not {}",
                    vm.type_name(v)
                )))
            }
        },
        None => " ".to_string(),
    };
    let end = match a.opt(1) {
        Some(v) => match v.as_str() {
            Some(s) => s.to_string(),
            None => {
                return Err(vm.type_error(format!(
                    "end must be None or a string, not {}",
                    vm.type_name(v)
                )))
            }
        },
        None => "\n".to_string(),
    };
    let mut pieces: Vec<String> = Vec::with_capacity(a.rest.len() * 2 + 1);
    for (i, x) in a.rest.iter().enumerate() {
        if i > 0 {
            pieces.push(sep.clone());
        }
        match x.as_str() {
            Some(s) if !vm.is_heap(x) => {
                crate::strobj::check_utf8(vm, x)?;
                pieces.push(s.to_string())
            }
            _ => pieces.push(vm.str_of(x)?),
        }
    }
    pieces.push(end);
    match a.opt(2) {
        Some(file) if !matches!(file.payload(), Some(Payload::Counter(_))) => {
            // CPython writes each piece with its own file.write() call.
            let file = file.clone();
            for p in &pieces {
                vm.write_to(&file, p)?;
            }
        }
        Some(file) => {
            let file = file.clone();
            vm.write_to(&file, &pieces.concat())?;
        }
        None => vm.write_stdout_checked(&pieces.concat())?,
    }
    if let Some(f) = a.get(3) {
        if vm.is_true(f)? {
            vm.try_flush_stdout()?;
        }
    }
    Ok(Value::None)
}

impl Vm {
    /// `file.write(s)` (sys.stdout / sys.stderr natively).
    pub(crate) fn write_to(&mut self, file: &Value, s: &str) -> PyResult<()> {
        if let Some(Payload::Counter(c)) = file.payload() {
            if c.get() == 2 {
                self.write_stderr(s);
                return Ok(());
            }
            return self.write_stdout_checked(s);
        }
        let w = self.get_attr(file, &self.new_str("write"))?;
        let sv = self.new_str(s);
        self.call(&w, &[sv])?;
        Ok(())
    }
}

fn b_len(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.len(a.arg(0))? as i64))
}

fn b_repr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = vm.repr_of(a.arg(0))?;
    Ok(vm.new_str(&s))
}

fn b_ascii(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = vm.repr_of(a.arg(0))?;
    Ok(vm.new_str(&crate::strmethods::ascii_escape(&s)))
}

fn b_isinstance(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::metaclass::b_isinstance(vm, a)
}

fn b_issubclass(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::metaclass::b_issubclass(vm, a)
}

fn b_abs(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    if let Some(m) = vm.user_method(v, "__abs__") {
        return vm.call_dunder(&m, v, &[]);
    }
    match v {
        Value::Int(i) => Ok(match i.checked_abs() {
            Some(x) => Value::Int(x),
            None => Value::from_bigint(BigInt::from(*i).abs(), vm),
        }),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match (v.as_bigint(), crate::complex::as_complex(v)) {
            (Some(b), _) => Ok(Value::from_bigint(b.abs(), vm)),
            (None, Some(z)) => crate::complex::complex_abs(vm, z),
            (None, None) => {
                Err(vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v))))
            }
        },
    }
}

fn minmax(vm: &mut Vm, a: &Args<'_>, is_max: bool) -> PyResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let items = match a.rest.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => vm.collect(&a.rest[0])?,
        _ => {
            if a.get(1).is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            a.rest.to_vec()
        }
    };
    let key = a.opt(0).cloned();
    if items.is_empty() {
        return match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.value_error(format!("{name}() arg is an empty sequence"))),
        };
    }
    let mut best = items[0].clone();
    let mut best_key = match &key {
        Some(k) => vm.call(k, std::slice::from_ref(&best))?,
        None => best.clone(),
    };
    for it in items.into_iter().skip(1) {
        let k = match &key {
            Some(kf) => vm.call(kf, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        let better = if is_max {
            vm.lt(&best_key, &k)?
        } else {
            vm.lt(&k, &best_key)?
        };
        if better {
            best = it;
            best_key = k;
        }
    }
    Ok(best)
}

fn b_max(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    minmax(vm, a, true)
}
fn b_min(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    minmax(vm, a, false)
}

fn b_sum(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let mut acc = a.get(1).cloned().unwrap_or(Value::Int(0));
    if acc.as_str().is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    if matches!(
        acc.payload(),
        Some(Payload::Bytes(_) | Payload::ByteArray(_))
    ) {
        return Err(vm.type_error(format!(
            "sum() can't sum {} [use b''.join(seq) instead]",
            vm.type_name(&acc)
        )));
    }
    let it = vm.get_iter(a.arg(0))?;
    while let Some(x) = vm.iter_next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(r) => Value::Int(r),
                None => vm.binary_op(&acc, &x, 0)?,
            },
            (Value::Float(p), Value::Float(q)) => Value::Float(p + q),
            _ => vm.binary_op(&acc, &x, 0)?,
        };
    }
    Ok(acc)
}

fn b_sorted(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    // CPython: sorted() checks its one positional argument, then calls
    // list.sort with the keywords (so errors name sort()).
    if a.rest.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", a.rest.len())));
    }
    let items = vm.collect(&a.rest[0])?;
    let l = vm.new_list(items);
    let sort = crate::types::lookup(&vm.types.list.clone(), "sort");
    if let Some(sort) = sort {
        vm.call_with_kwargs(&sort, std::slice::from_ref(&l), a.kwrest)?;
    }
    Ok(l)
}

fn b_all(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = vm.get_iter(a.arg(0))?;
    while let Some(x) = vm.iter_next(&it)? {
        if !vm.is_true(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn b_any(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = vm.get_iter(a.arg(0))?;
    while let Some(x) = vm.iter_next(&it)? {
        if vm.is_true(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn b_iter(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(1) {
        Some(sentinel) => Ok(vm.new_iter(
            "callable_iterator",
            IterState::Callable(a.arg(0).clone(), sentinel.clone()),
        )),
        None => vm.get_iter(a.arg(0)),
    }
}

fn b_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let it = a.arg(0);
    let is_iter = match it.payload() {
        Some(Payload::Iter(_) | Payload::Awaitable(_)) => true,
        Some(Payload::Generator(g)) => g.borrow().kind == crate::generator::GenKind::Generator,
        _ => vm.user_method(it, "__next__").is_some(),
    };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    if let Some(Payload::Generator(_)) = it.payload() {
        return match vm.gen_send(it, Value::None, None)? {
            crate::interp::Exit::Yield(v) => Ok(v),
            crate::interp::Exit::Return(v) => match a.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(v)),
            },
        };
    }
    if let Some(m) = vm.user_method(it, "__next__") {
        return match vm.call_dunder(&m, it, &[]) {
            Err(e) if vm.err_matches(&e, "StopIteration") && a.get(1).is_some() => {
                Ok(a.arg(1).clone())
            }
            r => r,
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match a.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn b_hash(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.hash(a.arg(0))?))
}

fn b_id(_vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(match a.arg(0) {
        Value::Obj(o) => o.id() as i64,
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64 + 1,
        Value::None => 0,
        Value::Float(f) => f.to_bits() as i64,
    }))
}

fn b_getattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let name = a.arg(1);
    if name.as_str().is_none() {
        return Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(name)
        )));
    }
    match vm.get_attr(a.arg(0), name) {
        Err(e) if vm.err_matches(&e, "AttributeError") && a.get(2).is_some() => {
            Ok(a.arg(2).clone())
        }
        r => r,
    }
}

fn b_setattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let o = a.arg(0).clone();
    vm.set_attr(&o, a.arg(1), a.arg(2).clone())?;
    Ok(Value::None)
}

fn b_delattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let o = a.arg(0).clone();
    vm.del_attr(&o, a.arg(1))?;
    Ok(Value::None)
}

fn b_hasattr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match vm.get_attr(a.arg(0), a.arg(1)) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if vm.err_matches(&e, "AttributeError") => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn b_callable(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    let c = matches!(
        v.payload(),
        Some(
            Payload::Function(_) | Payload::Builtin(_) | Payload::BoundMethod(_) | Payload::Type(_)
        )
    ) || crate::types::lookup(&vm.type_of(v), "__call__").is_some();
    Ok(Value::Bool(c))
}

fn b_chr(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(i) = vm.index_of(a.arg(0))? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(a.arg(0))
        )));
    };
    match u32::try_from(i).ok().filter(|c| *c <= 0x10ffff) {
        Some(c) => Ok(vm.new_char(c)),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn b_ord(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let v = a.arg(0);
    if let Some(s) = v.as_pystr() {
        let n = s.len();
        if let (1, Some(c)) = (n, s.get(0)) {
            return Ok(Value::Int(i64::from(c)));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {n} found"
        )));
    }
    if let Some(Payload::Bytes(_) | Payload::ByteArray(_)) = v.payload() {
        let b = crate::bytes::buffer_of(v).unwrap_or_default();
        if let [c] = b[..] {
            return Ok(Value::Int(i64::from(c)));
        }
        return Err(vm.type_error(format!(
            "ord() expected a character, but string of length {} found",
            b.len()
        )));
    }
    Err(vm.type_error(format!(
        "ord() expected string of length 1, but {} found",
        vm.type_name(v)
    )))
}

fn radix(vm: &mut Vm, a: &Args<'_>, r: u32) -> PyResult<Value> {
    let v = a.arg(0);
    let b = match v.to_bigint() {
        Some(b) => b,
        None => match vm.index_of(v)? {
            Some(i) => BigInt::from(i),
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    let s = kaa_num::int_to_radix(&b, r, true);
    Ok(vm.new_str(&s))
}

fn b_bin(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    radix(vm, a, 2)
}
fn b_oct(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    radix(vm, a, 8)
}
fn b_hex(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    radix(vm, a, 16)
}

fn b_round(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let x = a.arg(0);
    if let Some(m) = vm.user_method(x, "__round__") {
        let args: Vec<Value> = a.get(1).cloned().into_iter().collect();
        return vm.call_dunder(&m, x, &args);
    }
    let nd = match a.opt(1) {
        Some(v) => Some(vm.index_of(v)?.unwrap_or(0)),
        None => None,
    };
    match x {
        Value::Float(f) => match nd {
            None => {
                if !f.is_finite() {
                    return Err(if f.is_nan() {
                        vm.value_error("cannot convert float NaN to integer")
                    } else {
                        vm.overflow_error("cannot convert float infinity to integer")
                    });
                }
                let r = f.round_ties_even();
                let b: BigInt = num_traits::FromPrimitive::from_f64(r).unwrap_or_default();
                Ok(Value::from_bigint(b, vm))
            }
            Some(n) => match kaa_num::round_float(*f, n) {
                Ok(r) => Ok(Value::Float(r)),
                Err(e) => Err(vm.new_error(e.exception_name(), e.message())),
            },
        },
        _ if x.is_int_like() => match nd {
            None => Ok(match x {
                Value::Bool(b) => Value::Int(*b as i64),
                other => other.clone(),
            }),
            Some(n) if n >= 0 => Ok(x.clone()),
            Some(n) => {
                let b = x.to_bigint().unwrap_or_default();
                let p = num_traits::pow(BigInt::from(10), (-n).min(4000) as usize);
                let (q, r) = crate::int::floor_divmod(&b, &p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && (&q % 2u32) != BigInt::zero()) {
                    q + 1
                } else {
                    q
                };
                Ok(Value::from_bigint(q * p, vm))
            }
        },
        _ => Err(vm.type_error(format!(
            "type {} doesn't define __round__ method",
            vm.type_name(x)
        ))),
    }
}

fn b_divmod(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (x, y) = (a.arg(0), a.arg(1));
    if vm.is_heap(x) || vm.is_heap(y) {
        if let Some(m) = vm.user_method(x, "__divmod__") {
            return vm.call_dunder(&m, x, std::slice::from_ref(y));
        }
    }
    let q = vm
        .binary_op(x, y, crate::int::nb::FLOOR_DIVIDE)
        .map_err(|e| {
            if vm.err_matches(&e, "TypeError") {
                vm.type_error(format!(
                    "unsupported operand type(s) for divmod(): '{}' and '{}'",
                    vm.type_name(x),
                    vm.type_name(y)
                ))
            } else {
                e
            }
        })?;
    let r = vm.binary_op(x, y, crate::int::nb::REMAINDER)?;
    Ok(vm.new_tuple(vec![q, r]))
}

fn b_pow(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.opt(2) {
        None => vm.binary_op(a.arg(0), a.arg(1), crate::int::nb::POWER),
        Some(m) => {
            // Three-argument pow dispatches to the base's __pow__ only
            // (ternary_op: never __rpow__).
            if let Some(f) = vm.user_method(a.arg(0), "__pow__") {
                let r = vm.call(&f, &[a.arg(0).clone(), a.arg(1).clone(), m.clone()])?;
                if !r.is(&vm.not_implemented) {
                    return Ok(r);
                }
            }
            if [a.arg(0), a.arg(1), m]
                .iter()
                .any(|v| crate::complex::as_complex(v).is_some())
            {
                return Err(vm.value_error("complex modulo"));
            }
            let (Some(b), Some(e), Some(m)) =
                (a.arg(0).to_bigint(), a.arg(1).to_bigint(), m.to_bigint())
            else {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            };
            if m.is_zero() {
                return Err(vm.value_error("pow() 3rd argument cannot be 0"));
            }
            crate::int::int_pow_mod(vm, &b, &e, &m)
        }
    }
}

fn b_format(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::format::format_builtin(vm, a)
}

fn b_input(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if let Some(p) = a.get(0) {
        let s = vm.str_of(p)?;
        vm.write_stdout(&s);
    }
    vm.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(&line))
        }
        Err(e) => Err(vm.new_error("OSError", e.to_string())),
    }
}

pub(crate) fn b_exit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let args: Vec<Value> = a.get(0).cloned().into_iter().collect();
    Err(vm.new_error_args("SystemExit", args))
}

fn b_globals(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    match &vm.main_globals {
        Some(g) => Ok(Value::Obj(g.clone())),
        None => Ok(Value::Obj(vm.new_dict_obj())),
    }
}

fn b_vars(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::descr::b_vars(vm, a)
}

fn b_dir(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    crate::descr::b_dir(vm, a)
}

fn b_build_class(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    if a.rest.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let (f, n) = (a.rest[0].clone(), a.rest[1].clone());
    vm.build_class(&f, &n, &a.rest[2..], a.kwrest)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    (
        "print(*args, sep=' ', end='\\n', file=None, flush=False)",
        b_print,
    ),
    ("len(obj, /)", b_len),
    ("repr(obj, /)", b_repr),
    ("ascii(obj, /)", b_ascii),
    ("isinstance(obj, class_or_tuple, /)", b_isinstance),
    ("issubclass(cls, class_or_tuple, /)", b_issubclass),
    ("abs(x, /)", b_abs),
    ("max(*args, key=None, default=None)", b_max),
    ("min(*args, key=None, default=None)", b_min),
    ("sum(iterable, /, start=0)", b_sum),
    ("sorted(*args, **kwargs)", b_sorted),
    ("all(iterable, /)", b_all),
    ("any(iterable, /)", b_any),
    ("iter(object, sentinel=None, /)", b_iter),
    ("next(iterator, default=None, /)", b_next),
    ("hash(obj, /)", b_hash),
    ("id(obj, /)", b_id),
    ("getattr(object, name, default=None, /)", b_getattr),
    ("setattr(obj, name, value, /)", b_setattr),
    ("delattr(obj, name, /)", b_delattr),
    ("hasattr(obj, name, /)", b_hasattr),
    ("callable(obj, /)", b_callable),
    ("chr(i, /)", b_chr),
    ("ord(c, /)", b_ord),
    ("bin(number, /)", b_bin),
    ("oct(number, /)", b_oct),
    ("hex(number, /)", b_hex),
    ("round(number, ndigits=None)", b_round),
    ("divmod(x, y, /)", b_divmod),
    ("pow(base, exp, mod=None)", b_pow),
    ("format(value, format_spec='', /)", b_format),
    ("input(prompt=None, /)", b_input),
    ("exit(code=None, /)", b_exit),
    ("quit(code=None, /)", b_exit),
    ("globals(/)", b_globals),
    ("locals(/)", b_globals),
    ("vars(object=None, /)", b_vars),
    ("dir(object=None, /)", b_dir),
    ("__build_class__(*args, **kwargs)", b_build_class),
];
