//! Subscripting: `c[k]`, `c[k] = v`, `del c[k]` for the built-in
//! sequences and mappings (ints and slices), and `__getitem__` /
//! `__setitem__` / `__delitem__` of classes defined in Python.

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// An index value as i64 (`__index__` of ints and bools).
    pub(crate) fn index_of(&mut self, v: &Value) -> PyResult<Option<i64>> {
        match v {
            Value::Int(i) => Ok(Some(*i)),
            Value::Bool(b) => Ok(Some(*b as i64)),
            _ => {
                if v.as_bigint().is_some() {
                    return Err(self.new_error(
                        "IndexError",
                        "cannot fit 'int' into an index-sized integer".to_string(),
                    ));
                }
                if let Some(m) = self.user_method(v, "__index__") {
                    let r = self.call_dunder(&m, v, &[])?;
                    if let Value::Int(i) = r {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
        }
    }

    /// `slice.indices(len)`: (start, stop, step) adjusted (PySlice_AdjustIndices).
    pub(crate) fn slice_indices(
        &mut self,
        parts: &[Value; 3],
        len: i64,
    ) -> PyResult<(i64, i64, i64)> {
        let step = match &parts[2] {
            Value::None => 1,
            v => match self.index_of(v)? {
                Some(s) => s,
                None => {
                    return Err(self.type_error(
                        "slice indices must be integers or None or have an __index__ method",
                    ))
                }
            },
        };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let get = |vm: &mut Vm, v: &Value, default: i64| -> PyResult<i64> {
            match v {
                Value::None => Ok(default),
                v => {
                    let i = match vm.index_of(v)? {
                        Some(i) => i,
                        None => return Err(vm.type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        )),
                    };
                    Ok(if i < 0 {
                        (i + len).max(lower)
                    } else {
                        i.min(upper)
                    })
                }
            }
        };
        let start = get(self, &parts[0], if step < 0 { upper } else { lower })?;
        let stop = get(self, &parts[1], if step < 0 { lower } else { upper })?;
        Ok((start, stop, step))
    }

    /// The positions a slice selects.
    pub(crate) fn slice_positions(
        &mut self,
        parts: &[Value; 3],
        len: usize,
    ) -> PyResult<Vec<usize>> {
        let (start, stop, step) = self.slice_indices(parts, len as i64)?;
        let mut out = Vec::new();
        let mut i = start;
        if step > 0 {
            while i < stop {
                out.push(i as usize);
                i += step;
            }
        } else {
            while i > stop {
                out.push(i as usize);
                i += step;
            }
        }
        Ok(out)
    }

    /// `c[k]`.
    pub fn get_item(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        // Fast paths (CPython's BINARY_SUBSCR_LIST_INT / _TUPLE_INT /
        // _DICT and list slicing) for exact built-in containers; errors
        // and everything else take the general path below.
        if let Value::Obj(o) = c {
            match (&o.payload, k) {
                (Payload::List(l), Value::Int(i)) if !self.is_heap(c) => {
                    if let Some(v) = seq_at(&l.borrow(), *i) {
                        return Ok(v);
                    }
                }
                (Payload::Tuple(t), Value::Int(i)) if !self.is_heap(c) => {
                    if let Some(v) = seq_at(t, *i) {
                        return Ok(v);
                    }
                }
                (Payload::List(l), Value::Obj(ko)) if !self.is_heap(c) => {
                    if let Payload::Slice(parts) = &ko.payload {
                        let parts = (**parts).clone();
                        let len = l.borrow().len();
                        let (start, stop, step) = self.slice_indices(&parts, len as i64)?;
                        let items = slice_of(&l.borrow(), start, stop, step);
                        return Ok(self.new_list(items));
                    }
                }
                (Payload::Dict(_), _) if !self.is_heap(c) => {
                    return match crate::dict::dict_get(self, o, k)? {
                        Some(v) => Ok(v),
                        None => Err(self.key_error(k.clone())),
                    };
                }
                _ => {}
            }
        }
        if let Some(m) = self.user_method(c, "__getitem__") {
            return self.call_dunder(&m, c, std::slice::from_ref(k));
        }
        let Some(p) = c.payload() else {
            return Err(self.not_subscriptable(c));
        };
        match p {
            Payload::List(_) | Payload::Tuple(_) | Payload::Str(_) | Payload::Range(_) => {
                self.seq_get_item(c, k)
            }
            Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_) => {
                crate::bytearray::get_item(self, c, k)
            }
            Payload::LongRange(_) => crate::rangeobj::long_get_item(self, c, k),
            Payload::Dict(_) => {
                let d = c.as_obj().cloned();
                let Some(d) = d else {
                    return Err(self.not_subscriptable(c));
                };
                match crate::dict::dict_get(self, &d, k)? {
                    Some(v) => Ok(v),
                    None => {
                        if self.is_heap(c) {
                            if let Some(m) = self.user_method(c, "__missing__") {
                                return self.call_dunder(&m, c, std::slice::from_ref(k));
                            }
                        }
                        Err(self.key_error(k.clone()))
                    }
                }
            }
            Payload::Type(_) => {
                if let Some(Value::Obj(o)) = c.as_obj().map(|o| Value::Obj(o.clone())) {
                    if let Some(m) = crate::types::lookup(&o, "__class_getitem__") {
                        return crate::descr::class_getitem(self, &o, m, k);
                    }
                    if [
                        &self.types.list,
                        &self.types.dict,
                        &self.types.tuple,
                        &self.types.set,
                        &self.types.type_,
                    ]
                    .iter()
                    .any(|t| t.ptr_eq(&o))
                    {
                        return Ok(c.clone());
                    }
                }
                Err(self.type_error(format!(
                    "type '{}' is not subscriptable",
                    self.repr_type_name(c)
                )))
            }
            _ => Err(self.not_subscriptable(c)),
        }
    }

    fn repr_type_name(&self, t: &Value) -> String {
        t.as_obj()
            .and_then(crate::types::type_data)
            .map_or(String::new(), |d| d.name.clone())
    }

    fn not_subscriptable(&self, c: &Value) -> crate::exceptions::PyErr {
        self.type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(c)
        ))
    }

    fn seq_get_item(&mut self, c: &Value, k: &Value) -> PyResult<Value> {
        let tname = self.type_name(c);
        let len = self.len(c)?;
        if let Some(Payload::Slice(parts)) = k.payload() {
            let parts = (**parts).clone();
            let pos = self.slice_positions(&parts, len)?;
            return Ok(match c.payload() {
                Some(Payload::List(l)) => {
                    let l = l.borrow();
                    self.new_list(pos.iter().filter_map(|&i| l.get(i).cloned()).collect())
                }
                Some(Payload::Tuple(t)) => {
                    if pos.len() == t.len() && pos.first() == Some(&0) && !self.is_heap(c) {
                        return Ok(c.clone());
                    }
                    self.new_tuple(pos.iter().filter_map(|&i| t.get(i).cloned()).collect())
                }
                Some(Payload::Str(s)) => {
                    let (start, stop, step) = self.slice_indices(&parts, len as i64)?;
                    if step == 1 {
                        let (a, b) = (start.max(0) as usize, stop.max(start).max(0) as usize);
                        crate::strobj::slice(self, c, s, a, b)
                    } else {
                        crate::strobj::pick(self, s, &pos)
                    }
                }
                Some(Payload::Bytes(b)) => {
                    let out: Vec<u8> = pos.iter().filter_map(|&i| b.get(i).copied()).collect();
                    Value::Obj(crate::object::ObjRef::new(
                        self.types.bytes.clone(),
                        Payload::Bytes(out.into_boxed_slice()),
                    ))
                }
                Some(Payload::Range(r)) => {
                    let (start, stop, step) = self.slice_indices(&parts, len as i64)?;
                    let r = *r;
                    let nr = crate::object::RangeData {
                        start: r.start + start * r.step,
                        stop: r.start + stop * r.step,
                        step: r.step * step,
                    };
                    Value::Obj(crate::object::ObjRef::new(
                        self.types.range.clone(),
                        Payload::Range(nr),
                    ))
                }
                _ => Value::None,
            });
        }
        let Some(i) = self.index_of(k)? else {
            let msg = if tname == "str" {
                format!(
                    "string indices must be integers, not '{}'",
                    self.type_name(k)
                )
            } else {
                format!(
                    "{} indices must be integers or slices, not {}",
                    tname,
                    self.type_name(k)
                )
            };
            return Err(self.type_error(msg));
        };
        let idx = if i < 0 { i + len as i64 } else { i };
        if idx < 0 || idx >= len as i64 {
            let what = match tname.as_str() {
                "str" => "string",
                "range" => "range object",
                // bytes_item: plain "index out of range".
                "bytes" => return Err(self.index_error("index out of range")),
                t => t,
            };
            return Err(self.index_error(format!("{what} index out of range")));
        }
        let idx = idx as usize;
        Ok(match c.payload() {
            Some(Payload::List(l)) => l.borrow().get(idx).cloned().unwrap_or(Value::None),
            Some(Payload::Tuple(t)) => t.get(idx).cloned().unwrap_or(Value::None),
            Some(Payload::Str(s)) => crate::strobj::item(self, s, idx).unwrap_or(Value::None),
            Some(Payload::Bytes(b)) => Value::Int(b.get(idx).copied().unwrap_or(0) as i64),
            Some(Payload::Range(r)) => Value::Int(r.start + idx as i64 * r.step),
            _ => Value::None,
        })
    }

    /// `c[k] = v`.
    pub fn set_item(&mut self, c: &Value, k: Value, v: Value) -> PyResult<()> {
        // STORE_SUBSCR_LIST_INT: an exact list and an in-range int.
        if let (Some(Payload::List(l)), Value::Int(i)) = (c.payload(), &k) {
            if !self.is_heap(c) {
                let mut lb = l.borrow_mut();
                let len = lb.len() as i64;
                let idx = if *i < 0 { i.wrapping_add(len) } else { *i };
                if let Some(slot) = usize::try_from(idx).ok().and_then(|x| lb.get_mut(x)) {
                    let old = std::mem::replace(slot, v);
                    drop(lb);
                    drop(old);
                    return Ok(());
                }
            }
        }
        if let Some(m) = self.user_method(c, "__setitem__") {
            self.call_dunder(&m, c, &[k, v])?;
            return Ok(());
        }
        match c.payload() {
            Some(Payload::ByteArray(_) | Payload::MemoryView(_)) => {
                crate::bytearray::set_item(self, c, k, v)
            }
            Some(Payload::Dict(_)) => {
                let d = c.as_obj().cloned();
                match d {
                    Some(d) => crate::dict::dict_set(self, &d, k, v),
                    None => Ok(()),
                }
            }
            Some(Payload::List(l)) => {
                if let Some(Payload::Slice(parts)) = k.payload() {
                    let parts = (**parts).clone();
                    let items = self.collect(&v)?;
                    let len = l.borrow().len();
                    let (start, stop, step) = self.slice_indices(&parts, len as i64)?;
                    if step == 1 {
                        let a = start.max(0) as usize;
                        let b = (stop.max(start).max(0) as usize).max(a);
                        l.borrow_mut().splice(a..b.min(len), items);
                        return Ok(());
                    }
                    let pos = self.slice_positions(&parts, len)?;
                    if pos.len() != items.len() {
                        return Err(self.value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            items.len(),
                            pos.len()
                        )));
                    }
                    let mut lb = l.borrow_mut();
                    for (i, x) in pos.into_iter().zip(items) {
                        if let Some(slot) = lb.get_mut(i) {
                            *slot = x;
                        }
                    }
                    return Ok(());
                }
                let Some(i) = self.index_of(&k)? else {
                    return Err(self.type_error(format!(
                        "list indices must be integers or slices, not {}",
                        self.type_name(&k)
                    )));
                };
                let mut lb = l.borrow_mut();
                let len = lb.len() as i64;
                let idx = if i < 0 { i + len } else { i };
                if idx < 0 || idx >= len {
                    drop(lb);
                    return Err(self.index_error("list assignment index out of range"));
                }
                lb[idx as usize] = v;
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(c)
            ))),
        }
    }

    /// `del c[k]`.
    pub fn del_item(&mut self, c: &Value, k: &Value) -> PyResult<()> {
        if let Some(m) = self.user_method(c, "__delitem__") {
            self.call_dunder(&m, c, std::slice::from_ref(k))?;
            return Ok(());
        }
        match c.payload() {
            Some(Payload::ByteArray(_) | Payload::MemoryView(_)) => {
                crate::bytearray::del_item(self, c, k)
            }
            Some(Payload::Dict(_)) => {
                let d = c.as_obj().cloned();
                match d {
                    Some(d) => {
                        if crate::dict::dict_del(self, &d, k)? {
                            Ok(())
                        } else {
                            Err(self.key_error(k.clone()))
                        }
                    }
                    None => Ok(()),
                }
            }
            Some(Payload::List(l)) => {
                let len = l.borrow().len();
                if let Some(Payload::Slice(parts)) = k.payload() {
                    let parts = (**parts).clone();
                    let mut pos = self.slice_positions(&parts, len)?;
                    pos.sort_unstable();
                    let mut lb = l.borrow_mut();
                    for i in pos.into_iter().rev() {
                        if i < lb.len() {
                            lb.remove(i);
                        }
                    }
                    return Ok(());
                }
                let Some(i) = self.index_of(k)? else {
                    return Err(self.type_error(format!(
                        "list indices must be integers or slices, not {}",
                        self.type_name(k)
                    )));
                };
                let idx = if i < 0 { i + len as i64 } else { i };
                if idx < 0 || idx >= len as i64 {
                    return Err(self.index_error("list assignment index out of range"));
                }
                l.borrow_mut().remove(idx as usize);
                Ok(())
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(c)
            ))),
        }
    }
}

/// `items[i]` with a negative `i` counted from the end, if in range.
#[inline]
fn seq_at(items: &[Value], i: i64) -> Option<Value> {
    let idx = if i < 0 {
        i.checked_add(items.len() as i64)?
    } else {
        i
    };
    usize::try_from(idx)
        .ok()
        .and_then(|i| items.get(i))
        .cloned()
}

/// The items an adjusted slice (start, stop, step) selects, copied
/// straight from storage (no position vector).
fn slice_of(items: &[Value], start: i64, stop: i64, step: i64) -> Vec<Value> {
    if step == 1 {
        let a = start.max(0) as usize;
        let b = (stop.max(0) as usize).max(a).min(items.len());
        return items.get(a.min(b)..b).map_or(Vec::new(), |s| s.to_vec());
    }
    // PySlice_AdjustIndices' slice length, in i128 so no step overflows.
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = if step > 0 {
        (stop - start + step - 1).max(0) / step
    } else {
        (start - stop - step - 1).max(0) / -step
    };
    let n = n.min(items.len() as i128) as usize;
    let mut out = Vec::with_capacity(n);
    let mut i = start;
    for _ in 0..n {
        if let Some(v) = usize::try_from(i).ok().and_then(|i| items.get(i)) {
            out.push(v.clone());
        }
        i += step;
    }
    out
}
