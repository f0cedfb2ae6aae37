//! Built-in functions and methods written in Rust, declared with one
//! pattern: an Argument Clinic–style signature line and a Rust function,
//! e.g. `("list.append($self, object, /)", list_append)`. The signature
//! gives the parameter names and kinds (`/` positional-only, `*`
//! keyword-only, `*args`, `**kwargs`, `=...` optional), and from it the
//! argument checking and CPython's TypeError wording follow:
//! `len() takes exactly one argument (2 given)` (one positional-only
//! parameter, METH_O), `list.copy() takes no arguments (1 given)` (none,
//! METH_NOARGS), `pop expected at most 1 argument, got 2` (positional-only),
//! `'x' is an invalid keyword argument for print()` (keywords).

use crate::exceptions::PyResult;
use crate::value::Value;
use crate::vm::Vm;

/// The Rust side of a built-in: receives the bound arguments.
pub type NativeFn = fn(&mut Vm, &Args<'_>) -> PyResult<Value>;

/// A parameter's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    /// Before `/`.
    PosOnly,
    /// Positional or keyword.
    PosOrKw,
    /// After `*`.
    KwOnly,
}

/// One parameter of a signature.
#[derive(Clone, Debug)]
pub struct Param {
    /// Its name.
    pub name: String,
    /// Its kind.
    pub kind: ParamKind,
    /// Whether it may be left out.
    pub optional: bool,
}

/// A parsed signature line.
#[derive(Clone, Debug)]
pub struct Sig {
    /// The name in messages (`append`).
    pub name: String,
    /// The qualified name (`list.append`).
    pub qualname: String,
    /// Whether the first parameter is `$self` (a method).
    pub has_self: bool,
    /// The named parameters (without `$self`, `*args`, `**kwargs`).
    pub params: Vec<Param>,
    /// Whether `*args` collects extra positional arguments.
    pub varargs: bool,
    /// Whether `**kwargs` collects extra keyword arguments.
    pub varkw: bool,
}

impl Sig {
    /// Parses `name($self, a, b=None, /, c, *, d=0, **kw)`.
    pub fn parse(text: &str) -> Sig {
        let (qualname, rest) = text.split_once('(').unwrap_or((text, ")"));
        let inner = rest.trim_end_matches(')');
        let mut name = qualname.rsplit('.').next().unwrap_or(qualname).to_string();
        let mut qualname = qualname.to_string();
        // A type's constructor (`int.__kaa_new__`) reports as `int()`.
        if name == "__kaa_new__" {
            name = qualname.split('.').next().unwrap_or("").to_string();
            qualname = name.clone();
        }
        let mut sig = Sig {
            name,
            qualname,
            has_self: false,
            params: Vec::new(),
            varargs: false,
            varkw: false,
        };
        let mut kw_only = false;
        for part in inner.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            if part == "$self" {
                sig.has_self = true;
            } else if part == "/" {
                for p in &mut sig.params {
                    p.kind = ParamKind::PosOnly;
                }
            } else if part == "*" {
                kw_only = true;
            } else if let Some(_n) = part.strip_prefix("**") {
                sig.varkw = true;
            } else if let Some(_n) = part.strip_prefix('*') {
                sig.varargs = true;
                kw_only = true;
            } else {
                let (pname, optional) = match part.split_once('=') {
                    Some((n, _)) => (n.trim(), true),
                    None => (part, false),
                };
                sig.params.push(Param {
                    name: pname.to_string(),
                    kind: if kw_only {
                        ParamKind::KwOnly
                    } else {
                        ParamKind::PosOrKw
                    },
                    optional,
                });
            }
        }
        sig
    }

    fn positional_max(&self) -> usize {
        self.params
            .iter()
            .filter(|p| p.kind != ParamKind::KwOnly)
            .count()
    }

    fn positional_min(&self) -> usize {
        self.params
            .iter()
            .filter(|p| p.kind != ParamKind::KwOnly && !p.optional)
            .count()
    }

    fn all_positional_only(&self) -> bool {
        !self.varkw && self.params.iter().all(|p| p.kind == ParamKind::PosOnly)
    }
}

/// A built-in function object's data.
pub struct Builtin {
    /// The signature.
    pub sig: Sig,
    /// The implementation.
    pub func: NativeFn,
}

/// Arguments bound to a signature's parameters.
pub struct Args<'a> {
    /// `self` for methods (None for functions).
    pub this: Value,
    /// One slot per named parameter; None when left out.
    pub slots: &'a [Option<Value>],
    /// Extra positional arguments (`*args`).
    pub rest: &'a [Value],
    /// Extra keyword arguments (`**kwargs`), names as str values.
    pub kwrest: &'a [(Value, Value)],
}

impl Args<'_> {
    /// Parameter `i`, if given.
    #[inline]
    pub fn get(&self, i: usize) -> Option<&Value> {
        self.slots.get(i).and_then(|s| s.as_ref())
    }

    /// Parameter `i` (a required one: always given after binding).
    #[inline]
    pub fn arg(&self, i: usize) -> &Value {
        const NONE: Value = Value::None;
        self.get(i).unwrap_or(&NONE)
    }

    /// Parameter `i`, or None when left out or given as None.
    pub fn opt(&self, i: usize) -> Option<&Value> {
        self.get(i).filter(|v| !v.is_none())
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Binds positional `args` and keyword `kwargs` (names, values) to `sig`
/// and calls `func`; `this` is `self` for methods.
pub fn call_native(
    vm: &mut Vm,
    sig: &Sig,
    func: NativeFn,
    this: Value,
    args: &[Value],
    kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let n = args.len();
    let np = sig.params.len();
    if sig.all_positional_only() && !sig.varargs {
        if !kwargs.is_empty() {
            return Err(vm.type_error(format!("{}() takes no keyword arguments", sig.name)));
        }
        let (min, max) = (sig.positional_min(), sig.positional_max());
        if n < min || n > max {
            let msg = if max == 0 {
                format!("{}() takes no arguments ({n} given)", sig.qualname)
            } else if max == 1 && min == 1 {
                format!("{}() takes exactly one argument ({n} given)", sig.qualname)
            } else if min == max {
                format!("{} expected {}, got {n}", sig.name, plural(max, "argument"))
            } else if n < min {
                format!(
                    "{} expected at least {}, got {n}",
                    sig.name,
                    plural(min, "argument")
                )
            } else {
                format!(
                    "{} expected at most {}, got {n}",
                    sig.name,
                    plural(max, "argument")
                )
            };
            return Err(vm.type_error(msg));
        }
    }
    let mut small: [Option<Value>; 8] = Default::default();
    let mut big: Vec<Option<Value>>;
    let slots: &mut [Option<Value>] = if np <= 8 {
        &mut small[..np]
    } else {
        big = vec![None; np];
        &mut big[..]
    };
    let max_pos = sig.positional_max();
    let take = n.min(max_pos);
    for (slot, a) in slots.iter_mut().zip(&args[..take]) {
        *slot = Some(a.clone());
    }
    let rest = if n > max_pos {
        if !sig.varargs {
            let msg = if max_pos == 0 {
                format!("{}() takes no positional arguments", sig.name)
            } else {
                format!(
                    "{}() takes at most {} ({n} given)",
                    sig.name,
                    plural(max_pos, "argument")
                )
            };
            return Err(vm.type_error(msg));
        }
        &args[max_pos..]
    } else {
        &[][..]
    };
    let mut kwrest = Vec::new();
    for (k, v) in kwargs {
        let kname = k.as_str().unwrap_or("");
        match sig
            .params
            .iter()
            .position(|p| p.name == kname && p.kind != ParamKind::PosOnly)
        {
            Some(i) => {
                if slots[i].is_some() {
                    return Err(vm.type_error(format!(
                        "argument for {}() given by name ('{kname}') and position ({})",
                        sig.name,
                        i + 1
                    )));
                }
                slots[i] = Some(v.clone());
            }
            None if sig.varkw => kwrest.push((k.clone(), v.clone())),
            None => {
                return Err(vm.type_error(format!(
                    "'{kname}' is an invalid keyword argument for {}()",
                    sig.name
                )))
            }
        }
    }
    for (i, p) in sig.params.iter().enumerate() {
        if slots[i].is_none() && !p.optional {
            let msg = if p.kind == ParamKind::KwOnly {
                format!(
                    "{}() missing required keyword-only argument '{}'",
                    sig.name, p.name
                )
            } else {
                format!(
                    "{}() missing required argument '{}' (pos {})",
                    sig.name,
                    p.name,
                    i + 1
                )
            };
            return Err(vm.type_error(msg));
        }
    }
    let bound = Args {
        this,
        slots,
        rest,
        kwrest: &kwrest,
    };
    func(vm, &bound)
}
