//! The `sys` module (the part kaa has so far): argv, path, modules, the
//! bytecode-cache switches, the recursion limit, exc_info/exception, exit,
//! and stdout/stderr objects that write through the Vm's buffers.

use std::cell::Cell;

use crate::builtins::{b_exit, make_builtin};
use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::types::type_data;
use crate::value::Value;
use crate::vm::Vm;

/// `sys.flags` (the command-line options and environment that set them;
/// `optimize` and `dont_write_bytecode` come from `ImportOptions`).
#[derive(Clone, Debug, Default)]
pub struct SysFlags {
    /// `-d` count.
    pub debug: i64,
    /// `-i` count.
    pub inspect: i64,
    /// `-i` count (interactive).
    pub interactive: i64,
    /// `-s` (or `PYTHONNOUSERSITE`, `-I`).
    pub no_user_site: bool,
    /// `-S`.
    pub no_site: bool,
    /// `-E` (or `-I`).
    pub ignore_environment: bool,
    /// `-v` count.
    pub verbose: i64,
    /// `-b` count.
    pub bytes_warning: i64,
    /// `-q` count.
    pub quiet: i64,
    /// Whether str hashes are randomised (PYTHONHASHSEED unset or
    /// `random`).
    pub hash_randomization: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-X dev`.
    pub dev_mode: bool,
    /// `-P` (or `-I`).
    pub safe_path: bool,
}

/// `sys.hexversion` of CPython 3.11.7 (0x030B07F0).
const HEXVERSION: i64 = 0x030B_07F0;

fn sys_intern(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    // kaa does not intern yet: the same str comes back, as CPython's does
    // for an interned string.
    if a.arg(0).as_str().is_none() {
        return Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(a.arg(0))
        )));
    }
    Ok(a.arg(0).clone())
}

fn sys_getrecursionlimit(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = vm.index_of(a.arg(0))?.unwrap_or(1000);
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    // kaa keeps the Rust stack bounded: at most 100k frames.
    vm.recursion_limit = (n as usize).min(100_000);
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    let e = vm.current_exception();
    if e.is_none() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(&e));
    Ok(vm.new_tuple(vec![t, e, Value::None]))
}

fn sys_exception(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.current_exception())
}

fn stream_write(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = match a.arg(0).as_str() {
        Some(s) => s.to_string(),
        None => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(a.arg(0))
            )))
        }
    };
    let this = a.this.clone();
    vm.write_to(&this, &s)?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _a: &Args<'_>) -> PyResult<Value> {
    vm.try_flush_stdout()?;
    Ok(Value::None)
}

impl Vm {
    /// The `sys` module (made on first use).
    pub(crate) fn sys_module_obj(&mut self) -> ObjRef {
        if let Some(m) = &self.sys_module {
            return m.clone();
        }
        let d = self.new_dict_obj();
        let m = self.new_module("sys", d.clone());
        // Entered first: `modules_dict` below refers back to it.
        self.sys_module = Some(m.clone());
        let argv: Vec<Value> = self
            .options
            .argv
            .clone()
            .iter()
            .map(|s| self.new_str(s))
            .collect();
        let opts = self.options.import.clone();
        let path: Vec<Value> = opts.path.iter().map(|p| self.new_str(p)).collect();
        let builtin_names: Vec<Value> = crate::import::BUILTIN_MODULES
            .iter()
            .map(|n| self.new_str(n))
            .collect();
        let modules = self.modules_dict();
        let vi_t = crate::structseq::structseq_type(
            self,
            "sys.version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
        );
        let version_info = crate::structseq::new_structseq(
            self,
            &vi_t,
            vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                self.new_str("final"),
                Value::Int(0),
            ],
        );
        let implementation = crate::structseq::new_namespace(
            self,
            vec![
                ("name", self.new_str("kaa")),
                ("cache_tag", self.new_str(kaa_bytecode::pyc::CACHE_TAG)),
                ("version", version_info.clone()),
                ("hexversion", Value::Int(HEXVERSION)),
            ],
        );
        let fi_t = crate::structseq::structseq_type(
            self,
            "sys.float_info",
            &[
                "max",
                "max_exp",
                "max_10_exp",
                "min",
                "min_exp",
                "min_10_exp",
                "dig",
                "mant_dig",
                "epsilon",
                "radix",
                "rounds",
            ],
        );
        let float_info = crate::structseq::new_structseq(
            self,
            &fi_t,
            vec![
                Value::Float(f64::MAX),
                Value::Int(1024),
                Value::Int(308),
                Value::Float(f64::MIN_POSITIVE),
                Value::Int(-1021),
                Value::Int(-307),
                Value::Int(15),
                Value::Int(53),
                Value::Float(f64::EPSILON),
                Value::Int(2),
                Value::Int(1),
            ],
        );
        let f = self.options.sys_flags.clone();
        let flags_t = crate::structseq::structseq_type(
            self,
            "sys.flags",
            &[
                "debug",
                "inspect",
                "interactive",
                "optimize",
                "dont_write_bytecode",
                "no_user_site",
                "no_site",
                "ignore_environment",
                "verbose",
                "bytes_warning",
                "quiet",
                "hash_randomization",
                "isolated",
                "dev_mode",
                "utf8_mode",
                "warn_default_encoding",
                "safe_path",
                "int_max_str_digits",
            ],
        );
        let int = |b: bool| Value::Int(b as i64);
        let flags = crate::structseq::new_structseq(
            self,
            &flags_t,
            vec![
                Value::Int(f.debug),
                Value::Int(f.inspect),
                Value::Int(f.interactive),
                Value::Int(opts.optimize as i64),
                int(opts.dont_write_bytecode),
                int(f.no_user_site),
                int(f.no_site),
                int(f.ignore_environment),
                Value::Int(f.verbose),
                Value::Int(f.bytes_warning),
                Value::Int(f.quiet),
                int(f.hash_randomization),
                int(f.isolated),
                Value::Bool(f.dev_mode),
                Value::Int(0),
                Value::Int(0),
                Value::Bool(f.safe_path),
                Value::Int(-1),
            ],
        );
        let entries: Vec<(&str, Value)> = vec![
            ("flags", flags),
            ("version_info", version_info),
            ("implementation", implementation),
            ("float_info", float_info),
            ("hexversion", Value::Int(HEXVERSION)),
            ("api_version", Value::Int(1013)),
            ("maxunicode", Value::Int(0x10FFFF)),
            ("float_repr_style", self.new_str("short")),
            (
                "intern",
                make_builtin(self, "intern(string, /)", sys_intern),
            ),
            ("argv", self.new_list(argv)),
            ("path", self.new_list(path)),
            ("modules", Value::Obj(modules)),
            ("builtin_module_names", self.new_tuple(builtin_names)),
            ("dont_write_bytecode", Value::Bool(opts.dont_write_bytecode)),
            (
                "pycache_prefix",
                opts.pycache_prefix
                    .as_deref()
                    .map_or(Value::None, |p| self.new_str(p)),
            ),
            ("executable", self.new_str(&opts.executable)),
            ("maxsize", Value::Int(i64::MAX)),
            ("version", self.new_str("3.11.7 (kaa)")),
            ("platform", self.new_str("linux")),
            ("byteorder", self.new_str("little")),
            (
                "getrecursionlimit",
                make_builtin(self, "getrecursionlimit(/)", sys_getrecursionlimit),
            ),
            (
                "setrecursionlimit",
                make_builtin(self, "setrecursionlimit(limit, /)", sys_setrecursionlimit),
            ),
            ("exc_info", make_builtin(self, "exc_info(/)", sys_exc_info)),
            (
                "exception",
                make_builtin(self, "exception(/)", sys_exception),
            ),
            ("exit", make_builtin(self, "exit(status=None, /)", b_exit)),
        ];
        for (k, v) in entries {
            let k = self.new_str(k);
            crate::dict::dict_set_simple(self, &d, k, v);
        }
        let stream_t = crate::types::new_builtin_type(
            "TextIOWrapper",
            Some(&self.types.object),
            crate::types::Layout::Other,
            false,
        );
        if let Some(td) = type_data(&stream_t) {
            td.set_own(
                self.new_str("write"),
                make_builtin(self, "TextIOWrapper.write($self, s, /)", stream_write),
            );
            td.set_own(
                self.new_str("flush"),
                make_builtin(self, "TextIOWrapper.flush($self, /)", stream_flush),
            );
        }
        for (name, code) in [("stdout", 1u64), ("stderr", 2u64)] {
            let s = Value::Obj(ObjRef::new(
                stream_t.clone(),
                Payload::Counter(Cell::new(code)),
            ));
            let k = self.new_str(name);
            crate::dict::dict_set_simple(self, &d, k, s);
        }
        m
    }
}
