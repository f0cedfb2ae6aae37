//! `list` and `tuple` methods, `list.sort` (a stable merge sort that only
//! uses `<`, as CPython's), and collecting iterables.

use crate::exceptions::PyResult;
use crate::native::{Args, NativeFn};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `list(iterable)`'s items.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if !self.is_heap(v) {
            match v.payload() {
                Some(Payload::List(l)) => return Ok(l.borrow().clone()),
                Some(Payload::Tuple(t)) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `l.extend(iterable)`.
    pub(crate) fn list_extend(&mut self, l: &Value, v: &Value) -> PyResult<()> {
        let items = self.collect(v)?;
        if let Some(Payload::List(items_l)) = l.payload() {
            items_l.borrow_mut().extend(items);
        }
        Ok(())
    }

    /// `a < b` as a bool.
    pub(crate) fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Ok(x < y),
            (Value::Float(x), Value::Float(y)) => Ok(x < y),
            _ => {
                if let (Some(x), Some(y)) = (a.as_pystr(), b.as_pystr()) {
                    return Ok(x < y);
                }
                let r = self.compare(a, b, 0)?;
                self.is_true(&r)
            }
        }
    }

    /// Sorts `items` stably by `keys` (same length) with `<`.
    pub(crate) fn merge_sort(
        &mut self,
        items: Vec<Value>,
        keys: Vec<Value>,
    ) -> PyResult<Vec<Value>> {
        let n = items.len();
        let mut idx: Vec<usize> = (0..n).collect();
        let mut buf: Vec<usize> = vec![0; n];
        let mut width = 1;
        while width < n {
            let mut start = 0;
            while start < n {
                let mid = (start + width).min(n);
                let end = (start + 2 * width).min(n);
                let (mut i, mut j, mut k) = (start, mid, start);
                while i < mid && j < end {
                    // Take from the right only when strictly less: stable.
                    if self.lt(&keys[idx[j]], &keys[idx[i]])? {
                        buf[k] = idx[j];
                        j += 1;
                    } else {
                        buf[k] = idx[i];
                        i += 1;
                    }
                    k += 1;
                }
                while i < mid {
                    buf[k] = idx[i];
                    i += 1;
                    k += 1;
                }
                while j < end {
                    buf[k] = idx[j];
                    j += 1;
                    k += 1;
                }
                start = end;
            }
            std::mem::swap(&mut idx, &mut buf);
            width *= 2;
        }
        let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
        Ok(idx.into_iter().filter_map(|i| slots[i].take()).collect())
    }

    /// `sorted(items, key=key, reverse=reverse)`.
    pub(crate) fn sort_values(
        &mut self,
        mut items: Vec<Value>,
        key: Option<&Value>,
        reverse: bool,
    ) -> PyResult<Vec<Value>> {
        if reverse {
            items.reverse();
        }
        let keys = match key {
            Some(k) => {
                let mut ks = Vec::with_capacity(items.len());
                for it in &items {
                    ks.push(self.call(k, std::slice::from_ref(it))?);
                }
                ks
            }
            None => items.clone(),
        };
        let mut out = self.merge_sort(items, keys)?;
        if reverse {
            out.reverse();
        }
        Ok(out)
    }
}

fn this_list<'a>(vm: &Vm, a: &'a Args<'_>) -> PyResult<&'a std::cell::RefCell<Vec<Value>>> {
    match a.this.payload() {
        Some(Payload::List(l)) => Ok(l),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'list' object but received a '{}'",
            vm.type_name(&a.this)
        ))),
    }
}

fn append(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    this_list(vm, a)?.borrow_mut().push(a.arg(0).clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let this = a.this.clone();
    vm.list_extend(&this, a.arg(0))?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let l = this_list(vm, a)?;
    let len = l.borrow().len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match a.get(0) {
        Some(v) => match vm.index_of(v)? {
            Some(i) => i,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
        None => -1,
    };
    let idx = if i < 0 { i + len } else { i };
    if idx < 0 || idx >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(l.borrow_mut().remove(idx as usize))
}

fn insert(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let l = this_list(vm, a)?;
    let Some(i) = vm.index_of(a.arg(0))? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(a.arg(0))
        )));
    };
    let len = l.borrow().len() as i64;
    let idx = if i < 0 { (i + len).max(0) } else { i.min(len) };
    l.borrow_mut().insert(idx as usize, a.arg(1).clone());
    Ok(Value::None)
}

fn find(vm: &mut Vm, items: &[Value], x: &Value) -> PyResult<Option<usize>> {
    for (i, it) in items.iter().enumerate() {
        if it.is(x) || vm.eq(it, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let l = this_list(vm, a)?;
    let items = l.borrow().clone();
    match find(vm, &items, a.arg(0))? {
        Some(i) => {
            let mut lb = l.borrow_mut();
            if i < lb.len() {
                lb.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn seq_items(a: &Args<'_>) -> Vec<Value> {
    match a.this.payload() {
        Some(Payload::List(l)) => l.borrow().clone(),
        Some(Payload::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn index(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let items = seq_items(a);
    let len = items.len() as i64;
    let norm = |v: Option<i64>, d: i64| match v {
        Some(i) if i < 0 => (i + len).max(0),
        Some(i) => i.min(len),
        None => d,
    };
    let start = match a.get(1) {
        Some(v) => norm(vm.index_of(v)?, 0),
        None => 0,
    };
    let stop = match a.get(2) {
        Some(v) => norm(vm.index_of(v)?, len),
        None => len,
    };
    let sub = items
        .get(start as usize..stop.max(start) as usize)
        .unwrap_or(&[]);
    match find(vm, sub, a.arg(0))? {
        Some(i) => Ok(Value::Int(i as i64 + start)),
        None => {
            let msg = if matches!(a.this.payload(), Some(Payload::Tuple(_))) {
                "tuple.index(x): x not in tuple".to_string()
            } else {
                format!("{} is not in list", vm.repr_of(a.arg(0))?)
            };
            Err(vm.value_error(msg))
        }
    }
}

fn count(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let items = seq_items(a);
    let mut n = 0;
    for it in &items {
        if it.is(a.arg(0)) || vm.eq(it, a.arg(0))? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn reverse(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    this_list(vm, a)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let l = this_list(vm, a)?;
    let items = std::mem::take(&mut *l.borrow_mut());
    let key = a.opt(0).cloned();
    let rev = match a.get(1) {
        Some(v) => vm.is_true(v)?,
        None => false,
    };
    let r = vm.sort_values(items, key.as_ref(), rev);
    let modified = !l.borrow().is_empty();
    match r {
        Ok(sorted) => {
            *l.borrow_mut() = sorted;
            if modified {
                return Err(vm.value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn copy(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    Ok(vm.new_list(this_list(vm, a)?.borrow().clone()))
}

fn clear(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let old = std::mem::take(&mut *this_list(vm, a)?.borrow_mut());
    // CPython's _list_clear releases the items from the last one.
    old.into_iter().rev().for_each(drop);
    Ok(Value::None)
}

fn list_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let items = match a.get(0) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

fn tuple_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    match a.get(0) {
        Some(v) if matches!(v.payload(), Some(Payload::Tuple(_))) && !vm.is_heap(v) => {
            Ok(v.clone())
        }
        Some(v) => {
            let items = vm.collect(v)?;
            Ok(vm.new_tuple(items))
        }
        None => Ok(vm.new_tuple(Vec::new())),
    }
}

/// The list type's methods.
pub const LIST_METHODS: &[(&str, NativeFn)] = &[
    ("list.append($self, object, /)", append),
    ("list.extend($self, iterable, /)", extend),
    ("list.pop($self, index=-1, /)", pop),
    ("list.insert($self, index, object, /)", insert),
    ("list.remove($self, value, /)", remove),
    ("list.index($self, value, start=0, stop=None, /)", index),
    ("list.count($self, value, /)", count),
    ("list.reverse($self, /)", reverse),
    ("list.sort($self, /, *, key=None, reverse=False)", sort),
    ("list.copy($self, /)", copy),
    ("list.clear($self, /)", clear),
    ("list.__kaa_new__(iterable=(), /)", list_new),
];

/// The tuple type's methods.
pub const TUPLE_METHODS: &[(&str, NativeFn)] = &[
    ("tuple.index($self, value, start=0, stop=None, /)", index),
    ("tuple.count($self, value, /)", count),
    ("tuple.__kaa_new__(iterable=(), /)", tuple_new),
];
