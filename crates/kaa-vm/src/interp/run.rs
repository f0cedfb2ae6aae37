//! The hot loop: `execute` fetches each instruction and runs the common
//! opcodes inline (loads and stores of locals, constants and globals,
//! small-int and float arithmetic and comparisons, jumps, Python-to-Python
//! calls and returns, attribute access); everything else goes to the
//! out-of-line `exec_slow` in interp.rs. Exception unwinding is kept off
//! the straight-line path (`unwind`), as ceval's `error:` label is.

use kaa_bytecode::exceptiontable;
use kaa_bytecode::Opcode;

use super::{cmp_result, Exit, Flow};
use crate::exceptions::{PyErr, PyResult};
use crate::frame::Frame;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// The code-object flags whose functions do not run in a plain frame.
const GEN_FLAGS: u32 = kaa_bytecode::code::CO_GENERATOR
    | kaa_bytecode::code::CO_COROUTINE
    | kaa_bytecode::code::CO_ASYNC_GENERATOR;

impl Vm {
    /// Runs `entry` (and the frames it calls) until it returns or yields;
    /// gives the frame back for generators. With `throw`, starts by raising
    /// that exception at the frame's current instruction.
    pub(crate) fn execute(
        &mut self,
        entry: Frame,
        throw: Option<PyErr>,
    ) -> (Option<Frame>, PyResult<Exit>) {
        if let Err(e) = self.enter_native() {
            return (Some(entry), Err(e));
        }
        let mut frames = self.frame_pool.take_stack();
        frames.push(entry);
        let mut pending: Option<(PyErr, bool)> = throw.map(|e| (e, false));
        // RERAISE looks its handler up from its own position (ceval's
        // INSTR_OFFSET), while f_lasti may name the original instruction.
        let mut lookup_at: Option<usize> = None;
        'unwind: loop {
            if let Some((err, reraise)) = pending.take() {
                if let Some(done) = self.unwind(&mut frames, err, reraise, &mut lookup_at) {
                    self.frame_pool.recycle_stack(frames);
                    return done;
                }
            }
            loop {
                crate::finalize::drain(self);
                let Some(f) = frames.last_mut() else {
                    return (None, Err(self.system_error("no frame")));
                };
                let Some(&ins) = f.code.instrs.get(f.pc) else {
                    pending = Some((self.system_error("instruction pointer out of range"), false));
                    continue 'unwind;
                };
                f.lasti = f.pc;
                f.pc += 1 + ins.ncache as usize;
                let arg = ins.arg as usize;
                // Runs the instruction through exec_slow.
                macro_rules! slow {
                    () => {
                        match self.exec_slow(&mut frames, ins, &mut pending, &mut lookup_at) {
                            Flow::Next if pending.is_some() => continue 'unwind,
                            Flow::Next => Ok(()),
                            Flow::Exit(frame, r) => {
                                self.frame_pool.recycle_stack(frames);
                                return (frame, r);
                            }
                        }
                    };
                }
                let r: PyResult<()> = match ins.op {
                    Opcode::NOP | Opcode::PRECALL => Ok(()),
                    // CPython's eval breaker: a pending Ctrl-C is raised
                    // at a function's start or after a yield (RESUME 0 or
                    // 1, not after `yield from`/`await`) and on backward
                    // jumps.
                    Opcode::RESUME if arg < 2 => self.check_interrupt(),
                    Opcode::RESUME => Ok(()),
                    Opcode::LOAD_FAST => match f.fast.get(arg) {
                        Some(Some(v)) => {
                            let v = v.clone();
                            f.stack.push(v);
                            Ok(())
                        }
                        _ => Err(self.unbound_local(f, arg)),
                    },
                    Opcode::STORE_FAST => {
                        let v = f.stack.pop().unwrap_or(Value::None);
                        if let Some(slot) = f.fast.get_mut(arg) {
                            *slot = Some(v);
                        }
                        Ok(())
                    }
                    Opcode::LOAD_CONST => {
                        let v = f.code.consts.get(arg).cloned().unwrap_or(Value::None);
                        f.stack.push(v);
                        Ok(())
                    }
                    Opcode::POP_TOP => {
                        f.stack.pop();
                        Ok(())
                    }
                    Opcode::PUSH_NULL => {
                        f.stack.push(self.null.clone());
                        Ok(())
                    }
                    Opcode::LOAD_GLOBAL => {
                        match self.load_global_cached(&f.code, &f.globals, arg >> 1) {
                            Ok(v) => {
                                if arg & 1 != 0 {
                                    f.stack.push(self.null.clone());
                                }
                                f.stack.push(v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::LOAD_ATTR => {
                        let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                        let obj = f.stack.pop().unwrap_or(Value::None);
                        match self.get_attr(&obj, &name) {
                            Ok(v) => {
                                push(&mut frames, v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::LOAD_METHOD => {
                        let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                        let obj = f.stack.pop().unwrap_or(Value::None);
                        match self.load_method(&obj, &name) {
                            Ok((Some(m), this)) => {
                                push2(&mut frames, m, this);
                                Ok(())
                            }
                            Ok((None, attr)) => {
                                push2(&mut frames, self.null.clone(), attr);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::STORE_ATTR => {
                        let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                        let obj = f.stack.pop().unwrap_or(Value::None);
                        let v = f.stack.pop().unwrap_or(Value::None);
                        self.set_attr(&obj, &name, v)
                    }
                    Opcode::BINARY_OP => {
                        let n = f.stack.len();
                        let fast = match f.stack.get(n.wrapping_sub(2)..) {
                            Some([Value::Int(x), Value::Int(y)]) => {
                                crate::int::int_binop_fast(*x, *y, arg)
                            }
                            Some([Value::Float(x), Value::Float(y)]) => {
                                crate::float::float_binop_fast(*x, *y, arg)
                            }
                            _ => None,
                        };
                        match fast {
                            Some(v) => {
                                f.stack.truncate(n - 2);
                                f.stack.push(v);
                                Ok(())
                            }
                            None => {
                                let b = f.stack.pop().unwrap_or(Value::None);
                                let a = f.stack.pop().unwrap_or(Value::None);
                                match self.binary_op(&a, &b, arg) {
                                    Ok(v) => {
                                        push(&mut frames, v);
                                        Ok(())
                                    }
                                    Err(e) => Err(e),
                                }
                            }
                        }
                    }
                    Opcode::COMPARE_OP => {
                        let n = f.stack.len();
                        let fast = match f.stack.get(n.wrapping_sub(2)..) {
                            Some([Value::Int(x), Value::Int(y)]) => Some(cmp_result(x.cmp(y), arg)),
                            Some([Value::Float(x), Value::Float(y)]) => {
                                Some(float_cmp(*x, *y, arg))
                            }
                            _ => None,
                        };
                        match fast {
                            Some(r) => {
                                f.stack.truncate(n - 2);
                                // COMPARE_OP + POP_JUMP_IF_FALSE/TRUE fused
                                // (CPython's COMPARE_OP_INT_JUMP): the bool
                                // never reaches the stack.
                                match f.code.instrs.get(f.pc) {
                                    Some(next) if is_bool_jump(next.op) => {
                                        let want = matches!(
                                            next.op,
                                            Opcode::POP_JUMP_FORWARD_IF_TRUE
                                                | Opcode::POP_JUMP_BACKWARD_IF_TRUE
                                        );
                                        f.pc += 1;
                                        if r == want {
                                            let d = next.arg as usize;
                                            f.pc = match next.op {
                                                Opcode::POP_JUMP_FORWARD_IF_TRUE
                                                | Opcode::POP_JUMP_FORWARD_IF_FALSE => f.pc + d,
                                                _ => f.pc.saturating_sub(d),
                                            };
                                        }
                                    }
                                    _ => f.stack.push(Value::Bool(r)),
                                }
                                Ok(())
                            }
                            None => {
                                let b = f.stack.pop().unwrap_or(Value::None);
                                let a = f.stack.pop().unwrap_or(Value::None);
                                match self.compare(&a, &b, arg) {
                                    Ok(v) => {
                                        push(&mut frames, v);
                                        Ok(())
                                    }
                                    Err(e) => Err(e),
                                }
                            }
                        }
                    }
                    Opcode::IS_OP => {
                        let b = f.stack.pop().unwrap_or(Value::None);
                        let a = f.stack.pop().unwrap_or(Value::None);
                        f.stack.push(Value::Bool(a.is(&b) != (arg == 1)));
                        Ok(())
                    }
                    Opcode::JUMP_FORWARD => {
                        f.pc += arg;
                        Ok(())
                    }
                    Opcode::JUMP_BACKWARD => {
                        f.pc = f.pc.saturating_sub(arg);
                        self.check_interrupt()
                    }
                    Opcode::POP_JUMP_FORWARD_IF_FALSE
                    | Opcode::POP_JUMP_FORWARD_IF_TRUE
                    | Opcode::POP_JUMP_BACKWARD_IF_FALSE
                    | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                        let v = f.stack.pop().unwrap_or(Value::None);
                        let t = match v {
                            Value::Bool(b) => Ok(b),
                            Value::None => Ok(false),
                            Value::Int(i) => Ok(i != 0),
                            other => self.is_true(&other),
                        };
                        match t {
                            Ok(t) => {
                                let want = matches!(
                                    ins.op,
                                    Opcode::POP_JUMP_FORWARD_IF_TRUE
                                        | Opcode::POP_JUMP_BACKWARD_IF_TRUE
                                );
                                if t == want {
                                    super::jump(&mut frames, ins.op, arg);
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::POP_JUMP_FORWARD_IF_NONE
                    | Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                    | Opcode::POP_JUMP_BACKWARD_IF_NONE
                    | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                        let v = f.stack.pop().unwrap_or(Value::None);
                        let want_none = matches!(
                            ins.op,
                            Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE
                        );
                        if v.is_none() == want_none {
                            super::jump(&mut frames, ins.op, arg);
                        }
                        Ok(())
                    }
                    Opcode::FOR_ITER => {
                        let it = match f.stack.last() {
                            Some(v) => v.clone(),
                            None => Value::None,
                        };
                        match self.iter_next(&it) {
                            Ok(Some(v)) => {
                                push(&mut frames, v);
                                Ok(())
                            }
                            Ok(None) => {
                                if let Some(f) = frames.last_mut() {
                                    f.stack.pop();
                                    f.pc += arg;
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::BINARY_SUBSCR => {
                        let k = f.stack.pop().unwrap_or(Value::None);
                        let c = f.stack.pop().unwrap_or(Value::None);
                        match self.get_item(&c, &k) {
                            Ok(v) => {
                                push(&mut frames, v);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::STORE_SUBSCR => {
                        let k = f.stack.pop().unwrap_or(Value::None);
                        let c = f.stack.pop().unwrap_or(Value::None);
                        let v = f.stack.pop().unwrap_or(Value::None);
                        self.set_item(&c, k, v)
                    }
                    Opcode::CALL if f.kwnames.is_none() => {
                        // A plain Python function gets a new frame with its
                        // arguments bound straight from the stack; every
                        // other callable takes exec_slow's general path.
                        let n = f.stack.len();
                        let func =
                            match n.checked_sub(arg + 2).and_then(|i| f.stack.get(i..n - arg)) {
                                Some([first, Value::Obj(c)]) if first.is(&self.null) => {
                                    Some((c.clone(), n - arg))
                                }
                                Some([Value::Obj(o), _]) => Some((o.clone(), n - arg - 1)),
                                _ => None,
                            };
                        match func {
                            Some((o, astart)) => match &o.payload {
                                Payload::Function(fd)
                                    if fd.code.fast_call_argc == Some(n - astart) =>
                                {
                                    // CPython's simple argument binding: the
                                    // arguments move from the caller's stack
                                    // into the new frame's first slots.
                                    match self.enter() {
                                        Ok(()) => {
                                            let code = fd.code.clone();
                                            let globals = fd.globals.clone();
                                            let (mut fast, mut stack) = self.frame_pool.take();
                                            fast.extend(f.stack.drain(astart..).map(Some));
                                            fast.resize(code.varnames.len(), None);
                                            f.stack.truncate(n - arg - 2);
                                            stack.reserve(code.obj.stacksize as usize + 1);
                                            frames.push(Frame {
                                                code,
                                                fast,
                                                stack,
                                                pc: 0,
                                                lasti: 0,
                                                globals,
                                                locals: None,
                                                func: Some(o),
                                                kwnames: None,
                                            });
                                            Ok(())
                                        }
                                        Err(e) => Err(e),
                                    }
                                }
                                Payload::Function(fd) if fd.code.obj.flags & GEN_FLAGS == 0 => {
                                    let r = self.bind_function(&o, fd, &f.stack[astart..], &[]);
                                    f.stack.truncate(n - arg - 2);
                                    match r {
                                        Ok(frame) => match self.enter() {
                                            Ok(()) => {
                                                frames.push(frame);
                                                Ok(())
                                            }
                                            Err(e) => Err(e),
                                        },
                                        Err(e) => Err(e),
                                    }
                                }
                                _ => slow!(),
                            },
                            None => slow!(),
                        }
                    }
                    Opcode::LOAD_NAME => {
                        let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                        let locals = f.locals.clone();
                        let globals = f.globals.clone();
                        match self.load_name(locals.as_ref(), &globals, &name) {
                            Ok(v) => {
                                if let Some(f) = frames.last_mut() {
                                    f.stack.push(v);
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::STORE_NAME => {
                        let name = f.code.names.get(arg).cloned().unwrap_or(Value::None);
                        let v = pop!(f);
                        match f.locals.clone() {
                            Some(l) => self.set_item(&l, name, v),
                            None => Err(self.system_error("no locals when storing a name")),
                        }
                    }
                    Opcode::MAKE_CELL => {
                        self.op_make_cell(f, arg);
                        Ok(())
                    }
                    Opcode::COPY_FREE_VARS => {
                        super::op_copy_free_vars(f, arg);
                        Ok(())
                    }
                    Opcode::LOAD_CLOSURE => {
                        let v = f.fast.get(arg).cloned().flatten().unwrap_or(Value::None);
                        f.stack.push(v);
                        Ok(())
                    }
                    Opcode::LOAD_DEREF => match super::cell_get(f, arg) {
                        Some(v) => {
                            f.stack.push(v);
                            Ok(())
                        }
                        None => Err(self.unbound_deref(f, arg)),
                    },
                    Opcode::STORE_DEREF => {
                        let v = pop!(f);
                        if let Some(Some(Value::Obj(c))) = f.fast.get(arg) {
                            if let Payload::Cell(cell) = &c.payload {
                                *cell.borrow_mut() = Some(v);
                            }
                        }
                        Ok(())
                    }
                    Opcode::CONTAINS_OP => {
                        let b = pop!(f);
                        let a = pop!(f);
                        match self.contains(&b, &a) {
                            Ok(r) => {
                                push(&mut frames, Value::Bool(r != (arg == 1)));
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::UNARY_NOT => {
                        let v = pop!(f);
                        match self.is_true(&v) {
                            Ok(b) => {
                                push(&mut frames, Value::Bool(!b));
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::SWAP => {
                        let n = f.stack.len();
                        if arg >= 1 && arg <= n {
                            f.stack.swap(n - 1, n - arg);
                        }
                        Ok(())
                    }
                    Opcode::COPY => {
                        let n = f.stack.len();
                        let v = if arg >= 1 && arg <= n {
                            f.stack[n - arg].clone()
                        } else {
                            Value::None
                        };
                        f.stack.push(v);
                        Ok(())
                    }
                    Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                        let v = top!(f).clone();
                        match self.is_true(&v) {
                            Ok(t) => {
                                if let Some(f) = frames.last_mut() {
                                    if t == (ins.op == Opcode::JUMP_IF_TRUE_OR_POP) {
                                        f.pc += arg;
                                    } else {
                                        f.stack.pop();
                                    }
                                }
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::GET_ITER => {
                        let v = pop!(f);
                        match self.get_iter(&v) {
                            Ok(it) => {
                                push(&mut frames, it);
                                Ok(())
                            }
                            Err(e) => Err(e),
                        }
                    }
                    Opcode::UNPACK_SEQUENCE => {
                        let v = pop!(f);
                        // Fast path (CPython 3.11's UNPACK_SEQUENCE_TUPLE/LIST):
                        // an exact tuple or list of the right length is pushed
                        // straight from its storage, with no temporary Vec.
                        let done = match v.payload() {
                            Some(Payload::Tuple(t)) if t.len() == arg && !self.is_heap(&v) => {
                                f.stack.extend(t.iter().rev().cloned());
                                true
                            }
                            Some(Payload::List(l)) if !self.is_heap(&v) => {
                                let l = l.borrow();
                                let fits = l.len() == arg;
                                if fits {
                                    f.stack.extend(l.iter().rev().cloned());
                                }
                                fits
                            }
                            _ => false,
                        };
                        if done {
                            Ok(())
                        } else {
                            match self.unpack(&v, arg, None) {
                                Ok(items) => {
                                    if let Some(f) = frames.last_mut() {
                                        f.stack.extend(items.into_iter().rev());
                                    }
                                    Ok(())
                                }
                                Err(e) => Err(e),
                            }
                        }
                    }
                    Opcode::BUILD_TUPLE => {
                        let at = f.stack.len().saturating_sub(arg);
                        let items = f.stack.split_off(at);
                        f.stack.push(self.new_tuple(items));
                        Ok(())
                    }
                    Opcode::BUILD_LIST => {
                        let at = f.stack.len().saturating_sub(arg);
                        let items = f.stack.split_off(at);
                        f.stack.push(self.new_list(items));
                        Ok(())
                    }
                    Opcode::LIST_APPEND => {
                        let v = pop!(f);
                        let n = f.stack.len();
                        if let Some(l) = n.checked_sub(arg).and_then(|i| f.stack.get(i)) {
                            if let Some(Payload::List(items)) = l.payload() {
                                items.borrow_mut().push(v);
                            }
                        }
                        Ok(())
                    }
                    Opcode::KW_NAMES => {
                        f.kwnames = f.code.consts.get(arg).cloned();
                        Ok(())
                    }
                    Opcode::RETURN_VALUE => {
                        let v = f.stack.pop().unwrap_or(Value::None);
                        let done = frames.pop();
                        self.leave();
                        match frames.last_mut() {
                            Some(caller) => {
                                caller.stack.push(v);
                                if let Some(d) = done {
                                    self.frame_pool.recycle(d);
                                }
                                Ok(())
                            }
                            None => {
                                if let Some(d) = done {
                                    self.frame_pool.recycle(d);
                                }
                                self.frame_pool.recycle_stack(frames);
                                return (None, Ok(Exit::Return(v)));
                            }
                        }
                    }
                    _ => slow!(),
                };
                if let Err(e) = r {
                    pending = Some((e, false));
                    continue 'unwind;
                }
            }
        }
    }
}

/// Pushes onto the current frame's stack.
#[inline(always)]
fn push(frames: &mut [Frame], v: Value) {
    if let Some(f) = frames.last_mut() {
        f.stack.push(v);
    }
}

/// Pushes two values onto the current frame's stack.
#[inline(always)]
fn push2(frames: &mut [Frame], a: Value, b: Value) {
    if let Some(f) = frames.last_mut() {
        f.stack.push(a);
        f.stack.push(b);
    }
}

/// Whether `op` pops a value and jumps on its truth.
#[inline(always)]
fn is_bool_jump(op: Opcode) -> bool {
    matches!(
        op,
        Opcode::POP_JUMP_FORWARD_IF_FALSE
            | Opcode::POP_JUMP_FORWARD_IF_TRUE
            | Opcode::POP_JUMP_BACKWARD_IF_FALSE
            | Opcode::POP_JUMP_BACKWARD_IF_TRUE
    )
}

/// COMPARE_OP's oparg applied to two floats (IEEE: NaN compares unequal).
#[inline(always)]
fn float_cmp(x: f64, y: f64, op: usize) -> bool {
    match op {
        0 => x < y,
        1 => x <= y,
        2 => x == y,
        3 => x != y,
        4 => x > y,
        _ => x >= y,
    }
}

impl Vm {
    /// Exception unwinding (ceval's `error:` + `exception_unwind:`): finds
    /// the handler in the frame's exception table, popping frames that have
    /// none. Some(result) when no frame of this `execute` handles it.
    #[cold]
    #[inline(never)]
    fn unwind(
        &mut self,
        frames: &mut Vec<Frame>,
        err: PyErr,
        mut reraise: bool,
        lookup_at: &mut Option<usize>,
    ) -> Option<(Option<Frame>, PyResult<Exit>)> {
        loop {
            let Some(f) = frames.last_mut() else {
                return Some((None, Err(err)));
            };
            if !reraise {
                self.note_raise(&err, f);
            }
            let at = lookup_at.take().unwrap_or(f.lasti);
            match exceptiontable::find_handler(&f.code.obj.exceptiontable, at as u32) {
                Some(h) => {
                    f.stack.truncate(h.depth as usize);
                    if h.lasti {
                        f.stack.push(Value::Int(f.lasti as i64));
                    }
                    f.stack.push(err.value());
                    f.pc = (h.target / 2) as usize;
                    return None;
                }
                None => {
                    let done = frames.pop();
                    self.leave();
                    if frames.is_empty() {
                        return Some((done, Err(err)));
                    }
                    reraise = false;
                }
            }
        }
    }
}
