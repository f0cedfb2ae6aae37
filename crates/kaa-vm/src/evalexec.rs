//! The built-ins `compile`, `exec`, `eval` and `__import__`
//! (Python/bltinmodule.c), with CPython's signatures and errors. Source
//! text reaches the compiler through the compile hook
//! ([`crate::compilehook`]). `exec` and `eval` without `globals` use the
//! calling frame's globals and locals: the interpreter passes its frame
//! to [`Vm::call_reading_frame`] for them.

use std::sync::Arc;

use crate::code::CodeInfo;
use crate::compilehook::{
    CompileMode, CO_FUTURE_ANNOTATIONS, PYCF_ALLOW_INCOMPLETE_INPUT, PYCF_ALLOW_TOP_LEVEL_AWAIT,
    PYCF_DONT_IMPLY_DEDENT, PYCF_IGNORE_COOKIE, PYCF_ONLY_AST, PYCF_TYPE_COMMENTS,
};
use crate::exceptions::PyResult;
use crate::frame::Frame;
use crate::native::{Args, Builtin, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The built-ins this file defines, for the builtins table.
pub const FUNCTIONS: &[(&str, NativeFn)] = &[
    (
        "compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *, _feature_version=-1)",
        b_compile,
    ),
    ("exec(source, globals=None, locals=None, /, *, closure=None)", b_exec),
    ("eval(source, globals=None, locals=None, /)", b_eval),
    (
        "__import__(name, globals=None, locals=None, fromlist=(), level=0)",
        b_import,
    ),
];

/// The future-feature flags `compile()` accepts (`PyCF_MASK`; all but
/// annotations are no-ops in 3.11).
const FUTURE_FLAGS: i32 =
    0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000 | CO_FUTURE_ANNOTATIONS;
/// `PyCF_MASK_OBSOLETE` (CO_NESTED).
const OBSOLETE_FLAGS: i32 = 0x0010;
/// `PyCF_COMPILE_MASK`.
const COMPILE_FLAGS: i32 = PYCF_ONLY_AST
    | PYCF_ALLOW_TOP_LEVEL_AWAIT
    | PYCF_TYPE_COMMENTS
    | PYCF_DONT_IMPLY_DEDENT
    | PYCF_ALLOW_INCOMPLETE_INPUT;

/// Whether a call to this built-in needs the calling frame (`exec` and
/// `eval` read its globals and locals, `dir()` its names).
#[inline]
pub(crate) fn reads_frame(b: &Builtin) -> bool {
    let q = b.sig.qualname.as_str();
    (q.len() == 4 || q.len() == 3) && !b.sig.has_self && matches!(q, "exec" | "eval" | "dir")
}

/// Which of the two.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Exec,
    Eval,
}

impl Vm {
    /// `exec(...)`/`eval(...)` called from frame `f` with positional
    /// `args` (the interpreter's CALL for [`reads_frame`] built-ins).
    pub(crate) fn call_reading_frame(
        &mut self,
        f: &Frame,
        callable: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let Some(Payload::Builtin(b)) = callable.payload() else {
            return self.call(callable, args);
        };
        if b.sig.qualname == "dir" {
            if !args.is_empty() {
                return self.call(callable, args);
            }
            // `dir()`: the sorted names of the caller's namespace.
            let l = self.frame_locals_of(f)?;
            let keys = self.collect(&l)?;
            let list = self.new_list(keys);
            if let Some(sort) = self.get_attr_opt(&list, "sort")? {
                self.call(&sort, &[])?;
            }
            return Ok(list);
        }
        let kind = if b.sig.qualname == "exec" {
            Kind::Exec
        } else {
            Kind::Eval
        };
        let name = if kind == Kind::Exec { "exec" } else { "eval" };
        if args.is_empty() || args.len() > 3 {
            return self.call(callable, args);
        }
        let _ = name;
        let globals = args.get(1).cloned().unwrap_or(Value::None);
        let locals = args.get(2).cloned().unwrap_or(Value::None);
        let (g, l) = if globals.is_none() {
            let g = Value::Obj(f.globals.clone());
            let l = if locals.is_none() {
                self.frame_locals_of(f)?
            } else {
                locals
            };
            (g, l)
        } else {
            (globals, locals)
        };
        self.run_exec_eval(kind, &args[0], g, l, Value::None)
    }

    /// The locals mapping of a frame (`locals()`): the namespace of a
    /// module or class body, else a dict of the fast locals and cells.
    fn frame_locals_of(&mut self, f: &Frame) -> PyResult<Value> {
        if let Some(l) = &f.locals {
            return Ok(l.clone());
        }
        let d = self.new_dict_obj();
        for (i, name) in f.code.varnames.iter().enumerate() {
            let v = match f.fast.get(i) {
                Some(Some(v)) if f.code.cell_or_free.get(i) == Some(&true) => match v.payload() {
                    Some(Payload::Cell(c)) => c.borrow().clone(),
                    _ => Some(v.clone()),
                },
                Some(Some(v)) => Some(v.clone()),
                _ => None,
            };
            if let Some(v) = v {
                crate::dict::dict_set(self, &d, name.clone(), v)?;
            }
        }
        Ok(Value::Obj(d))
    }

    /// Whether `v` supports `v[key]` (`PyMapping_Check`).
    fn is_mapping_like(&self, v: &Value) -> bool {
        match v.payload() {
            Some(
                Payload::Dict(_)
                | Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::Range(_),
            ) => true,
            _ => crate::types::lookup(&self.type_of(v), "__getitem__").is_some(),
        }
    }

    /// The body of `exec`/`eval` once globals and locals are known
    /// (None locals: the globals).
    fn run_exec_eval(
        &mut self,
        kind: Kind,
        source: &Value,
        globals: Value,
        locals: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let name = if kind == Kind::Exec { "exec" } else { "eval" };
        // bltinmodule.c's checks, in its order.
        if kind == Kind::Eval {
            if !locals.is_none() && !self.is_mapping_like(&locals) {
                return Err(self.type_error("locals must be a mapping"));
            }
            if !globals.is_none() && !matches!(globals.payload(), Some(Payload::Dict(_))) {
                return Err(self.type_error(if self.is_mapping_like(&globals) {
                    "globals must be a real dict; try eval(expr, {}, mapping)"
                } else {
                    "globals must be a dict"
                }));
            }
        }
        let gobj = match globals.payload() {
            Some(Payload::Dict(_)) => globals.as_obj().cloned(),
            _ => None,
        };
        let Some(gobj) = gobj else {
            if globals.is_none() {
                let Some(g) = self.main_globals.clone() else {
                    return Err(self.system_error(format!("{name}(): no globals")));
                };
                let l = if locals.is_none() {
                    Value::Obj(g.clone())
                } else {
                    locals
                };
                return self.run_exec_eval(kind, source, Value::Obj(g), l, closure);
            }
            return Err(self.type_error(format!(
                "exec() globals must be a dict, not {}",
                self.type_name(&globals)
            )));
        };
        if kind == Kind::Exec && !locals.is_none() && !self.is_mapping_like(&locals) {
            return Err(self.type_error(format!(
                "locals must be a mapping or None, not {}",
                self.type_name(&locals)
            )));
        }
        let locals = if locals.is_none() {
            globals.clone()
        } else {
            locals
        };
        // `__builtins__` is inserted into globals that lack it.
        if crate::dict::dict_get_str(&gobj, "__builtins__").is_none() {
            let k = self.new_str("__builtins__");
            crate::dict::dict_set_simple(self, &gobj, k, Value::Obj(self.builtins.clone()));
        }
        let info = match source.payload() {
            Some(Payload::Code(c)) => {
                if c.nfree > 0 {
                    if kind == Kind::Eval {
                        return Err(self.type_error(
                            "code object passed to eval() may not contain free variables",
                        ));
                    }
                    if closure.is_none() {
                        return Err(self.type_error(format!(
                            "code object requires a closure of exactly length {}",
                            c.nfree
                        )));
                    }
                    return Err(self.not_implemented("exec() with a closure"));
                }
                c.clone()
            }
            Some(Payload::Str(_) | Payload::Bytes(_)) => {
                let (bytes, flags) = match source.payload() {
                    Some(Payload::Bytes(b)) => (b.to_vec(), 0),
                    _ => (
                        source.as_str().unwrap_or("").as_bytes().to_vec(),
                        PYCF_IGNORE_COOKIE,
                    ),
                };
                let (text, mode) = match kind {
                    // eval strips leading spaces and tabs.
                    Kind::Eval => {
                        let start = bytes
                            .iter()
                            .position(|&b| b != b' ' && b != b'\t')
                            .unwrap_or(bytes.len());
                        (bytes[start..].to_vec(), CompileMode::Eval)
                    }
                    Kind::Exec => (bytes, CompileMode::Exec),
                };
                let optimize = self.options.import.optimize as i32;
                let code = self.compile_with_hook(&text, "<string>", mode, flags, optimize)?;
                CodeInfo::new(self, Arc::new(code))
            }
            _ => {
                return Err(self.type_error(format!(
                    "{name}() arg 1 must be a string, bytes or code object"
                )))
            }
        };
        // A `__builtins__` other than the interpreter's (a dict, or a
        // module's dict) is the builtins of the code run (CPython takes a
        // frame's builtins from its globals): swapped in for the run.
        let custom = match crate::dict::dict_get_str(&gobj, "__builtins__") {
            Some(Value::Obj(o)) => match &o.payload {
                Payload::Dict(_) => Some(o.clone()),
                Payload::Module(m) => Some(m.dict.clone()),
                _ => None,
            },
            _ => None,
        }
        .filter(|b| !b.ptr_eq(&self.builtins));
        let saved = custom.map(|b| std::mem::replace(&mut self.builtins, b));
        let frame = Frame::new(info, gobj, Some(locals), None);
        let r = self.run_frame(frame);
        if let Some(b) = saved {
            self.builtins = b;
        }
        let v = r?;
        Ok(if kind == Kind::Exec { Value::None } else { v })
    }
}

/// `exec(source, globals=None, locals=None, /, *, closure=None)` called
/// without the interpreter's frame (e.g. through `map`): the `__main__`
/// globals stand in for the caller's.
fn b_exec(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = a.opt(1).cloned().unwrap_or(Value::None);
    let l = a.opt(2).cloned().unwrap_or(Value::None);
    let closure = a.opt(3).cloned().unwrap_or(Value::None);
    vm.run_exec_eval(Kind::Exec, a.arg(0), g, l, closure)
}

/// `eval(source, globals=None, locals=None, /)` without the caller's
/// frame (see [`b_exec`]).
fn b_eval(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = a.opt(1).cloned().unwrap_or(Value::None);
    let l = a.opt(2).cloned().unwrap_or(Value::None);
    vm.run_exec_eval(Kind::Eval, a.arg(0), g, l, Value::None)
}

/// An int argument (`flags`, `optimize`).
fn int_arg(vm: &mut Vm, v: Option<&Value>, default: i64, what: &str) -> PyResult<i64> {
    match v {
        None => Ok(default),
        Some(v) => match vm.index_of(v)? {
            Some(i) => Ok(i),
            None => Err(vm.type_error(format!(
                "compile() argument '{what}' must be int, not {}",
                vm.type_name(v)
            ))),
        },
    }
}

/// `compile(source, filename, mode, flags=0, dont_inherit=False,
/// optimize=-1)`: str or bytes source to a code object.
fn b_compile(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let source = a.arg(0).clone();
    let filename = match a.arg(1) {
        v if v.as_str().is_some() => v.as_str().unwrap_or("").to_string(),
        Value::Obj(o) if matches!(o.payload, Payload::Bytes(_)) => match &o.payload {
            Payload::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            _ => String::new(),
        },
        v => {
            return Err(vm.type_error(format!(
                "expected str, bytes or os.PathLike object, not {}",
                vm.type_name(v)
            )))
        }
    };
    let Some(mode_name) = a.arg(2).as_str().map(str::to_string) else {
        return Err(vm.type_error(format!(
            "compile() argument 'mode' must be str, not {}",
            vm.type_name(a.arg(2))
        )));
    };
    let flags = int_arg(vm, a.opt(3), 0, "flags")?;
    let optimize = int_arg(vm, a.opt(5), -1, "optimize")?;
    let flags = i32::try_from(flags).unwrap_or(i32::MAX);
    if flags & !(FUTURE_FLAGS | OBSOLETE_FLAGS | COMPILE_FLAGS) != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    if !(-1..=2).contains(&optimize) {
        return Err(vm.value_error("compile(): invalid optimize value"));
    }
    let mode = match mode_name.as_str() {
        "exec" => CompileMode::Exec,
        "eval" => CompileMode::Eval,
        "single" => CompileMode::Single,
        "func_type" if flags & PYCF_ONLY_AST == 0 => {
            return Err(vm.value_error("compile() mode 'func_type' requires flag PyCF_ONLY_AST"))
        }
        "func_type" => {
            return Err(vm.not_implemented("compile(): ast.PyCF_ONLY_AST is not supported by kaa"))
        }
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    for (bit, what) in [
        (PYCF_ONLY_AST, "ast.PyCF_ONLY_AST"),
        (PYCF_TYPE_COMMENTS, "ast.PyCF_TYPE_COMMENTS"),
        (PYCF_ALLOW_INCOMPLETE_INPUT, "PyCF_ALLOW_INCOMPLETE_INPUT"),
        (PYCF_DONT_IMPLY_DEDENT, "PyCF_DONT_IMPLY_DEDENT"),
    ] {
        if flags & bit != 0 {
            return Err(vm.not_implemented(format!(
                "compile(): the flag {what} is not supported by kaa"
            )));
        }
    }
    let (bytes, extra) = match source.payload() {
        Some(Payload::Str(_)) => (
            source.as_str().unwrap_or("").as_bytes().to_vec(),
            PYCF_IGNORE_COOKIE,
        ),
        Some(Payload::Bytes(b)) => (b.to_vec(), 0),
        _ => return Err(vm.type_error("compile() arg 1 must be a string, bytes or AST object")),
    };
    let optimize = if optimize == -1 {
        vm.options.import.optimize as i32
    } else {
        optimize as i32
    };
    let code = vm.compile_with_hook(&bytes, &filename, mode, flags | extra, optimize)?;
    let info = CodeInfo::new(vm, Arc::new(code));
    Ok(Value::Obj(ObjRef::new(
        vm.types.code.clone(),
        Payload::Code(info),
    )))
}

/// `__import__(name, globals=None, locals=None, fromlist=(), level=0)`.
fn b_import(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let name = a.arg(0).clone();
    if name.as_str().is_none() {
        return Err(vm.type_error("module name must be a string"));
    }
    let globals = a.opt(1).cloned().unwrap_or(Value::None);
    let fromlist = a.opt(3).cloned().unwrap_or(Value::None);
    let level = match a.opt(4) {
        Some(v) => vm.index_of(v)?.unwrap_or(0),
        None => 0,
    };
    vm.import_module_level(&name, Some(&globals), &fromlist, level)
}
