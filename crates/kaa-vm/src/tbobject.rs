//! Traceback and frame objects as Python code sees them
//! (`exc.__traceback__`, `tb.tb_next`, `tb.tb_frame.f_code`): views of an
//! exception's recorded traceback entries, outermost first as CPython
//! links them. A frame object here is a snapshot of where a frame was
//! (`f_code`, `f_lineno`, `f_globals`, `f_back` along the traceback), not
//! a live frame.

use std::rc::Rc;

use crate::exceptions::{exc_data, PyResult, TbEntry};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// A position in a traceback: `entries` outermost first, `idx` the frame.
pub struct TbPos {
    /// The traceback's entries, outermost frame first.
    entries: Rc<Vec<TbEntry>>,
    /// Which entry.
    idx: usize,
}

impl TbPos {
    /// The entry this object stands for.
    fn entry(&self) -> Option<&TbEntry> {
        self.entries.get(self.idx)
    }
}

/// A traceback object at `idx` of `entries`.
fn new_tb(vm: &Vm, entries: Rc<Vec<TbEntry>>, idx: usize) -> Value {
    let t = vm.types.by_name.get("traceback").cloned();
    let t = t.unwrap_or_else(|| vm.types.object.clone());
    Value::Obj(ObjRef::new(
        t,
        Payload::Traceback(Box::new(TbPos { entries, idx })),
    ))
}

/// A frame object for entry `idx` of `entries`.
fn new_frame(vm: &Vm, entries: Rc<Vec<TbEntry>>, idx: usize) -> Value {
    let t = vm.types.by_name.get("frame").cloned();
    let t = t.unwrap_or_else(|| vm.types.object.clone());
    Value::Obj(ObjRef::new(
        t,
        Payload::Frame(Box::new(TbPos { entries, idx })),
    ))
}

/// `exc.__traceback__`: the outermost entry's traceback object, or None.
pub fn traceback_of(vm: &Vm, exc: &Value) -> Value {
    let Some(d) = exc.as_obj().and_then(exc_data) else {
        return Value::None;
    };
    let entries: Vec<TbEntry> = d.traceback.borrow().iter().rev().cloned().collect();
    if entries.is_empty() {
        return Value::None;
    }
    new_tb(vm, Rc::new(entries), 0)
}

/// `exc.with_traceback(tb)`: the exception's traceback becomes `tb`'s
/// frames (None empties it); returns the exception.
pub fn with_traceback(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let tb = a.arg(0);
    let new: Vec<TbEntry> = match tb.payload() {
        Some(Payload::Traceback(p)) => p.entries[p.idx.min(p.entries.len())..]
            .iter()
            .rev()
            .cloned()
            .collect(),
        _ if tb.is_none() => Vec::new(),
        _ => return Err(vm.type_error("__traceback__ must be a traceback or None")),
    };
    if let Some(d) = a.this.as_obj().and_then(exc_data) {
        *d.traceback.borrow_mut() = new;
    }
    Ok(a.this.clone())
}

/// The position behind a traceback or frame object argument.
fn pos_of<'a>(vm: &Vm, v: &'a Value) -> PyResult<&'a TbPos> {
    match v.payload() {
        Some(Payload::Traceback(p) | Payload::Frame(p)) => Ok(p),
        _ => Err(vm.type_error("traceback or frame expected")),
    }
}

/// The line an entry was at (`tb_lineno`, `f_lineno`).
fn lineno(p: &TbPos) -> Value {
    match p.entry().and_then(|e| e.code.line_at(e.lasti)) {
        Some(l) => Value::Int(l as i64),
        None => Value::None,
    }
}

/// `tb.tb_next`.
fn tb_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    if p.idx + 1 < p.entries.len() {
        return Ok(new_tb(vm, p.entries.clone(), p.idx + 1));
    }
    Ok(Value::None)
}

/// `tb.tb_lineno` / `frame.f_lineno`.
fn get_lineno(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(lineno(pos_of(vm, a.arg(0))?))
}

/// `tb.tb_lasti` / `frame.f_lasti` (a byte offset).
fn get_lasti(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    Ok(Value::Int(p.entry().map_or(-1, |e| e.lasti as i64 * 2)))
}

/// `tb.tb_frame`.
fn tb_frame(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    Ok(new_frame(vm, p.entries.clone(), p.idx))
}

/// `frame.f_code`.
fn f_code(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    Ok(match p.entry() {
        Some(e) => Value::Obj(ObjRef::new(
            vm.types.code.clone(),
            Payload::Code(e.code.clone()),
        )),
        None => Value::None,
    })
}

/// `frame.f_globals`.
fn f_globals(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    Ok(match p.entry().and_then(|e| e.globals.clone()) {
        Some(g) => Value::Obj(g),
        None => Value::Obj(vm.new_dict_obj()),
    })
}

/// `frame.f_builtins`.
fn f_builtins(_vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Obj(_vm.builtins.clone()))
}

/// `frame.f_back`: the caller along the traceback (None past its
/// outermost frame).
fn f_back(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let p = pos_of(vm, a.arg(0))?;
    if p.idx > 0 {
        return Ok(new_frame(vm, p.entries.clone(), p.idx - 1));
    }
    Ok(Value::None)
}

/// traceback's attributes.
const TB_GETTERS: &[(&str, NativeFn)] = &[
    ("traceback.tb_next(self, /)", tb_next),
    ("traceback.tb_lineno(self, /)", get_lineno),
    ("traceback.tb_lasti(self, /)", get_lasti),
    ("traceback.tb_frame(self, /)", tb_frame),
];

/// frame's attributes.
const FRAME_GETTERS: &[(&str, NativeFn)] = &[
    ("frame.f_code(self, /)", f_code),
    ("frame.f_lineno(self, /)", get_lineno),
    ("frame.f_lasti(self, /)", get_lasti),
    ("frame.f_globals(self, /)", f_globals),
    ("frame.f_builtins(self, /)", f_builtins),
    ("frame.f_back(self, /)", f_back),
];

/// Fills the traceback and frame types.
pub fn install(vm: &Vm) {
    for (name, getters) in [("traceback", TB_GETTERS), ("frame", FRAME_GETTERS)] {
        if let Some(t) = vm.types.by_name.get(name).cloned() {
            crate::getset::install_getters(vm, &t, getters);
        }
    }
}
