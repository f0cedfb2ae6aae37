//! `Vm`: all interpreter state (no globals, so two Vms can live in one
//! process), value constructors, and the public entry points the `kaa`
//! binary calls.

use kaa_bytecode::CodeObject;

use crate::code::CodeInfo;
use crate::dicttable::DictTable;
use crate::exceptions::{PyErr, PyResult};
use crate::object::{ModuleData, ObjRef, Payload};
use crate::settable::SetTable;
use crate::strobj::StrData;
use crate::types::{type_data, Types};
use crate::value::Value;

/// Options for a new Vm.
#[derive(Clone, Default)]
pub struct VmOptions {
    /// `sys.argv`.
    pub argv: Vec<String>,
    /// Keep standard output and `sys.stderr` writes in memory
    /// (`take_captured`, `take_captured_stderr`) instead of writing them
    /// (tests, embedding).
    pub capture_stdout: bool,
    /// The compiler `compile()`, `exec`, `eval` and imports call (None:
    /// they raise NotImplementedError).
    pub compiler: Option<std::rc::Rc<dyn crate::compilehook::Compiler>>,
    /// How imports find modules and use the bytecode cache (`sys.path`,
    /// `-B`, `-O`, pycache prefix).
    pub import: crate::import::ImportOptions,
    /// `sys.flags`.
    pub sys_flags: crate::sysmodule::SysFlags,
    /// How standard output is buffered (`-u`, a terminal, a pipe).
    pub stdout_buffering: crate::stdio::Buffering,
    /// Set by the embedder's SIGINT handler; the loop turns it into
    /// KeyboardInterrupt (crate::signals).
    pub interrupt: Option<std::sync::Arc<std::sync::atomic::AtomicBool>>,
}

impl std::fmt::Debug for VmOptions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("VmOptions")
            .field("argv", &self.argv)
            .field("capture_stdout", &self.capture_stdout)
            .field("compiler", &self.compiler.as_ref().map(|_| "<compiler>"))
            .field("import", &self.import)
            .field("sys_flags", &self.sys_flags)
            .field("stdout_buffering", &self.stdout_buffering)
            .field("interrupt", &self.interrupt)
            .finish()
    }
}

/// The recursion limit `sys.getrecursionlimit()` starts with.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

/// One Python interpreter.
pub struct Vm {
    /// The built-in types.
    pub types: Types,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `NotImplemented`.
    pub not_implemented: Value,
    /// `Ellipsis`.
    pub ellipsis: Value,
    /// The NULL marker the value stack holds (PUSH_NULL).
    pub(crate) null: Value,
    /// `()`.
    pub(crate) empty_tuple: Value,
    /// The str "__setattr__" (the attribute cache key of STORE_ATTR's hook
    /// lookup).
    pub(crate) setattr_name: Value,
    /// Buffered standard output.
    pub(crate) out: Vec<u8>,
    /// Python frames and native re-entries currently active.
    pub(crate) depth: usize,
    /// `sys.getrecursionlimit()`.
    pub(crate) recursion_limit: usize,
    /// The exceptions being handled (`sys.exc_info()` is the topmost
    /// non-None), one entry per running generator plus the base.
    pub(crate) exc_stack: Vec<Value>,
    /// Objects whose repr is being computed (recursive containers).
    pub(crate) repr_stack: Vec<usize>,
    /// The options the Vm was made with.
    pub(crate) options: VmOptions,
    /// The `__main__` module's globals, once running.
    pub(crate) main_globals: Option<ObjRef>,
    /// The `sys` module.
    pub(crate) sys_module: Option<ObjRef>,
    /// Captured standard output.
    pub(crate) captured: Vec<u8>,
    /// Captured `sys.stderr` writes.
    pub(crate) captured_err: String,
    /// Suspended frames of dropped generators, to be closed.
    pub(crate) gen_finalize: crate::generator::FinalizeQueue,
    /// Buffers of finished frames, reused by new frames.
    pub(crate) frame_pool: crate::frame::FramePool,
    /// Interned identifier strs (code names, identifier-like constants):
    /// one str object per text, so name lookups hit the identity test.
    pub(crate) interned: crate::code::InternTable,
    /// Cached MRO lookups (CPython's method cache).
    pub(crate) attr_cache: crate::attrcache::AttrCache,
    /// Objects waiting for their `__del__` (finalize.rs).
    pub(crate) del_queue: crate::finalize::DelQueue,
    /// The import system's state (`sys.modules`, modules being imported).
    pub(crate) imports: crate::import::ImportState,
    /// The shared one-character strs U+0000..U+00FF (strobj.rs).
    pub(crate) latin1_chars: Vec<Value>,
    /// The last NaN payload handed out (floatid.rs).
    pub(crate) nan_serial: u64,
}

impl Vm {
    /// A new interpreter.
    pub fn new(options: VmOptions) -> Vm {
        let types = Types::new();
        let builtins = ObjRef::new(types.dict.clone(), Payload::Dict(Default::default()));
        let not_implemented = Value::Obj(ObjRef::new(
            types.not_implemented_type.clone(),
            Payload::Plain,
        ));
        let ellipsis = Value::Obj(ObjRef::new(types.ellipsis_type.clone(), Payload::Plain));
        let null = Value::Obj(ObjRef::new(types.null_type.clone(), Payload::Plain));
        let empty_tuple = Value::Obj(ObjRef::new(
            types.tuple.clone(),
            Payload::Tuple(Vec::new().into_boxed_slice()),
        ));
        let setattr_name = Value::Obj(ObjRef::new(
            types.str_.clone(),
            Payload::Str(StrData::new("__setattr__")),
        ));
        let mut vm = Vm {
            setattr_name,
            types,
            builtins,
            not_implemented,
            ellipsis,
            null,
            empty_tuple,
            out: Vec::with_capacity(8192),
            depth: 0,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            exc_stack: vec![Value::None],
            repr_stack: Vec::new(),
            options,
            main_globals: None,
            sys_module: None,
            captured: Vec::new(),
            captured_err: String::new(),
            gen_finalize: Default::default(),
            frame_pool: Default::default(),
            interned: Default::default(),
            attr_cache: Default::default(),
            del_queue: Default::default(),
            imports: Default::default(),
            latin1_chars: Vec::new(),
            nan_serial: 0,
        };
        vm.latin1_chars = crate::strobj::latin1_chars(&vm.types.str_);
        crate::builtins::install(&mut vm);
        crate::coro::install(&mut vm);
        crate::excgroup::install(&mut vm);
        crate::slotwrap::install(&mut vm);
        vm
    }

    /// Runs a module code object as `__main__`; Ok(()) or the uncaught
    /// exception. A normal end or SystemExit shuts `__main__` down
    /// ([`Vm::shutdown_main`]).
    pub fn run_main(&mut self, code: CodeObject, filename: &str) -> Result<(), PyErr> {
        let r = self.run_in_main(code, Some(filename));
        // Interpreter shutdown (after a normal end or SystemExit, when no
        // traceback is to be printed).
        let clean = match &r {
            Ok(()) => true,
            Err(e) => self.err_matches(e, "SystemExit"),
        };
        if clean {
            self.shutdown_main();
        }
        r
    }

    /// Runs a module code object in the `__main__` namespace (made on
    /// first use, with `__file__` = `filename` when there is one), keeping
    /// the namespace for more code: `-i` and the interactive prompt run
    /// each statement this way.
    pub fn run_in_main(&mut self, code: CodeObject, filename: Option<&str>) -> Result<(), PyErr> {
        let info = CodeInfo::new(self, std::sync::Arc::new(code));
        let globals = self.main_namespace(filename);
        let g = Value::Obj(globals.clone());
        let frame = crate::frame::Frame::new(info, globals, Some(g), None);
        self.run_frame(frame).map(|_| ())
    }

    /// The `__main__` module's globals, made on first use with `__name__`,
    /// `__builtins__`, `__doc__` and (given a file name) `__file__`.
    pub fn main_namespace(&mut self, filename: Option<&str>) -> ObjRef {
        if let Some(g) = &self.main_globals {
            return g.clone();
        }
        let globals = self.new_dict_obj();
        let k = self.new_str("__name__");
        let v = self.new_str("__main__");
        crate::dict::dict_set_simple(self, &globals, k, v);
        let k = self.new_str("__builtins__");
        let bm = self.new_module("builtins", self.builtins.clone());
        crate::dict::dict_set_simple(self, &globals, k, Value::Obj(bm));
        if let Some(filename) = filename {
            let k = self.new_str("__file__");
            let v = self.new_str(filename);
            crate::dict::dict_set_simple(self, &globals, k, v);
        }
        let k = self.new_str("__doc__");
        crate::dict::dict_set_simple(self, &globals, k, Value::None);
        self.main_globals = Some(globals.clone());
        self.init_main_module(&globals);
        globals
    }

    /// Interpreter shutdown: clearing `__main__` finalises what it holds
    /// (e.g. closes suspended generators, whose `finally` blocks run).
    pub fn shutdown_main(&mut self) {
        if let Some(globals) = self.main_globals.take() {
            if let Payload::Dict(t) = &globals.payload {
                let old = std::mem::take(&mut *t.borrow_mut());
                drop(old);
            }
        }
        self.finalize_generators();
        crate::finalize::drain(self);
    }

    /// Prints the exception as CPython's default excepthook does (to
    /// stderr), flushing stdout first.
    pub fn print_exception(&mut self, err: &PyErr) {
        let text = crate::traceback::format_exception(self, err);
        self.write_stderr(&text);
    }

    /// The process exit status for an uncaught exception: SystemExit's
    /// code rules, 1 otherwise.
    pub fn exit_status(&mut self, err: &PyErr) -> i32 {
        if !self.err_matches(err, "SystemExit") {
            return 1;
        }
        let args = self.exc_args(&err.exc);
        let code = match args.len() {
            0 => Value::None,
            1 => args[0].clone(),
            _ => self.new_tuple(args),
        };
        match code {
            Value::None => 0,
            Value::Int(i) => i as i32,
            Value::Bool(b) => b as i32,
            other => {
                // CPython prints the object to stderr and exits with 1.
                let s = self.str_of(&other).unwrap_or_default();
                self.write_stderr(&format!("{s}\n"));
                1
            }
        }
    }

    /// The standard output captured so far (with `capture_stdout`).
    pub fn take_captured(&mut self) -> Vec<u8> {
        self.flush_stdout();
        std::mem::take(&mut self.captured)
    }

    /// The `sys.stderr` writes captured so far (with `capture_stdout`).
    pub fn take_captured_stderr(&mut self) -> String {
        std::mem::take(&mut self.captured_err)
    }

    /// The text `print_exception` would print.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        crate::traceback::format_exception(self, err)
    }

    /// A str value.
    pub fn new_str(&self, s: &str) -> Value {
        if let [b] = s.as_bytes() {
            return self.new_char(u32::from(*b));
        }
        Value::Obj(ObjRef::new(
            self.types.str_.clone(),
            Payload::Str(StrData::new(s)),
        ))
    }

    /// A tuple value.
    pub fn new_tuple(&self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple.clone();
        }
        Value::Obj(ObjRef::new(
            self.types.tuple.clone(),
            Payload::Tuple(items.into_boxed_slice()),
        ))
    }

    /// A list value.
    pub fn new_list(&self, items: Vec<Value>) -> Value {
        Value::Obj(ObjRef::new(
            self.types.list.clone(),
            Payload::List(std::cell::RefCell::new(items)),
        ))
    }

    /// A new empty dict object.
    pub fn new_dict_obj(&self) -> ObjRef {
        ObjRef::new(self.types.dict.clone(), Payload::Dict(Default::default()))
    }

    /// A dict object with this table.
    pub fn new_dict_from(&self, t: DictTable) -> Value {
        Value::Obj(ObjRef::new(
            self.types.dict.clone(),
            Payload::Dict(std::cell::RefCell::new(t)),
        ))
    }

    /// A set or frozenset with this table.
    pub fn new_set_value(&self, t: SetTable, frozen: bool) -> Value {
        if frozen {
            Value::Obj(ObjRef::new(
                self.types.frozenset.clone(),
                Payload::FrozenSet(t),
            ))
        } else {
            Value::Obj(ObjRef::new(
                self.types.set.clone(),
                Payload::Set(std::cell::RefCell::new(t)),
            ))
        }
    }

    /// A set of values whose hash and equality need no Python code
    /// (constants).
    pub fn new_set_from_hashable(&self, items: Vec<Value>, frozen: bool) -> Value {
        let mut t = SetTable::new();
        for v in items {
            let h = simple_hash(&v);
            let key = v.clone();
            t.add(h, v, &mut |k| {
                crate::hash::simple_eq(k, &key).unwrap_or(false)
            });
        }
        self.new_set_value(t, frozen)
    }

    /// A module object.
    pub fn new_module(&self, name: &str, dict: ObjRef) -> ObjRef {
        ObjRef::new(
            self.types.module.clone(),
            Payload::Module(ModuleData {
                name: name.to_string(),
                dict,
            }),
        )
    }

    /// `type(v)`.
    pub fn type_of(&self, v: &Value) -> ObjRef {
        match v {
            Value::None => self.types.none.clone(),
            Value::Bool(_) => self.types.bool_.clone(),
            Value::Int(_) => self.types.int.clone(),
            Value::Float(_) => self.types.float.clone(),
            Value::Obj(o) => match &o.class {
                Some(c) => c.clone(),
                None => self.types.type_.clone(),
            },
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Float(_) => "float".into(),
            Value::Obj(o) => match &o.class {
                Some(c) => type_data(c).map_or(String::new(), |d| d.name.clone()),
                None => "type".into(),
            },
        }
    }

    /// Whether `v` is the NULL stack marker.
    #[inline]
    pub(crate) fn is_null(&self, v: &Value) -> bool {
        v.is(&self.null)
    }

    /// Whether `v` is an instance of `cls` (by class, not `__instancecheck__`).
    pub fn isinstance(&self, v: &Value, cls: &ObjRef) -> bool {
        let t = self.type_of(v);
        crate::types::is_subtype(&t, cls)
    }
}

/// The hash of a constant-like value (no Python code involved).
pub(crate) fn simple_hash(v: &Value) -> i64 {
    use kaa_bytecode::pyhash;
    match v {
        Value::None => 0xfca86420 >> 4,
        Value::Bool(b) => *b as i64,
        Value::Int(i) => pyhash::hash_i64(*i),
        Value::Float(f) => pyhash::hash_float(*f).unwrap_or(0),
        Value::Obj(o) => match &o.payload {
            Payload::Str(s) => s.hash(),
            Payload::BigInt(b) => pyhash::hash_bigint(b),
            Payload::Bytes(b) => crate::strobj::bytes_hash(b),
            Payload::Complex(re, im) => crate::complex::complex_hash((*re, *im), o.id()),
            Payload::Tuple(items) => {
                let hs: Vec<i64> = items.iter().map(simple_hash).collect();
                pyhash::hash_tuple(&hs)
            }
            Payload::FrozenSet(t) => crate::hash::frozenset_hash(t.iter_hashed().map(|(h, _)| h)),
            _ => (o.id() as u64).rotate_right(4) as i64,
        },
    }
}

/// Runs `f` on a fresh thread with a large stack (the `kaa` binary runs
/// the VM on such a thread; tests use this).
pub fn with_big_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    std::thread::Builder::new()
        .stack_size(1 << 30)
        .spawn(f)
        .ok()?
        .join()
        .ok()
}

impl Vm {
    /// Checks and counts one more level of Python or native re-entry.
    pub(crate) fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error("RecursionError", "maximum recursion depth exceeded"));
        }
        self.depth += 1;
        Ok(())
    }

    /// `enter` for native code calling back into Python: CPython's
    /// message names the call (" while calling a Python object").
    pub(crate) fn enter_native(&mut self) -> PyResult<()> {
        if self.depth >= self.recursion_limit {
            return Err(self.new_error(
                "RecursionError",
                "maximum recursion depth exceeded while calling a Python object",
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leaves a level counted by `enter`.
    pub(crate) fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }
}
