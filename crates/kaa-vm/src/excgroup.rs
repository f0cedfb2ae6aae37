//! Exception groups (PEP 654) as CPython 3.11's Objects/exceptions.c:
//! `BaseExceptionGroup(message, exceptions)` with its checks and its choice
//! of `ExceptionGroup`, `derive`, `split`, `subgroup`, and the `except*`
//! machinery of ceval: CHECK_EG_MATCH (`exception_group_match`) and
//! PREP_RERAISE_STAR (`_PyExc_PrepReraiseStar`).

use crate::exceptions::{exc_data, PyResult};
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// What `split`/`subgroup` test each exception with.
enum Matcher {
    /// An exception type or tuple of types.
    Types(Value),
    /// A predicate called with each exception.
    Pred(Value),
    /// The identities of leaf exceptions (PREP_RERAISE_STAR's projection).
    Ids(Vec<usize>),
}

impl Vm {
    fn is_group(&self, v: &Value) -> bool {
        self.isinstance(v, &self.exc_type("BaseExceptionGroup"))
    }

    /// `eg.exceptions` as a vector.
    fn group_items(&mut self, eg: &Value) -> PyResult<Vec<Value>> {
        let args = match eg.as_obj() {
            Some(o) => self.exc_args(o),
            None => Vec::new(),
        };
        match args.get(1) {
            Some(v) => self.collect(v),
            None => Ok(Vec::new()),
        }
    }

    /// BaseExceptionGroup.__new__ for `cls` (BaseExceptionGroup or
    /// ExceptionGroup) and args.
    fn new_group(&mut self, cls_name: &str, args: &[Value]) -> PyResult<Value> {
        if args.len() != 2 {
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
                args.len()
            )));
        }
        if args[0].as_str().is_none() {
            return Err(self.type_error(format!(
                "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
                self.type_name(&args[0])
            )));
        }
        let is_seq = matches!(
            args[1].payload(),
            Some(Payload::List(_) | Payload::Tuple(_) | Payload::Range(_))
        ) || (self.is_heap(&args[1])
            && self.user_method(&args[1], "__getitem__").is_some()
            && self.user_method(&args[1], "__len__").is_some());
        if !is_seq {
            return Err(self.type_error("second argument (exceptions) must be a sequence"));
        }
        let items = self.collect(&args[1])?;
        if items.is_empty() {
            return Err(
                self.value_error("second argument (exceptions) must be a non-empty sequence")
            );
        }
        let base = self.exc_type("BaseException");
        let exc = self.exc_type("Exception");
        let mut nested_base = false;
        for (i, e) in items.iter().enumerate() {
            if !self.isinstance(e, &base) {
                return Err(self.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
            if !self.isinstance(e, &exc) {
                nested_base = true;
            }
        }
        let cls = if cls_name == "BaseExceptionGroup" {
            if nested_base {
                "BaseExceptionGroup"
            } else {
                "ExceptionGroup"
            }
        } else {
            if nested_base {
                return Err(self.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
            }
            "ExceptionGroup"
        };
        let t = self.exc_type(cls);
        Ok(Value::Obj(self.new_exception(&t, args.to_vec())))
    }

    /// `BaseExceptionGroup(message, excs)` choosing the class.
    fn create_group(&mut self, msg: Value, excs: Vec<Value>) -> PyResult<Value> {
        let l = self.new_list(excs);
        self.new_group("BaseExceptionGroup", &[msg, l])
    }

    fn get_matcher(&mut self, v: &Value) -> PyResult<Matcher> {
        let is_type = matches!(v.payload(), Some(Payload::Type(_)));
        let callable = matches!(
            v.payload(),
            Some(Payload::Function(_) | Payload::Builtin(_) | Payload::BoundMethod(_))
        ) || crate::types::lookup(&self.type_of(v), "__call__").is_some();
        if callable && !is_type {
            return Ok(Matcher::Pred(v.clone()));
        }
        let base = self.exc_type("BaseException");
        let is_exc_class = |x: &Value| matches!(x, Value::Obj(o) if matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, &base));
        let ok = match v.as_tuple() {
            Some(items) => items.iter().all(is_exc_class),
            None => is_exc_class(v),
        };
        if !ok {
            return Err(
                self.type_error("expected a function, exception type or tuple of exception types")
            );
        }
        Ok(Matcher::Types(v.clone()))
    }

    fn matches(&mut self, e: &Value, m: &Matcher) -> PyResult<bool> {
        match m {
            Matcher::Types(t) => self.exception_matches(e, t),
            Matcher::Pred(p) => {
                let r = self.call(p, std::slice::from_ref(e))?;
                self.is_true(&r)
            }
            Matcher::Ids(ids) => Ok(e.as_obj().is_some_and(|o| ids.contains(&o.id()))),
        }
    }

    /// exceptiongroup_split_recursive: (match, rest), None for empty.
    fn split_rec(
        &mut self,
        e: &Value,
        m: &Matcher,
        want_rest: bool,
        depth: usize,
    ) -> PyResult<(Option<Value>, Option<Value>)> {
        if self.matches(e, m)? {
            return Ok((Some(e.clone()), None));
        }
        if !self.is_group(e) || depth > 1000 {
            return Ok((None, want_rest.then(|| e.clone())));
        }
        let items = self.group_items(e)?;
        let mut matched = Vec::new();
        let mut rest = Vec::new();
        for x in &items {
            let (a, b) = self.split_rec(x, m, want_rest, depth + 1)?;
            matched.extend(a);
            rest.extend(b);
        }
        let a = self.subset(e, &items, matched)?;
        let b = if want_rest {
            self.subset(e, &items, rest)?
        } else {
            None
        };
        Ok((a, b))
    }

    /// exceptiongroup_subset: `eg` itself when nothing changed, else
    /// `eg.derive(excs)` with eg's traceback, cause, context and notes.
    fn subset(&mut self, eg: &Value, orig: &[Value], excs: Vec<Value>) -> PyResult<Option<Value>> {
        if excs.is_empty() {
            return Ok(None);
        }
        if excs.len() == orig.len() && excs.iter().zip(orig).all(|(a, b)| a.is(b)) {
            return Ok(Some(eg.clone()));
        }
        let derive = self.get_attr(eg, &self.new_str("derive"))?;
        let l = self.new_list(excs);
        let r = self.call(&derive, &[l])?;
        if !self.is_group(&r) {
            return Err(self.type_error("derive must return an instance of BaseExceptionGroup"));
        }
        if let (Some(src), Some(dst)) = (
            eg.as_obj().and_then(exc_data),
            r.as_obj().and_then(exc_data),
        ) {
            *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
            *dst.context.borrow_mut() = src.context.borrow().clone();
            *dst.cause.borrow_mut() = src.cause.borrow().clone();
        }
        if let Some(notes) = self.get_attr_opt(eg, "__notes__")? {
            if matches!(notes.payload(), Some(Payload::List(_) | Payload::Tuple(_))) {
                let items = self.collect(&notes)?;
                let copy = self.new_list(items);
                self.set_attr(&r, &self.new_str("__notes__"), copy)?;
            }
        }
        Ok(Some(r))
    }

    /// CHECK_EG_MATCH: (rest, match) for `exc` and the except* type, or
    /// None when nothing matched.
    pub(crate) fn eg_match(&mut self, exc: &Value, t: &Value) -> PyResult<Option<(Value, Value)>> {
        // check_except_star_type_valid
        let group = self.exc_type("BaseExceptionGroup");
        let types: Vec<Value> = match t.as_tuple() {
            Some(items) => items.to_vec(),
            None => vec![t.clone()],
        };
        for ty in &types {
            if let Value::Obj(o) = ty {
                if matches!(o.payload, Payload::Type(_)) && crate::types::is_subtype(o, &group) {
                    return Err(self.type_error(
                        "catching ExceptionGroup with except* is not allowed. Use except instead.",
                    ));
                }
            }
        }
        if exc.is_none() {
            return Ok(None);
        }
        if self.exception_matches(exc, t)? {
            if self.is_group(exc) {
                return Ok(Some((Value::None, exc.clone())));
            }
            // A naked exception is wrapped in a group with its traceback.
            let tup = self.new_tuple(vec![exc.clone()]);
            let g = self.new_group("BaseExceptionGroup", &[self.new_str(""), tup])?;
            if let (Some(src), Some(dst)) = (
                exc.as_obj().and_then(exc_data),
                g.as_obj().and_then(exc_data),
            ) {
                *dst.traceback.borrow_mut() = src.traceback.borrow().clone();
            }
            return Ok(Some((Value::None, g)));
        }
        if self.is_group(exc) {
            let split = self.get_attr(exc, &self.new_str("split"))?;
            let pair = self.call(&split, std::slice::from_ref(t))?;
            let items = pair.as_tuple().map(|t| t.to_vec()).unwrap_or_default();
            if items.len() != 2 {
                return Err(self.type_error("X.split(Y) must return a tuple, not ..."));
            }
            if items[0].is_none() {
                return Ok(None);
            }
            return Ok(Some((items[1].clone(), items[0].clone())));
        }
        Ok(None)
    }

    /// PREP_RERAISE_STAR: what an except* block raises when it is done.
    pub(crate) fn prep_reraise_star(&mut self, orig: &Value, excs: &Value) -> PyResult<Value> {
        let excs = self.collect(excs)?;
        if excs.is_empty() {
            return Ok(Value::None);
        }
        if !self.is_group(orig) {
            // A naked exception was caught and wrapped: at most one raise.
            return Ok(excs[0].clone());
        }
        let mut raised = Vec::new();
        let mut reraised = Vec::new();
        for e in excs {
            if e.is_none() {
                continue;
            }
            if same_metadata(&e, orig) {
                reraised.push(e);
            } else {
                raised.push(e);
            }
        }
        // The projection of orig on the re-raised leaves.
        let mut ids = Vec::new();
        for e in &reraised {
            self.leaf_ids(e, &mut ids, 0)?;
        }
        let reraised_eg = if ids.is_empty() {
            None
        } else {
            self.split_rec(orig, &Matcher::Ids(ids), false, 0)?.0
        };
        if raised.is_empty() {
            return Ok(reraised_eg.unwrap_or(Value::None));
        }
        raised.extend(reraised_eg);
        if raised.len() > 1 {
            self.create_group(self.new_str(""), raised)
        } else {
            Ok(raised.pop().unwrap_or(Value::None))
        }
    }

    fn leaf_ids(&mut self, e: &Value, out: &mut Vec<usize>, depth: usize) -> PyResult<()> {
        if self.is_group(e) && depth < 1000 {
            for x in self.group_items(e)? {
                self.leaf_ids(&x, out, depth + 1)?;
            }
        } else if let Some(o) = e.as_obj() {
            out.push(o.id());
        }
        Ok(())
    }
}

/// is_same_exception_metadata: same traceback, cause and context.
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (a.as_obj().and_then(exc_data), b.as_obj().and_then(exc_data)) else {
        return false;
    };
    let (ta, tb) = (x.traceback.borrow(), y.traceback.borrow());
    ta.len() == tb.len()
        && ta
            .iter()
            .zip(tb.iter())
            .all(|(p, q)| std::rc::Rc::ptr_eq(&p.code, &q.code) && p.lasti == q.lasti)
        && x.cause.borrow().is(&y.cause.borrow())
        && x.context.borrow().is(&y.context.borrow())
}

fn this_group(vm: &Vm, a: &Args<'_>) -> PyResult<Value> {
    if vm.is_group(&a.this) {
        Ok(a.this.clone())
    } else {
        Err(vm.type_error("descriptor requires a 'BaseExceptionGroup' object"))
    }
}

fn beg_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let args = a.rest.to_vec();
    vm.new_group("BaseExceptionGroup", &args)
}

fn eg_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let args = a.rest.to_vec();
    vm.new_group("ExceptionGroup", &args)
}

fn derive(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = this_group(vm, a)?;
    let msg = match g.as_obj() {
        Some(o) => vm.exc_args(o).first().cloned().unwrap_or(Value::None),
        None => Value::None,
    };
    vm.new_group("BaseExceptionGroup", &[msg, a.arg(0).clone()])
}

fn split(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = this_group(vm, a)?;
    let m = vm.get_matcher(a.arg(0))?;
    let (x, y) = vm.split_rec(&g, &m, true, 0)?;
    Ok(vm.new_tuple(vec![x.unwrap_or(Value::None), y.unwrap_or(Value::None)]))
}

fn subgroup(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let g = this_group(vm, a)?;
    let m = vm.get_matcher(a.arg(0))?;
    Ok(vm.split_rec(&g, &m, false, 0)?.0.unwrap_or(Value::None))
}

/// BaseExceptionGroup's methods.
const METHODS: &[(&str, NativeFn)] = &[
    ("BaseExceptionGroup.derive($self, excs, /)", derive),
    ("BaseExceptionGroup.split($self, matcher_value, /)", split),
    (
        "BaseExceptionGroup.subgroup($self, matcher_value, /)",
        subgroup,
    ),
];

/// Fills the exception group types' dicts.
pub fn install(vm: &mut Vm) {
    let items: [(&str, &[(&str, NativeFn)]); 2] = [
        (
            "BaseExceptionGroup",
            &[("BaseExceptionGroup.__kaa_new__(*args)", beg_new)],
        ),
        (
            "ExceptionGroup",
            &[("ExceptionGroup.__kaa_new__(*args)", eg_new)],
        ),
    ];
    for (name, extra) in items {
        let t: ObjRef = vm.exc_type(name);
        let Some(d) = crate::types::type_data(&t) else {
            continue;
        };
        let all = if name == "BaseExceptionGroup" {
            METHODS.iter().chain(extra.iter()).collect::<Vec<_>>()
        } else {
            extra.iter().collect::<Vec<_>>()
        };
        for (sig, f) in all {
            let b = crate::builtins::make_builtin(vm, sig, *f);
            let raw = sig.split('(').next().unwrap_or("");
            let n = raw.rsplit('.').next().unwrap_or(raw);
            d.set_own(vm.new_str(n), b);
        }
    }
}
