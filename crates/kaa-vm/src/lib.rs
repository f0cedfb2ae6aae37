//! kaa's virtual machine: values, objects, the built-in types, and the
//! interpreter loop that runs CPython 3.11 bytecode.
//!
//! - [`value`] (`Value`, 16 bytes) and [`object`] (`ObjRef`, `Object`,
//!   `Payload`): the representation.
//! - [`types`], [`exceptions`]: type objects, the exception hierarchy,
//!   `PyErr`.
//! - [`vm`]: `Vm`, the public entry points; [`interp`] the loop,
//!   [`frame`], [`code`] (decoded code objects), [`call`] (argument
//!   binding), [`native`] (the built-in function pattern).
//! - One file per concern of the object model: [`attr`], [`class`],
//!   [`ops`], [`subscript`], [`iter`], [`generator`], [`repr`], [`hash`],
//!   [`format`]; one per built-in type: [`int`], [`float`], [`strobj`] +
//!   [`strmethods`], [`list`], [`dict`] + [`dicttable`], [`set`] +
//!   [`settable`], [`function`]; [`builtins`]; [`traceback`] + [`caret`].
#![forbid(unsafe_code)]

pub mod attr;
pub mod attrcache;
pub mod builtins;
pub mod bytearray;
pub mod bytes;
pub mod bytesformat;
pub mod call;
pub mod caret;
pub mod class;
pub mod cmathmod;
pub mod code;
pub mod codeobj;
pub mod compilehook;
pub mod complex;
pub mod coro;
pub mod descr;
pub mod dict;
pub mod dicttable;
pub mod dictview;
pub mod dismod;
pub mod evalexec;
pub mod excattrs;
pub mod exceptions;
pub mod excgroup;
pub mod finalize;
pub mod float;
pub mod floatid;
pub mod format;
pub mod frame;
pub mod function;
pub mod generator;
pub mod getset;
pub mod hash;
pub mod import;
pub mod int;
pub mod interactive;
pub mod interp;
pub mod iter;
pub mod itertoolsmod;
pub mod list;
pub mod marshalmod;
pub mod matching;
pub mod mathmod;
pub mod memoryview;
pub mod metaclass;
pub mod module;
pub mod native;
pub mod object;
pub mod operatormod;
pub mod ops;
pub mod pycmod;
pub mod raise;
pub mod randommod;
pub mod rangeobj;
pub mod repr;
pub mod set;
pub mod settable;
pub mod sha512;
pub mod signals;
pub mod sliceobj;
pub mod slots;
pub mod slottable;
pub mod slotwrap;
pub mod stdio;
pub mod strargs;
pub mod strcodecs;
pub mod strformat;
pub mod strmethods;
pub mod strobj;
pub mod structseq;
pub mod subscript;
pub mod suggestions;
pub mod syntaxerr;
pub mod sysmodule;
pub mod tbobject;
pub mod timemod;
pub mod traceback;
pub mod types;
pub mod value;
pub mod vm;

pub use exceptions::{PyErr, PyResult};
pub use object::ObjRef;
pub use value::Value;
pub use vm::{Vm, VmOptions};
