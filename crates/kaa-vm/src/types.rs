//! Type objects: `TypeData` (name, bases, MRO, attribute dict), the
//! `Types` struct holding every built-in type of one Vm, and C3
//! linearisation for classes defined in Python.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::dicttable::DictTable;
use crate::object::{ObjRef, Payload};
use crate::strobj::str_hash;
use crate::value::Value;

/// The built-in layout an instance of a type has (its "solid base").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Plain object (attributes in `__dict__`).
    Object,
    /// BaseException and subclasses.
    Exception,
    /// Types whose instances cannot be made by calling a subclass yet.
    Other,
    /// int.
    Int,
    /// float.
    Float,
    /// str.
    Str,
    /// tuple.
    Tuple,
    /// list.
    List,
    /// dict.
    Dict,
    /// set.
    Set,
}

/// A type object's data.
pub struct TypeData {
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// `__module__`.
    pub module: String,
    /// `__bases__`.
    pub bases: Vec<ObjRef>,
    /// `__mro__` without the type itself.
    pub mro: Vec<ObjRef>,
    /// The attribute dict (str keys).
    pub dict: RefCell<DictTable>,
    /// Whether the class was defined in Python (a "heap type").
    pub heap: bool,
    /// The instance layout.
    pub layout: Layout,
    /// Whether `class X(T)` is allowed (`Py_TPFLAGS_BASETYPE`).
    pub subclassable: bool,
    /// Whether instances have a `__dict__` (false under `__slots__`).
    pub has_dict: bool,
    /// Number of `__slots__` values an instance holds (bases' included).
    pub slot_count: usize,
    /// The classes created with this one among their bases
    /// (`__subclasses__()`).
    pub subclasses: RefCell<Vec<ObjRef>>,
    /// For classes with `__del__` (own or inherited): the Vm's queue of
    /// objects to finalize.
    pub del_queue: Option<crate::finalize::DelQueue>,
}

impl TypeData {
    /// Looks `name` up in this type's own dict.
    pub fn get_own(&self, name: &str) -> Option<Value> {
        self.get_own_hashed(name, str_hash(name))
    }

    /// Looks `name` (whose hash is `h`) up in this type's own dict.
    pub fn get_own_hashed(&self, name: &str, h: i64) -> Option<Value> {
        self.dict
            .borrow()
            .get(h, &mut |k| k.as_str() == Some(name))
            .cloned()
    }

    /// Sets `name` in this type's own dict.
    pub fn set_own(&self, key: Value, value: Value) {
        let name = key.as_str().unwrap_or("").to_string();
        let h = str_hash(&name);
        crate::attrcache::types_changed();
        self.dict
            .borrow_mut()
            .insert(h, key, value, &mut |k| k.as_str() == Some(name.as_str()));
    }
}

/// The type data of a type object.
pub fn type_data(t: &ObjRef) -> Option<&TypeData> {
    match &t.payload {
        Payload::Type(d) => Some(d),
        _ => None,
    }
}

/// `_PyType_Lookup`: `name` along the MRO of `t` (t itself first).
pub fn lookup(t: &ObjRef, name: &str) -> Option<Value> {
    lookup_hashed(t, name, str_hash(name))
}

/// [`lookup`] with the name's hash already known (a str object's cached
/// hash): one hash for the whole MRO walk.
pub fn lookup_hashed(t: &ObjRef, name: &str, h: i64) -> Option<Value> {
    let d = type_data(t)?;
    if let Some(v) = d.get_own_hashed(name, h) {
        return Some(v);
    }
    d.mro
        .iter()
        .find_map(|c| type_data(c).and_then(|cd| cd.get_own_hashed(name, h)))
}

/// Like [`lookup`], but only finds definitions made in Python classes:
/// None when the first definition is a built-in type's (whose behaviour
/// the Rust fast paths implement).
pub fn lookup_user(t: &ObjRef, name: &str) -> Option<Value> {
    lookup_user_hashed(t, name, str_hash(name))
}

/// [`lookup_user`] with the name's hash already known.
pub fn lookup_user_hashed(t: &ObjRef, name: &str, h: i64) -> Option<Value> {
    let d = type_data(t)?;
    if !d.heap {
        return None;
    }
    if let Some(v) = d.get_own_hashed(name, h) {
        return Some(v);
    }
    for c in &d.mro {
        let cd = type_data(c)?;
        if !cd.heap {
            if cd.get_own_hashed(name, h).is_some() {
                return None;
            }
            continue;
        }
        if let Some(v) = cd.get_own_hashed(name, h) {
            return Some(v);
        }
    }
    None
}

/// Whether `t` is `base` or a subclass of it.
pub fn is_subtype(t: &ObjRef, base: &ObjRef) -> bool {
    if t.ptr_eq(base) {
        return true;
    }
    type_data(t).is_some_and(|d| d.mro.iter().any(|c| c.ptr_eq(base)))
}

/// C3 linearisation of `bases` (CPython's `mro_implementation`); Err with
/// CPython's message when no consistent order exists. Returns the MRO
/// without the new class itself.
pub fn c3_mro(bases: &[ObjRef]) -> Result<Vec<ObjRef>, String> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| {
            let mut s = vec![b.clone()];
            if let Some(d) = type_data(b) {
                s.extend(d.mro.iter().cloned());
            }
            s
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out: Vec<ObjRef> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|o| o[1..].iter().any(|x| x.ptr_eq(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(next) = found else {
            let names: Vec<String> = seqs
                .iter()
                .map(|s| type_data(&s[0]).map_or(String::new(), |d| d.name.clone()))
                .collect();
            let mut uniq: Vec<String> = Vec::new();
            for n in names {
                if !uniq.contains(&n) {
                    uniq.push(n);
                }
            }
            return Err(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                uniq.join(", ")
            ));
        };
        for s in &mut seqs {
            if s[0].ptr_eq(&next) {
                s.remove(0);
            }
        }
        out.push(next);
    }
}

/// Every built-in type of one Vm.
pub struct Types {
    /// `object`.
    pub object: ObjRef,
    /// `type`.
    pub type_: ObjRef,
    /// `NoneType`.
    pub none: ObjRef,
    /// `bool`.
    pub bool_: ObjRef,
    /// `int`.
    pub int: ObjRef,
    /// `float`.
    pub float: ObjRef,
    /// `str`.
    pub str_: ObjRef,
    /// `complex`.
    pub complex: ObjRef,
    /// `bytes`.
    pub bytes: ObjRef,
    /// `bytearray`.
    pub bytearray: ObjRef,
    /// `memoryview`.
    pub memoryview: ObjRef,
    /// `list`.
    pub list: ObjRef,
    /// `tuple`.
    pub tuple: ObjRef,
    /// `dict`.
    pub dict: ObjRef,
    /// `set`.
    pub set: ObjRef,
    /// `frozenset`.
    pub frozenset: ObjRef,
    /// `range`.
    pub range: ObjRef,
    /// `slice`.
    pub slice: ObjRef,
    /// `function`.
    pub function: ObjRef,
    /// `builtin_function_or_method`.
    pub builtin: ObjRef,
    /// `method`.
    pub method: ObjRef,
    /// `code`.
    pub code: ObjRef,
    /// `cell`.
    pub cell: ObjRef,
    /// `module`.
    pub module: ObjRef,
    /// `generator`.
    pub generator: ObjRef,
    /// `property`.
    pub property: ObjRef,
    /// `staticmethod`.
    pub staticmethod: ObjRef,
    /// `classmethod`.
    pub classmethod: ObjRef,
    /// `super`.
    pub super_: ObjRef,
    /// `NotImplementedType`.
    pub not_implemented_type: ObjRef,
    /// `ellipsis`.
    pub ellipsis_type: ObjRef,
    /// The interpreter's NULL stack marker's type (never visible).
    pub null_type: ObjRef,
    /// Iterator and view types by name (`list_iterator`, `dict_keys`...).
    pub by_name: HashMap<&'static str, ObjRef>,
    /// Exception types by name.
    pub exc: HashMap<&'static str, ObjRef>,
}

/// A new built-in type object.
pub fn new_builtin_type(name: &str, base: Option<&ObjRef>, layout: Layout, sub: bool) -> ObjRef {
    let mut mro = Vec::new();
    let mut bases = Vec::new();
    if let Some(b) = base {
        bases.push(b.clone());
        mro.push(b.clone());
        if let Some(d) = type_data(b) {
            mro.extend(d.mro.iter().cloned());
        }
    }
    ObjRef::new_type(TypeData {
        name: name.to_string(),
        qualname: name.to_string(),
        module: "builtins".to_string(),
        bases,
        mro,
        dict: RefCell::new(DictTable::new()),
        heap: false,
        layout,
        subclassable: sub,
        has_dict: false,
        slot_count: 0,
        subclasses: RefCell::new(Vec::new()),
        del_queue: None,
    })
}

/// The exception hierarchy of CPython 3.11: (name, base).
pub const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("BaseExceptionGroup", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("Exception", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ExceptionGroup", "BaseExceptionGroup"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("EncodingWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

/// Names of the descriptor types kept in `Types::by_name` (`slotwrap.rs`).
pub const DESCR_TYPES: &[&str] = &[
    "wrapper_descriptor",
    "method-wrapper",
    "method_descriptor",
    "classmethod_descriptor",
    "getset_descriptor",
    "member_descriptor",
    "mappingproxy",
];

/// Names of the iterator and view types kept in `Types::by_name`.
pub const ITER_TYPES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
    "bytearray_iterator",
    "memory_iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "iterator",
    "callable_iterator",
    "dict_keys",
    "dict_values",
    "dict_items",
    "traceback",
    "frame",
    "coroutine",
    "async_generator",
    "coroutine_wrapper",
    "async_generator_asend",
    "async_generator_athrow",
    "async_generator_wrapped_value",
];

impl Types {
    /// Creates the built-in types.
    pub fn new() -> Types {
        let object = new_builtin_type("object", None, Layout::Object, true);
        let t = |name: &str, layout: Layout, sub: bool| {
            new_builtin_type(name, Some(&object), layout, sub)
        };
        let int = t("int", Layout::Int, true);
        let bool_ = new_builtin_type("bool", Some(&int), Layout::Other, false);
        let mut exc: HashMap<&'static str, ObjRef> = HashMap::new();
        for &(name, base) in EXCEPTIONS {
            let b = if base == "object" {
                object.clone()
            } else {
                exc.get(base).cloned().unwrap_or_else(|| object.clone())
            };
            let ty = if name == "ExceptionGroup" {
                // class ExceptionGroup(BaseExceptionGroup, Exception)
                let bases = vec![b.clone(), exc["Exception"].clone()];
                let mro = c3_mro(&bases).unwrap_or_default();
                ObjRef::new_type(TypeData {
                    name: name.to_string(),
                    qualname: name.to_string(),
                    module: "builtins".to_string(),
                    bases,
                    mro,
                    dict: RefCell::new(DictTable::new()),
                    heap: false,
                    layout: Layout::Exception,
                    subclassable: true,
                    has_dict: true,
                    slot_count: 0,
                    subclasses: RefCell::new(Vec::new()),
                    del_queue: None,
                })
            } else {
                new_builtin_type(name, Some(&b), Layout::Exception, true)
            };
            exc.insert(name, ty);
        }
        let mut by_name = HashMap::new();
        for &name in ITER_TYPES {
            let sub = matches!(name, "enumerate" | "zip" | "map" | "filter" | "reversed");
            by_name.insert(name, t(name, Layout::Other, sub));
        }
        for &name in DESCR_TYPES {
            by_name.insert(name, t(name, Layout::Other, false));
        }
        by_name.insert(
            "UnionType",
            ObjRef::new_type(TypeData {
                name: "UnionType".to_string(),
                qualname: "UnionType".to_string(),
                module: "types".to_string(),
                bases: vec![object.clone()],
                mro: vec![object.clone()],
                dict: RefCell::new(DictTable::new()),
                heap: false,
                layout: Layout::Other,
                subclassable: false,
                has_dict: false,
                slot_count: 0,
                subclasses: RefCell::new(Vec::new()),
                del_queue: None,
            }),
        );
        Types {
            type_: t("type", Layout::Other, true),
            none: t("NoneType", Layout::Other, false),
            bool_,
            int,
            float: t("float", Layout::Float, true),
            str_: t("str", Layout::Str, true),
            complex: t("complex", Layout::Other, true),
            bytes: t("bytes", Layout::Other, true),
            bytearray: t("bytearray", Layout::Other, true),
            memoryview: t("memoryview", Layout::Other, false),
            list: t("list", Layout::List, true),
            tuple: t("tuple", Layout::Tuple, true),
            dict: t("dict", Layout::Dict, true),
            set: t("set", Layout::Set, true),
            frozenset: t("frozenset", Layout::Other, true),
            range: t("range", Layout::Other, false),
            slice: t("slice", Layout::Other, false),
            function: t("function", Layout::Other, false),
            builtin: t("builtin_function_or_method", Layout::Other, false),
            method: t("method", Layout::Other, false),
            code: t("code", Layout::Other, false),
            cell: t("cell", Layout::Other, false),
            module: t("module", Layout::Other, true),
            generator: t("generator", Layout::Other, false),
            property: t("property", Layout::Other, true),
            staticmethod: t("staticmethod", Layout::Other, true),
            classmethod: t("classmethod", Layout::Other, true),
            super_: t("super", Layout::Other, true),
            not_implemented_type: t("NotImplementedType", Layout::Other, false),
            ellipsis_type: t("ellipsis", Layout::Other, false),
            null_type: t("<NULL>", Layout::Other, false),
            by_name,
            exc,
            object,
        }
    }
}

impl Default for Types {
    fn default() -> Types {
        Types::new()
    }
}
