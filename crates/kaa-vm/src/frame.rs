//! `Frame`: one activation of a code object — its fast locals (locals,
//! cells and free variables, as `co_localsplusnames` orders them), value
//! stack and position.

use std::rc::Rc;

use crate::code::CodeInfo;
use crate::object::ObjRef;
use crate::value::Value;

/// A running (or suspended) code object.
pub struct Frame {
    /// The code.
    pub code: Rc<CodeInfo>,
    /// The fast slots (None: unbound).
    pub fast: Vec<Option<Value>>,
    /// The value stack.
    pub stack: Vec<Value>,
    /// The next code unit to run.
    pub pc: usize,
    /// The code unit of the instruction running (f_lasti / 2).
    pub lasti: usize,
    /// The globals dict.
    pub globals: ObjRef,
    /// The locals mapping for module and class bodies (LOAD_NAME).
    pub locals: Option<Value>,
    /// The function being run (for its closure).
    pub func: Option<ObjRef>,
    /// KW_NAMES' tuple for the next CALL.
    pub kwnames: Option<Value>,
}

/// Spare (fast, stack) buffers of finished frames, reused by new frames so
/// that a call allocates nothing (CPython allocates frames in a per-thread
/// data stack for the same reason).
#[derive(Default)]
pub struct FramePool {
    bufs: Vec<(Vec<Option<Value>>, Vec<Value>)>,
    /// Spare frame stacks of finished `execute` runs (native code calling
    /// Python, e.g. `__init__` or an operator's dunder, runs one each).
    stacks: Vec<Vec<Frame>>,
}

/// How many spare buffer pairs the pool keeps.
const POOL_MAX: usize = 64;

impl FramePool {
    /// An empty frame stack for `execute`: a recycled one if any.
    #[inline]
    pub fn take_stack(&mut self) -> Vec<Frame> {
        self.stacks.pop().unwrap_or_else(|| Vec::with_capacity(4))
    }

    /// Takes back an `execute` frame stack (its frames dropped now).
    #[inline]
    pub fn recycle_stack(&mut self, mut frames: Vec<Frame>) {
        if self.stacks.len() < POOL_MAX {
            frames.clear();
            self.stacks.push(frames);
        }
    }

    /// Empty (fast, stack) buffers: recycled ones if any.
    #[inline]
    pub fn take(&mut self) -> (Vec<Option<Value>>, Vec<Value>) {
        self.bufs.pop().unwrap_or_default()
    }

    /// Takes back a finished frame's buffers (emptied: its values are
    /// dropped now, as when the frame is freed).
    pub fn recycle(&mut self, f: Frame) {
        if self.bufs.len() < POOL_MAX {
            let Frame {
                mut fast,
                mut stack,
                ..
            } = f;
            fast.clear();
            stack.clear();
            self.bufs.push((fast, stack));
        }
    }
}

impl Frame {
    /// A frame at the start of `code`, with buffers from `pool`.
    pub fn pooled(
        pool: &mut FramePool,
        code: Rc<CodeInfo>,
        globals: ObjRef,
        locals: Option<Value>,
        func: Option<ObjRef>,
    ) -> Frame {
        let Some((mut fast, mut stack)) = pool.bufs.pop() else {
            return Frame::new(code, globals, locals, func);
        };
        fast.resize(code.varnames.len(), None);
        stack.reserve(code.obj.stacksize as usize + 1);
        Frame {
            stack,
            fast,
            code,
            pc: 0,
            lasti: 0,
            globals,
            locals,
            func,
            kwnames: None,
        }
    }

    /// A frame at the start of `code`.
    pub fn new(
        code: Rc<CodeInfo>,
        globals: ObjRef,
        locals: Option<Value>,
        func: Option<ObjRef>,
    ) -> Frame {
        let n = code.varnames.len();
        Frame {
            stack: Vec::with_capacity(code.obj.stacksize as usize + 1),
            fast: vec![None; n],
            code,
            pc: 0,
            lasti: 0,
            globals,
            locals,
            func,
            kwnames: None,
        }
    }
}
