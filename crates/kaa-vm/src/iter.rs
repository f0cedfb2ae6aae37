//! Iteration: `iter()` and `next()` for every built-in iterable, the
//! iterator objects of the built-in containers and of `enumerate`, `zip`,
//! `map`, `filter`, `reversed`, and the `__iter__`/`__next__` protocol of
//! classes defined in Python.

use std::cell::RefCell;

use crate::exceptions::PyResult;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The state of a built-in iterator.
pub enum IterState {
    /// Over a list, tuple or str by index.
    Seq(Value, usize),
    /// Over a range.
    Range {
        /// The next value.
        next: i64,
        /// Values left.
        left: i64,
        /// The step.
        step: i64,
    },
    /// Over a dict (0 keys, 1 values, 2 items): position and the size seen
    /// at the start.
    Dict(u8, ObjRef, usize, usize),
    /// Over a snapshot (reversed dicts).
    Items(Vec<Value>, usize),
    /// Over a snapshot of a set, checking the set's size as CPython does.
    SetItems(Vec<Value>, usize, Value, usize),
    /// `enumerate`.
    Enumerate(Value, i64),
    /// `zip` (strict flag).
    Zip(Vec<Value>, bool),
    /// `map`.
    Map(Value, Vec<Value>),
    /// `filter`.
    Filter(Value, Value),
    /// `reversed` of a sequence: the next index (counting down).
    Reversed(Value, isize),
    /// The `__getitem__` protocol.
    GetItem(Value, i64),
    /// `iter(callable, sentinel)`.
    Callable(Value, Value),
    /// Finished.
    Done,
}

impl Vm {
    /// An iterator object of kind `name` with `state`.
    pub(crate) fn new_iter(&self, name: &str, state: IterState) -> Value {
        let t = self
            .types
            .by_name
            .get(name)
            .cloned()
            .unwrap_or_else(|| self.types.object.clone());
        Value::Obj(ObjRef::new(t, Payload::Iter(RefCell::new(state))))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(m) = self.user_method(v, "__iter__") {
            let it = self.call_dunder(&m, v, &[])?;
            let is_iter = matches!(it.payload(), Some(Payload::Iter(_) | Payload::Generator(_)))
                || self.user_method(&it, "__next__").is_some();
            if !is_iter {
                return Err(self.type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        let st = match v.payload() {
            // Coroutines and async generators are not iterable.
            Some(Payload::Generator(g))
                if g.borrow().kind != crate::generator::GenKind::Generator =>
            {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
            Some(Payload::Iter(_) | Payload::Generator(_)) => return Ok(v.clone()),
            Some(Payload::List(_)) => ("list_iterator", IterState::Seq(v.clone(), 0)),
            Some(Payload::Tuple(_)) => ("tuple_iterator", IterState::Seq(v.clone(), 0)),
            Some(Payload::Str(s)) => (
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                },
                IterState::Seq(v.clone(), 0),
            ),
            Some(Payload::Bytes(_)) => ("iterator", IterState::Seq(v.clone(), 0)),
            Some(Payload::ByteArray(_)) => ("bytearray_iterator", IterState::Seq(v.clone(), 0)),
            Some(Payload::LongRange(_)) => return Ok(crate::rangeobj::long_iter(self, v)),
            Some(Payload::MemoryView(_)) => {
                crate::memoryview::len(self, v)?;
                ("memory_iterator", IterState::Seq(v.clone(), 0))
            }
            Some(Payload::Range(r)) => (
                "range_iterator",
                IterState::Range {
                    next: r.start,
                    left: r.len(),
                    step: r.step,
                },
            ),
            Some(Payload::Dict(t)) => {
                let n = t.borrow().len();
                let d = v.as_obj().cloned().unwrap_or_else(|| self.new_dict_obj());
                ("dict_keyiterator", IterState::Dict(0, d, 0, n))
            }
            Some(Payload::DictView(dv)) => {
                let n = crate::dict::dict_len(&dv.1);
                let name = [
                    "dict_keyiterator",
                    "dict_valueiterator",
                    "dict_itemiterator",
                ][dv.0 as usize % 3];
                (name, IterState::Dict(dv.0, dv.1.clone(), 0, n))
            }
            Some(Payload::Set(t)) => {
                let items: Vec<Value> = t.borrow().iter().cloned().collect();
                let n = items.len();
                ("set_iterator", IterState::SetItems(items, 0, v.clone(), n))
            }
            Some(Payload::FrozenSet(t)) => {
                let items: Vec<Value> = t.iter().cloned().collect();
                ("set_iterator", IterState::Items(items, 0))
            }
            _ => {
                if self.user_method(v, "__getitem__").is_some() {
                    ("iterator", IterState::GetItem(v.clone(), 0))
                } else {
                    return Err(
                        self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                    );
                }
            }
        };
        Ok(self.new_iter(st.0, st.1))
    }

    /// `next(it)`: Some(value), or None when exhausted.
    pub fn iter_next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::Iter(state)) => self.builtin_next(it, state),
            Some(Payload::Generator(_)) => match self.gen_send(it, Value::None, None)? {
                crate::interp::Exit::Yield(v) => Ok(Some(v)),
                crate::interp::Exit::Return(_) => Ok(None),
            },
            Some(Payload::Awaitable(_)) => match self.await_step(it, Value::None, None)? {
                crate::interp::Exit::Yield(v) => Ok(Some(v)),
                crate::interp::Exit::Return(v) => Err(self.stop_iteration(v)),
            },
            _ => {
                if let Some(m) = self.user_method(it, "__next__") {
                    return match self.call_dunder(&m, it, &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if self.err_matches(&e, "StopIteration") => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Err(self.type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                )))
            }
        }
    }

    fn builtin_next(&mut self, _it: &Value, state: &RefCell<IterState>) -> PyResult<Option<Value>> {
        // Cheap states are advanced in place; states that run Python code
        // are advanced with the borrow released.
        let mut st = state.borrow_mut();
        match &mut *st {
            IterState::Seq(seq, i) => {
                let r = match seq.payload() {
                    Some(Payload::List(l)) => l.borrow().get(*i).cloned(),
                    Some(Payload::Tuple(t)) => t.get(*i).cloned(),
                    Some(Payload::Str(s)) => crate::strobj::item(self, s, *i),
                    Some(Payload::Bytes(b)) => b.get(*i).map(|x| Value::Int(*x as i64)),
                    Some(Payload::ByteArray(_) | Payload::MemoryView(_)) => {
                        crate::bytearray::seq_item(self, seq, *i)
                    }
                    _ => None,
                };
                match r {
                    Some(v) => {
                        *i += 1;
                        Ok(Some(v))
                    }
                    None => {
                        *st = IterState::Done;
                        Ok(None)
                    }
                }
            }
            IterState::Range { next, left, step } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(v)))
            }
            IterState::Dict(kind, d, pos, size) => {
                let kind = *kind;
                let Payload::Dict(t) = &d.payload else {
                    return Ok(None);
                };
                let t = t.borrow();
                if t.len() != *size {
                    *size = usize::MAX;
                    drop(t);
                    drop(st);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                while *pos < t.capacity_end() {
                    let p = *pos;
                    *pos += 1;
                    if let Some(e) = t.entry_at(p) {
                        let v = match kind {
                            0 => e.key.clone(),
                            1 => e.value.clone(),
                            _ => {
                                let (k, v) = (e.key.clone(), e.value.clone());
                                self.new_tuple(vec![k, v])
                            }
                        };
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::Items(items, i) => {
                let r = items.get(*i).cloned();
                *i += 1;
                Ok(r)
            }
            IterState::SetItems(items, i, set, size) => {
                let now = match set.payload() {
                    Some(Payload::Set(t)) => t.borrow().len(),
                    _ => *size,
                };
                if now != *size {
                    *size = usize::MAX;
                    drop(st);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let r = items.get(*i).cloned();
                *i += 1;
                Ok(r)
            }
            IterState::Reversed(seq, i) => {
                if *i < 0 {
                    return Ok(None);
                }
                let idx = *i as usize;
                *i -= 1;
                let seq = seq.clone();
                drop(st);
                match seq.payload() {
                    Some(Payload::List(l)) => Ok(l.borrow().get(idx).cloned()),
                    _ => self.get_item(&seq, &Value::Int(idx as i64)).map(Some),
                }
            }
            IterState::Done => Ok(None),
            IterState::Enumerate(inner, n) => {
                let (inner, count) = (inner.clone(), *n);
                *n += 1;
                drop(st);
                match self.iter_next(&inner)? {
                    Some(v) => Ok(Some(self.new_tuple(vec![Value::Int(count), v]))),
                    None => Ok(None),
                }
            }
            IterState::Zip(its, strict) => {
                let (its, strict) = (its.clone(), *strict);
                drop(st);
                if its.is_empty() {
                    return Ok(None);
                }
                let mut out = Vec::with_capacity(its.len());
                for (k, i) in its.iter().enumerate() {
                    match self.iter_next(i)? {
                        Some(v) => out.push(v),
                        None => {
                            if strict {
                                if k > 0 {
                                    let s = if k == 1 { " " } else { "s 1-" };
                                    let msg = if k == 1 {
                                        format!(
                                            "zip() argument {} is shorter than argument{}{}",
                                            k + 1,
                                            s,
                                            k
                                        )
                                    } else {
                                        format!(
                                            "zip() argument {} is shorter than arguments 1-{}",
                                            k + 1,
                                            k
                                        )
                                    };
                                    return Err(self.value_error(msg));
                                }
                                for (j, rest) in its.iter().enumerate().skip(1) {
                                    if self.iter_next(rest)?.is_some() {
                                        let msg = if j == 1 {
                                            "zip() argument 2 is longer than argument 1".to_string()
                                        } else {
                                            format!(
                                                "zip() argument {} is longer than arguments 1-{}",
                                                j + 1,
                                                j
                                            )
                                        };
                                        return Err(self.value_error(msg));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(out)))
            }
            IterState::Map(f, its) => {
                let (f, its) = (f.clone(), its.clone());
                drop(st);
                let mut args = Vec::with_capacity(its.len());
                for i in &its {
                    match self.iter_next(i)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call(&f, &args).map(Some)
            }
            IterState::Filter(f, inner) => {
                let (f, inner) = (f.clone(), inner.clone());
                drop(st);
                while let Some(v) = self.iter_next(&inner)? {
                    let keep = if f.is_none() {
                        self.is_true(&v)?
                    } else {
                        let r = self.call(&f, std::slice::from_ref(&v))?;
                        self.is_true(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                }
                Ok(None)
            }
            IterState::GetItem(obj, i) => {
                let (obj, idx) = (obj.clone(), *i);
                *i += 1;
                drop(st);
                match self.get_item(&obj, &Value::Int(idx)) {
                    Ok(v) => Ok(Some(v)),
                    Err(e)
                        if self.err_matches(&e, "IndexError")
                            || self.err_matches(&e, "StopIteration") =>
                    {
                        Ok(None)
                    }
                    Err(e) => Err(e),
                }
            }
            IterState::Callable(f, sentinel) => {
                let (f, sentinel) = (f.clone(), sentinel.clone());
                drop(st);
                let v = self.call(&f, &[])?;
                if v.is(&sentinel) || self.eq(&v, &sentinel)? {
                    if let Some(Payload::Iter(s)) = _it.payload() {
                        *s.borrow_mut() = IterState::Done;
                    }
                    return Ok(None);
                }
                Ok(Some(v))
            }
        }
    }
}
