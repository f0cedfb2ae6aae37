//! `_kaa_itertools`: the native `__next__` of the hottest itertools types
//! (crates/kaa-vm/lib/itertools.py declares the types). Each instance
//! keeps its state in its one slot `_s`, a list laid out as below, which
//! these methods read and update as Modules/itertoolsmodule.c's
//! `count_next`, `repeat_next`, `chain_next` and `islice_next` do.
//!
//! - count: `[n, step]`
//! - repeat: `[object, times left or -1]`
//! - chain: `[iterator of iterables or None, current iterator or None]`
//! - islice: `[iterator or None, next index, stop or -1, step, count]`
//! - cycle: `[iterator or None, saved items (list), index]`
//! - accumulate: `[iterator, func or None, total, has total, initial,
//!   has initial]`
//! - zip_longest: `[iterators (list, None once exhausted), active count,
//!   fillvalue]`
//! - starmap: `[function, iterator]`; pairwise: `[iterator or None, old,
//!   has old]`; compress: `[data iterator, selectors iterator]`
//! - dropwhile / takewhile: `[predicate, iterator, flag]` (flag: done
//!   dropping / stopped); filterfalse: `[function or None, iterator]`
//! - product, permutations, combinations, combinations_with_replacement:
//!   `[pool(s), r, indices or None before the first result, cycles or
//!   None, stopped]` (product's pools is a tuple of tuples, the others'
//!   pool one tuple); the results come in CPython's order.

use crate::builtins::make_builtin;
use crate::exceptions::PyResult;
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

/// The state list of an itertools object (its slot `_s`).
fn state(vm: &mut Vm, this: &Value) -> PyResult<ObjRef> {
    let slot = match this.payload() {
        Some(Payload::Slots(vals)) => vals.borrow().first().cloned().flatten(),
        _ => None,
    };
    let v = match slot {
        Some(v) => v,
        None => {
            let name = vm.new_str("_s");
            vm.get_attr(this, &name)?
        }
    };
    match v.as_obj() {
        Some(o) if matches!(&o.payload, Payload::List(_)) => Ok(o.clone()),
        _ => Err(vm.type_error("itertools object has no valid state")),
    }
}

fn get(list: &ObjRef, i: usize) -> Value {
    match &list.payload {
        Payload::List(l) => l.borrow().get(i).cloned().unwrap_or(Value::None),
        _ => Value::None,
    }
}

fn set(list: &ObjRef, i: usize, v: Value) {
    if let Payload::List(l) = &list.payload {
        if let Some(slot) = l.borrow_mut().get_mut(i) {
            *slot = v;
        }
    }
}

fn int_at(list: &ObjRef, i: usize) -> i64 {
    match get(list, i) {
        Value::Int(n) => n,
        _ => -1,
    }
}

fn stop(vm: &Vm) -> crate::exceptions::PyErr {
    vm.stop_iteration(Value::None)
}

/// `count.__next__`: the current value; the next is current + step.
fn count_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let n = get(&s, 0);
    let step = get(&s, 1);
    let next = match (&n, &step) {
        (Value::Int(x), Value::Int(y)) => x.checked_add(*y).map(Value::Int),
        (Value::Float(x), Value::Float(y)) => Some(Value::Float(x + y)),
        _ => None,
    };
    let next = match next {
        Some(v) => v,
        None => vm.binary_op(&n, &step, crate::int::nb::ADD)?,
    };
    set(&s, 0, next);
    Ok(n)
}

/// `repeat.__next__`.
fn repeat_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let cnt = int_at(&s, 1);
    if cnt == 0 {
        return Err(stop(vm));
    }
    if cnt > 0 {
        set(&s, 1, Value::Int(cnt - 1));
    }
    Ok(get(&s, 0))
}

/// `chain.__next__`: from the current iterator, moving on to the next
/// iterable when it is exhausted.
fn chain_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    loop {
        let cur = get(&s, 1);
        if !cur.is_none() {
            if let Some(v) = vm.iter_next(&cur)? {
                return Ok(v);
            }
            set(&s, 1, Value::None);
        }
        let source = get(&s, 0);
        if source.is_none() {
            return Err(stop(vm));
        }
        match vm.iter_next(&source)? {
            Some(iterable) => {
                let it = vm.get_iter(&iterable)?;
                set(&s, 1, it);
            }
            None => {
                set(&s, 0, Value::None);
                return Err(stop(vm));
            }
        }
    }
}

/// `islice.__next__`: skips to the next index, then yields one item;
/// past the stop (or once the iterator ends) it lets go of the iterator.
fn islice_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let it = get(&s, 0);
    if it.is_none() {
        return Err(stop(vm));
    }
    let stop_at = int_at(&s, 2);
    let step = int_at(&s, 3);
    let mut cnt = int_at(&s, 4);
    let next_index = int_at(&s, 1);
    let empty = |vm: &mut Vm, s: &ObjRef| {
        set(s, 0, Value::None);
        Err(stop(vm))
    };
    while cnt < next_index {
        if vm.iter_next(&it)?.is_none() {
            return empty(vm, &s);
        }
        cnt += 1;
        set(&s, 4, Value::Int(cnt));
    }
    if stop_at != -1 && cnt >= stop_at {
        return empty(vm, &s);
    }
    let Some(item) = vm.iter_next(&it)? else {
        return empty(vm, &s);
    };
    cnt = cnt.saturating_add(1);
    set(&s, 4, Value::Int(cnt));
    let mut next_index = next_index.saturating_add(step);
    if stop_at != -1 && next_index > stop_at {
        next_index = stop_at;
    }
    set(&s, 1, Value::Int(next_index));
    Ok(item)
}

fn list_push(list: &Value, v: Value) {
    if let Some(Payload::List(l)) = list.payload() {
        l.borrow_mut().push(v);
    }
}

fn list_at(list: &Value, i: usize) -> Option<Value> {
    match list.payload() {
        Some(Payload::List(l)) => l.borrow().get(i).cloned(),
        _ => None,
    }
}

fn list_len(list: &Value) -> usize {
    match list.payload() {
        Some(Payload::List(l)) => l.borrow().len(),
        _ => 0,
    }
}

fn flag(s: &ObjRef, i: usize) -> bool {
    matches!(get(s, i), Value::Bool(true))
}

/// `cycle.__next__`: the iterable's items while they last (saving
/// them), then the saved ones round and round.
fn cycle_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let it = get(&s, 0);
    let saved = get(&s, 1);
    if !it.is_none() {
        if let Some(v) = vm.iter_next(&it)? {
            list_push(&saved, v.clone());
            return Ok(v);
        }
        set(&s, 0, Value::None);
    }
    let n = list_len(&saved);
    if n == 0 {
        return Err(stop(vm));
    }
    let idx = int_at(&s, 2).max(0) as usize;
    let item = list_at(&saved, idx % n).unwrap_or(Value::None);
    let next = if idx + 1 >= n { 0 } else { idx + 1 };
    set(&s, 2, Value::Int(next as i64));
    Ok(item)
}

/// `accumulate.__next__`: the initial value first if given, then the
/// running total (`total + item`, or `func(total, item)`).
fn accumulate_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    if flag(&s, 5) {
        let initial = get(&s, 4);
        set(&s, 5, Value::Bool(false));
        set(&s, 4, Value::None);
        set(&s, 2, initial.clone());
        set(&s, 3, Value::Bool(true));
        return Ok(initial);
    }
    let Some(val) = vm.iter_next(&get(&s, 0))? else {
        return Err(stop(vm));
    };
    let total = if flag(&s, 3) {
        let func = get(&s, 1);
        let old = get(&s, 2);
        if func.is_none() {
            vm.binary_op(&old, &val, crate::int::nb::ADD)?
        } else {
            vm.call(&func, &[old, val])?
        }
    } else {
        val
    };
    set(&s, 2, total.clone());
    set(&s, 3, Value::Bool(true));
    Ok(total)
}

/// `zip_longest.__next__`: a tuple of one item per iterator, the
/// fillvalue for exhausted ones, until all are exhausted.
fn zip_longest_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let its = get(&s, 0);
    let n = list_len(&its);
    let mut active = int_at(&s, 1);
    if n == 0 || active <= 0 {
        return Err(stop(vm));
    }
    let fill = get(&s, 2);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let it = list_at(&its, i).unwrap_or(Value::None);
        if it.is_none() {
            out.push(fill.clone());
            continue;
        }
        let item = match vm.iter_next(&it) {
            Ok(v) => v,
            Err(e) => {
                set(&s, 1, Value::Int(0));
                return Err(e);
            }
        };
        match item {
            Some(v) => out.push(v),
            None => {
                active -= 1;
                set(&s, 1, Value::Int(active));
                if active == 0 {
                    return Err(stop(vm));
                }
                if let Some(Payload::List(l)) = its.payload() {
                    if let Some(slot) = l.borrow_mut().get_mut(i) {
                        *slot = Value::None;
                    }
                }
                out.push(fill.clone());
            }
        }
    }
    Ok(vm.new_tuple(out))
}

/// `starmap.__next__`: `function(*args)` for the next args.
fn starmap_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let Some(args) = vm.iter_next(&get(&s, 1))? else {
        return Err(stop(vm));
    };
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => {
            let it = vm.get_iter(&args)?;
            let mut v = Vec::new();
            while let Some(x) = vm.iter_next(&it)? {
                v.push(x);
            }
            v
        }
    };
    vm.call(&get(&s, 0), &items)
}

/// `pairwise.__next__`: (previous, next) pairs.
fn pairwise_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let it = get(&s, 0);
    if it.is_none() {
        return Err(stop(vm));
    }
    let old = if flag(&s, 2) {
        get(&s, 1)
    } else {
        match vm.iter_next(&it)? {
            Some(v) => v,
            None => {
                set(&s, 0, Value::None);
                return Err(stop(vm));
            }
        }
    };
    let Some(new) = vm.iter_next(&it)? else {
        set(&s, 0, Value::None);
        set(&s, 1, Value::None);
        set(&s, 2, Value::Bool(false));
        return Err(stop(vm));
    };
    set(&s, 1, new.clone());
    set(&s, 2, Value::Bool(true));
    Ok(vm.new_tuple(vec![old, new]))
}

/// `compress.__next__`: the next datum whose selector is true.
fn compress_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let (data, sel) = (get(&s, 0), get(&s, 1));
    loop {
        let Some(d) = vm.iter_next(&data)? else {
            return Err(stop(vm));
        };
        let Some(t) = vm.iter_next(&sel)? else {
            return Err(stop(vm));
        };
        if vm.is_true(&t)? {
            return Ok(d);
        }
    }
}

/// `dropwhile.__next__`: skips items while the predicate holds, then
/// passes everything.
fn dropwhile_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let (pred, it) = (get(&s, 0), get(&s, 1));
    loop {
        let Some(item) = vm.iter_next(&it)? else {
            return Err(stop(vm));
        };
        if flag(&s, 2) {
            return Ok(item);
        }
        let good = vm.call(&pred, std::slice::from_ref(&item))?;
        if !vm.is_true(&good)? {
            set(&s, 2, Value::Bool(true));
            return Ok(item);
        }
    }
}

/// `takewhile.__next__`: items while the predicate holds.
fn takewhile_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    if flag(&s, 2) {
        return Err(stop(vm));
    }
    let (pred, it) = (get(&s, 0), get(&s, 1));
    let Some(item) = vm.iter_next(&it)? else {
        return Err(stop(vm));
    };
    let good = vm.call(&pred, std::slice::from_ref(&item))?;
    if vm.is_true(&good)? {
        return Ok(item);
    }
    set(&s, 2, Value::Bool(true));
    Err(stop(vm))
}

/// `filterfalse.__next__`: the next item for which the function (or the
/// item itself, for None) is false.
fn filterfalse_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let (func, it) = (get(&s, 0), get(&s, 1));
    loop {
        let Some(item) = vm.iter_next(&it)? else {
            return Err(stop(vm));
        };
        let ok = if func.is_none() {
            vm.is_true(&item)?
        } else {
            let r = vm.call(&func, std::slice::from_ref(&item))?;
            vm.is_true(&r)?
        };
        if !ok {
            return Ok(item);
        }
    }
}

/// The combinatoric iterators' state, read out of the state list.
struct Combo {
    pools: Vec<Vec<Value>>,
    r: usize,
    indices: Option<Vec<usize>>,
    cycles: Vec<usize>,
}

fn usizes(v: &Value) -> Option<Vec<usize>> {
    let Some(Payload::List(l)) = v.payload() else {
        return None;
    };
    let out = l
        .borrow()
        .iter()
        .map(|x| match x {
            Value::Int(i) => usize::try_from(*i).unwrap_or(usize::MAX),
            _ => usize::MAX,
        })
        .collect();
    Some(out)
}

fn tuple_items(v: &Value) -> Vec<Value> {
    v.as_tuple().map(|t| t.to_vec()).unwrap_or_default()
}

/// Reads a combinatoric state (None once stopped); `nested` for
/// product's tuple of pools.
/// Which combinatoric iterator a state belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Product,
    Combinations,
    Replacement,
    Permutations,
}

/// Whether a state read back is one these functions could have written
/// (the list is reachable from Python as `_s`: anything else stops the
/// iterator rather than indexing out of range).
fn consistent(c: &Combo, kind: Kind) -> bool {
    let Some(idx) = &c.indices else {
        return true;
    };
    if kind == Kind::Product {
        return idx.len() == c.pools.len() && idx.iter().zip(&c.pools).all(|(i, p)| *i < p.len());
    }
    let n = c.pools.first().map_or(0, Vec::len);
    let r = c.r;
    match kind {
        Kind::Combinations => r <= n && idx.len() == r && idx.iter().all(|i| *i < n),
        Kind::Replacement => idx.len() == r && idx.iter().all(|i| *i < n),
        _ => {
            r <= n
                && idx.len() == n
                && idx.iter().all(|i| *i < n)
                && c.cycles.len() == r
                && c.cycles
                    .iter()
                    .enumerate()
                    .all(|(i, k)| *k >= 1 && *k <= n - i)
        }
    }
}

fn combo_state(s: &ObjRef, kind: Kind) -> Option<Combo> {
    let nested = kind == Kind::Product;
    if matches!(get(s, 4), Value::Bool(true)) {
        return None;
    }
    let pools_v = get(s, 0);
    let pools = if nested {
        tuple_items(&pools_v).iter().map(tuple_items).collect()
    } else {
        vec![tuple_items(&pools_v)]
    };
    let r = match get(s, 1) {
        Value::Int(r) if r >= 0 => r as usize,
        _ => 0,
    };
    let c = Combo {
        pools,
        r,
        indices: usizes(&get(s, 2)),
        cycles: usizes(&get(s, 3)).unwrap_or_default(),
    };
    consistent(&c, kind).then_some(c)
}

fn int_list(vm: &Vm, v: &[usize]) -> Value {
    vm.new_list(v.iter().map(|i| Value::Int(*i as i64)).collect())
}

/// One step of a combinatoric iterator: the new indices, the new cycles
/// (permutations only) and the result's items.
type Step = (Vec<usize>, Option<Vec<usize>>, Vec<Value>);

/// Stores the new indices (and cycles) and returns the result tuple, or
/// marks the iterator stopped.
fn combo_yield(vm: &mut Vm, s: &ObjRef, result: Option<Step>) -> PyResult<Value> {
    match result {
        Some((indices, cycles, items)) => {
            set(s, 2, int_list(vm, &indices));
            if let Some(c) = cycles {
                set(s, 3, int_list(vm, &c));
            }
            Ok(vm.new_tuple(items))
        }
        None => {
            set(s, 4, Value::Bool(true));
            Err(stop(vm))
        }
    }
}

fn pick(pool: &[Value], indices: &[usize]) -> Vec<Value> {
    indices
        .iter()
        .map(|i| pool.get(*i).cloned().unwrap_or(Value::None))
        .collect()
}

/// `product.__next__`: an odometer over the pools, the rightmost
/// fastest.
fn product_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let Some(c) = combo_state(&s, Kind::Product) else {
        return Err(stop(vm));
    };
    let n = c.pools.len();
    let step = match c.indices {
        None if c.pools.iter().any(|p| p.is_empty()) => None,
        None => Some(vec![0; n]),
        Some(mut idx) => {
            let mut i = n;
            let mut done = true;
            while i > 0 {
                i -= 1;
                let j = idx.get(i).copied().unwrap_or(0) + 1;
                if j < c.pools[i].len() {
                    idx[i] = j;
                    done = false;
                    break;
                }
                idx[i] = 0;
            }
            if done {
                None
            } else {
                Some(idx)
            }
        }
    };
    let result = step.map(|idx| {
        let items = c
            .pools
            .iter()
            .zip(&idx)
            .map(|(p, i)| p.get(*i).cloned().unwrap_or(Value::None))
            .collect();
        (idx, None, items)
    });
    combo_yield(vm, &s, result)
}

/// `combinations.__next__`: index tuples in lexicographic order.
fn combinations_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let Some(c) = combo_state(&s, Kind::Combinations) else {
        return Err(stop(vm));
    };
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let step = match c.indices {
        None if r > n => None,
        None => Some((0..r).collect::<Vec<_>>()),
        Some(mut idx) => match (0..r).rev().find(|&i| idx[i] != i + n - r) {
            None => None,
            Some(i) => {
                idx[i] += 1;
                for j in i + 1..r {
                    idx[j] = idx[j - 1] + 1;
                }
                Some(idx)
            }
        },
    };
    let result = step.map(|idx| {
        let items = pick(pool, &idx);
        (idx, None, items)
    });
    combo_yield(vm, &s, result)
}

/// `combinations_with_replacement.__next__`: non-decreasing index tuples
/// in lexicographic order.
fn cwr_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let Some(c) = combo_state(&s, Kind::Replacement) else {
        return Err(stop(vm));
    };
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let step = match c.indices {
        None if n == 0 && r > 0 => None,
        None => Some(vec![0; r]),
        Some(mut idx) => match (0..r).rev().find(|&i| idx[i] + 1 != n) {
            None => None,
            Some(i) => {
                let v = idx[i] + 1;
                for x in &mut idx[i..] {
                    *x = v;
                }
                Some(idx)
            }
        },
    };
    let result = step.map(|idx| {
        let items = pick(pool, &idx);
        (idx, None, items)
    });
    combo_yield(vm, &s, result)
}

/// `permutations.__next__`: CPython's cycles algorithm (lexicographic by
/// position).
fn permutations_next(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = state(vm, &a.this)?;
    let Some(c) = combo_state(&s, Kind::Permutations) else {
        return Err(stop(vm));
    };
    let pool = &c.pools[0];
    let (n, r) = (pool.len(), c.r);
    let step = match c.indices {
        None if r > n => None,
        None => Some(((0..n).collect::<Vec<_>>(), (n - r + 1..=n).rev().collect())),
        Some(_) if n == 0 => None,
        Some(mut idx) => {
            let mut cycles = c.cycles;
            let mut found = false;
            for i in (0..r).rev() {
                if i >= cycles.len() || i >= idx.len() {
                    break;
                }
                cycles[i] = cycles[i].saturating_sub(1);
                if cycles[i] == 0 {
                    idx[i..].rotate_left(1);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    idx.swap(i, n - j);
                    found = true;
                    break;
                }
            }
            if found {
                Some((idx, cycles))
            } else {
                None
            }
        }
    };
    let result = step.map(|(idx, cycles)| {
        let items = pick(pool, idx.get(..r).unwrap_or(&[]));
        (idx, Some(cycles), items)
    });
    combo_yield(vm, &s, result)
}

/// Makes the `_kaa_itertools` module.
pub fn kaa_itertools_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        (
            "count_next",
            make_builtin(vm, "__next__($self, /)", count_next),
        ),
        (
            "repeat_next",
            make_builtin(vm, "__next__($self, /)", repeat_next),
        ),
        (
            "chain_next",
            make_builtin(vm, "__next__($self, /)", chain_next),
        ),
        (
            "islice_next",
            make_builtin(vm, "__next__($self, /)", islice_next),
        ),
        (
            "product_next",
            make_builtin(vm, "__next__($self, /)", product_next),
        ),
        (
            "combinations_next",
            make_builtin(vm, "__next__($self, /)", combinations_next),
        ),
        ("cwr_next", make_builtin(vm, "__next__($self, /)", cwr_next)),
        (
            "cycle_next",
            make_builtin(vm, "__next__($self, /)", cycle_next),
        ),
        (
            "accumulate_next",
            make_builtin(vm, "__next__($self, /)", accumulate_next),
        ),
        (
            "zip_longest_next",
            make_builtin(vm, "__next__($self, /)", zip_longest_next),
        ),
        (
            "starmap_next",
            make_builtin(vm, "__next__($self, /)", starmap_next),
        ),
        (
            "pairwise_next",
            make_builtin(vm, "__next__($self, /)", pairwise_next),
        ),
        (
            "compress_next",
            make_builtin(vm, "__next__($self, /)", compress_next),
        ),
        (
            "dropwhile_next",
            make_builtin(vm, "__next__($self, /)", dropwhile_next),
        ),
        (
            "takewhile_next",
            make_builtin(vm, "__next__($self, /)", takewhile_next),
        ),
        (
            "filterfalse_next",
            make_builtin(vm, "__next__($self, /)", filterfalse_next),
        ),
        (
            "permutations_next",
            make_builtin(vm, "__next__($self, /)", permutations_next),
        ),
    ];
    crate::module::new_native_module(vm, "_kaa_itertools", None, values, &[])
}
