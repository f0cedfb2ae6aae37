//! range objects, after CPython 3.11's Objects/rangeobject.c. A range
//! whose bounds and length fit in 64 bits is a `Payload::Range` (the
//! interpreter's fast paths: iteration, indexing, `in`); any other is a
//! `Payload::LongRange` of big ints, handled here: the constructor,
//! `len` (OverflowError past `sys.maxsize`), indexing and slicing,
//! membership, `count`/`index` with CPython's errors, equality and hash
//! (by the sequence of values), `reversed()` (a `range_iterator` counting
//! down), repr and the `start`/`stop`/`step` attributes.

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::exceptions::PyResult;
use crate::iter::IterState;
use crate::native::{Args, NativeFn};
use crate::object::{ObjRef, Payload, RangeData};
use crate::value::Value;
use crate::vm::Vm;

/// A range's `(start, stop, step)` as big ints.
#[derive(Clone, Debug)]
pub struct BigRange {
    /// `start`.
    pub start: BigInt,
    /// `stop`.
    pub stop: BigInt,
    /// `step` (never 0).
    pub step: BigInt,
}

impl BigRange {
    /// `compute_range_length`.
    pub fn len(&self) -> BigInt {
        let (lo, hi, step) = if self.step.is_positive() {
            (&self.start, &self.stop, self.step.clone())
        } else {
            (&self.stop, &self.start, -&self.step)
        };
        if lo >= hi {
            return BigInt::zero();
        }
        (hi - lo - 1u32) / step + 1u32
    }

    /// Element `i` (0 <= i < len): `start + i * step`.
    fn at(&self, i: &BigInt) -> BigInt {
        &self.start + i * &self.step
    }

    /// Whether the int `x` is an element (`range_contains_long`).
    fn contains(&self, x: &BigInt) -> bool {
        let inside = if self.step.is_positive() {
            &self.start <= x && x < &self.stop
        } else {
            &self.stop < x && x <= &self.start
        };
        inside && ((x - &self.start) % &self.step).is_zero()
    }
}

/// The big-int view of a range value (either payload).
pub fn big_parts(v: &Value) -> Option<BigRange> {
    match v.payload()? {
        Payload::Range(r) => Some(BigRange {
            start: r.start.into(),
            stop: r.stop.into(),
            step: r.step.into(),
        }),
        Payload::LongRange(r) => Some((**r).clone()),
        _ => None,
    }
}

/// A range value: the 64-bit payload when everything fits.
pub fn make_range(vm: &Vm, r: BigRange) -> Value {
    let small = (r.start.to_i64(), r.stop.to_i64(), r.step.to_i64());
    if let (Some(start), Some(stop), Some(step)) = small {
        if r.len().to_i64().is_some() {
            return Value::Obj(ObjRef::new(
                vm.types.range.clone(),
                Payload::Range(RangeData { start, stop, step }),
            ));
        }
    }
    Value::Obj(ObjRef::new(
        vm.types.range.clone(),
        Payload::LongRange(Box::new(r)),
    ))
}

/// An argument of `range()` (`PyNumber_Index`).
fn index_arg(vm: &mut Vm, x: &Value) -> PyResult<BigInt> {
    if let Some(i) = x.to_bigint() {
        return Ok(i);
    }
    match vm.index_of(x)? {
        Some(i) => Ok(i.into()),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(x)
        ))),
    }
}

/// `range(stop)` / `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = a.rest.len();
    if n == 0 {
        return Err(vm.type_error("range expected at least 1 argument, got 0"));
    }
    if n > 3 {
        return Err(vm.type_error(format!("range expected at most 3 arguments, got {n}")));
    }
    let mut v = Vec::with_capacity(3);
    for x in a.rest {
        v.push(index_arg(vm, x)?);
    }
    let r = match v.as_slice() {
        [stop] => BigRange {
            start: BigInt::zero(),
            stop: stop.clone(),
            step: BigInt::one(),
        },
        [start, stop] => BigRange {
            start: start.clone(),
            stop: stop.clone(),
            step: BigInt::one(),
        },
        [start, stop, step, ..] => BigRange {
            start: start.clone(),
            stop: stop.clone(),
            step: step.clone(),
        },
        [] => return Err(vm.type_error("range expected at least 1 argument, got 0")),
    };
    if r.step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(make_range(vm, r))
}

/// `self`'s range.
fn this(vm: &Vm, a: &Args<'_>) -> PyResult<BigRange> {
    big_parts(&a.this).ok_or_else(|| vm.type_error("descriptor requires a 'range' object"))
}

/// The position of `x` in `r`, by arithmetic for ints and by `==` over
/// the elements otherwise (`_PySequence_IndexOf`).
fn position(vm: &mut Vm, this: &Value, r: &BigRange, x: &Value) -> PyResult<Option<BigInt>> {
    if let Some(i) = x.to_bigint() {
        return Ok(r.contains(&i).then(|| (i - &r.start) / &r.step));
    }
    let it = vm.get_iter(this)?;
    let mut k = BigInt::zero();
    while let Some(y) = vm.iter_next(&it)? {
        if y.is(x) || vm.eq(&y, x)? {
            return Ok(Some(k));
        }
        k += 1u32;
    }
    Ok(None)
}

/// `range.count(value)`.
fn range_count(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = this(vm, a)?;
    let x = a.arg(0);
    if let Some(i) = x.to_bigint() {
        return Ok(Value::Int(r.contains(&i) as i64));
    }
    // `_PySequence_Count`: every equal element counts.
    let it = vm.get_iter(&a.this)?;
    let mut n = 0i64;
    while let Some(y) = vm.iter_next(&it)? {
        if y.is(x) || vm.eq(&y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `range.index(value)`: "5 is not in range" for ints,
/// "sequence.index(x): x not in sequence" for other values.
fn range_index(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = this(vm, a)?;
    let x = a.arg(0);
    match position(vm, &a.this, &r, x)? {
        Some(i) => Ok(Value::from_bigint(i, vm)),
        None if x.is_int_like() => {
            let s = vm.repr_of(x)?;
            Err(vm.value_error(format!("{s} is not in range")))
        }
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

/// `len()` of a big range: OverflowError past `sys.maxsize`.
pub fn long_len(vm: &Vm, v: &Value) -> PyResult<usize> {
    let n = big_parts(v).map(|r| r.len()).unwrap_or_default();
    match n.to_i64() {
        Some(n) => Ok(n as usize),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

/// Truth of a big range (never overflows).
pub fn long_bool(v: &Value) -> bool {
    big_parts(v).is_some_and(|r| !r.len().is_zero())
}

/// `x in r` for a big range (and for a small one with a big-int `x`).
pub fn long_contains(vm: &mut Vm, r: &Value, x: &Value) -> PyResult<bool> {
    let Some(parts) = big_parts(r) else {
        return Ok(false);
    };
    Ok(position(vm, r, &parts, x)?.is_some())
}

/// `PySlice_AdjustIndices` over big ints: the (start, stop, step) a
/// slice selects from a sequence of `len` elements.
fn slice_adjust(vm: &mut Vm, parts: &[Value; 3], len: &BigInt) -> PyResult<[BigInt; 3]> {
    let get = |vm: &mut Vm, v: &Value| -> PyResult<Option<BigInt>> {
        if v.is_none() {
            return Ok(None);
        }
        if let Some(i) = v.to_bigint() {
            return Ok(Some(i));
        }
        match vm.index_of(v)? {
            Some(i) => Ok(Some(i.into())),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        }
    };
    let step = get(vm, &parts[2])?.unwrap_or_else(BigInt::one);
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg {
        (BigInt::from(-1), len - 1u32)
    } else {
        (BigInt::zero(), len.clone())
    };
    let fix = |i: Option<BigInt>, default: &BigInt| match i {
        None => default.clone(),
        Some(i) if i.is_negative() => (i + len).max(lower.clone()),
        Some(i) => i.min(upper.clone()),
    };
    let start = get(vm, &parts[0])?;
    let stop = get(vm, &parts[1])?;
    let start = fix(start, if neg { &upper } else { &lower });
    let stop = fix(stop, if neg { &lower } else { &upper });
    Ok([start, stop, step])
}

/// `r[k]` for a big range: an int, or a range for a slice.
pub fn long_get_item(vm: &mut Vm, c: &Value, k: &Value) -> PyResult<Value> {
    let Some(r) = big_parts(c) else {
        return Err(vm.type_error("'range' object expected"));
    };
    let len = r.len();
    if let Some(Payload::Slice(parts)) = k.payload() {
        let parts = (**parts).clone();
        let [start, stop, step] = slice_adjust(vm, &parts, &len)?;
        let nr = BigRange {
            start: r.at(&start),
            stop: r.at(&stop),
            step: &r.step * step,
        };
        return Ok(make_range(vm, nr));
    }
    let i = match k.to_bigint() {
        Some(i) => i,
        None => match vm.index_of(k)? {
            Some(i) => i.into(),
            None => {
                return Err(vm.type_error(format!(
                    "range indices must be integers or slices, not {}",
                    vm.type_name(k)
                )))
            }
        },
    };
    let j = if i.is_negative() { i + &len } else { i };
    if j.is_negative() || j >= len {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::from_bigint(r.at(&j), vm))
}

/// `r1 == r2` (`range_equals`): equal as sequences of values; None for
/// other comparisons (NotImplemented).
pub fn range_compare(a: &Value, b: &Value, op: usize) -> Option<Value> {
    if op != 2 && op != 3 {
        return None;
    }
    let (x, y) = (big_parts(a)?, big_parts(b)?);
    let (lx, ly) = (x.len(), y.len());
    let same =
        lx == ly && (lx.is_zero() || (x.start == y.start && (lx.is_one() || x.step == y.step)));
    Some(Value::Bool(same == (op == 2)))
}

/// `hash(r)` (`range_hash`): the hash of `(len, start, step)`, with
/// `start` and `step` replaced by None as the length makes them
/// irrelevant (an empty range: both; one element: the step).
pub fn range_hash(vm: &mut Vm, r: RangeData) -> PyResult<i64> {
    let v = Value::Obj(ObjRef::new(vm.types.range.clone(), Payload::Range(r)));
    long_hash(vm, &v)
}

/// `hash(r)` for a range of either payload.
pub fn long_hash(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let Some(r) = big_parts(v) else {
        return Ok(0);
    };
    let len = r.len();
    let big = |vm: &Vm, i: BigInt| Value::from_bigint(i, vm);
    let t = if len.is_zero() {
        vec![Value::Int(0), Value::None, Value::None]
    } else if len.is_one() {
        vec![Value::Int(1), big(vm, r.start), Value::None]
    } else {
        vec![big(vm, len), big(vm, r.start), big(vm, r.step)]
    };
    let t = vm.new_tuple(t);
    vm.hash(&t)
}

/// `repr(r)`: `range(0, 5)`, with the step only when it is not 1.
pub fn repr(v: &Value) -> String {
    let Some(r) = big_parts(v) else {
        return String::new();
    };
    if r.step.is_one() {
        format!("range({}, {})", r.start, r.stop)
    } else {
        format!("range({}, {}, {})", r.start, r.stop, r.step)
    }
}

/// `reversed(r)` (`range_reverse`): a range_iterator from the last
/// element down by `-step` (the iterator's arithmetic wraps, and it
/// stops by count, so no overflow is reachable).
pub fn reversed_range(vm: &Vm, r: RangeData) -> Value {
    let len = r.len();
    let last = (r.start as i128 + (len as i128 - 1) * r.step as i128) as i64;
    let state = IterState::Range {
        next: if len > 0 { last } else { r.start },
        left: len,
        step: r.step.wrapping_neg(),
    };
    vm.new_iter("range_iterator", state)
}

/// `reversed(r)` for a big range: an iterator over the range from the
/// last element down by `-step` (CPython's longrange_iterator).
pub fn long_reversed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let Some(r) = big_parts(v) else {
        return Err(vm.type_error("'range' object expected"));
    };
    let len = r.len();
    let down = if len.is_zero() {
        BigRange {
            start: BigInt::zero(),
            stop: BigInt::zero(),
            step: BigInt::one(),
        }
    } else {
        BigRange {
            start: r.at(&(len - 1u32)),
            stop: &r.start - &r.step,
            step: -r.step,
        }
    };
    let rv = make_range(vm, down);
    match rv.payload() {
        Some(Payload::LongRange(_)) => Ok(long_iter(vm, &rv)),
        _ => vm.get_iter(&rv),
    }
}

/// `iter(r)` for a big range: elements by index.
pub fn long_iter(vm: &Vm, v: &Value) -> Value {
    vm.new_iter("longrange_iterator", IterState::GetItem(v.clone(), 0))
}

/// `range.start`.
fn get_start(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = big_parts(a.arg(0)).ok_or_else(|| vm.type_error("range expected"))?;
    Ok(Value::from_bigint(r.start, vm))
}

/// `range.stop`.
fn get_stop(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = big_parts(a.arg(0)).ok_or_else(|| vm.type_error("range expected"))?;
    Ok(Value::from_bigint(r.stop, vm))
}

/// `range.step`.
fn get_step(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let r = big_parts(a.arg(0)).ok_or_else(|| vm.type_error("range expected"))?;
    Ok(Value::from_bigint(r.step, vm))
}

/// range's methods.
pub const METHODS: &[(&str, NativeFn)] = &[
    ("range.__kaa_new__(*args)", range_new),
    ("range.index($self, value, /)", range_index),
    ("range.count($self, value, /)", range_count),
];

/// Fills range's type dict.
pub fn install(vm: &Vm) {
    let t = vm.types.range.clone();
    crate::int::install_methods(vm, &t, METHODS, &[]);
    crate::getset::install_getters(
        vm,
        &t,
        &[
            ("range.start(self, /)", get_start),
            ("range.stop(self, /)", get_stop),
            ("range.step(self, /)", get_step),
        ],
    );
}
