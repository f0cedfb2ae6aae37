//! The import system: CPython 3.11's `importlib._bootstrap` and the path
//! finder of `importlib._bootstrap_external`, in Rust — `sys.modules`,
//! `import a.b.c`, relative imports, from-lists, `import *`,
//! `__import__`, finding `name.py`, packages (`name/__init__.py`),
//! namespace packages and sourceless `name.pyc` on `sys.path`, with
//! CPython's error messages. Loading a module (the bytecode cache, the
//! module object) is in [`crate::module`].

use crate::exceptions::{PyErr, PyResult};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// How imports behave, set by the embedder (the `kaa` command line).
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// The initial `sys.path`.
    pub path: Vec<String>,
    /// The initial `sys.dont_write_bytecode` (`-B`,
    /// `PYTHONDONTWRITEBYTECODE`).
    pub dont_write_bytecode: bool,
    /// `sys.pycache_prefix` (`-X pycache_prefix=`, `PYTHONPYCACHEPREFIX`).
    pub pycache_prefix: Option<String>,
    /// The optimization level (`-O` count): selects `.opt-N.pyc` files and
    /// is `compile()`'s default.
    pub optimize: u32,
    /// `--check-hash-based-pycs`.
    pub check_hash_based_pycs: kaa_bytecode::cache::CheckHashBasedPycs,
    /// `sys.executable`.
    pub executable: String,
}

/// The import system's state in a Vm.
#[derive(Default)]
pub struct ImportState {
    /// `sys.modules` (the dict the interpreter uses even if `sys.modules`
    /// is rebound, as CPython's `interp->modules`).
    pub(crate) modules: Option<ObjRef>,
    /// The `builtins` module object.
    pub(crate) builtins_module: Option<ObjRef>,
    /// Modules whose body is running (CPython's `spec._initializing`).
    pub(crate) initializing: Vec<ObjRef>,
}

/// The built-in modules (`sys.builtin_module_names`, sorted).
pub const BUILTIN_MODULES: &[&str] = &[
    "_kaa_dis",
    "_kaa_itertools",
    "_kaa_operator",
    "_kaa_pyc",
    "_random",
    "builtins",
    "cmath",
    "marshal",
    "math",
    "sys",
    "time",
];

/// What makes a native module.
pub(crate) type MakeModule = fn(&mut Vm) -> ObjRef;

/// The native modules made on first import, by name (`builtins` and `sys`
/// exist from the start and are not listed). A new native module is one
/// entry here and one in [`BUILTIN_MODULES`].
pub(crate) const NATIVE_MODULES: &[(&str, MakeModule)] = &[
    ("_kaa_dis", crate::dismod::kaa_dis_module),
    ("_kaa_pyc", crate::pycmod::kaa_pyc_module),
    ("marshal", crate::marshalmod::marshal_module),
    ("cmath", crate::cmathmod::cmath_module),
    ("math", crate::mathmod::math_module),
    ("time", crate::timemod::time_module),
    ("_random", crate::randommod::random_module),
    ("_kaa_itertools", crate::itertoolsmod::kaa_itertools_module),
    ("_kaa_operator", crate::operatormod::kaa_operator_module),
];

/// Modules written in Python and frozen into kaa (crates/kaa-vm/lib),
/// compiled through the compile hook when first imported. A package is
/// its `__init__` source under the package name, its submodules under
/// their dotted names (`("collections.abc", ...)`).
pub const FROZEN_MODULES: &[(&str, &str)] = &[
    ("__future__", include_str!("../lib/__future__.py")),
    ("bisect", include_str!("../lib/bisect.py")),
    ("compileall", include_str!("../lib/compileall.py")),
    ("copy", include_str!("../lib/copy.py")),
    ("dis", include_str!("../lib/dis.py")),
    ("functools", include_str!("../lib/functools.py")),
    ("heapq", include_str!("../lib/heapq.py")),
    ("importlib", include_str!("../lib/importlib.py")),
    ("itertools", include_str!("../lib/itertools.py")),
    ("keyword", include_str!("../lib/keyword.py")),
    ("operator", include_str!("../lib/operator.py")),
    ("py_compile", include_str!("../lib/py_compile.py")),
    ("random", include_str!("../lib/random.py")),
    ("string", include_str!("../lib/string.py")),
];

/// Where a module was found (a `ModuleSpec`, reduced to what kaa needs).
#[derive(Clone, Debug)]
pub(crate) enum Found {
    /// A built-in module.
    Builtin,
    /// A frozen module: its source.
    Frozen(&'static str),
    /// A source file (`name.py` or `name/__init__.py`).
    Source(String),
    /// A sourceless `name.pyc`.
    Sourceless(String),
    /// A namespace package (its portions are the spec's `search`).
    Namespace,
}

/// A found module: its full name, origin and, for packages, `__path__`.
#[derive(Clone, Debug)]
pub(crate) struct Spec {
    /// The full dotted name.
    pub name: String,
    /// Where it comes from.
    pub found: Found,
    /// The package's `__path__` (None for plain modules).
    pub search: Option<Vec<String>>,
}

impl Spec {
    /// `spec.parent`: the package for `__package__`.
    pub fn parent(&self) -> String {
        if self.search.is_some() {
            self.name.clone()
        } else {
            self.name
                .rsplit_once('.')
                .map_or(String::new(), |(p, _)| p.to_string())
        }
    }
}

impl Vm {
    /// `sys.modules` (made on first use, holding `builtins` and `sys`).
    pub(crate) fn modules_dict(&mut self) -> ObjRef {
        if let Some(m) = &self.imports.modules {
            return m.clone();
        }
        let d = self.new_dict_obj();
        self.imports.modules = Some(d.clone());
        let b = self.builtins_module();
        let k = self.new_str("builtins");
        crate::dict::dict_set_simple(self, &d, k, Value::Obj(b));
        let s = self.sys_module_obj();
        let k = self.new_str("sys");
        crate::dict::dict_set_simple(self, &d, k, Value::Obj(s));
        d
    }

    /// The `builtins` module object.
    pub(crate) fn builtins_module(&mut self) -> ObjRef {
        if let Some(m) = &self.imports.builtins_module {
            return m.clone();
        }
        let m = self.new_module("builtins", self.builtins.clone());
        self.imports.builtins_module = Some(m.clone());
        m
    }

    /// `sys.modules.get(name)`.
    pub(crate) fn module_cached(&mut self, name: &str) -> Option<Value> {
        let d = self.modules_dict();
        crate::dict::dict_get_str(&d, name)
    }

    /// An ImportError (or subclass `class`) with CPython's `name` and
    /// `path` attributes.
    pub(crate) fn import_error(
        &self,
        class: &str,
        msg: impl Into<String>,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let e = self.new_error(class, msg);
        if let Some(d) = &e.exc.dict {
            let v = name.map_or(Value::None, |n| self.new_str(n));
            let k = self.new_str("name");
            crate::dict::dict_set_simple(self, d, k, v);
            let v = path.map_or(Value::None, |p| self.new_str(p));
            let k = self.new_str("path");
            crate::dict::dict_set_simple(self, d, k, v);
            let k = self.new_str("msg");
            if let Some(m) = self.exc_args(&e.exc).first().cloned() {
                crate::dict::dict_set_simple(self, d, k, m);
            }
        }
        e
    }

    /// IMPORT_NAME: `__import__(name, globals, None, fromlist, level)`.
    pub(crate) fn import_name(
        &mut self,
        globals: &ObjRef,
        name: &Value,
        fromlist: &Value,
        level: &Value,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(i) => *i,
            _ => 0,
        };
        let g = Value::Obj(globals.clone());
        self.import_module_level(name, Some(&g), fromlist, level)
    }

    /// `importlib.__import__` (`PyImport_ImportModuleLevelObject`).
    pub fn import_module_level(
        &mut self,
        name: &Value,
        globals: Option<&Value>,
        fromlist: &Value,
        level: i64,
    ) -> PyResult<Value> {
        let Some(name) = name.as_str().map(str::to_string) else {
            return Err(self
                .type_error("module name must be str, not ".to_string() + &self.type_name(name)));
        };
        if level < 0 {
            return Err(self.value_error("level must be >= 0"));
        }
        let abs_name = if level > 0 {
            self.resolve_name(&name, globals, level)?
        } else {
            if name.is_empty() {
                return Err(self.value_error("Empty module name"));
            }
            name.clone()
        };
        let module = self.gcd_import(&abs_name)?;
        let has_from = !fromlist.is_none() && self.is_true(fromlist)?;
        if !has_from {
            if level == 0 || !name.is_empty() {
                let Some((first, _)) = name.split_once('.') else {
                    return Ok(module);
                };
                if level == 0 {
                    return self.gcd_import(first);
                }
                // `from .a.b import` without a from-list: the module
                // `len(name) - len(first)` characters short of abs_name.
                let cut = name.len() - first.len();
                let front = abs_name
                    .get(..abs_name.len().saturating_sub(cut))
                    .unwrap_or("")
                    .to_string();
                return match self.module_cached(&front) {
                    Some(m) => Ok(m),
                    None => Err(self.key_error(self.new_str(&front))),
                };
            }
            return Ok(module);
        }
        if self.lookup_attr(&module, "__path__")?.is_some() {
            self.handle_fromlist(&module, fromlist, false)?;
        }
        Ok(module)
    }

    /// `_calc___package__` + `_resolve_name`: the absolute name of a
    /// relative import.
    fn resolve_name(
        &mut self,
        name: &str,
        globals: Option<&Value>,
        level: i64,
    ) -> PyResult<String> {
        let lookup = |vm: &mut Vm, key: &str| -> PyResult<Option<Value>> {
            match globals {
                Some(g) if !g.is_none() => {
                    let k = vm.new_str(key);
                    vm.mapping_get(g, &k)
                }
                _ => Ok(None),
            }
        };
        if let Some(g) = globals {
            if !g.is_none() && !matches!(g.payload(), Some(Payload::Dict(_))) {
                return Err(self.type_error("globals must be a dict"));
            }
        }
        let package = lookup(self, "__package__")?.filter(|v| !v.is_none());
        let spec = lookup(self, "__spec__")?.filter(|v| !v.is_none());
        let package: String = if let Some(p) = package {
            match p.as_str() {
                Some(s) => s.to_string(),
                None => return Err(self.type_error("package must be a string")),
            }
        } else if let Some(spec) = spec {
            let parent = self.lookup_attr(&spec, "parent")?;
            parent
                .as_ref()
                .and_then(|p| p.as_str())
                .unwrap_or("")
                .to_string()
        } else {
            let n = lookup(self, "__name__")?;
            let Some(n) = n.as_ref().and_then(|v| v.as_str()).map(str::to_string) else {
                return Err(self.import_error("KeyError", "'__name__' not in globals", None, None));
            };
            if lookup(self, "__path__")?.is_some() {
                n
            } else {
                n.rsplit_once('.')
                    .map_or(String::new(), |(p, _)| p.to_string())
            }
        };
        if package.is_empty() {
            return Err(self.import_error(
                "ImportError",
                "attempted relative import with no known parent package",
                None,
                None,
            ));
        }
        let bits: Vec<&str> = package.rsplitn(level as usize, '.').collect();
        if (bits.len() as i64) < level {
            return Err(self.import_error(
                "ImportError",
                "attempted relative import beyond top-level package",
                None,
                None,
            ));
        }
        let base = bits.last().copied().unwrap_or("");
        Ok(if name.is_empty() {
            base.to_string()
        } else {
            format!("{base}.{name}")
        })
    }

    /// `_gcd_import`: the module `name` (absolute), imported if needed.
    pub(crate) fn gcd_import(&mut self, name: &str) -> PyResult<Value> {
        match self.module_cached(name) {
            Some(Value::None) => Err(self.import_error(
                "ModuleNotFoundError",
                format!("import of {name} halted; None in sys.modules"),
                Some(name),
                None,
            )),
            Some(m) => Ok(m),
            None => self.find_and_load(name),
        }
    }

    /// `_find_and_load_unlocked`.
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let mut path = None;
        let mut parent_module = None;
        if let Some((parent, _)) = name.rsplit_once('.').filter(|(p, _)| !p.is_empty()) {
            if self.module_cached(parent).is_none() {
                self.gcd_import(parent)?;
            }
            // The parent's import may have imported this module too.
            if let Some(m) = self.module_cached(name) {
                return Ok(m);
            }
            let pm = self.module_cached(parent).unwrap_or(Value::None);
            match self.lookup_attr(&pm, "__path__")? {
                Some(p) => {
                    let items = self.collect(&p)?;
                    path = Some(
                        items
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect::<Vec<_>>(),
                    );
                }
                None => {
                    return Err(self.import_error(
                        "ModuleNotFoundError",
                        format!(
                            "No module named {}; {} is not a package",
                            kaa_repr::repr_str(name),
                            kaa_repr::repr_str(parent)
                        ),
                        Some(name),
                        None,
                    ))
                }
            }
            parent_module = Some(pm);
        }
        let Some(spec) = self.find_spec(name, path.as_deref())? else {
            return Err(self.import_error(
                "ModuleNotFoundError",
                format!("No module named {}", kaa_repr::repr_str(name)),
                Some(name),
                None,
            ));
        };
        let module = self.load_spec(&spec)?;
        if let (Some(pm), Some((_, child))) = (parent_module, name.rsplit_once('.')) {
            let k = self.new_str(child);
            self.set_attr(&pm, &k, module.clone())?;
        }
        Ok(module)
    }

    /// `_find_spec`: the built-in importer, then the path finder over
    /// `path` (a package's `__path__`) or `sys.path`.
    fn find_spec(&mut self, name: &str, path: Option<&[String]>) -> PyResult<Option<Spec>> {
        if path.is_none() && BUILTIN_MODULES.contains(&name) {
            return Ok(Some(Spec {
                name: name.to_string(),
                found: Found::Builtin,
                search: None,
            }));
        }
        // The frozen importer knows submodules by their full dotted name
        // (`collections.abc`); a frozen name with frozen submodules is a
        // package whose `__path__` is empty, as CPython's frozen packages.
        if let Some((_, src)) = FROZEN_MODULES.iter().find(|(n, _)| *n == name) {
            let is_package = FROZEN_MODULES
                .iter()
                .any(|(n, _)| n.strip_prefix(name).is_some_and(|t| t.starts_with('.')));
            return Ok(Some(Spec {
                name: name.to_string(),
                found: Found::Frozen(src),
                search: is_package.then(Vec::new),
            }));
        }
        let entries: Vec<String> = match path {
            Some(p) => p.to_vec(),
            None => self.sys_path()?,
        };
        let tail = name.rsplit('.').next().unwrap_or(name);
        // FileFinder matches names against directory listings: a name
        // with a path separator or NUL (or an empty one) names no file.
        if tail.is_empty() || tail.contains(['/', '\0']) {
            return Ok(None);
        }
        let mut namespace = Vec::new();
        for entry in entries {
            // FileFinder: '' is the current directory.
            let dir = if entry.is_empty() {
                match std::env::current_dir() {
                    Ok(d) => d.to_string_lossy().into_owned(),
                    Err(_) => continue,
                }
            } else {
                entry.clone()
            };
            let base = format!("{}/{tail}", dir.trim_end_matches('/'));
            let base = if dir == "/" { format!("/{tail}") } else { base };
            if is_dir(&base) {
                let init = format!("{base}/__init__.py");
                if is_file(&init) {
                    return Ok(Some(Spec {
                        name: name.to_string(),
                        found: Found::Source(init),
                        search: Some(vec![base]),
                    }));
                }
                let initc = format!("{base}/__init__.pyc");
                if is_file(&initc) {
                    return Ok(Some(Spec {
                        name: name.to_string(),
                        found: Found::Sourceless(initc),
                        search: Some(vec![base]),
                    }));
                }
                namespace.push(base.clone());
            }
            let py = format!("{base}.py");
            if is_file(&py) {
                return Ok(Some(Spec {
                    name: name.to_string(),
                    found: Found::Source(py),
                    search: None,
                }));
            }
            let pyc = format!("{base}.pyc");
            if is_file(&pyc) {
                return Ok(Some(Spec {
                    name: name.to_string(),
                    found: Found::Sourceless(pyc),
                    search: None,
                }));
            }
        }
        if namespace.is_empty() {
            return Ok(None);
        }
        Ok(Some(Spec {
            name: name.to_string(),
            found: Found::Namespace,
            search: Some(namespace),
        }))
    }

    /// [`Vm::find_spec`] for `-m` (errors while searching read as "not
    /// found").
    pub(crate) fn find_spec_pub(&mut self, name: &str, path: Option<&[String]>) -> Option<Spec> {
        self.find_spec(name, path).ok().flatten()
    }

    /// The str entries of `sys.path` now.
    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let sys = Value::Obj(self.sys_module_obj());
        let Some(p) = self.lookup_attr(&sys, "path")? else {
            return Err(self.import_error(
                "ImportError",
                "sys.path must be a list of directory names",
                None,
                None,
            ));
        };
        let items = match p.payload() {
            Some(Payload::List(l)) => l.borrow().clone(),
            _ => self.collect(&p)?,
        };
        Ok(items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect())
    }

    /// `_handle_fromlist`: imports the submodules a from-list names.
    fn handle_fromlist(
        &mut self,
        module: &Value,
        fromlist: &Value,
        recursive: bool,
    ) -> PyResult<()> {
        let items = self.collect(fromlist)?;
        for x in items {
            let Some(xs) = x.as_str().map(str::to_string) else {
                let where_ = if recursive {
                    let n = self.module_name(module)?;
                    format!("{n}.__all__")
                } else {
                    "``from list''".to_string()
                };
                return Err(self.type_error(format!(
                    "Item in {where_} must be str, not {}",
                    self.type_name(&x)
                )));
            };
            if xs == "*" {
                if !recursive {
                    if let Some(all) = self.lookup_attr(module, "__all__")? {
                        self.handle_fromlist(module, &all, true)?;
                    }
                }
                continue;
            }
            if self.lookup_attr(module, &xs)?.is_some() {
                continue;
            }
            let from_name = format!("{}.{xs}", self.module_name(module)?);
            if let Err(e) = self.gcd_import(&from_name) {
                // A submodule that does not exist is no error here: the
                // IMPORT_FROM that follows reports the missing name.
                let missing = self.err_matches(&e, "ModuleNotFoundError")
                    && self.exc_attr(&e, "name").as_ref().and_then(|v| v.as_str())
                        == Some(from_name.as_str());
                let blocked = matches!(self.module_cached(&from_name), Some(Value::None));
                if missing && !blocked {
                    continue;
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// A module's `__name__` as a String.
    fn module_name(&mut self, module: &Value) -> PyResult<String> {
        let n = self.lookup_attr(module, "__name__")?;
        Ok(n.as_ref()
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string())
    }

    /// `_PyObject_LookupAttr`: `obj.name`, None when missing (an
    /// AttributeError, e.g. from a module's `__getattr__`, reads as
    /// missing).
    pub(crate) fn lookup_attr(&mut self, obj: &Value, n: &str) -> PyResult<Option<Value>> {
        match self.get_attr_opt(obj, n) {
            Err(e) if self.err_matches(&e, "AttributeError") => Ok(None),
            r => r,
        }
    }

    /// An attribute of a raised exception kept in its `__dict__`.
    pub(crate) fn exc_attr(&self, e: &PyErr, name: &str) -> Option<Value> {
        e.exc
            .dict
            .as_ref()
            .and_then(|d| crate::dict::dict_get_str(d, name))
    }

    /// IMPORT_FROM (`_PyEval_ImportFrom`): `module.name`, else the
    /// submodule `sys.modules[module.__name__ + '.' + name]`, else
    /// CPython's ImportError.
    pub(crate) fn import_from(&mut self, module: &Value, name: &Value) -> PyResult<Value> {
        let n = name.as_str().unwrap_or("").to_string();
        match self.get_attr(module, name) {
            Ok(v) => return Ok(v),
            Err(e) if !self.err_matches(&e, "AttributeError") => return Err(e),
            Err(_) => {}
        }
        let pkgname = self
            .lookup_attr(module, "__name__")
            .ok()
            .flatten()
            .and_then(|v| v.as_str().map(str::to_string));
        if let Some(p) = &pkgname {
            if let Some(m) = self.module_cached(&format!("{p}.{n}")) {
                if !m.is_none() {
                    return Ok(m);
                }
            }
        }
        let pkgpath = self
            .lookup_attr(module, "__file__")
            .ok()
            .flatten()
            .and_then(|v| v.as_str().map(str::to_string));
        let shown = pkgname
            .clone()
            .unwrap_or_else(|| "<unknown module name>".into());
        let initializing = matches!(module, Value::Obj(o)
            if self.imports.initializing.iter().any(|m| m.ptr_eq(o)));
        let rn = kaa_repr::repr_str(&n);
        let rm = kaa_repr::repr_str(&shown);
        let msg = if initializing {
            format!(
                "cannot import name {rn} from partially initialized module {rm} \
                 (most likely due to a circular import) ({})",
                pkgpath.as_deref().unwrap_or("unknown location")
            )
        } else {
            match &pkgpath {
                Some(p) => format!("cannot import name {rn} from {rm} ({p})"),
                None => format!("cannot import name {rn} from {rm} (unknown location)"),
            }
        };
        Err(self.import_error("ImportError", msg, pkgname.as_deref(), pkgpath.as_deref()))
    }

    /// IMPORT_STAR (`import_all_from`): binds the module's public names
    /// (`__all__`, else the names not starting with `_`) in `locals`.
    pub(crate) fn import_star(&mut self, module: &Value, locals: Option<Value>) -> PyResult<()> {
        let Some(locals) = locals else {
            return Err(self.system_error("no locals found during 'import *'"));
        };
        let (names, from_all) = match self.lookup_attr(module, "__all__")? {
            Some(all) => (self.collect(&all)?, true),
            None => {
                let Some(d) = self.lookup_attr(module, "__dict__")? else {
                    return Err(self.import_error(
                        "ImportError",
                        "from-import-* object has no __dict__ and no __all__",
                        None,
                        None,
                    ));
                };
                let keys = match d.as_obj() {
                    Some(o) if matches!(o.payload, Payload::Dict(_)) => crate::dict::dict_items(o)
                        .into_iter()
                        .map(|(k, _)| k)
                        .collect(),
                    _ => self.collect(&d)?,
                };
                (keys, false)
            }
        };
        for name in names {
            let Some(s) = name.as_str().map(str::to_string) else {
                let where_ = if from_all {
                    format!("{}.__all__", self.module_name(module)?)
                } else {
                    format!("{}.__dict__", self.module_name(module)?)
                };
                return Err(self.type_error(format!(
                    "{} in {where_} must be str, not {}",
                    if from_all { "Item" } else { "Key" },
                    self.type_name(&name)
                )));
            };
            if !from_all && s.starts_with('_') {
                continue;
            }
            let v = self.get_attr(module, &name)?;
            self.set_item(&locals, name, v)?;
        }
        Ok(())
    }
}

/// Whether `p` is a directory.
fn is_dir(p: &str) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.is_dir())
}

/// Whether `p` is a file (or anything not a directory that exists).
fn is_file(p: &str) -> bool {
    std::fs::metadata(p).is_ok_and(|m| !m.is_dir())
}
