//! Code objects as Python sees them (Objects/codeobject.c of CPython
//! 3.11): every `co_*` attribute, `co_lines()`, `co_positions()`,
//! `replace()`, equality and hash; and the conversion of values back into
//! constants (for `replace(co_consts=...)` and `marshal`).

use std::rc::Rc;
use std::sync::Arc;

use kaa_bytecode::code::{CO_FAST_CELL, CO_FAST_FREE, CO_FAST_LOCAL};
use kaa_bytecode::{CodeObject, Constant, PyStr};

use crate::code::{intern, CodeInfo};
use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A new code value for a code object (prepared for running).
pub fn new_code(vm: &Vm, code: Arc<CodeObject>) -> Value {
    Value::Obj(ObjRef::new(
        vm.types.code.clone(),
        Payload::Code(CodeInfo::new(vm, code)),
    ))
}

/// The code object of a code value.
pub fn as_code(v: &Value) -> Option<&Rc<CodeInfo>> {
    match v.payload() {
        Some(Payload::Code(c)) => Some(c),
        _ => None,
    }
}

/// A str value for a name of a code object (interned when it is an
/// identifier, as `_PyCode_New` interns them).
fn name_value(vm: &Vm, s: &PyStr) -> Value {
    match s.as_str() {
        Some(t) => intern(vm, t),
        None => crate::strobj::constant(vm, s),
    }
}

fn names_tuple(vm: &Vm, names: &[PyStr]) -> Value {
    vm.new_tuple(names.iter().map(|s| name_value(vm, s)).collect())
}

/// `co_lnotab` (`decode_linetable` in Objects/codeobject.c): pairs of
/// (bytecode offset delta, line delta), split to fit a byte each.
fn lnotab(code: &CodeObject) -> Vec<u8> {
    let mut out = Vec::new();
    let mut emit = |a: i32, b: i32| {
        out.push(a as u8);
        out.push(b as u8);
    };
    let mut code_offset = 0i32;
    let mut line = code.firstlineno;
    for range in code.lines() {
        let Some(l) = range.line else { continue };
        if l == line {
            continue;
        }
        let mut bdelta = range.start as i32 - code_offset;
        let mut ldelta = l - line;
        while bdelta > 255 {
            emit(255, 0);
            bdelta -= 255;
        }
        while ldelta > 127 {
            emit(bdelta, 127);
            bdelta = 0;
            ldelta -= 127;
        }
        while ldelta < -128 {
            emit(bdelta, -128);
            bdelta = 0;
            ldelta += 128;
        }
        emit(bdelta, ldelta);
        code_offset = range.start as i32;
        line = l;
    }
    out
}

/// The `co_*` attributes of a code object (None for other names).
pub fn code_attr(vm: &Vm, c: &CodeInfo, n: &str) -> Option<Value> {
    let o = &c.obj;
    let int = |x: i64| Some(Value::Int(x));
    match n {
        "co_name" => Some(name_value(vm, &o.name)),
        "co_qualname" => Some(name_value(vm, &o.qualname)),
        "co_filename" => Some(crate::strobj::constant(vm, &o.filename)),
        "co_firstlineno" => int(o.firstlineno as i64),
        "co_argcount" => int(o.argcount as i64),
        "co_posonlyargcount" => int(o.posonlyargcount as i64),
        "co_kwonlyargcount" => int(o.kwonlyargcount as i64),
        "co_stacksize" => int(o.stacksize as i64),
        "co_flags" => int(o.flags as i64),
        "co_nlocals" => int(o.nlocals() as i64),
        "co_consts" => Some(vm.new_tuple(c.consts.clone())),
        "co_names" => Some(vm.new_tuple(c.names.clone())),
        "co_varnames" => Some(names_tuple(vm, &o.varnames())),
        "co_cellvars" => Some(names_tuple(vm, &o.cellvars())),
        "co_freevars" => Some(names_tuple(vm, &o.freevars())),
        "co_code" => Some(crate::bytes::new_bytes(vm, o.code.clone())),
        "co_linetable" => Some(crate::bytes::new_bytes(vm, o.linetable.clone())),
        "co_exceptiontable" => Some(crate::bytes::new_bytes(vm, o.exceptiontable.clone())),
        "co_lnotab" => Some(crate::bytes::new_bytes(vm, lnotab(o))),
        _ => None,
    }
}

fn this_code(vm: &Vm, a: &Args<'_>) -> PyResult<Rc<CodeInfo>> {
    as_code(&a.this)
        .cloned()
        .ok_or_else(|| vm.type_error("descriptor requires a 'code' object"))
}

fn opt_int(v: Option<i32>) -> Value {
    v.map_or(Value::None, |x| Value::Int(x as i64))
}

/// `code.co_lines()`: an iterator of (start, end, line) triples.
fn co_lines(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = this_code(vm, a)?;
    let items: Vec<Value> = c
        .obj
        .lines()
        .iter()
        .map(|r| {
            vm.new_tuple(vec![
                Value::Int(r.start as i64),
                Value::Int(r.end as i64),
                opt_int(r.line),
            ])
        })
        .collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// `code.co_positions()`: an iterator of (line, end line, column, end
/// column) per code unit.
fn co_positions(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = this_code(vm, a)?;
    let items: Vec<Value> = c
        .obj
        .positions()
        .iter()
        .map(|p| {
            vm.new_tuple(vec![
                opt_int(p.lineno),
                opt_int(p.end_lineno),
                opt_int(p.col_offset),
                opt_int(p.end_col_offset),
            ])
        })
        .collect();
    let list = vm.new_list(items);
    vm.get_iter(&list)
}

/// `code._varname_from_oparg(oparg)`.
fn varname_from_oparg(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = this_code(vm, a)?;
    let i = match a.arg(0) {
        Value::Int(i) => *i,
        _ => return Err(vm.type_error("an integer is required")),
    };
    usize::try_from(i)
        .ok()
        .and_then(|i| c.obj.varname_from_oparg(i))
        .map(|s| name_value(vm, s))
        .ok_or_else(|| vm.new_error("IndexError", "tuple index out of range"))
}

/// The exact text of a str value as a `PyStr`.
pub fn value_pystr(v: &Value) -> Option<PyStr> {
    let s = v.as_pystr()?;
    PyStr::from_code_points(&s.to_code_points())
}

/// A value as a code constant: what `co_consts` and marshal can hold.
/// Fails with `ValueError: unmarshallable object` for anything else.
pub fn to_constant(vm: &Vm, v: &Value) -> PyResult<Constant> {
    to_constant_depth(vm, v, 0)
}

fn to_constant_depth(vm: &Vm, v: &Value, depth: u32) -> PyResult<Constant> {
    // marshal's MAX_MARSHAL_STACK_DEPTH.
    if depth > kaa_bytecode::marshal::MAX_DEPTH {
        return Err(vm.value_error("object too deeply nested to marshal"));
    }
    let bad = || vm.value_error("unmarshallable object");
    let items = |xs: &[Value]| -> PyResult<Vec<Constant>> {
        xs.iter()
            .map(|x| to_constant_depth(vm, x, depth + 1))
            .collect()
    };
    Ok(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(*i),
        Value::Float(f) => Constant::Float(*f),
        Value::Obj(o) => {
            if v.is(&vm.ellipsis) {
                return Ok(Constant::Ellipsis);
            }
            if o.ptr_eq(&vm.exc_type("StopIteration")) {
                return Ok(Constant::StopIteration);
            }
            // Subclasses of the built-in types are not marshallable
            // (marshal checks the exact types).
            let exact = |t: &ObjRef| o.class.as_ref().is_some_and(|c| c.ptr_eq(t));
            match &o.payload {
                Payload::BigInt(b) if exact(&vm.types.int) => Constant::int(b.clone()),
                Payload::Complex(re, im) if exact(&vm.types.complex) => {
                    Constant::Complex { re: *re, im: *im }
                }
                Payload::Str(_) if exact(&vm.types.str_) => {
                    Constant::Str(value_pystr(v).ok_or_else(bad)?)
                }
                Payload::Bytes(b) if exact(&vm.types.bytes) => Constant::Bytes(b.to_vec().into()),
                Payload::ByteArray(b) if exact(&vm.types.bytearray) => {
                    Constant::Bytes(b.borrow().clone().into())
                }
                Payload::Tuple(t) if exact(&vm.types.tuple) => Constant::Tuple(items(t)?.into()),
                Payload::List(l) if exact(&vm.types.list) => {
                    let l = l.borrow().clone();
                    Constant::List(items(&l)?.into())
                }
                Payload::Set(s) if exact(&vm.types.set) => {
                    let vals: Vec<Value> = s.borrow().iter().cloned().collect();
                    Constant::Set(items(&vals)?.into())
                }
                Payload::FrozenSet(s) if exact(&vm.types.frozenset) => {
                    let vals: Vec<Value> = s.iter().cloned().collect();
                    Constant::frozenset(items(&vals)?)
                }
                Payload::Dict(d) if exact(&vm.types.dict) => {
                    let pairs: Vec<(Value, Value)> = d
                        .borrow()
                        .iter()
                        .map(|e| (e.key.clone(), e.value.clone()))
                        .collect();
                    let mut out = Vec::with_capacity(pairs.len());
                    for (k, x) in pairs {
                        out.push((
                            to_constant_depth(vm, &k, depth + 1)?,
                            to_constant_depth(vm, &x, depth + 1)?,
                        ));
                    }
                    Constant::Dict(out.into())
                }
                Payload::Code(c) => Constant::Code(c.obj.clone()),
                _ => return Err(bad()),
            }
        }
    })
}

/// The names of a `replace()` argument that must be a tuple of str.
fn str_tuple(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<PyStr>> {
    let Some(items) = v.as_tuple() else {
        return Err(vm.type_error(format!(
            "replace() argument '{what}' must be tuple, not {}",
            vm.type_name(v)
        )));
    };
    items
        .iter()
        .map(|x| {
            value_pystr(x).ok_or_else(|| {
                vm.type_error(format!(
                    "name tuples must contain only strings, not '{}'",
                    vm.type_name(x)
                ))
            })
        })
        .collect()
}

fn bytes_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    crate::bytes::as_bytes(v)
        .map(<[u8]>::to_vec)
        .ok_or_else(|| {
            vm.type_error(format!(
                "replace() argument '{what}' must be bytes, not {}",
                vm.type_name(v)
            ))
        })
}

fn str_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<PyStr> {
    match v.payload() {
        Some(Payload::Str(_)) => value_pystr(v).ok_or_else(|| vm.value_error("bad str")),
        _ => Err(vm.type_error(format!(
            "replace() argument '{what}' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

/// The keyword names of `code.replace()`, in signature order.
const REPLACE_SIG: &str = "code.replace($self, /, *, co_argcount=-1, co_posonlyargcount=-1, \
co_kwonlyargcount=-1, co_nlocals=-1, co_stacksize=-1, co_flags=-1, co_firstlineno=-1, \
co_code=None, co_consts=None, co_names=None, co_varnames=None, co_freevars=None, \
co_cellvars=None, co_filename=None, co_name=None, co_qualname=None, co_linetable=None, \
co_exceptiontable=None)";

/// `code.replace(**kwargs)`: a copy with the given fields replaced
/// (`code_replace_impl`); the result is verified before it can run.
fn code_replace(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let c = this_code(vm, a)?;
    let mut new: CodeObject = (*c.obj).clone();
    let int_field = |vm: &Vm, i: usize| -> PyResult<Option<i64>> {
        match a.get(i) {
            None => Ok(None),
            Some(Value::Int(x)) if *x == -1 => Ok(None),
            Some(Value::Int(x)) => Ok(Some(*x)),
            Some(Value::Bool(b)) => Ok(Some(*b as i64)),
            Some(v) => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))),
        }
    };
    let u32_of = |vm: &Vm, x: i64| -> PyResult<u32> {
        u32::try_from(x).map_err(|_| vm.value_error("code: argument out of range"))
    };
    let mut nlocals = None;
    // co_argcount, co_posonlyargcount, co_kwonlyargcount, co_nlocals,
    // co_stacksize, co_flags, co_firstlineno.
    for i in 0..7 {
        let Some(x) = int_field(vm, i)? else {
            continue;
        };
        match i {
            0 => new.argcount = u32_of(vm, x)?,
            1 => new.posonlyargcount = u32_of(vm, x)?,
            2 => new.kwonlyargcount = u32_of(vm, x)?,
            3 => nlocals = Some(x),
            4 => new.stacksize = u32_of(vm, x)?,
            5 => new.flags = u32_of(vm, x)?,
            _ => {
                new.firstlineno =
                    i32::try_from(x).map_err(|_| vm.value_error("code: argument out of range"))?
            }
        }
    }
    if let Some(v) = a.opt(7) {
        new.code = bytes_arg(vm, v, "co_code")?;
    }
    if let Some(v) = a.opt(8) {
        let Some(items) = v.as_tuple() else {
            return Err(vm.type_error(format!(
                "replace() argument 'co_consts' must be tuple, not {}",
                vm.type_name(v)
            )));
        };
        new.consts = items
            .iter()
            .map(|x| to_constant(vm, x))
            .collect::<PyResult<_>>()?;
    }
    if let Some(v) = a.opt(9) {
        new.names = str_tuple(vm, v, "co_names")?;
    }
    let (varnames, freevars, cellvars) = (a.opt(10), a.opt(11), a.opt(12));
    if varnames.is_some() || freevars.is_some() || cellvars.is_some() {
        let varnames = match varnames {
            Some(v) => str_tuple(vm, v, "co_varnames")?,
            None => c.obj.varnames(),
        };
        let freevars = match freevars {
            Some(v) => str_tuple(vm, v, "co_freevars")?,
            None => c.obj.freevars(),
        };
        let cellvars = match cellvars {
            Some(v) => str_tuple(vm, v, "co_cellvars")?,
            None => c.obj.cellvars(),
        };
        // `_PyCode_New`'s localsplus: the locals (a local that is also a
        // cell is one slot of both kinds), then the other cells, then the
        // free variables.
        let mut names = varnames.clone();
        let mut kinds = vec![CO_FAST_LOCAL; names.len()];
        for cell in cellvars {
            match names.iter().position(|n| *n == cell) {
                Some(i) => {
                    if let Some(k) = kinds.get_mut(i) {
                        *k |= CO_FAST_CELL;
                    }
                }
                None => {
                    names.push(cell);
                    kinds.push(CO_FAST_CELL);
                }
            }
        }
        for free in freevars {
            names.push(free);
            kinds.push(CO_FAST_FREE);
        }
        new.localsplusnames = names;
        new.localspluskinds = kinds;
    }
    for (i, field) in [(13, "co_filename"), (14, "co_name"), (15, "co_qualname")] {
        if let Some(v) = a.opt(i) {
            let s = str_arg(vm, v, field)?;
            match i {
                13 => new.filename = s,
                14 => new.name = s,
                _ => new.qualname = s,
            }
        }
    }
    if let Some(v) = a.opt(16) {
        new.linetable = bytes_arg(vm, v, "co_linetable")?;
    }
    if let Some(v) = a.opt(17) {
        new.exceptiontable = bytes_arg(vm, v, "co_exceptiontable")?;
    }
    // PyCode_NewWithPosOnlyArgs: the argument counts must fit the locals.
    let nvar = new.nlocals() as i64;
    if nlocals.unwrap_or(nvar) != nvar {
        return Err(vm.value_error("code: co_nlocals != len(co_varnames)"));
    }
    let total = new.argcount as u64
        + new.kwonlyargcount as u64
        + ((new.flags & kaa_bytecode::code::CO_VARARGS) != 0) as u64
        + ((new.flags & kaa_bytecode::code::CO_VARKEYWORDS) != 0) as u64;
    if new.argcount < new.posonlyargcount || total > nvar as u64 {
        return Err(vm.value_error("code: varnames is too small"));
    }
    check_runnable(vm, &new)?;
    Ok(new_code(vm, Arc::new(new)))
}

/// Refuses a code object the VM could not run safely: kaa checks every
/// code object built from data (`replace()`, `marshal`) with the bytecode
/// verifier, where CPython would crash on bad bytecode.
pub fn check_runnable(vm: &Vm, code: &CodeObject) -> PyResult<()> {
    kaa_bytecode::verify::verify(code)
        .map_err(|e| vm.value_error(format!("invalid code object: {e}")))
}

/// `code == other` (`code_richcompare`): the fields CPython compares.
pub fn code_eq(a: &CodeObject, b: &CodeObject) -> bool {
    a.name == b.name
        && a.argcount == b.argcount
        && a.posonlyargcount == b.posonlyargcount
        && a.kwonlyargcount == b.kwonlyargcount
        && a.flags == b.flags
        && a.firstlineno == b.firstlineno
        && a.code == b.code
        && a.consts == b.consts
        && a.names == b.names
        && a.localsplusnames == b.localsplusnames
        && a.linetable == b.linetable
        && a.exceptiontable == b.exceptiontable
}

/// `code == other` for two values; None unless both are code objects.
pub fn compare(a: &Value, b: &Value, op: usize) -> Option<Value> {
    let (x, y) = (as_code(a)?, as_code(b)?);
    match op {
        2 => Some(Value::Bool(code_eq(&x.obj, &y.obj))),
        3 => Some(Value::Bool(!code_eq(&x.obj, &y.obj))),
        _ => None,
    }
}

/// `hash(code)` (`code_hash` in Objects/codeobject.c of 3.11).
pub fn code_hash(vm: &mut Vm, c: &CodeInfo) -> PyResult<i64> {
    let o = c.obj.clone();
    let h0 = vm.hash(&name_value(vm, &o.name))?;
    let consts = vm.new_tuple(c.consts.clone());
    let h1 = vm.hash(&consts)?;
    let names = vm.new_tuple(c.names.clone());
    let h2 = vm.hash(&names)?;
    let slots = names_tuple(vm, &o.localsplusnames);
    let h3 = vm.hash(&slots)?;
    let table = crate::bytes::new_bytes(vm, o.exceptiontable.clone());
    let h4 = vm.hash(&table)?;
    let h = h0
        ^ h1
        ^ h2
        ^ h3
        ^ h4
        ^ o.argcount as i64
        ^ o.posonlyargcount as i64
        ^ o.kwonlyargcount as i64
        ^ o.flags as i64;
    Ok(if h == -1 { -2 } else { h })
}

/// The methods of `code`.
const METHODS: &[(&str, NativeFn)] = &[
    ("code.co_lines($self, /)", co_lines),
    ("code.co_positions($self, /)", co_positions),
    (
        "code._varname_from_oparg($self, /, oparg)",
        varname_from_oparg,
    ),
    (REPLACE_SIG, code_replace),
];

/// Fills code's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.code.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
}
