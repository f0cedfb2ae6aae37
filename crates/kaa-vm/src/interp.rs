//! The interpreter loop: one flat `match` over CPython 3.11's opcodes.
//! Python-to-Python calls push a frame onto this loop's own frame stack
//! (no Rust recursion); native code that calls back into Python re-enters
//! through `run_frame`, and both count against the recursion limit.
//! Exceptions unwind through `co_exceptiontable`.

use kaa_bytecode::Opcode;

use crate::code::Instr;
use crate::exceptions::{exc_data, PyErr, PyResult, TbEntry};
use crate::frame::Frame;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// What `exec_slow` asks of the loop.
enum Flow {
    /// Go on with the next instruction (or unwind `pending`).
    Next,
    /// Leave `execute` with this result.
    Exit(Option<Frame>, PyResult<Exit>),
}

/// How a frame stopped.
pub(crate) enum Exit {
    /// RETURN_VALUE.
    Return(Value),
    /// YIELD_VALUE (generators).
    Yield(Value),
}

/// Pops the top of the stack (the compiler guarantees it is there; a
/// malformed code object gets None rather than a panic).
macro_rules! pop {
    ($f:expr) => {
        $f.stack.pop().unwrap_or(Value::None)
    };
}

macro_rules! top {
    ($f:expr) => {
        match $f.stack.last() {
            Some(v) => v,
            None => &Value::None,
        }
    };
}

mod globalcache;
mod run;

impl Vm {
    /// Runs a frame to completion (a function call from native code, or a
    /// module body).
    pub(crate) fn run_frame(&mut self, frame: Frame) -> PyResult<Value> {
        match self.execute(frame, None).1? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.system_error("unexpected yield outside a generator")),
        }
    }

    /// The opcodes outside `execute`'s hot set (interp/run.rs): rare
    /// opcodes and the general cases of hot ones, for the frame on top of
    /// `frames`. Kept out of line so the hot loop stays small. An error is
    /// left in `pending` (with RERAISE's `lookup_at`).
    #[inline(never)]
    fn exec_slow(
        &mut self,
        frames: &mut Vec<Frame>,
        ins: Instr,
        pending: &mut Option<(PyErr, bool)>,
        lookup_at: &mut Option<usize>,
    ) -> Flow {
        let Some(f) = frames.last_mut() else {
            *pending = Some((self.system_error("no frame"), false));
            return Flow::Next;
        };
        let arg = ins.arg as usize;
        {
            let r: PyResult<()> = match ins.op {
                // NOP, RESUME, PRECALL and JUMP_BACKWARD run in the hot loop
                // (interp/run.rs) and never reach here.
                Opcode::EXTENDED_ARG => Ok(()),
                Opcode::CACHE => Err(self.system_error(format!(
                    "unknown opcode {}",
                    f.code.obj.code.get(f.lasti * 2).copied().unwrap_or(0)
                ))),
                Opcode::DELETE_FAST => match f.fast.get_mut(arg) {
                    Some(slot @ Some(_)) => {
                        *slot = None;
                        Ok(())
                    }
                    _ => Err(self.unbound_local(f, arg)),
                },
                Opcode::STORE_GLOBAL => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    let v = pop!(f);
                    let g = f.globals.clone();
                    crate::dict::dict_set_simple(self, &g, name, v);
                    Ok(())
                }
                Opcode::DELETE_GLOBAL => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    let g = Value::Obj(f.globals.clone());
                    match self.del_item(&g, &name) {
                        Ok(()) => Ok(()),
                        Err(_) => Err(self.name_error(&name)),
                    }
                }
                Opcode::DELETE_NAME => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    match f.locals.clone() {
                        Some(l) => match self.del_item(&l, &name) {
                            Ok(()) => Ok(()),
                            Err(_) => Err(self.name_error(&name)),
                        },
                        None => Err(self.system_error("no locals when deleting a name")),
                    }
                }
                Opcode::LOAD_CLASSDEREF => {
                    let name = f.code.varnames.get(arg).cloned().unwrap_or(Value::None);
                    let from_locals = match f.locals.clone() {
                        Some(l) => self.mapping_get(&l, &name),
                        None => Ok(None),
                    };
                    match from_locals {
                        Ok(found) => match found.or_else(|| cell_get(f, arg)) {
                            Some(v) => {
                                f.stack.push(v);
                                Ok(())
                            }
                            None => Err(self.unbound_deref(f, arg)),
                        },
                        Err(e) => Err(e),
                    }
                }
                Opcode::DELETE_DEREF => {
                    let mut ok = false;
                    if let Some(Some(Value::Obj(c))) = f.fast.get(arg) {
                        if let Payload::Cell(cell) = &c.payload {
                            ok = cell.borrow_mut().take().is_some();
                        }
                    }
                    if ok {
                        Ok(())
                    } else {
                        Err(self.unbound_deref(f, arg))
                    }
                }
                Opcode::DELETE_ATTR => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    let obj = pop!(f);
                    self.del_attr(&obj, &name)
                }
                Opcode::UNARY_NEGATIVE | Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                    let v = pop!(f);
                    match self.unary_op(&v, ins.op) {
                        Ok(r) => {
                            push(frames, r);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::DELETE_SUBSCR => {
                    let k = pop!(f);
                    let c = pop!(f);
                    self.del_item(&c, &k)
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { pop!(f) } else { Value::None };
                    let stop = pop!(f);
                    let start = pop!(f);
                    f.stack.push(Value::Obj(ObjRef::new(
                        self.types.slice.clone(),
                        Payload::Slice(Box::new([start, stop, step])),
                    )));
                    Ok(())
                }
                Opcode::GET_LEN => {
                    let v = top!(f).clone();
                    match self.len(&v) {
                        Ok(n) => {
                            push(frames, Value::Int(n as i64));
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    f.pc = f.pc.saturating_sub(arg);
                    Ok(())
                }
                Opcode::UNPACK_EX => {
                    let v = pop!(f);
                    let before = arg & 0xff;
                    let after = arg >> 8;
                    match self.unpack(&v, before, Some(after)) {
                        Ok(items) => {
                            if let Some(f) = frames.last_mut() {
                                f.stack.extend(items.into_iter().rev());
                            }
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::LIST_TO_TUPLE => {
                    let l = pop!(f);
                    let items = match l.payload() {
                        Some(Payload::List(v)) => v.borrow().clone(),
                        _ => Vec::new(),
                    };
                    f.stack.push(self.new_tuple(items));
                    Ok(())
                }
                Opcode::BUILD_SET => {
                    let at = f.stack.len().saturating_sub(arg);
                    let items = f.stack.split_off(at);
                    match self.new_set(items) {
                        Ok(s) => {
                            push(frames, s);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::BUILD_MAP => {
                    let at = f.stack.len().saturating_sub(2 * arg);
                    let items = f.stack.split_off(at);
                    let d = self.new_dict_obj();
                    let mut r = Ok(());
                    let mut it = items.into_iter();
                    while let (Some(k), Some(v)) = (it.next(), it.next()) {
                        if let Err(e) = crate::dict::dict_set(self, &d, k, v) {
                            r = Err(e);
                            break;
                        }
                    }
                    if r.is_ok() {
                        push(frames, Value::Obj(d));
                    }
                    r
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let keys = pop!(f);
                    let at = f.stack.len().saturating_sub(arg);
                    let vals = f.stack.split_off(at);
                    let d = self.new_dict_obj();
                    let keys = keys.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
                    let mut r = Ok(());
                    for (k, v) in keys.into_iter().zip(vals) {
                        if let Err(e) = crate::dict::dict_set(self, &d, k, v) {
                            r = Err(e);
                            break;
                        }
                    }
                    if r.is_ok() {
                        push(frames, Value::Obj(d));
                    }
                    r
                }
                Opcode::BUILD_STRING => {
                    let at = f.stack.len().saturating_sub(arg);
                    let items = f.stack.split_off(at);
                    f.stack.push(crate::strobj::build_string(self, &items));
                    Ok(())
                }
                Opcode::SET_ADD => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let s = n.checked_sub(arg).and_then(|i| f.stack.get(i)).cloned();
                    match s {
                        Some(s) => self.set_add(&s, v),
                        None => Ok(()),
                    }
                }
                Opcode::MAP_ADD => {
                    let v = pop!(f);
                    let k = pop!(f);
                    let n = f.stack.len();
                    let d = n.checked_sub(arg).and_then(|i| f.stack.get(i)).cloned();
                    match d.as_ref().and_then(|d| d.as_obj()) {
                        Some(d) => crate::dict::dict_set(self, d, k, v),
                        None => Ok(()),
                    }
                }
                Opcode::LIST_EXTEND => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let l = n.checked_sub(arg).and_then(|i| f.stack.get(i)).cloned();
                    match l {
                        Some(l) => self.list_extend(&l, &v).map_err(|e| {
                            if self.err_matches(&e, "TypeError") && self.get_iter(&v).is_err() {
                                self.type_error(format!(
                                    "Value after * must be an iterable, not {}",
                                    self.type_name(&v)
                                ))
                            } else {
                                e
                            }
                        }),
                        None => Ok(()),
                    }
                }
                Opcode::SET_UPDATE => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let s = n.checked_sub(arg).and_then(|i| f.stack.get(i)).cloned();
                    match s {
                        Some(s) => self.set_update(&s, &v),
                        None => Ok(()),
                    }
                }
                Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                    let v = pop!(f);
                    let n = f.stack.len();
                    let d = n.checked_sub(arg).and_then(|i| f.stack.get(i)).cloned();
                    match d.as_ref().and_then(|d| d.as_obj()) {
                        Some(d) => {
                            let d = d.clone();
                            let func = if ins.op == Opcode::DICT_MERGE {
                                n.checked_sub(arg + 2).and_then(|i| f.stack.get(i)).cloned()
                            } else {
                                None
                            };
                            self.dict_update_op(&d, &v, func.as_ref())
                        }
                        None => Ok(()),
                    }
                }
                Opcode::FORMAT_VALUE => {
                    let spec = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                    let v = pop!(f);
                    match self.format_value(v, arg & 3, spec) {
                        Ok(s) => {
                            push(frames, s);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::CALL => {
                    // Fast paths without keywords: Python functions get a
                    // new frame and built-ins their arguments straight from
                    // the stack, with no argument vector.
                    let n = f.stack.len();
                    if f.kwnames.is_none() && n >= arg + 2 {
                        let null_first = self.is_null(&f.stack[n - arg - 2]);
                        let (ci, astart) = if null_first {
                            (n - arg - 1, n - arg)
                        } else {
                            (n - arg - 2, n - arg - 1)
                        };
                        let callable = f.stack[ci].clone();
                        if let Value::Obj(o) = &callable {
                            match &o.payload {
                                Payload::Function(fd)
                                    if fd.code.obj.flags
                                        & (kaa_bytecode::code::CO_GENERATOR
                                            | kaa_bytecode::code::CO_COROUTINE
                                            | kaa_bytecode::code::CO_ASYNC_GENERATOR)
                                        == 0 =>
                                {
                                    let r = self.bind_function(o, fd, &f.stack[astart..], &[]);
                                    f.stack.truncate(n - arg - 2);
                                    let r = match r {
                                        Ok(frame) => match self.enter() {
                                            Ok(()) => {
                                                frames.push(frame);
                                                Ok(())
                                            }
                                            Err(e) => Err(e),
                                        },
                                        Err(e) => Err(e),
                                    };
                                    if let Err(e) = r {
                                        *pending = Some((e, false));
                                    }
                                    return Flow::Next;
                                }
                                Payload::Builtin(b)
                                    if arg == 0
                                        && !b.sig.has_self
                                        && matches!(
                                            b.sig.qualname.as_str(),
                                            "locals" | "globals" | "vars"
                                        ) =>
                                {
                                    // These read the calling frame.
                                    let r = if b.sig.qualname == "globals" {
                                        Ok(Value::Obj(f.globals.clone()))
                                    } else {
                                        self.frame_locals(f)
                                    };
                                    f.stack.truncate(n - arg - 2);
                                    match r {
                                        Ok(v) => f.stack.push(v),
                                        Err(e) => *pending = Some((e, false)),
                                    }
                                    return Flow::Next;
                                }
                                Payload::Builtin(b) if crate::evalexec::reads_frame(b) => {
                                    // exec/eval default to this frame's namespaces.
                                    let r =
                                        self.call_reading_frame(f, &callable, &f.stack[astart..]);
                                    f.stack.truncate(n - arg - 2);
                                    match r {
                                        Ok(v) => f.stack.push(v),
                                        Err(e) => *pending = Some((e, false)),
                                    }
                                    return Flow::Next;
                                }
                                Payload::Builtin(b) => {
                                    let args = &f.stack[astart..];
                                    let r = if b.sig.has_self {
                                        match args.split_first() {
                                            Some((this, rest)) => crate::native::call_native(
                                                self,
                                                &b.sig,
                                                b.func,
                                                this.clone(),
                                                rest,
                                                &[],
                                            ),
                                            None => self.call_with_kwargs(&callable, args, &[]),
                                        }
                                    } else {
                                        crate::native::call_native(
                                            self,
                                            &b.sig,
                                            b.func,
                                            Value::None,
                                            args,
                                            &[],
                                        )
                                    };
                                    f.stack.truncate(n - arg - 2);
                                    match r {
                                        Ok(v) => f.stack.push(v),
                                        Err(e) => *pending = Some((e, false)),
                                    }
                                    return Flow::Next;
                                }
                                _ => {}
                            }
                        }
                    }
                    let kwnames = f.kwnames.take();
                    let nkw = kwnames
                        .as_ref()
                        .and_then(|k| k.as_tuple().map(|t| t.len()))
                        .unwrap_or(0);
                    let n = f.stack.len();
                    if n < arg + 2 {
                        Err(self.system_error("CALL: stack underflow"))
                    } else {
                        let mut args = f.stack.split_off(n - arg);
                        let second = pop!(f);
                        let first = pop!(f);
                        let callable = if self.is_null(&first) {
                            second
                        } else {
                            args.insert(0, second);
                            first
                        };
                        let (callable, args) = match callable.payload() {
                            Some(Payload::BoundMethod(bm)) => {
                                let mut a = Vec::with_capacity(args.len() + 1);
                                a.push(bm.1.clone());
                                a.extend(args);
                                (bm.0.clone(), a)
                            }
                            _ => (callable, args),
                        };
                        let npos = args.len() - nkw.min(args.len());
                        let kwargs: Vec<(Value, Value)> = match &kwnames {
                            Some(k) => k
                                .as_tuple()
                                .unwrap_or(&[])
                                .iter()
                                .cloned()
                                .zip(args[npos..].iter().cloned())
                                .collect(),
                            None => Vec::new(),
                        };
                        let zero_arg_super = npos == 0
                            && kwargs.is_empty()
                            && matches!(&callable, Value::Obj(o) if o.ptr_eq(&self.types.super_));
                        let args = if zero_arg_super {
                            match self.super_args(f) {
                                Ok(a) => a,
                                Err(e) => {
                                    *pending = Some((e, false));
                                    return Flow::Next;
                                }
                            }
                        } else {
                            args
                        };
                        let npos = if zero_arg_super { args.len() } else { npos };
                        let pos = &args[..npos];
                        match self.prepare_call(&callable, pos, &kwargs) {
                            Ok(Some(new_frame)) => {
                                if let Err(e) = self.enter() {
                                    Err(e)
                                } else {
                                    frames.push(new_frame);
                                    Ok(())
                                }
                            }
                            Ok(None) => match self.call_with_kwargs(&callable, pos, &kwargs) {
                                Ok(v) => {
                                    push(frames, v);
                                    Ok(())
                                }
                                Err(e) => Err(e),
                            },
                            Err(e) => Err(e),
                        }
                    }
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                    let callargs = pop!(f);
                    let func = pop!(f);
                    let _null = pop!(f);
                    match self.call_ex(&func, &callargs, kwargs.as_ref()) {
                        Ok(v) => {
                            push(frames, v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::MAKE_FUNCTION => {
                    let code = pop!(f);
                    let closure = if arg & 8 != 0 { Some(pop!(f)) } else { None };
                    let ann = if arg & 4 != 0 { Some(pop!(f)) } else { None };
                    let kwd = if arg & 2 != 0 { Some(pop!(f)) } else { None };
                    let defs = if arg & 1 != 0 { Some(pop!(f)) } else { None };
                    let g = f.globals.clone();
                    match self.make_function(&code, &g, defs, kwd, ann, closure) {
                        Ok(v) => {
                            push(frames, v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::RETURN_GENERATOR => {
                    Err(self.system_error("RETURN_GENERATOR outside a generator call"))
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!(f);
                    if frames.len() == 1 {
                        self.leave();
                        return Flow::Exit(frames.pop(), Ok(Exit::Yield(v)));
                    }
                    Err(self.system_error("yield in an inlined frame"))
                }
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = pop!(f);
                    let is_gen = matches!(v.payload(), Some(Payload::Generator(_)));
                    if is_gen {
                        f.stack.push(v);
                        Ok(())
                    } else {
                        match self.get_iter(&v) {
                            Ok(it) => {
                                push(frames, it);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                }
                Opcode::SEND => {
                    let v = pop!(f);
                    let recv = top!(f).clone();
                    match self.send(&recv, v) {
                        Ok(Exit::Yield(y)) => {
                            push(frames, y);
                            Ok(())
                        }
                        Ok(Exit::Return(r)) => {
                            if let Some(f) = frames.last_mut() {
                                f.stack.pop();
                                f.stack.push(r);
                                f.pc += arg;
                            }
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::GET_AWAITABLE
                | Opcode::GET_AITER
                | Opcode::GET_ANEXT
                | Opcode::BEFORE_ASYNC_WITH
                | Opcode::ASYNC_GEN_WRAP => self.op_async(f, ins.op, arg),
                Opcode::END_ASYNC_FOR => {
                    // StopAsyncIteration ends the loop; anything else is
                    // re-raised as is (ceval's `goto exception_unwind`).
                    let exc = pop!(f);
                    match exc {
                        Value::Obj(o) if exc_data(&o).is_some() => {
                            let err = PyErr { exc: o };
                            if self.err_matches(&err, "StopAsyncIteration") {
                                f.stack.pop();
                                Ok(())
                            } else {
                                *lookup_at = Some(f.lasti);
                                *pending = Some((err, true));
                                return Flow::Next;
                            }
                        }
                        _ => Err(self.system_error("END_ASYNC_FOR of a non-exception")),
                    }
                }
                Opcode::PUSH_EXC_INFO => {
                    let v = pop!(f);
                    let prev = match self.exc_stack.last_mut() {
                        Some(top) => std::mem::replace(top, v.clone()),
                        None => Value::None,
                    };
                    f.stack.push(prev);
                    f.stack.push(v);
                    Ok(())
                }
                Opcode::POP_EXCEPT => {
                    let v = pop!(f);
                    if let Some(top) = self.exc_stack.last_mut() {
                        *top = v;
                    }
                    Ok(())
                }
                Opcode::CHECK_EXC_MATCH => {
                    let t = pop!(f);
                    let e = top!(f).clone();
                    match self.exception_matches(&e, &t) {
                        Ok(b) => {
                            push(frames, Value::Bool(b));
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::CHECK_EG_MATCH => {
                    // Stack [exc, type] -> [rest, match] (and the handled
                    // exception becomes match), or [exc, None].
                    let t = pop!(f);
                    let exc = pop!(f);
                    match self.eg_match(&exc, &t) {
                        Ok(Some((rest, m))) => {
                            if let Some(top) = self.exc_stack.last_mut() {
                                *top = m.clone();
                            }
                            push(frames, rest);
                            push(frames, m);
                            Ok(())
                        }
                        Ok(None) => {
                            push(frames, exc);
                            push(frames, Value::None);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::PREP_RERAISE_STAR => {
                    let excs = pop!(f);
                    let orig = pop!(f);
                    match self.prep_reraise_star(&orig, &excs) {
                        Ok(v) => {
                            push(frames, v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::RERAISE => {
                    *lookup_at = Some(f.lasti);
                    let exc = pop!(f);
                    if arg != 0 {
                        let n = f.stack.len();
                        if let Some(Value::Int(l)) = n.checked_sub(arg).and_then(|i| f.stack.get(i))
                        {
                            f.lasti = *l as usize;
                        }
                    }
                    match exc {
                        Value::Obj(o) if exc_data(&o).is_some() => {
                            *pending = Some((PyErr { exc: o }, true));
                            return Flow::Next;
                        }
                        _ => Err(self.system_error("RERAISE of a non-exception")),
                    }
                }
                Opcode::RAISE_VARARGS => {
                    let cause = if arg >= 2 { Some(pop!(f)) } else { None };
                    let exc = if arg >= 1 { Some(pop!(f)) } else { None };
                    match exc {
                        None => {
                            let cur = self.current_exception();
                            match cur {
                                Value::Obj(o) if exc_data(&o).is_some() => {
                                    *pending = Some((PyErr { exc: o }, true));
                                    return Flow::Next;
                                }
                                _ => Err(self.runtime_error("No active exception to reraise")),
                            }
                        }
                        Some(e) => Err(self.make_raise(e, cause)),
                    }
                }
                Opcode::LOAD_ASSERTION_ERROR => {
                    f.stack.push(Value::Obj(self.exc_type("AssertionError")));
                    Ok(())
                }
                Opcode::BEFORE_WITH => {
                    let mgr = pop!(f);
                    match self.before_with(&mgr) {
                        Ok((exit, entered)) => {
                            push(frames, exit);
                            push(frames, entered);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::WITH_EXCEPT_START => {
                    let n = f.stack.len();
                    let val = top!(f).clone();
                    let exit = n.checked_sub(4).and_then(|i| f.stack.get(i)).cloned();
                    let tp = Value::Obj(self.type_of(&val));
                    let tb = self.traceback_of(&val);
                    match exit {
                        Some(exit) => match self.call(&exit, &[tp, val, tb]) {
                            Ok(r) => {
                                push(frames, r);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        },
                        None => Err(self.system_error("WITH_EXCEPT_START: bad stack")),
                    }
                }
                Opcode::LOAD_BUILD_CLASS => {
                    let v = crate::dict::dict_get_str(&self.builtins, "__build_class__");
                    match v {
                        Some(v) => {
                            f.stack.push(v);
                            Ok(())
                        }
                        None => Err(self.new_error("NameError", "__build_class__ not found")),
                    }
                }
                Opcode::SETUP_ANNOTATIONS => {
                    let l = f.locals.clone();
                    match l {
                        Some(l) => {
                            let k = self.new_str("__annotations__");
                            match self.mapping_get(&l, &k) {
                                Ok(Some(_)) => Ok(()),
                                Ok(None) => {
                                    let d = Value::Obj(self.new_dict_obj());
                                    self.set_item(&l, k, d)
                                }
                                Err(e) => Err(e),
                            }
                        }
                        None => Ok(()),
                    }
                }
                Opcode::IMPORT_NAME => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    let fromlist = pop!(f);
                    let level = pop!(f);
                    let g = f.globals.clone();
                    match self.import_name(&g, &name, &fromlist, &level) {
                        Ok(m) => {
                            push(frames, m);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::IMPORT_FROM => {
                    let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                    let m = top!(f).clone();
                    match self.import_from(&m, &name) {
                        Ok(v) => {
                            push(frames, v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::IMPORT_STAR => {
                    let m = pop!(f);
                    let l = f.locals.clone();
                    self.import_star(&m, l)
                }
                Opcode::MATCH_MAPPING => {
                    let b = self.is_mapping(top!(f));
                    f.stack.push(Value::Bool(b));
                    Ok(())
                }
                Opcode::MATCH_SEQUENCE => {
                    let b = self.is_match_sequence(top!(f));
                    f.stack.push(Value::Bool(b));
                    Ok(())
                }
                Opcode::MATCH_KEYS => {
                    let n = f.stack.len();
                    let keys = top!(f).clone();
                    let subject = n.checked_sub(2).and_then(|i| f.stack.get(i)).cloned();
                    match subject.map(|s| self.match_keys(&s, &keys)) {
                        Some(Ok(v)) => {
                            f.stack.push(v);
                            Ok(())
                        }
                        Some(Err(e)) => Err(e),
                        None => Err(self.system_error("MATCH_KEYS: bad stack")),
                    }
                }
                Opcode::MATCH_CLASS => {
                    let names = pop!(f);
                    let cls = pop!(f);
                    let subject = pop!(f);
                    match self.match_class(&subject, &cls, arg, &names) {
                        Ok(v) => {
                            f.stack.push(v);
                            Ok(())
                        }
                        Err(e) => Err(e),
                    }
                }
                Opcode::PRINT_EXPR => {
                    let v = pop!(f);
                    self.display_value(v)
                }
                other => Err(self.system_error(format!(
                    "kaa does not implement the opcode {} yet",
                    other.name()
                ))),
            };
            if let Err(e) = r {
                *pending = Some((e, false));
            }
        }
        Flow::Next
    }

    /// Records a raise in frame `f`: its traceback entry and, for a fresh
    /// exception, the implicit `__context__` (the exception being handled).
    fn note_raise(&mut self, err: &PyErr, f: &Frame) {
        if let Some(d) = err.data() {
            let fresh = d.traceback.borrow().is_empty();
            d.traceback.borrow_mut().push(TbEntry {
                code: f.code.clone(),
                lasti: f.lasti,
                globals: Some(f.globals.clone()),
            });
            if fresh {
                self.set_context(err);
            }
        }
    }

    /// Sets `__context__` to the exception being handled, breaking cycles
    /// as `_PyErr_SetObject` does.
    pub(crate) fn set_context(&mut self, err: &PyErr) {
        let cur = self.current_exception();
        let Value::Obj(c) = &cur else { return };
        if c.ptr_eq(&err.exc) {
            return;
        }
        // Break a cycle: remove `err` from cur's context chain.
        let mut o = c.clone();
        let mut steps = 0;
        while let Some(d) = exc_data(&o) {
            let next = d.context.borrow().clone();
            match next {
                Value::Obj(n) => {
                    if n.ptr_eq(&err.exc) {
                        *d.context.borrow_mut() = Value::None;
                        break;
                    }
                    o = n;
                }
                _ => break,
            }
            steps += 1;
            if steps > 100_000 {
                break;
            }
        }
        if let Some(d) = err.data() {
            *d.context.borrow_mut() = cur;
        }
    }

    /// `locals()`: the locals mapping, or a new dict of the bound fast
    /// locals (cells read through).
    fn frame_locals(&mut self, f: &Frame) -> PyResult<Value> {
        if let Some(l) = &f.locals {
            return Ok(l.clone());
        }
        let d = self.new_dict_obj();
        for (i, name) in f.code.varnames.iter().enumerate() {
            let v = if f.code.cell_or_free.get(i) == Some(&true) {
                cell_get(f, i)
            } else {
                f.fast.get(i).cloned().flatten()
            };
            if let Some(v) = v {
                crate::dict::dict_set(self, &d, name.clone(), v)?;
            }
        }
        Ok(Value::Obj(d))
    }

    /// `super()` without arguments: `__class__` from the frame's cell and
    /// its first argument (CPython's super_init_without_args).
    fn super_args(&self, f: &Frame) -> PyResult<Vec<Value>> {
        if f.code.obj.argcount == 0 {
            return Err(self.runtime_error("super(): no arguments"));
        }
        let first = match f.fast.first() {
            Some(Some(v)) => {
                if f.code.cell_or_free.first() == Some(&true) {
                    match v.payload() {
                        Some(Payload::Cell(c)) => c.borrow().clone(),
                        _ => Some(v.clone()),
                    }
                } else {
                    Some(v.clone())
                }
            }
            _ => None,
        };
        let Some(first) = first else {
            return Err(self.runtime_error("super(): arg[0] deleted"));
        };
        let slot = f
            .code
            .varnames
            .iter()
            .rposition(|n| n.as_str() == Some("__class__"));
        let cls = slot.and_then(|i| cell_get(f, i));
        match cls {
            Some(c) => Ok(vec![c, first]),
            None => Err(self.runtime_error("super(): __class__ cell not found")),
        }
    }

    /// The exception being handled (`sys.exception()`), or None.
    pub(crate) fn current_exception(&self) -> Value {
        for v in self.exc_stack.iter().rev() {
            if !v.is_none() {
                return v.clone();
            }
        }
        Value::None
    }

    fn unbound_local(&self, f: &Frame, i: usize) -> PyErr {
        let name = f
            .code
            .varnames
            .get(i)
            .and_then(|v| v.as_str())
            .unwrap_or("?");
        self.new_error(
            "UnboundLocalError",
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, f: &Frame, i: usize) -> PyErr {
        let name = f
            .code
            .varnames
            .get(i)
            .and_then(|v| v.as_str())
            .unwrap_or("?");
        let is_free = i + f.code.nfree >= f.code.varnames.len();
        if is_free {
            self.new_error(
                "NameError",
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            self.new_error(
                "UnboundLocalError",
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }
}

impl Vm {
    /// MAKE_CELL: slot `i` becomes a cell holding its current value.
    pub(crate) fn op_make_cell(&self, f: &mut Frame, i: usize) {
        if let Some(slot) = f.fast.get_mut(i) {
            let init = slot.take();
            *slot = Some(Value::Obj(ObjRef::new(
                self.types.cell.clone(),
                Payload::Cell(std::cell::RefCell::new(init)),
            )));
        }
    }
}

/// COPY_FREE_VARS: the function's closure cells into the last `n` slots.
pub(crate) fn op_copy_free_vars(f: &mut Frame, n: usize) {
    let closure: Vec<Value> = f
        .func
        .as_ref()
        .and_then(crate::function::func_data)
        .map(|fd| fd.closure.clone())
        .unwrap_or_default();
    let base = f.fast.len().saturating_sub(n);
    for (i, c) in closure.into_iter().take(n).enumerate() {
        if let Some(slot) = f.fast.get_mut(base + i) {
            *slot = Some(c);
        }
    }
}

/// Pushes onto the current frame's stack.
#[inline]
fn push(frames: &mut [Frame], v: Value) {
    if let Some(f) = frames.last_mut() {
        f.stack.push(v);
    }
}

/// Takes a conditional jump of `op` by `arg` units.
fn jump(frames: &mut [Frame], op: Opcode, arg: usize) {
    if let Some(f) = frames.last_mut() {
        match op {
            Opcode::POP_JUMP_BACKWARD_IF_FALSE
            | Opcode::POP_JUMP_BACKWARD_IF_TRUE
            | Opcode::POP_JUMP_BACKWARD_IF_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => f.pc = f.pc.saturating_sub(arg),
            _ => f.pc += arg,
        }
    }
}

/// The value of a cell slot.
fn cell_get(f: &Frame, i: usize) -> Option<Value> {
    match f.fast.get(i) {
        Some(Some(Value::Obj(c))) => match &c.payload {
            Payload::Cell(cell) => cell.borrow().clone(),
            _ => None,
        },
        _ => None,
    }
}

/// A comparison result for COMPARE_OP's oparg.
pub(crate) fn cmp_result(o: std::cmp::Ordering, op: usize) -> bool {
    use std::cmp::Ordering::*;
    match op {
        0 => o == Less,
        1 => o != Greater,
        2 => o == Equal,
        3 => o != Equal,
        4 => o == Greater,
        _ => o != Less,
    }
}
