//! Generators: a suspended frame resumed by `next`/`send`/`throw`/`close`
//! (each resumption re-enters the interpreter loop, counted against the
//! recursion limit as CPython 3.11's gen_send_ex), with the generator's own
//! exception state and PEP 479's "generator raised StopIteration".

use kaa_bytecode::Opcode;

use crate::exceptions::{PyErr, PyResult};
use crate::frame::Frame;
use crate::interp::Exit;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// Which kind of generator object a frame with RETURN_GENERATOR makes
/// (its code's CO_GENERATOR / CO_COROUTINE / CO_ASYNC_GENERATOR flag).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    /// A `generator`.
    Generator,
    /// A `coroutine` (`async def`).
    Coroutine,
    /// An `async_generator` (`async def` with `yield`).
    AsyncGenerator,
}

impl GenKind {
    /// The type's name, as CPython's messages spell it.
    pub fn type_name(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async_generator",
        }
    }

    /// The noun CPython's generator messages use.
    fn noun(self) -> &'static str {
        match self {
            GenKind::Generator => "generator",
            GenKind::Coroutine => "coroutine",
            GenKind::AsyncGenerator => "async generator",
        }
    }
}

/// A generator's data.
pub struct GenData {
    /// Generator, coroutine or async generator.
    pub kind: GenKind,
    /// An async generator's `ag_running_async` (an asend/athrow awaitable
    /// is driving it).
    pub running_async: bool,
    /// An async generator's `ag_closed`.
    pub closed: bool,
    /// The suspended frame (None once finished or while running).
    pub frame: Option<Frame>,
    /// Whether it is running now.
    pub running: bool,
    /// Whether it has started.
    pub started: bool,
    /// `__name__`.
    pub name: String,
    /// `__qualname__`.
    pub qualname: String,
    /// The exception the generator is handling (its own exc_info).
    pub exc_state: Value,
    /// Where a suspended frame goes when the generator is dropped, so the
    /// Vm can close it (CPython finalises generators on deallocation).
    pub finalize: Option<FinalizeQueue>,
}

/// Frames of dropped, suspended generators waiting to be closed.
pub type FinalizeQueue = std::rc::Rc<std::cell::RefCell<Vec<Frame>>>;

impl Drop for GenData {
    fn drop(&mut self) {
        if !self.started || self.running {
            return;
        }
        if let (Some(frame), Some(q)) = (self.frame.take(), self.finalize.take()) {
            // Only a frame suspended inside a try block can run code when
            // closed.
            let covered = kaa_bytecode::exceptiontable::find_handler(
                &frame.code.obj.exceptiontable,
                frame.lasti as u32,
            )
            .is_some();
            if covered {
                if let Ok(mut q) = q.try_borrow_mut() {
                    q.push(frame);
                    crate::finalize::note_queued();
                }
            }
        }
    }
}

impl Vm {
    /// A generator over `frame` (positioned after RETURN_GENERATOR).
    pub(crate) fn new_generator(&mut self, mut frame: Frame) -> Value {
        let start = frame
            .code
            .instrs
            .iter()
            .position(|i| i.op == Opcode::RETURN_GENERATOR)
            .map_or(0, |p| p + 1);
        // The instructions before RETURN_GENERATOR set up cells.
        for k in 0..start.saturating_sub(1) {
            let Some(ins) = frame.code.instrs.get(k).copied() else {
                break;
            };
            match ins.op {
                Opcode::MAKE_CELL => self.op_make_cell(&mut frame, ins.arg as usize),
                Opcode::COPY_FREE_VARS => {
                    crate::interp::op_copy_free_vars(&mut frame, ins.arg as usize)
                }
                _ => {}
            }
        }
        frame.pc = start;
        let flags = frame.code.obj.flags;
        let kind = if flags & kaa_bytecode::code::CO_COROUTINE != 0 {
            GenKind::Coroutine
        } else if flags & kaa_bytecode::code::CO_ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        let ty = match kind {
            GenKind::Generator => self.types.generator.clone(),
            k => self
                .types
                .by_name
                .get(k.type_name())
                .cloned()
                .unwrap_or_else(|| self.types.generator.clone()),
        };
        let g = GenData {
            kind,
            running_async: false,
            closed: false,
            name: frame.code.name.clone(),
            qualname: frame.code.qualname.clone(),
            frame: Some(frame),
            running: false,
            started: false,
            exc_state: Value::None,
            finalize: Some(self.gen_finalize.clone()),
        };
        Value::Obj(ObjRef::new(
            ty,
            Payload::Generator(std::cell::RefCell::new(g)),
        ))
    }

    /// Resumes a generator with `value` (or by raising `throw` in it).
    pub(crate) fn gen_send(
        &mut self,
        gen: &Value,
        value: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        let Some(Payload::Generator(cell)) = gen.payload() else {
            return Err(self.type_error("not a generator"));
        };
        let kind = cell.borrow().kind;
        let (frame, exc_state) = {
            let mut g = cell.borrow_mut();
            if g.running {
                drop(g);
                return Err(self.value_error(format!("{} already executing", kind.noun())));
            }
            let Some(mut frame) = g.frame.take() else {
                drop(g);
                if let Some(e) = throw {
                    return Err(e);
                }
                if kind == GenKind::Coroutine {
                    return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                }
                return Ok(Exit::Return(Value::None));
            };
            if !g.started && !value.is_none() && throw.is_none() {
                g.frame = Some(frame);
                drop(g);
                return Err(self.type_error(format!(
                    "can't send non-None value to a just-started {}",
                    kind.noun()
                )));
            }
            if !g.started && throw.is_some() {
                // Throwing into a fresh generator raises at its start.
                g.started = true;
                drop(g);
                return Err(throw.unwrap_or_else(|| self.system_error("throw")));
            }
            g.started = true;
            g.running = true;
            if throw.is_none() {
                frame.stack.push(value);
            }
            (frame, g.exc_state.clone())
        };
        self.exc_stack.push(exc_state);
        let (frame, r) = self.execute(frame, throw);
        let exc_state = self.exc_stack.pop().unwrap_or(Value::None);
        {
            let mut g = cell.borrow_mut();
            g.running = false;
            g.exc_state = exc_state;
            if let (Ok(Exit::Yield(_)), Some(f)) = (&r, frame) {
                g.frame = Some(f);
            }
        }
        match r {
            Err(e)
                if self.err_matches(&e, "StopIteration")
                    || (kind == GenKind::AsyncGenerator
                        && self.err_matches(&e, "StopAsyncIteration")) =>
            {
                let what = if self.err_matches(&e, "StopIteration") {
                    "StopIteration"
                } else {
                    "StopAsyncIteration"
                };
                let re = self.runtime_error(format!("{} raised {what}", kind.noun()));
                if let Some(d) = re.data() {
                    *d.cause.borrow_mut() = e.value();
                    *d.context.borrow_mut() = e.value();
                    d.suppress_context.set(true);
                }
                Err(re)
            }
            r => r,
        }
    }

    /// Closes the frames of generators dropped while suspended (throws
    /// GeneratorExit into them, as gen_close on deallocation).
    pub(crate) fn finalize_generators(&mut self) {
        loop {
            let frame = match self.gen_finalize.try_borrow_mut() {
                Ok(mut q) => q.pop(),
                Err(_) => None,
            };
            let Some(frame) = frame else { break };
            crate::finalize::note_done();
            let exit = self.new_error_args("GeneratorExit", vec![]);
            self.exc_stack.push(Value::None);
            let _ = self.execute(frame, Some(exit));
            self.exc_stack.pop();
        }
    }

    /// SEND: one step of `yield from` / `await` on `recv`.
    pub(crate) fn send(&mut self, recv: &Value, v: Value) -> PyResult<Exit> {
        match recv.payload() {
            Some(Payload::Generator(_)) => return self.gen_send(recv, v, None),
            Some(Payload::Awaitable(_)) => return self.await_step(recv, v, None),
            _ => {}
        }
        if v.is_none() {
            return match self.iter_next_value(recv)? {
                Ok(x) => Ok(Exit::Yield(x)),
                Err(ret) => Ok(Exit::Return(ret)),
            };
        }
        let m = self.get_attr(recv, &self.new_str("send"))?;
        match self.call(&m, &[v]) {
            Ok(x) => Ok(Exit::Yield(x)),
            Err(e) if self.err_matches(&e, "StopIteration") => {
                let args = self.exc_args(&e.exc);
                Ok(Exit::Return(args.first().cloned().unwrap_or(Value::None)))
            }
            Err(e) => Err(e),
        }
    }

    /// `next(it)` keeping StopIteration's value: Ok(value) or Err(return value).
    fn iter_next_value(&mut self, it: &Value) -> PyResult<Result<Value, Value>> {
        if let Some(m) = self.user_method(it, "__next__") {
            return match self.call_dunder(&m, it, &[]) {
                Ok(v) => Ok(Ok(v)),
                Err(e) if self.err_matches(&e, "StopIteration") => {
                    let args = self.exc_args(&e.exc);
                    Ok(Err(args.first().cloned().unwrap_or(Value::None)))
                }
                Err(e) => Err(e),
            };
        }
        Ok(self.iter_next(it)?.ok_or(Value::None))
    }
}

fn gen_this(vm: &Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.this.payload() {
        Some(Payload::Generator(_)) => Ok(a.this.clone()),
        _ => Err(vm.type_error("descriptor requires a 'generator' object")),
    }
}

fn send(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = gen_this(vm, a)?;
    match vm.gen_send(&g, a.arg(0).clone(), None)? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = gen_this(vm, a)?;
    match vm.gen_send(&g, Value::None, None)? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.stop_iteration(v)),
    }
}

/// The exception `throw(typ, val=None, tb=None)` raises (also for the
/// awaitables of async generators).
pub(crate) fn throw_error(vm: &mut Vm, a: &Args<'_>) -> PyResult<PyErr> {
    let exc = match a.get(1) {
        Some(v) if !v.is_none() => {
            if matches!(v.payload(), Some(Payload::Exception(_))) {
                v.clone()
            } else {
                vm.call(a.arg(0), std::slice::from_ref(v))?
            }
        }
        _ => a.arg(0).clone(),
    };
    vm.exception_instance(exc)
}

fn throw(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = gen_this(vm, a)?;
    let err = throw_error(vm, a)?;
    match vm.gen_send(&g, Value::None, Some(err))? {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn close(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = gen_this(vm, a)?;
    let started = matches!(g.payload(), Some(Payload::Generator(c)) if c.borrow().started && c.borrow().frame.is_some());
    if !started {
        if let Some(Payload::Generator(c)) = g.payload() {
            c.borrow_mut().frame = None;
        }
        return Ok(Value::None);
    }
    let exit = vm.new_error_args("GeneratorExit", vec![]);
    match vm.gen_send(&g, Value::None, Some(exit)) {
        Ok(Exit::Yield(_)) => Err(vm.runtime_error("generator ignored GeneratorExit")),
        Ok(Exit::Return(_)) => Ok(Value::None),
        Err(e) if vm.err_matches(&e, "GeneratorExit") || vm.err_matches(&e, "StopIteration") => {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

/// The generator type's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("generator.send($self, value, /)", send),
    ("generator.__next__($self, /)", next),
    ("generator.throw($self, typ, val=None, tb=None, /)", throw),
    ("generator.close($self, /)", close),
];
