//! `__del__`: an instance of a class defining `__del__` whose last
//! reference goes is not freed at once. `Object::drop` (which must run no
//! Python code) moves its contents into a new object queued here, and the
//! interpreter loop calls `__del__` on it before its next instruction, as
//! CPython's `slot_tp_finalize` runs at deallocation. A finalized object is
//! remembered so its own drop later does not queue it again.
//!
//! The loop's per-instruction check reads one thread-local counter of
//! queued finalizations (objects here and suspended generators dropped,
//! generator.rs; of every Vm on the thread, each Vm draining its own
//! queues), which costs less than reaching the Vm's queues.

use std::cell::{Cell, RefCell};
use std::collections::{HashSet, VecDeque};
use std::rc::Rc;

use crate::object::{ObjRef, Object, Payload};
use crate::types::{lookup_user, type_data};
use crate::value::Value;
use crate::vm::Vm;

thread_local! {
    /// Objects queued for `__del__` on this thread and not yet finalized.
    static QUEUED: Cell<usize> = const { Cell::new(0) };
}

/// Objects waiting for their `__del__`, shared by the Vm and the classes
/// that define `__del__`.
#[derive(Default)]
pub struct DelState {
    /// Whether finalizers are running (they are not re-entered from the
    /// `__del__` code itself, so they run in queue order).
    running: Cell<bool>,
    /// The resurrected objects, in the order they were dropped.
    queue: RefCell<VecDeque<ObjRef>>,
    /// Addresses of objects whose `__del__` has run (or is queued).
    finalized: RefCell<HashSet<usize>>,
}

/// A handle on the Vm's [`DelState`].
pub type DelQueue = Rc<DelState>;

/// Called by `Object::drop` for instances of Python classes: when the class
/// has `__del__` and the object was not finalized yet, moves the object's
/// contents into a queued copy and returns true (nothing is left to free).
pub(crate) fn on_drop(obj: &mut Object) -> bool {
    let Some(q) = obj
        .class
        .as_ref()
        .and_then(type_data)
        .and_then(|d| d.del_queue.clone())
    else {
        return false;
    };
    let addr = obj as *const Object as usize;
    let Ok(mut fin) = q.finalized.try_borrow_mut() else {
        return false;
    };
    if fin.remove(&addr) {
        return false;
    }
    let (Some(class), dict) = (obj.class.take(), obj.dict.take()) else {
        return false;
    };
    let payload = std::mem::replace(&mut obj.payload, Payload::Plain);
    let copy = match dict {
        Some(d) => ObjRef::with_dict(class, payload, d),
        None => ObjRef::new(class, payload),
    };
    fin.insert(copy.id());
    drop(fin);
    if let Ok(mut queue) = q.queue.try_borrow_mut() {
        queue.push_back(copy);
        note_queued();
    }
    true
}

/// Runs the queued finalizations, if any: dropped suspended generators
/// are closed, then `__del__` methods run (the interpreter loop calls this
/// before each instruction).
#[inline]
pub(crate) fn drain(vm: &mut Vm) {
    if QUEUED.with(|n| n.get()) != 0 {
        vm.finalize_generators();
        vm.run_finalizers();
    }
}

/// Counts one more queued finalization (a generator frame to close).
pub(crate) fn note_queued() {
    QUEUED.with(|n| n.set(n.get() + 1));
}

/// Counts one queued finalization done.
pub(crate) fn note_done() {
    QUEUED.with(|n| n.set(n.get().saturating_sub(1)));
}

impl Vm {
    /// Calls `__del__` on every queued object; an exception is printed as
    /// CPython's "Exception ignored in" report and otherwise ignored.
    #[inline(never)]
    fn run_finalizers(&mut self) {
        let q = self.del_queue.clone();
        if q.running.get() {
            return;
        }
        q.running.set(true);
        loop {
            let next = match q.queue.try_borrow_mut() {
                Ok(mut v) => v.pop_front(),
                Err(_) => return,
            };
            let Some(o) = next else { break };
            note_done();
            let Some(t) = o.class.clone() else { continue };
            let Some(del) = lookup_user(&t, "__del__") else {
                continue;
            };
            let this = Value::Obj(o);
            self.exc_stack.push(Value::None);
            let r = self.call(&del, &[this]);
            self.exc_stack.pop();
            if let Err(e) = r {
                let what = self.repr_of(&del).unwrap_or_default();
                let tb = self.format_exception(&e);
                self.write_stderr(&format!("Exception ignored in: {what}\n{tb}"));
            }
        }
        q.running.set(false);
    }

    /// The queue a class defining `__del__` shares with this Vm.
    pub(crate) fn del_queue_handle(&self) -> DelQueue {
        self.del_queue.clone()
    }
}
