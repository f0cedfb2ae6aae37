//! marshal, CPython 3.11's format (Python/marshal.c, version 4): the
//! serialisation of code objects and constants inside `.pyc` files.
//!
//! Reading ([`loads`]) checks every length against the bytes left, never
//! allocates more than the input can fill, limits nesting to 2000 levels
//! like CPython's `MAX_MARSHAL_STACK_DEPTH`, runs the checks CPython's
//! code object constructor makes, and fails with the exception CPython
//! raises (type and message), never a panic. Reading and writing keep
//! their nesting on the heap, not the Rust stack.
//!
//! Writing ([`dumps`]) produces CPython's bytes. The one part CPython does
//! not decide from the value alone is `FLAG_REF` (and `TYPE_REF`
//! back-references): it flags an object when its reference count is above
//! one, so the bytes depend on which objects the compiler shared. kaa
//! predicts that sharing the way CPython 3.11's compiler creates it (see
//! `marshal/predict.rs`; exact for every module of the standard library).
//! A value read by [`loads_with_layout`] remembers which objects its data
//! flagged and which were references, and [`dumps_with_layout`] writes
//! them back the same way, so data CPython wrote round-trips byte for byte.
//!
//! Differences from CPython, all on data CPython never writes: a
//! back-reference to a tuple, list, dict or set still being read (a
//! container holding itself) fails at the end of the data, with an error
//! of kaa's own, since constants cannot be cyclic; dict keys and set
//! elements are kept as read, duplicates included; non-canonical encodings
//! (TYPE_INT64, text floats, a TYPE_LONG that fits TYPE_INT, TYPE_TUPLE for
//! a short tuple) are written back in canonical form.

use std::fmt;

use crate::code::CodeObject;
use crate::constant::Constant;
use crate::pystr::PyStr;

mod predict;
mod read;
mod write;

/// `MAX_MARSHAL_STACK_DEPTH`: how deeply objects may nest.
pub const MAX_DEPTH: u32 = 2000;

/// The marshal format version kaa writes (`marshal.version`).
pub const VERSION: u32 = 4;

pub(crate) const TYPE_NULL: u8 = b'0';
pub(crate) const TYPE_NONE: u8 = b'N';
pub(crate) const TYPE_FALSE: u8 = b'F';
pub(crate) const TYPE_TRUE: u8 = b'T';
pub(crate) const TYPE_STOPITER: u8 = b'S';
pub(crate) const TYPE_ELLIPSIS: u8 = b'.';
pub(crate) const TYPE_INT: u8 = b'i';
pub(crate) const TYPE_INT64: u8 = b'I';
pub(crate) const TYPE_FLOAT: u8 = b'f';
pub(crate) const TYPE_BINARY_FLOAT: u8 = b'g';
pub(crate) const TYPE_COMPLEX: u8 = b'x';
pub(crate) const TYPE_BINARY_COMPLEX: u8 = b'y';
pub(crate) const TYPE_LONG: u8 = b'l';
pub(crate) const TYPE_STRING: u8 = b's';
pub(crate) const TYPE_INTERNED: u8 = b't';
pub(crate) const TYPE_REF: u8 = b'r';
pub(crate) const TYPE_TUPLE: u8 = b'(';
pub(crate) const TYPE_LIST: u8 = b'[';
pub(crate) const TYPE_DICT: u8 = b'{';
pub(crate) const TYPE_CODE: u8 = b'c';
pub(crate) const TYPE_UNICODE: u8 = b'u';
pub(crate) const TYPE_SET: u8 = b'<';
pub(crate) const TYPE_FROZENSET: u8 = b'>';
pub(crate) const TYPE_ASCII: u8 = b'a';
pub(crate) const TYPE_ASCII_INTERNED: u8 = b'A';
pub(crate) const TYPE_SMALL_TUPLE: u8 = b')';
pub(crate) const TYPE_SHORT_ASCII: u8 = b'z';
pub(crate) const TYPE_SHORT_ASCII_INTERNED: u8 = b'Z';
pub(crate) const FLAG_REF: u8 = 0x80;

/// A failed `marshal.loads`/`marshal.dumps`: the Python exception CPython
/// raises, as its type name and message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MarshalError {
    /// `ValueError`, `EOFError`, `TypeError`, `SystemError`,
    /// `UnicodeDecodeError`...
    pub kind: &'static str,
    /// The exception's `str()`.
    pub message: String,
}

impl MarshalError {
    pub(crate) fn new(kind: &'static str, message: impl Into<String>) -> MarshalError {
        MarshalError {
            kind,
            message: message.into(),
        }
    }

    pub(crate) fn value(message: &str) -> MarshalError {
        MarshalError::new("ValueError", message)
    }
}

impl fmt::Display for MarshalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for MarshalError {}

/// How one object was (or is to be) written, in write order: the part of
/// marshal data the value alone does not decide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mark {
    /// Written in full; `flag` is FLAG_REF, `interned` picks the interned
    /// type code for a str.
    Object { flag: bool, interned: bool },
    /// Written as TYPE_REF to this index.
    Ref(u32),
}

/// The reference structure of marshal data: for every object except
/// None, True, False, Ellipsis and StopIteration, in order, whether it had
/// FLAG_REF, whether a str was interned, or which back-reference it was.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub(crate) marks: Vec<Mark>,
}

/// What [`loads_with_layout`] read.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The value.
    pub value: Constant,
    /// Its reference structure, for [`dumps_with_layout`].
    pub layout: Layout,
    /// How many bytes of the input the value took (`marshal.loads`
    /// ignores the rest).
    pub consumed: usize,
}

/// One object as the writer sees it: a constant, or a field of a code
/// object (which CPython holds as str, bytes and tuple objects).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Obj<'a> {
    /// A constant (and everything inside one).
    Const(&'a Constant),
    /// A code object.
    Code(&'a CodeObject),
    /// `co_filename`, `co_name`, `co_qualname`, or an item of `co_names`
    /// or `co_localsplusnames`.
    Str(&'a PyStr),
    /// `co_code`, `co_localspluskinds`, `co_linetable`, `co_exceptiontable`.
    Bytes(&'a [u8]),
    /// `co_consts`.
    Tuple(&'a [Constant]),
    /// `co_names`, `co_localsplusnames`.
    StrTuple(&'a [PyStr]),
}

/// Where an object sits, which decides (for the predictor) whether CPython
/// would have shared it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Role<'a> {
    /// The object passed to `dumps`.
    Top,
    /// Inside a constant container, or an item of `co_consts`.
    Item,
    /// An element of a set or frozenset (CPython's writer holds an extra
    /// reference to each while it writes them).
    SetElement,
    /// `co_code`.
    CodeBytes,
    /// `co_localspluskinds`.
    Kinds,
    /// `co_linetable`, `co_exceptiontable`.
    Table,
    /// `co_consts`, `co_names`, `co_localsplusnames` themselves.
    FieldTuple,
    /// An item of `co_names` or `co_localsplusnames`.
    Name,
    /// `co_filename`.
    Filename,
    /// `co_name`.
    CodeName,
    /// `co_qualname` of this code object.
    QualName(&'a CodeObject),
}

/// `marshal.loads(data)`: the value marshalled at the start of `data`.
pub fn loads(data: &[u8]) -> Result<Constant, MarshalError> {
    Ok(loads_with_layout(data)?.value)
}

/// `marshal.loads(data)`, keeping the reference structure so that
/// [`dumps_with_layout`] can write the same bytes back.
pub fn loads_with_layout(data: &[u8]) -> Result<Loaded, MarshalError> {
    read::read_object(data)
}

/// `marshal.dumps(value)`: CPython 3.11's bytes for a value the compiler
/// made, FLAG_REF placed where CPython's compiler would share objects.
pub fn dumps(value: &Constant) -> Result<Vec<u8>, MarshalError> {
    write::dumps_predicted(Obj::Const(value))
}

/// `marshal.dumps(code)` for a code object.
pub fn dumps_code(code: &CodeObject) -> Result<Vec<u8>, MarshalError> {
    write::dumps_predicted(Obj::Code(code))
}

/// `marshal.dumps(code)` for a code object written inside other data (a
/// runtime writer's list, say): the object is flagged, its
/// back-references are numbered from `first_ref` (the objects the data
/// flagged before it), and the next free reference index is returned with
/// the bytes.
pub fn dumps_code_nested(
    code: &CodeObject,
    first_ref: u32,
) -> Result<(Vec<u8>, u32), MarshalError> {
    write::dumps_code_nested(code, first_ref)
}

/// Writes a value read by [`loads_with_layout`] back with the reference
/// structure it was read with, so CPython's data round-trips byte for
/// byte; falls back to [`dumps`] if `value` no longer fits the layout.
pub fn dumps_with_layout(value: &Constant, layout: &Layout) -> Result<Vec<u8>, MarshalError> {
    match write::dumps_replayed(Obj::Const(value), layout) {
        Some(result) => result,
        None => dumps(value),
    }
}

/// The marshal bytes of a set element on its own, which orders set
/// elements (CPython sorts them by these bytes, bpo-37596).
pub(crate) fn set_element_key(value: &Constant) -> Vec<u8> {
    write::dumps_set_key(Obj::Const(value)).unwrap_or_default()
}
