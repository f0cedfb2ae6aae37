//! Module objects and loading one found module: the module's attributes
//! (`_init_module_attrs`), running its body with `sys.modules` entered
//! first and removed again if the body raises (`_load_unlocked`), the
//! `__pycache__` bytecode cache (`SourceLoader.get_code`, with
//! kaa_bytecode's cache), sourceless `.pyc` files, namespace packages,
//! the module repr, and the `__main__` module's attributes.

use std::path::Path;
use std::sync::Arc;

use kaa_bytecode::cache::{self, CacheLookup, SourceInfo};
use kaa_bytecode::pyc::{self, Validation};
use kaa_bytecode::CodeObject;

use crate::code::CodeInfo;
use crate::compilehook::CompileMode;
use crate::exceptions::PyResult;
use crate::import::{Found, Spec};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// Sets `key` in a dict to `v`.
    fn put(&self, d: &ObjRef, key: &str, v: Value) {
        let k = self.new_str(key);
        crate::dict::dict_set_simple(self, d, k, v);
    }

    /// `str` or None.
    fn str_or_none(&self, s: Option<&str>) -> Value {
        s.map_or(Value::None, |s| self.new_str(s))
    }

    /// A native module other than `builtins` and `sys`, made by its entry
    /// in `NATIVE_MODULES` and entered in `sys.modules`.
    fn native_module(&mut self, name: &str) -> ObjRef {
        let make = crate::import::NATIVE_MODULES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, make)| *make);
        let m = match make {
            Some(make) => make(self),
            None => self.sys_module_obj(),
        };
        let modules = self.modules_dict();
        let k = self.new_str(name);
        crate::dict::dict_set_simple(self, &modules, k, Value::Obj(m.clone()));
        m
    }

    /// `_load_unlocked`: makes the module, enters it in `sys.modules`,
    /// runs its body and gives `sys.modules[name]` back.
    pub(crate) fn load_spec(&mut self, spec: &Spec) -> PyResult<Value> {
        if let Found::Builtin = spec.found {
            return Ok(Value::Obj(match spec.name.as_str() {
                "builtins" => self.builtins_module(),
                "sys" => self.sys_module_obj(),
                name => self.native_module(name),
            }));
        }
        let d = self.new_dict_obj();
        let m = self.new_module(&spec.name, d.clone());
        self.put(&d, "__name__", self.new_str(&spec.name));
        self.put(&d, "__doc__", Value::None);
        self.put(&d, "__package__", self.new_str(&spec.parent()));
        self.put(&d, "__loader__", Value::None);
        self.put(&d, "__spec__", Value::None);
        if let Some(search) = &spec.search {
            let items = search.iter().map(|p| self.new_str(p)).collect();
            self.put(&d, "__path__", self.new_list(items));
        }
        let (file, cached) = match &spec.found {
            Found::Source(p) => (Some(p.clone()), self.cache_path_for(p)),
            Found::Sourceless(p) => (Some(p.clone()), Some(p.clone())),
            _ => (None, None),
        };
        if file.is_some() || matches!(spec.found, Found::Namespace) {
            self.put(&d, "__file__", self.str_or_none(file.as_deref()));
        }
        if file.is_some() {
            self.put(&d, "__cached__", self.str_or_none(cached.as_deref()));
        }
        let modules = self.modules_dict();
        let key = self.new_str(&spec.name);
        let mv = Value::Obj(m.clone());
        crate::dict::dict_set_simple(self, &modules, key.clone(), mv.clone());
        let code = match &spec.found {
            Found::Source(p) => self.source_code(&spec.name, p, cached.as_deref()),
            Found::Sourceless(p) => self.sourceless_code(&spec.name, p),
            Found::Frozen(src) => {
                let filename = format!("<frozen {}>", spec.name);
                let optimize = self.options.import.optimize as i32;
                self.compile_with_hook(src.as_bytes(), &filename, CompileMode::Exec, 0, optimize)
                    .map(Some)
            }
            _ => Ok(None),
        };
        let r = match code {
            Ok(Some(code)) => {
                self.put(&d, "__builtins__", Value::Obj(self.builtins.clone()));
                self.imports.initializing.push(m.clone());
                let r = self.exec_module_code(code, &d);
                self.imports.initializing.retain(|x| !x.ptr_eq(&m));
                r
            }
            Ok(None) => Ok(()),
            Err(e) => Err(e),
        };
        if let Err(e) = r {
            // `_load_unlocked`: the failed module leaves sys.modules.
            let _ = crate::dict::dict_del(self, &modules, &key);
            return Err(e);
        }
        match crate::dict::dict_get(self, &modules, &key)? {
            Some(v) => Ok(v),
            None => Err(self.import_error(
                "ImportError",
                format!("Loaded module {} not found in sys.modules", spec.name),
                Some(&spec.name),
                None,
            )),
        }
    }

    /// Runs a module's code with `d` as globals and locals.
    fn exec_module_code(&mut self, code: CodeObject, d: &ObjRef) -> PyResult<()> {
        let info = CodeInfo::new(self, Arc::new(code));
        let frame = crate::frame::Frame::new(info, d.clone(), Some(Value::Obj(d.clone())), None);
        self.run_frame(frame).map(|_| ())
    }

    /// `cache_from_source(path)` with the Vm's optimization level and
    /// `sys.pycache_prefix`.
    fn cache_path_for(&mut self, source: &str) -> Option<String> {
        let opt = match self.options.import.optimize {
            0 => String::new(),
            n => n.to_string(),
        };
        let prefix = self.sys_str_attr("pycache_prefix");
        let prefix = prefix.as_deref().map(Path::new);
        pyc::cache_path(Path::new(source), &opt, prefix)
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
    }

    /// `sys.<name>` if it is a str.
    fn sys_str_attr(&mut self, name: &str) -> Option<String> {
        let sys = self.sys_module_obj();
        let Payload::Module(md) = &sys.payload else {
            return None;
        };
        crate::dict::dict_get_str(&md.dict, name).and_then(|v| v.as_str().map(str::to_string))
    }

    /// Whether `sys.dont_write_bytecode` is true now.
    fn dont_write_bytecode(&mut self) -> bool {
        let sys = self.sys_module_obj();
        let Payload::Module(md) = &sys.payload else {
            return true;
        };
        match crate::dict::dict_get_str(&md.dict, "dont_write_bytecode") {
            Some(v) => self.is_true(&v).unwrap_or(true),
            None => false,
        }
    }

    /// `SourceLoader.get_code`: the verified cached code when the pyc is
    /// valid for the source, else the source compiled (and cached unless
    /// `sys.dont_write_bytecode`; a failed write is ignored).
    fn source_code(
        &mut self,
        name: &str,
        path: &str,
        cached: Option<&str>,
    ) -> PyResult<Option<CodeObject>> {
        let check = self.options.import.check_hash_based_pycs;
        let info = SourceInfo::stat(Path::new(path), check).ok();
        let mut hash_based = None;
        if let (Some(c), Some(info)) = (cached, &info) {
            match cache::read_cached(Path::new(c), Some(info)) {
                CacheLookup::Hit(code) => return Ok(Some(code)),
                CacheLookup::Miss { hash_based: h, .. } => hash_based = h,
                CacheLookup::Error(_) => {}
            }
        }
        let source = match std::fs::read(path) {
            Ok(s) => s,
            Err(e) => {
                return Err(self.import_error(
                    "ImportError",
                    format!(
                        "[Errno {}] {}: {}",
                        e.raw_os_error().unwrap_or(0),
                        e,
                        kaa_repr::repr_str(path)
                    ),
                    Some(name),
                    Some(path),
                ))
            }
        };
        let optimize = self.options.import.optimize as i32;
        let code = self.compile_with_hook(&source, path, CompileMode::Exec, 0, optimize)?;
        if let (Some(c), Some(info)) = (cached, &info) {
            if !self.dont_write_bytecode() {
                let validation = match hash_based {
                    Some(check_source) => Validation::from_source(&source, check_source),
                    None => Validation::from_stat(info.mtime, info.size),
                };
                let mode = cache::cache_mode(Path::new(path));
                let _ = cache::write_cached_with_mode(Path::new(c), &code, &validation, mode);
            }
        }
        Ok(Some(code))
    }

    /// `SourcelessFileLoader.get_code`: a `.pyc` with no source; a bad one
    /// raises CPython's exception.
    fn sourceless_code(&mut self, name: &str, path: &str) -> PyResult<Option<CodeObject>> {
        match cache::read_cached(Path::new(path), None) {
            CacheLookup::Hit(code) => Ok(Some(code)),
            CacheLookup::Error(e) => {
                let class = e.exception();
                let msg = e.message(name);
                if class == "ImportError" {
                    Err(self.import_error(class, msg, Some(name), Some(path)))
                } else {
                    Err(self.new_error(class, msg))
                }
            }
            CacheLookup::Miss { reason, .. } => {
                Err(self.import_error("ImportError", reason.to_string(), Some(name), Some(path)))
            }
        }
    }

    /// The repr of a module (`_module_repr`): `<module 'x' from 'path'>`,
    /// `<module 'sys' (built-in)>`, `<module 'ns' (namespace)>`.
    pub(crate) fn module_repr(&mut self, m: &ObjRef) -> PyResult<String> {
        let Payload::Module(md) = &m.payload else {
            return Ok("<module '?'>".into());
        };
        let name = crate::dict::dict_get_str(&md.dict, "__name__")
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| md.name.clone());
        let rn = kaa_repr::repr_str(&name);
        let file = crate::dict::dict_get_str(&md.dict, "__file__");
        match file {
            Some(f) if f.as_str().is_some() => {
                let rf = self.repr_of(&f)?;
                Ok(format!("<module {rn} from {rf}>"))
            }
            Some(Value::None) if crate::dict::dict_get_str(&md.dict, "__path__").is_some() => {
                Ok(format!("<module {rn} (namespace)>"))
            }
            // `__main__` of `-c`/stdin has BuiltinImporter as its loader.
            _ if crate::import::FROZEN_MODULES
                .iter()
                .any(|(n, _)| *n == md.name) =>
            {
                Ok(format!("<module {rn} (frozen)>"))
            }
            _ if crate::import::BUILTIN_MODULES.contains(&md.name.as_str())
                || name == "__main__" =>
            {
                Ok(format!("<module {rn} (built-in)>"))
            }
            _ => Ok(format!("<module {rn}>")),
        }
    }

    /// PEP 562: a missing module attribute is asked of the module's own
    /// `__getattr__(name)` when it defines one.
    pub(crate) fn module_getattr_hook(&mut self, d: &ObjRef, n: &str) -> PyResult<Option<Value>> {
        match crate::dict::dict_get_str(d, "__getattr__") {
            Some(f) => {
                let name = self.new_str(n);
                self.call(&f, &[name]).map(Some)
            }
            None => Ok(None),
        }
    }

    /// The AttributeError message for a module attribute that is missing
    /// (`module_getattro`): the module's `__name__`, and CPython's hint
    /// when the module is still being imported.
    pub(crate) fn module_no_attribute(&self, m: &ObjRef, n: &str) -> String {
        let Payload::Module(md) = &m.payload else {
            return format!("module has no attribute '{n}'");
        };
        let name = crate::dict::dict_get_str(&md.dict, "__name__")
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_else(|| md.name.clone());
        if self.imports.initializing.iter().any(|x| x.ptr_eq(m)) {
            format!(
                "partially initialized module '{name}' has no attribute '{n}' \
                 (most likely due to a circular import)"
            )
        } else {
            format!("module '{name}' has no attribute '{n}'")
        }
    }

    /// Gives the `__main__` globals the attributes CPython's have
    /// (`__package__`, `__loader__`, `__spec__`, `__annotations__` come
    /// from runpy/pymain) and enters `__main__` in `sys.modules`.
    pub(crate) fn init_main_module(&mut self, globals: &ObjRef) {
        // `-c` code has no `__file__` (pymain_run_command).
        if crate::dict::dict_get_str(globals, "__file__")
            .is_some_and(|f| f.as_str() == Some("<string>"))
        {
            let k = self.new_str("__file__");
            let _ = crate::dict::dict_del(self, globals, &k);
        }
        let has_file = crate::dict::dict_get_str(globals, "__file__").is_some();
        let mut wanted = vec![
            ("__package__", Value::None),
            ("__loader__", Value::None),
            ("__spec__", Value::None),
            ("__annotations__", Value::Obj(self.new_dict_obj())),
        ];
        if has_file {
            wanted.push(("__cached__", Value::None));
        }
        for (key, v) in wanted {
            if crate::dict::dict_get_str(globals, key).is_none() {
                self.put(globals, key, v);
            }
        }
        // CPython's key order (`PyImport_AddModule`, then pymain/runpy).
        const ORDER: [&str; 9] = [
            "__name__",
            "__doc__",
            "__package__",
            "__loader__",
            "__spec__",
            "__annotations__",
            "__builtins__",
            "__file__",
            "__cached__",
        ];
        let items = crate::dict::dict_items(globals);
        if let Payload::Dict(t) = &globals.payload {
            *t.borrow_mut() = Default::default();
        }
        for key in ORDER {
            if let Some((k, v)) = items.iter().find(|(k, _)| k.as_str() == Some(key)) {
                crate::dict::dict_set_simple(self, globals, k.clone(), v.clone());
            }
        }
        for (k, v) in items {
            if !k.as_str().is_some_and(|n| ORDER.contains(&n)) {
                crate::dict::dict_set_simple(self, globals, k, v);
            }
        }
        let m = self.new_module("__main__", globals.clone());
        let modules = self.modules_dict();
        self.put(&modules, "__main__", Value::Obj(m));
    }
}

/// Why `-m NAME` could not start (runpy's `_get_module_details` errors):
/// the message CPython prints after `sys.executable: `.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunModuleError(pub String);

impl Vm {
    /// `runpy._run_module_as_main(name)` (`kaa -m NAME`): finds the module
    /// (a package runs its `__main__` submodule), sets `sys.argv[0]` to
    /// its file, and runs its code as `__main__`. The outer error is
    /// runpy's message; the inner result is the program's.
    pub fn run_module_as_main(
        &mut self,
        name: &str,
    ) -> Result<Result<(), crate::exceptions::PyErr>, RunModuleError> {
        let (spec, file) = self.main_module_spec(name, None)?;
        let code = match &spec.found {
            Found::Source(p) => {
                let cached = self.cache_path_for(p);
                self.source_code(&spec.name, p, cached.as_deref())
            }
            Found::Sourceless(p) => self.sourceless_code(&spec.name, p),
            Found::Frozen(src) => {
                let optimize = self.options.import.optimize as i32;
                self.compile_with_hook(src.as_bytes(), &file, CompileMode::Exec, 0, optimize)
                    .map(Some)
            }
            _ => Ok(None),
        };
        let code = match code {
            Ok(Some(code)) => code,
            Ok(None) => {
                return Err(RunModuleError(format!(
                    "No code object available for {name}"
                )))
            }
            Err(e) => return Ok(Err(e)),
        };
        let sys = self.sys_module_obj();
        if let Payload::Module(md) = &sys.payload {
            if let Some(Value::Obj(argv)) = crate::dict::dict_get_str(&md.dict, "argv") {
                if let Payload::List(l) = &argv.payload {
                    if let Some(first) = l.borrow_mut().first_mut() {
                        *first = self.new_str(&file);
                    }
                }
            }
        }
        let globals = self.main_namespace(Some(&file));
        self.put(&globals, "__package__", self.new_str(&spec.parent()));
        let cached = match &spec.found {
            Found::Source(p) => self.cache_path_for(p),
            _ => Some(file.clone()),
        };
        self.put(&globals, "__cached__", self.str_or_none(cached.as_deref()));
        // The caller shuts `__main__` down (`Vm::shutdown_main`), unless
        // the prompt follows (`-i`).
        Ok(self.exec_module_code(code, &globals))
    }

    /// runpy's `_get_module_details`: the spec of the module to run and
    /// its file.
    fn main_module_spec(
        &mut self,
        name: &str,
        package: Option<&str>,
    ) -> Result<(Spec, String), RunModuleError> {
        if name.starts_with('.') {
            return Err(RunModuleError("Relative module names not supported".into()));
        }
        let mut path = None;
        if let Some((parent, _)) = name.rsplit_once('.') {
            let imported = self.gcd_import(parent).and_then(|pm| {
                let p = self.lookup_attr(&pm, "__path__")?;
                Ok(match p {
                    Some(p) => Some(self.collect(&p)?),
                    None => None,
                })
            });
            match imported {
                Ok(Some(items)) => {
                    path = Some(
                        items
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect::<Vec<_>>(),
                    );
                }
                Ok(None) => {
                    return Err(RunModuleError(format!(
                        "Error while finding module specification for {} \
                         (ModuleNotFoundError: __path__ attribute not found on {} \
                         while trying to find {})",
                        kaa_repr::repr_str(name),
                        kaa_repr::repr_str(parent),
                        kaa_repr::repr_str(name)
                    )))
                }
                Err(e) => {
                    let t = e.type_name();
                    let msg = self.str_of(&e.value()).unwrap_or_default();
                    let detail = if msg.is_empty() {
                        t
                    } else {
                        format!("{t}: {msg}")
                    };
                    return Err(RunModuleError(format!(
                        "Error while finding module specification for {} ({detail})",
                        kaa_repr::repr_str(name)
                    )));
                }
            }
        }
        if path.is_none() && crate::import::BUILTIN_MODULES.contains(&name) {
            return Err(RunModuleError(format!(
                "No code object available for {name}"
            )));
        }
        let found = self.find_spec_pub(name, path.as_deref());
        let Some(spec) = found else {
            return Err(RunModuleError(match package {
                Some(p) => format!(
                    "No module named {name}; '{p}' is a package and cannot be directly executed"
                ),
                None => format!("No module named {name}"),
            }));
        };
        if spec.search.is_some() {
            if package.is_some() {
                return Err(RunModuleError(format!(
                    "Cannot use package as __main__ module; '{name}' is a package \
                     and cannot be directly executed"
                )));
            }
            // A package runs its __main__ submodule (after importing the
            // package itself).
            if let Err(e) = self.gcd_import(name) {
                let t = e.type_name();
                let msg = self.str_of(&e.value()).unwrap_or_default();
                return Err(RunModuleError(format!(
                    "Error while finding module specification for {} ({t}: {msg})",
                    kaa_repr::repr_str(&format!("{name}.__main__"))
                )));
            }
            return self.main_module_spec(&format!("{name}.__main__"), Some(name));
        }
        let file = match &spec.found {
            Found::Source(p) | Found::Sourceless(p) => p.clone(),
            Found::Frozen(_) => format!("<frozen {name}>"),
            _ => {
                return Err(RunModuleError(format!(
                    "No code object available for {name}"
                )))
            }
        };
        Ok((spec, file))
    }
}

/// A native module object (CPython's `PyModule_Create`): `__name__`,
/// `__doc__` (None without `doc`), `__package__` `''`, `__loader__` and
/// `__spec__` None, then `values` in order, then a built-in function per
/// `functions` entry, named by its signature.
pub(crate) fn new_native_module(
    vm: &mut Vm,
    name: &str,
    doc: Option<&str>,
    values: Vec<(&str, Value)>,
    functions: &[(&str, crate::native::NativeFn)],
) -> ObjRef {
    let d = vm.new_dict_obj();
    let module = vm.new_module(name, d.clone());
    let standard = [
        ("__name__", vm.new_str(name)),
        ("__doc__", doc.map_or(Value::None, |t| vm.new_str(t))),
        ("__package__", vm.new_str("")),
        ("__loader__", Value::None),
        ("__spec__", Value::None),
    ];
    for (k, v) in standard.into_iter().chain(values) {
        let k = vm.new_str(k);
        crate::dict::dict_set_simple(vm, &d, k, v);
    }
    for (sig, f) in functions {
        let fname = sig.split('(').next().unwrap_or(sig);
        let k = vm.new_str(fname);
        let v = crate::builtins::make_builtin(vm, sig, *f);
        crate::dict::dict_set_simple(vm, &d, k, v);
    }
    module
}
