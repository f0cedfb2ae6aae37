//! Coroutines and async generators (CPython 3.11's Objects/genobject.c and
//! the async opcodes of Python/ceval.c): GET_AWAITABLE, GET_AITER,
//! GET_ANEXT, BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP, and the awaitable objects
//! `coroutine_wrapper` (`coro.__await__()`), `async_generator_asend`
//! (`__anext__`/`asend`), `async_generator_athrow` (`athrow`/`aclose`) and
//! `async_generator_wrapped_value` (what an async generator's `yield`
//! hands to its awaitable, to tell it from values passed through to the
//! event loop).

use std::cell::RefCell;

use kaa_bytecode::Opcode;

use crate::exceptions::{PyErr, PyResult};
use crate::frame::Frame;
use crate::generator::GenKind;
use crate::interp::Exit;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The state of an asend/athrow awaitable (AWAITABLE_STATE_*).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AwaitState {
    /// Not sent to yet.
    Init,
    /// Being iterated.
    Iter,
    /// Finished.
    Closed,
}

/// An awaitable built-in object.
pub enum AwaitData {
    /// `coroutine_wrapper`: iterates a coroutine.
    Wrapper(Value),
    /// `async_generator_wrapped_value`: a value an async generator yielded.
    Wrapped(Value),
    /// `async_generator_asend`: the generator and the value to send first.
    ASend(Value, Value, AwaitState),
    /// `async_generator_athrow`: the generator, the exception to throw
    /// (None: `aclose()`).
    AThrow(Value, Option<PyErr>, AwaitState),
}

/// The generator kind of a value, if it is a generator object.
pub(crate) fn gen_kind(v: &Value) -> Option<GenKind> {
    match v.payload() {
        Some(Payload::Generator(g)) => Some(g.borrow().kind),
        _ => None,
    }
}

impl Vm {
    fn new_awaitable(&self, type_name: &str, data: AwaitData) -> Value {
        let t = self
            .types
            .by_name
            .get(type_name)
            .cloned()
            .unwrap_or_else(|| self.types.object.clone());
        Value::Obj(ObjRef::new(t, Payload::Awaitable(RefCell::new(data))))
    }

    /// Whether `v` is an iterator (for `__await__`'s result).
    fn is_iterator(&self, v: &Value) -> bool {
        match v.payload() {
            Some(Payload::Iter(_) | Payload::Awaitable(_)) => true,
            Some(Payload::Generator(g)) => g.borrow().kind == GenKind::Generator,
            _ => self.user_method(v, "__next__").is_some(),
        }
    }

    /// `_PyCoro_GetAwaitableIter` plus GET_AWAITABLE's messages (`how`: 0
    /// `await`, 1 after `__aenter__`, 2 after `__aexit__`).
    pub(crate) fn get_awaitable(&mut self, v: &Value, how: usize) -> PyResult<Value> {
        match v.payload() {
            Some(Payload::Generator(g)) if g.borrow().kind == GenKind::Coroutine => {
                return Ok(v.clone())
            }
            Some(Payload::Awaitable(a)) if !matches!(&*a.borrow(), AwaitData::Wrapped(_)) => {
                return Ok(v.clone())
            }
            _ => {}
        }
        let t = self.type_of(v);
        let Some(m) = crate::types::lookup(&t, "__await__") else {
            let tn = self.type_name(v);
            return Err(self.type_error(match how {
                1 => format!(
                    "'async with' received an object from __aenter__ that does not implement __await__: {tn}"
                ),
                2 => format!(
                    "'async with' received an object from __aexit__ that does not implement __await__: {tn}"
                ),
                _ => format!("object {tn} can't be used in 'await' expression"),
            }));
        };
        let r = self.call(&m, std::slice::from_ref(v))?;
        if gen_kind(&r) == Some(GenKind::Coroutine) {
            return Err(self.type_error("__await__() returned a coroutine"));
        }
        if !self.is_iterator(&r) {
            return Err(self.type_error(format!(
                "__await__() returned non-iterator of type '{}'",
                self.type_name(&r)
            )));
        }
        Ok(r)
    }

    /// The async opcodes that only work on the value stack.
    pub(crate) fn op_async(&mut self, f: &mut Frame, op: Opcode, arg: usize) -> PyResult<()> {
        match op {
            Opcode::GET_AWAITABLE => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let r = self.get_awaitable(&v, arg)?;
                f.stack.push(r);
            }
            Opcode::ASYNC_GEN_WRAP => {
                let v = f.stack.pop().unwrap_or(Value::None);
                let w = self.new_awaitable("async_generator_wrapped_value", AwaitData::Wrapped(v));
                f.stack.push(w);
            }
            Opcode::GET_AITER => {
                let obj = f.stack.pop().unwrap_or(Value::None);
                let t = self.type_of(&obj);
                let Some(m) = crate::types::lookup(&t, "__aiter__") else {
                    return Err(self.type_error(format!(
                        "'async for' requires an object with __aiter__ method, got {}",
                        self.type_name(&obj)
                    )));
                };
                let it = self.call(&m, std::slice::from_ref(&obj))?;
                let it_t = self.type_of(&it);
                if crate::types::lookup(&it_t, "__anext__").is_none() {
                    return Err(self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        self.type_name(&it)
                    )));
                }
                f.stack.push(it);
            }
            Opcode::GET_ANEXT => {
                let aiter = f.stack.last().cloned().unwrap_or(Value::None);
                let aw = if gen_kind(&aiter) == Some(GenKind::AsyncGenerator) {
                    self.new_awaitable(
                        "async_generator_asend",
                        AwaitData::ASend(aiter, Value::None, AwaitState::Init),
                    )
                } else {
                    let t = self.type_of(&aiter);
                    let Some(m) = crate::types::lookup(&t, "__anext__") else {
                        return Err(self.type_error(format!(
                            "'async for' requires an iterator with __anext__ method, got {}",
                            self.type_name(&aiter)
                        )));
                    };
                    let next = self.call(&m, std::slice::from_ref(&aiter))?;
                    match self.get_awaitable(&next, 0) {
                        Ok(a) => a,
                        Err(e) => {
                            let err = self.type_error(format!(
                                "'async for' received an invalid object from __anext__: {}",
                                self.type_name(&next)
                            ));
                            if let Some(d) = err.data() {
                                *d.cause.borrow_mut() = e.value();
                                *d.context.borrow_mut() = e.value();
                                d.suppress_context.set(true);
                            }
                            return Err(err);
                        }
                    }
                };
                f.stack.push(aw);
            }
            Opcode::BEFORE_ASYNC_WITH => {
                let mgr = f.stack.pop().unwrap_or(Value::None);
                let t = self.type_of(&mgr);
                let tn = self.type_name(&mgr);
                let Some(enter) = crate::types::lookup(&t, "__aenter__") else {
                    return Err(self.type_error(format!(
                        "'{tn}' object does not support the asynchronous context manager protocol"
                    )));
                };
                let Some(exit) = crate::types::lookup(&t, "__aexit__") else {
                    return Err(self.type_error(format!(
                        "'{tn}' object does not support the asynchronous context manager protocol (missed __aexit__ method)"
                    )));
                };
                let exit = self.bind_method(exit, mgr.clone());
                f.stack.push(exit);
                let r = self.call(&enter, std::slice::from_ref(&mgr))?;
                f.stack.push(r);
            }
            _ => return Err(self.system_error(format!("op_async: {}", op.name()))),
        }
        Ok(())
    }

    /// One step of a built-in awaitable: send `value` (or throw `throw`).
    /// `Return(v)` means the await finished with `v` (StopIteration(v)).
    pub(crate) fn await_step(
        &mut self,
        aw: &Value,
        value: Value,
        throw: Option<PyErr>,
    ) -> PyResult<Exit> {
        let Some(Payload::Awaitable(cell)) = aw.payload() else {
            return Err(self.type_error("not an awaitable"));
        };
        let (gen, state, first, thrown, is_asend) = match &*cell.borrow() {
            AwaitData::Wrapper(c) => {
                let c = c.clone();
                return self.gen_send(&c, value, throw);
            }
            AwaitData::Wrapped(_) => {
                return Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(aw)
                )))
            }
            AwaitData::ASend(g, v, st) => (g.clone(), *st, v.clone(), None, true),
            AwaitData::AThrow(g, e, st) => (g.clone(), *st, Value::None, e.clone(), false),
        };
        let set_state = |s: AwaitState| {
            if let AwaitData::ASend(_, _, st) | AwaitData::AThrow(_, _, st) =
                &mut *cell.borrow_mut()
            {
                *st = s;
            }
        };
        let Some(Payload::Generator(gcell)) = gen.payload() else {
            return Err(self.system_error("awaitable of a non-generator"));
        };
        if is_asend {
            // async_gen_asend_send / async_gen_asend_throw
            if state == AwaitState::Closed {
                return Err(self.runtime_error("cannot reuse already awaited __anext__()/asend()"));
            }
            let mut v = value;
            if state == AwaitState::Init && throw.is_none() {
                if gcell.borrow().running_async {
                    set_state(AwaitState::Closed);
                    return Err(
                        self.runtime_error("anext(): asynchronous generator is already running")
                    );
                }
                if v.is_none() {
                    v = first;
                }
                set_state(AwaitState::Iter);
            }
            gcell.borrow_mut().running_async = true;
            let r = self.gen_send(&gen, v, throw);
            let r = self.unwrap_agen_value(&gen, r);
            if !matches!(r, Ok(Exit::Yield(_))) {
                set_state(AwaitState::Closed);
            }
            return r;
        }
        // async_gen_athrow_send / async_gen_athrow_throw
        let aclose = thrown.is_none();
        if state == AwaitState::Closed {
            return Err(self.runtime_error("cannot reuse already awaited aclose()/athrow()"));
        }
        let r = if state == AwaitState::Init && throw.is_none() {
            if gcell.borrow().running_async {
                set_state(AwaitState::Closed);
                return Err(self.runtime_error(if aclose {
                    "aclose(): asynchronous generator is already running"
                } else {
                    "athrow(): asynchronous generator is already running"
                }));
            }
            if gcell.borrow().closed {
                set_state(AwaitState::Closed);
                return Err(self.new_error_args("StopAsyncIteration", vec![]));
            }
            if !value.is_none() {
                return Err(
                    self.runtime_error("can't send non-None value to a just-started coroutine")
                );
            }
            set_state(AwaitState::Iter);
            {
                let mut g = gcell.borrow_mut();
                g.running_async = true;
                if aclose {
                    g.closed = true;
                }
            }
            let exc = match thrown {
                Some(e) => e,
                None => self.new_error_args("GeneratorExit", vec![]),
            };
            self.gen_send(&gen, Value::None, Some(exc))
        } else {
            self.gen_send(&gen, value, throw)
        };
        if !aclose {
            let r = self.unwrap_agen_value(&gen, r);
            if !matches!(r, Ok(Exit::Yield(_))) {
                set_state(AwaitState::Closed);
            }
            return r;
        }
        match r {
            Ok(Exit::Yield(y)) if !is_wrapped(&y) => Ok(Exit::Yield(y)),
            Ok(Exit::Yield(_)) => {
                gcell.borrow_mut().running_async = false;
                set_state(AwaitState::Closed);
                Err(self.runtime_error("async generator ignored GeneratorExit"))
            }
            Ok(Exit::Return(_)) => {
                gcell.borrow_mut().running_async = false;
                set_state(AwaitState::Closed);
                Ok(Exit::Return(Value::None))
            }
            Err(e) => {
                gcell.borrow_mut().running_async = false;
                set_state(AwaitState::Closed);
                if self.err_matches(&e, "StopAsyncIteration")
                    || self.err_matches(&e, "GeneratorExit")
                {
                    Ok(Exit::Return(Value::None))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// async_gen_unwrap_value: a wrapped yield ends the await with its
    /// value; the generator's return is StopAsyncIteration.
    fn unwrap_agen_value(&mut self, gen: &Value, r: PyResult<Exit>) -> PyResult<Exit> {
        let Some(Payload::Generator(g)) = gen.payload() else {
            return r;
        };
        match r {
            Ok(Exit::Yield(y)) => match y.payload() {
                Some(Payload::Awaitable(a)) if matches!(&*a.borrow(), AwaitData::Wrapped(_)) => {
                    g.borrow_mut().running_async = false;
                    let inner = match &*a.borrow() {
                        AwaitData::Wrapped(v) => v.clone(),
                        _ => Value::None,
                    };
                    Ok(Exit::Return(inner))
                }
                _ => Ok(Exit::Yield(y)),
            },
            Ok(Exit::Return(_)) => {
                let mut gd = g.borrow_mut();
                gd.closed = true;
                gd.running_async = false;
                drop(gd);
                Err(self.new_error_args("StopAsyncIteration", vec![]))
            }
            Err(e) => {
                let mut gd = g.borrow_mut();
                if self.err_matches(&e, "StopAsyncIteration")
                    || self.err_matches(&e, "GeneratorExit")
                {
                    gd.closed = true;
                }
                gd.running_async = false;
                Err(e)
            }
        }
    }
}

fn is_wrapped(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Awaitable(a)) if matches!(&*a.borrow(), AwaitData::Wrapped(_)))
}

fn this_awaitable(vm: &Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.this.payload() {
        Some(Payload::Awaitable(_)) => Ok(a.this.clone()),
        _ => Err(vm.type_error("descriptor requires an awaitable object")),
    }
}

fn exit_value(vm: &Vm, r: Exit) -> PyResult<Value> {
    match r {
        Exit::Yield(v) => Ok(v),
        Exit::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn aw_send(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let aw = this_awaitable(vm, a)?;
    let r = vm.await_step(&aw, a.arg(0).clone(), None)?;
    exit_value(vm, r)
}

fn aw_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let aw = this_awaitable(vm, a)?;
    let r = vm.await_step(&aw, Value::None, None)?;
    exit_value(vm, r)
}

fn aw_throw(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let aw = this_awaitable(vm, a)?;
    let err = crate::generator::throw_error(vm, a)?;
    let r = vm.await_step(&aw, Value::None, Some(err))?;
    exit_value(vm, r)
}

fn aw_close(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let aw = this_awaitable(vm, a)?;
    if let Some(Payload::Awaitable(c)) = aw.payload() {
        match &mut *c.borrow_mut() {
            AwaitData::ASend(_, _, st) | AwaitData::AThrow(_, _, st) => *st = AwaitState::Closed,
            AwaitData::Wrapper(coro) => {
                let coro = coro.clone();
                let close = vm.get_attr(&coro, &vm.new_str("close"))?;
                return vm.call(&close, &[]);
            }
            AwaitData::Wrapped(_) => {}
        }
    }
    Ok(Value::None)
}

fn identity(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let _ = vm;
    Ok(a.this.clone())
}

fn agen_this(vm: &Vm, a: &Args<'_>) -> PyResult<Value> {
    match gen_kind(&a.this) {
        Some(GenKind::AsyncGenerator) => Ok(a.this.clone()),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

fn agen_anext(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = agen_this(vm, a)?;
    Ok(vm.new_awaitable(
        "async_generator_asend",
        AwaitData::ASend(g, Value::None, AwaitState::Init),
    ))
}

fn agen_asend(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = agen_this(vm, a)?;
    Ok(vm.new_awaitable(
        "async_generator_asend",
        AwaitData::ASend(g, a.arg(0).clone(), AwaitState::Init),
    ))
}

fn agen_athrow(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = agen_this(vm, a)?;
    let err = crate::generator::throw_error(vm, a)?;
    Ok(vm.new_awaitable(
        "async_generator_athrow",
        AwaitData::AThrow(g, Some(err), AwaitState::Init),
    ))
}

fn agen_aclose(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = agen_this(vm, a)?;
    Ok(vm.new_awaitable(
        "async_generator_athrow",
        AwaitData::AThrow(g, None, AwaitState::Init),
    ))
}

fn coro_await(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match gen_kind(&a.this) {
        Some(GenKind::Coroutine) => {
            Ok(vm.new_awaitable("coroutine_wrapper", AwaitData::Wrapper(a.this.clone())))
        }
        _ => Err(vm.type_error("descriptor '__await__' requires a 'coroutine' object")),
    }
}

/// `coroutine`'s methods (send/throw/close are the generator's).
const CORO_METHODS: &[(&str, NativeFn)] = &[("coroutine.__await__($self, /)", coro_await)];

/// `async_generator`'s methods.
const AGEN_METHODS: &[(&str, NativeFn)] = &[
    ("async_generator.__aiter__($self, /)", identity),
    ("async_generator.__anext__($self, /)", agen_anext),
    ("async_generator.asend($self, value, /)", agen_asend),
    (
        "async_generator.athrow($self, typ, val=None, tb=None, /)",
        agen_athrow,
    ),
    ("async_generator.aclose($self, /)", agen_aclose),
];

/// The methods of the awaitable objects.
const AWAITABLE_METHODS: &[(&str, NativeFn)] = &[
    ("awaitable.send($self, value, /)", aw_send),
    ("awaitable.__next__($self, /)", aw_next),
    (
        "awaitable.throw($self, typ, val=None, tb=None, /)",
        aw_throw,
    ),
    ("awaitable.close($self, /)", aw_close),
    ("awaitable.__iter__($self, /)", identity),
    ("awaitable.__await__($self, /)", identity),
];

fn set_methods(vm: &Vm, type_name: &str, methods: &[(&str, NativeFn)]) {
    let Some(t) = vm.types.by_name.get(type_name).cloned() else {
        return;
    };
    let Some(d) = crate::types::type_data(&t) else {
        return;
    };
    for (sig, f) in methods {
        let sig = sig.replacen("awaitable.", &format!("{type_name}."), 1);
        let b = crate::builtins::make_builtin(vm, &sig, *f);
        let raw = sig.split('(').next().unwrap_or("");
        let name = raw.rsplit('.').next().unwrap_or(raw);
        d.set_own(vm.new_str(name), b);
    }
}

/// Fills the dicts of the coroutine, async generator and awaitable types.
pub fn install(vm: &mut Vm) {
    let gen_methods = crate::generator::METHODS
        .iter()
        .filter(|(s, _)| !s.contains("__next__"));
    let coro: Vec<(String, NativeFn)> = gen_methods
        .map(|(s, f)| (s.replacen("generator.", "coroutine.", 1), *f))
        .collect();
    let coro: Vec<(&str, NativeFn)> = coro.iter().map(|(s, f)| (s.as_str(), *f)).collect();
    set_methods(vm, "coroutine", &coro);
    set_methods(vm, "coroutine", CORO_METHODS);
    set_methods(vm, "async_generator", AGEN_METHODS);
    for t in [
        "coroutine_wrapper",
        "async_generator_asend",
        "async_generator_athrow",
    ] {
        set_methods(vm, t, AWAITABLE_METHODS);
    }
}
