//! `CodeInfo`: a code object prepared for execution — co_code decoded
//! once into one `Instr` per code unit (EXTENDED_ARG folded in, so jump
//! targets and exception-table offsets stay code-unit indices), and the
//! constants and names converted to values.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use kaa_bytecode::code::{
    CO_ASYNC_GENERATOR, CO_COROUTINE, CO_FAST_CELL, CO_FAST_FREE, CO_GENERATOR, CO_VARARGS,
    CO_VARKEYWORDS,
};
use kaa_bytecode::{CodeObject, Constant, Opcode, PyStr};

use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// One decoded code unit.
#[derive(Clone, Copy, Debug)]
pub struct Instr {
    /// The (base) opcode; CACHE for cache units and unknown bytes.
    pub op: Opcode,
    /// Inline cache units after the instruction.
    pub ncache: u8,
    /// The oparg with EXTENDED_ARG prefixes folded in.
    pub arg: u32,
}

/// A code object ready to run.
pub struct CodeInfo {
    /// The original code object.
    pub obj: Arc<CodeObject>,
    /// One instruction per code unit.
    pub instrs: Vec<Instr>,
    /// `co_consts` as values.
    pub consts: Vec<Value>,
    /// `co_names` as str values.
    pub names: Vec<Value>,
    /// `co_localsplusnames` as str values.
    pub varnames: Vec<Value>,
    /// The slots that hold cells (MAKE_CELL targets) or free variables.
    pub cell_or_free: Vec<bool>,
    /// The number of free variables (the last slots).
    pub nfree: usize,
    /// `co_name`.
    pub name: String,
    /// `co_qualname`.
    pub qualname: String,
    /// `co_filename`.
    pub filename: String,
    /// LOAD_GLOBAL's inline caches, one per `co_names` entry (every
    /// LOAD_GLOBAL of a name in this code shares it).
    pub global_cache: Vec<Cell<GlobalCache>>,
    /// The argument count of a plain function whose calls bind positional
    /// arguments straight into the first slots: no keyword-only, `*args`
    /// or `**kwargs` parameters, not a generator or coroutine.
    pub fast_call_argc: Option<usize>,
}

/// Where LOAD_GLOBAL found a name (CPython 3.11's LOAD_GLOBAL_MODULE /
/// LOAD_GLOBAL_BUILTIN cache): valid while the globals' (and, for a
/// builtin, the builtins') keys versions are the recorded ones.
#[derive(Clone, Copy, Debug, Default)]
pub struct GlobalCache {
    /// The globals dict's keys version (0: empty cache).
    pub globals_version: u64,
    /// The builtins dict's keys version, for a name found there.
    pub builtins_version: u64,
    /// The entry position in the dict that holds the name.
    pub index: u32,
    /// Whether the name is in builtins (absent from globals).
    pub builtin: bool,
}

/// The Vm's table of interned strs, by text.
pub type InternTable = RefCell<HashMap<Box<str>, Value>>;

/// The interned str for `text` (made on first use), as CPython interns
/// identifiers in code objects.
pub fn intern(vm: &Vm, text: &str) -> Value {
    if let Some(v) = vm.interned.borrow().get(text) {
        return v.clone();
    }
    let v = vm.new_str(text);
    vm.interned.borrow_mut().insert(text.into(), v.clone());
    v
}

/// Whether a str constant is interned: made only of identifier characters
/// (CPython's `all_name_chars`), short enough to be a name.
fn internable(s: &PyStr) -> Option<&str> {
    let t = s.as_str()?;
    let name_like = t.len() <= 64 && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    name_like.then_some(t)
}

fn text(s: &PyStr) -> String {
    s.to_string_lossy().into_owned()
}

impl CodeInfo {
    /// Prepares a code object (and, recursively, the ones in its constants).
    pub fn new(vm: &Vm, obj: Arc<CodeObject>) -> Rc<CodeInfo> {
        let code = &obj.code;
        let n = code.len() / 2;
        let mut instrs = Vec::with_capacity(n);
        let mut ext: u32 = 0;
        let mut skip = 0usize;
        for i in 0..n {
            let (byte, argb) = (code[2 * i], code[2 * i + 1]);
            if skip > 0 {
                skip -= 1;
                instrs.push(Instr {
                    op: Opcode::CACHE,
                    ncache: 0,
                    arg: 0,
                });
                continue;
            }
            let op = Opcode::from_u8(byte).map_or(Opcode::CACHE, |o| o.deopt());
            let arg = (argb as u32) | ext;
            ext = if op == Opcode::EXTENDED_ARG {
                arg << 8
            } else {
                0
            };
            let ncache = op.cache_entries() as u8;
            skip = ncache as usize;
            instrs.push(Instr { op, ncache, arg });
        }
        let consts = obj.consts.iter().map(|c| constant_value(vm, c)).collect();
        let names: Vec<Value> = obj.names.iter().map(|s| intern(vm, &text(s))).collect();
        let global_cache = vec![Cell::new(GlobalCache::default()); names.len()];
        let varnames = obj
            .localsplusnames
            .iter()
            .map(|s| intern(vm, &text(s)))
            .collect();
        let kinds = &obj.localspluskinds;
        let cell_or_free = kinds
            .iter()
            .map(|k| k & (CO_FAST_CELL | CO_FAST_FREE) != 0)
            .collect();
        let nfree = kinds.iter().filter(|k| *k & CO_FAST_FREE != 0).count();
        let not_simple =
            CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR;
        let argc = obj.argcount as usize;
        let fast_call_argc = (obj.flags & not_simple == 0
            && obj.kwonlyargcount == 0
            && argc <= obj.localsplusnames.len())
        .then_some(argc);
        Rc::new(CodeInfo {
            instrs,
            consts,
            names,
            varnames,
            cell_or_free,
            nfree,
            name: text(&obj.name),
            qualname: text(&obj.qualname),
            filename: text(&obj.filename),
            global_cache,
            fast_call_argc,
            obj,
        })
    }

    /// The line of the instruction at code unit `unit`.
    pub fn line_at(&self, unit: usize) -> Option<i32> {
        let off = unit * 2;
        self.obj
            .lines()
            .iter()
            .find(|r| r.start <= off && off < r.end)
            .and_then(|r| r.line)
    }
}

/// A code constant as a value.
pub fn constant_value(vm: &Vm, c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Ellipsis => vm.ellipsis.clone(),
        Constant::StopIteration => Value::Obj(vm.exc_type("StopIteration")),
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint((**b).clone(), vm),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { re, im } => crate::complex::new_complex(vm, *re, *im),
        Constant::Str(s) => match internable(s) {
            Some(t) => intern(vm, t),
            None => crate::strobj::constant(vm, s),
        },
        Constant::Bytes(b) => Value::Obj(ObjRef::new(
            vm.types.bytes.clone(),
            Payload::Bytes(b.to_vec().into_boxed_slice()),
        )),
        Constant::Tuple(items) => {
            vm.new_tuple(items.iter().map(|c| constant_value(vm, c)).collect())
        }
        Constant::List(items) => vm.new_list(items.iter().map(|c| constant_value(vm, c)).collect()),
        Constant::FrozenSet(items) | Constant::Set(items) => {
            let vals: Vec<Value> = items.iter().map(|c| constant_value(vm, c)).collect();
            let frozen = matches!(c, Constant::FrozenSet(_));
            crate::set::constant_set(vm, vals, frozen)
        }
        Constant::Dict(pairs) => {
            let d = vm.new_dict_obj();
            for (k, v) in pairs.iter() {
                let (k, v) = (constant_value(vm, k), constant_value(vm, v));
                crate::dict::dict_set_simple(vm, &d, k, v);
            }
            Value::Obj(d)
        }
        Constant::Code(code) => Value::Obj(ObjRef::new(
            vm.types.code.clone(),
            Payload::Code(CodeInfo::new(vm, code.clone())),
        )),
    }
}
