//! Operators: BINARY_OP's slow path, rich comparison, unary operators,
//! truth, `len`, `in`, subscripting and unpacking, with dispatch to
//! Python-level dunder methods for classes defined in Python.

use std::cmp::Ordering;

use num_bigint::BigInt;

use crate::exceptions::PyResult;
use crate::int::nb;
use crate::object::Payload;
use crate::types::lookup_user;
use crate::value::Value;
use crate::vm::Vm;

/// Operator symbols and dunder names by `_nb_ops` index.
const BINOPS: [(&str, &str, &str); 13] = [
    ("+", "__add__", "__radd__"),
    ("&", "__and__", "__rand__"),
    ("//", "__floordiv__", "__rfloordiv__"),
    ("<<", "__lshift__", "__rlshift__"),
    ("@", "__matmul__", "__rmatmul__"),
    ("*", "__mul__", "__rmul__"),
    ("%", "__mod__", "__rmod__"),
    ("|", "__or__", "__ror__"),
    ("**", "__pow__", "__rpow__"),
    (">>", "__rshift__", "__rrshift__"),
    ("-", "__sub__", "__rsub__"),
    ("/", "__truediv__", "__rtruediv__"),
    ("^", "__xor__", "__rxor__"),
];

const INPLACE: [&str; 13] = [
    "__iadd__",
    "__iand__",
    "__ifloordiv__",
    "__ilshift__",
    "__imatmul__",
    "__imul__",
    "__imod__",
    "__ior__",
    "__ipow__",
    "__irshift__",
    "__isub__",
    "__itruediv__",
    "__ixor__",
];

/// Comparison dunders by COMPARE_OP oparg, with their reflections.
const CMPOPS: [(&str, &str, &str); 6] = [
    ("<", "__lt__", "__gt__"),
    ("<=", "__le__", "__ge__"),
    ("==", "__eq__", "__eq__"),
    ("!=", "__ne__", "__ne__"),
    (">", "__gt__", "__lt__"),
    (">=", "__ge__", "__le__"),
];

/// A number as the arithmetic needs it.
enum Num {
    Int(BigInt),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(BigInt::from(*i))),
        Value::Bool(b) => Some(Num::Int(BigInt::from(*b as i64))),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => v.as_bigint().map(|b| Num::Int(b.clone())),
    }
}

impl Vm {
    /// Whether `v`'s class was defined in Python.
    #[inline]
    pub(crate) fn is_heap(&self, v: &Value) -> bool {
        match v {
            Value::Obj(o) => o
                .class
                .as_ref()
                .and_then(crate::types::type_data)
                .is_some_and(|d| d.heap),
            _ => false,
        }
    }

    /// A Python-level dunder of `v`'s class (classes defined in Python
    /// only; built-in behaviour is native).
    pub(crate) fn user_method(&self, v: &Value, name: &str) -> Option<Value> {
        if !self.is_heap(v) || self.attr_cache.native_self.skip(v, name) {
            return None;
        }
        lookup_user(&self.type_of(v), name)
    }

    /// Calls a user dunder with `self` and args.
    pub(crate) fn call_dunder(
        &mut self,
        m: &Value,
        this: &Value,
        args: &[Value],
    ) -> PyResult<Value> {
        let mut a = Vec::with_capacity(args.len() + 1);
        a.push(this.clone());
        a.extend_from_slice(args);
        self.call(m, &a)
    }

    /// BINARY_OP's general path.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
        let inplace = op >= 13;
        let base = if inplace { op - 13 } else { op };
        let (sym, name, rname) = BINOPS.get(base).copied().unwrap_or(("?", "", ""));
        if inplace {
            if let Some(m) = self.user_method(a, INPLACE[base]) {
                let r = self.call_dunder(&m, a, std::slice::from_ref(b))?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
            if let Some(r) = crate::bytearray::inplace_op(self, a, b, base)? {
                return Ok(r);
            }
            // Built-in in-place forms that mutate: list += iterable.
            if base == nb::ADD && !self.is_heap(a) {
                if let Some(Payload::List(_)) = a.payload() {
                    self.list_extend(a, b)?;
                    return Ok(a.clone());
                }
            }
            if base == nb::MULTIPLY && !self.is_heap(a) {
                if let (Some(Payload::List(l)), Some(n)) =
                    (a.payload(), self.index_of(b).ok().flatten())
                {
                    let items = l.borrow().clone();
                    let mut out = Vec::with_capacity(items.len() * n.max(0) as usize);
                    for _ in 0..n.max(0) {
                        out.extend(items.iter().cloned());
                    }
                    *l.borrow_mut() = out;
                    return Ok(a.clone());
                }
            }
            if matches!(base, nb::OR | nb::AND | nb::SUBTRACT | nb::XOR) && !self.is_heap(a) {
                if let Some(r) = crate::set::set_inplace_op(self, a, b, base)? {
                    return Ok(r);
                }
            }
            if base == nb::OR && !self.is_heap(a) {
                if let (Some(Payload::Dict(_)), Some(Payload::Dict(_))) = (a.payload(), b.payload())
                {
                    if let Some(o) = a.as_obj() {
                        let o = o.clone();
                        self.dict_update_op(&o, b, None)?;
                    }
                    return Ok(a.clone());
                }
            }
        }
        if self.is_heap(a) || self.is_heap(b) {
            // A subclass's reflected method goes first (binary_op1).
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            if !ta.ptr_eq(&tb) && crate::types::is_subtype(&tb, &ta) {
                if let Some(m) = self.user_method(b, rname) {
                    let r = self.call_dunder(&m, b, std::slice::from_ref(a))?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                }
            }
            if let Some(m) = self.user_method(a, name) {
                let r = self.call_dunder(&m, a, std::slice::from_ref(b))?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            } else if let Some(r) = self.native_binop(a, b, base)? {
                return Ok(r);
            }
            if let Some(m) = self.user_method(b, rname) {
                let r = self.call_dunder(&m, b, std::slice::from_ref(a))?;
                if !r.is(&self.not_implemented) {
                    return Ok(r);
                }
            }
        } else if let Some(r) = self.native_binop(a, b, base)? {
            return Ok(r);
        }
        if base == nb::ADD && !self.is_heap(a) {
            let seq = match a.payload() {
                Some(Payload::Str(_)) => Some("str"),
                Some(Payload::List(_)) => Some("list"),
                Some(Payload::Tuple(_)) => Some("tuple"),
                _ => None,
            };
            if let Some(seq) = seq {
                return Err(self.type_error(format!(
                    "can only concatenate {seq} (not \"{}\") to {seq}",
                    self.type_name(b)
                )));
            }
        }
        if base == nb::MULTIPLY {
            let is_seq = |v: &Value| {
                matches!(
                    v.payload(),
                    Some(Payload::Str(_) | Payload::List(_) | Payload::Tuple(_))
                )
            };
            if is_seq(a) || is_seq(b) {
                let other = if is_seq(a) { b } else { a };
                return Err(self.type_error(format!(
                    "can't multiply sequence by non-int of type '{}'",
                    self.type_name(other)
                )));
            }
        }
        if let Some(r) = crate::metaclass::type_union_op(self, a, b, base)? {
            return Ok(r);
        }
        let sym = if inplace {
            format!("{sym}=")
        } else if base == nb::POWER {
            "** or pow()".to_string()
        } else {
            sym.to_string()
        };
        Err(self.type_error(format!(
            "unsupported operand type(s) for {sym}: '{}' and '{}'",
            self.type_name(a),
            self.type_name(b)
        )))
    }

    /// The built-in types' operators; None for NotImplemented.
    fn native_binop(&mut self, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            let r = match (x, y) {
                (Num::Int(x), Num::Int(y)) => {
                    if matches!(op, nb::MATRIX_MULTIPLY) {
                        return Ok(None);
                    }
                    crate::int::int_binop(self, &x, &y, op)?
                }
                (x, y) => {
                    if matches!(
                        op,
                        nb::AND | nb::OR | nb::XOR | nb::LSHIFT | nb::RSHIFT | nb::MATRIX_MULTIPLY
                    ) {
                        return Ok(None);
                    }
                    let fx = match x {
                        Num::Int(i) => crate::int::big_to_f64(self, &i)?,
                        Num::Float(f) => f,
                    };
                    let fy = match y {
                        Num::Int(i) => crate::int::big_to_f64(self, &i)?,
                        Num::Float(f) => f,
                    };
                    crate::float::float_binop(self, fx, fy, op)?
                }
            };
            return Ok(Some(r));
        }
        if let Some(r) = crate::complex::complex_binop(self, a, b, op)? {
            return Ok(Some(r));
        }
        if let Some(r) = crate::bytes::bytes_binop(self, a, b, op)? {
            return Ok(Some(r));
        }
        // Set operations on dict key and item views work on sets.
        if let Some(r) = crate::dictview::view_binop(self, a, b, op)? {
            return Ok(Some(r));
        }
        let (Some(pa), pb) = (a.payload(), b.payload()) else {
            if let (Value::Int(_) | Value::Bool(_), Some(_)) = (a, b.payload()) {
                if op == nb::MULTIPLY {
                    return self.native_binop(b, a, op);
                }
            }
            return Ok(None);
        };
        match (pa, pb, op) {
            (Payload::Str(x), Some(Payload::Str(y)), nb::ADD) => {
                Ok(Some(crate::strobj::concat(self, x, y)))
            }
            (Payload::Str(_), _, nb::REMAINDER) => {
                crate::format::percent_format(self, a, b).map(Some)
            }
            (Payload::List(x), Some(Payload::List(y)), nb::ADD) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(Some(self.new_list(v)))
            }
            (Payload::Tuple(x), Some(Payload::Tuple(y)), nb::ADD) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Ok(Some(self.new_tuple(v)))
            }
            (Payload::Str(_) | Payload::List(_) | Payload::Tuple(_), _, nb::MULTIPLY) => {
                let n = match b {
                    Value::Int(n) => *n,
                    Value::Bool(x) => *x as i64,
                    _ => {
                        if b.as_bigint().is_some() {
                            return Err(
                                self.overflow_error("cannot fit 'int' into an index-sized integer")
                            );
                        }
                        return Ok(None);
                    }
                };
                let n = n.max(0) as usize;
                Ok(Some(match pa {
                    Payload::Str(s) => crate::strobj::repeat(self, s, n)?,
                    Payload::List(l) => {
                        let items = l.borrow();
                        let mut v = Vec::with_capacity(items.len().saturating_mul(n));
                        for _ in 0..n {
                            v.extend(items.iter().cloned());
                        }
                        self.new_list(v)
                    }
                    Payload::Tuple(t) => {
                        let mut v = Vec::with_capacity(t.len().saturating_mul(n));
                        for _ in 0..n {
                            v.extend(t.iter().cloned());
                        }
                        self.new_tuple(v)
                    }
                    _ => return Ok(None),
                }))
            }
            (
                Payload::Set(_) | Payload::FrozenSet(_),
                Some(Payload::Set(_) | Payload::FrozenSet(_)),
                _,
            ) => crate::set::set_binop(self, a, b, op),
            (Payload::Dict(_), Some(Payload::Dict(_)), nb::OR) => {
                let d = crate::dict::dict_copy(self, a)?;
                if let Some(o) = d.as_obj() {
                    let o = o.clone();
                    self.dict_update_op(&o, b, None)?;
                }
                Ok(Some(d))
            }
            _ => {
                if op == nb::MULTIPLY && matches!(a, Value::Obj(_)) && b.payload().is_some() {
                    if let Value::Int(_) | Value::Bool(_) = a {
                        return self.native_binop(b, a, op);
                    }
                }
                Ok(None)
            }
        }
    }

    /// COMPARE_OP's general path.
    pub fn compare(&mut self, a: &Value, b: &Value, op: usize) -> PyResult<Value> {
        let (sym, name, rname) = CMPOPS.get(op).copied().unwrap_or(("?", "", ""));
        if self.is_heap(a) || self.is_heap(b) {
            // Reflected first when b's class is a subclass of a's.
            let ta = self.type_of(a);
            let tb = self.type_of(b);
            let b_first = !ta.ptr_eq(&tb) && crate::types::is_subtype(&tb, &ta);
            let order: [(&Value, &Value, &str); 2] = if b_first {
                [(b, a, rname), (a, b, name)]
            } else {
                [(a, b, name), (b, a, rname)]
            };
            for (x, y, n) in order {
                if let Some(m) = self.user_method(x, n) {
                    let r = self.call_dunder(&m, x, std::slice::from_ref(y))?;
                    if !r.is(&self.not_implemented) {
                        return Ok(r);
                    }
                } else if op == 3 {
                    if let Some(m) = self.user_method(x, "__eq__") {
                        let r = self.call_dunder(&m, x, std::slice::from_ref(y))?;
                        if !r.is(&self.not_implemented) {
                            return Ok(Value::Bool(!self.is_true(&r)?));
                        }
                    }
                }
            }
        }
        if let Some(o) = self.native_compare(a, b, op)? {
            return Ok(o);
        }
        match op {
            2 => Ok(Value::Bool(a.is(b))),
            3 => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{sym}' not supported between instances of '{}' and '{}'",
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = crate::hash::simple_eq(a, b) {
            return Ok(r);
        }
        if a.is(b) {
            return Ok(true);
        }
        let r = self.compare(a, b, 2)?;
        self.is_true(&r)
    }

    /// Built-in comparisons; None for NotImplemented.
    fn native_compare(&mut self, a: &Value, b: &Value, op: usize) -> PyResult<Option<Value>> {
        use crate::interp::cmp_result;
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            let ord = match (x, y) {
                (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
                (Num::Float(x), Num::Float(y)) => x.partial_cmp(&y),
                (Num::Int(i), Num::Float(f)) => cmp_int_float(&i, f),
                (Num::Float(f), Num::Int(i)) => cmp_int_float(&i, f).map(Ordering::reverse),
            };
            return Ok(Some(Value::Bool(match ord {
                Some(o) => cmp_result(o, op),
                None => op == 3,
            })));
        }
        if let Some(r) = crate::complex::complex_compare(self, a, b, op)? {
            return Ok(Some(r));
        }
        let (Some(pa), Some(pb)) = (a.payload(), b.payload()) else {
            return Ok(None);
        };
        match (pa, pb) {
            (Payload::Str(x), Payload::Str(y)) => {
                Ok(Some(Value::Bool(crate::strobj::compare(x, y, op))))
            }
            (Payload::List(x), Payload::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.compare_seqs(&x, &y, op).map(Some)
            }
            (Payload::Tuple(_), Payload::Tuple(_))
                if crate::metaclass::is_union(self, a) || crate::metaclass::is_union(self, b) =>
            {
                Ok(crate::metaclass::union_compare(self, a, b, op))
            }
            (Payload::Tuple(x), Payload::Tuple(y)) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.compare_seqs(&x, &y, op).map(Some)
            }
            (Payload::Dict(_), Payload::Dict(_)) if op == 2 || op == 3 => {
                let eq = crate::dict::dict_eq(self, a, b)?;
                Ok(Some(Value::Bool(eq == (op == 2))))
            }
            (Payload::Set(_) | Payload::FrozenSet(_), Payload::Set(_) | Payload::FrozenSet(_)) => {
                crate::set::set_compare(self, a, b, op).map(Some)
            }
            (Payload::Range(x), Payload::Range(y)) if op == 2 || op == 3 => {
                let same = x.len() == y.len()
                    && (x.is_empty() || (x.start == y.start && (x.len() == 1 || x.step == y.step)));
                Ok(Some(Value::Bool(same == (op == 2))))
            }
            (Payload::Bytes(x), Payload::Bytes(y)) => {
                Ok(Some(Value::Bool(cmp_result(x.cmp(y), op))))
            }
            (Payload::LongRange(_), Payload::Range(_) | Payload::LongRange(_))
            | (Payload::Range(_), Payload::LongRange(_)) => {
                Ok(crate::rangeobj::range_compare(a, b, op))
            }
            (Payload::DictView(_), _) | (_, Payload::DictView(_)) => {
                crate::dictview::view_compare(self, a, b, op)
            }
            (Payload::Code(_), Payload::Code(_)) => Ok(crate::codeobj::compare(a, b, op)),
            (Payload::Slice(_), Payload::Slice(_)) => {
                crate::sliceobj::slice_compare(self, a, b, op).map(Some)
            }
            (Payload::Bytes(_) | Payload::ByteArray(_) | Payload::MemoryView(_), _)
            | (_, Payload::ByteArray(_) | Payload::MemoryView(_)) => {
                Ok(crate::bytes::bytes_compare(a, b, op))
            }
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of sequences (list_richcompare).
    fn compare_seqs(&mut self, x: &[Value], y: &[Value], op: usize) -> PyResult<Value> {
        if (op == 2 || op == 3) && x.len() != y.len() {
            return Ok(Value::Bool(op == 3));
        }
        self.enter()?;
        let r = (|| {
            for (p, q) in x.iter().zip(y.iter()) {
                if p.is(q) {
                    continue;
                }
                if !self.eq(p, q)? {
                    if op == 2 {
                        return Ok(Value::Bool(false));
                    }
                    if op == 3 {
                        return Ok(Value::Bool(true));
                    }
                    return self.compare(p, q, op);
                }
            }
            Ok(Value::Bool(crate::interp::cmp_result(
                x.len().cmp(&y.len()),
                op,
            )))
        })();
        self.leave();
        r
    }

    /// Truth value (`bool(v)`).
    pub fn is_true(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::None => Ok(false),
            Value::Bool(b) => Ok(*b),
            Value::Int(i) => Ok(*i != 0),
            Value::Float(f) => Ok(*f != 0.0),
            Value::Obj(o) => {
                if self.is_heap(v) {
                    if let Some(m) = self.user_method(v, "__bool__") {
                        let r = self.call_dunder(&m, v, &[])?;
                        return match r {
                            Value::Bool(b) => Ok(b),
                            _ => Err(self.type_error(format!(
                                "__bool__ should return bool, returned {}",
                                self.type_name(&r)
                            ))),
                        };
                    }
                    if let Some(m) = self.user_method(v, "__len__") {
                        let r = self.call_dunder(&m, v, &[])?;
                        return Ok(self.len_result(&r)? != 0);
                    }
                }
                Ok(match &o.payload {
                    Payload::Str(s) => s.char_len() != 0,
                    Payload::List(l) => !l.borrow().is_empty(),
                    Payload::Tuple(t) => !t.is_empty(),
                    Payload::Dict(d) => !d.borrow().is_empty(),
                    Payload::Set(s) => !s.borrow().is_empty(),
                    Payload::FrozenSet(s) => !s.is_empty(),
                    Payload::Bytes(b) => !b.is_empty(),
                    Payload::ByteArray(_) | Payload::MemoryView(_) => self.len(v)? != 0,
                    Payload::LongRange(_) => crate::rangeobj::long_bool(v),
                    Payload::Range(r) => !r.is_empty(),
                    Payload::BigInt(_) => true,
                    Payload::Complex(re, im) => *re != 0.0 || *im != 0.0,
                    Payload::DictView(dv) => crate::dict::dict_len(&dv.1) != 0,
                    _ => true,
                })
            }
        }
    }

    /// Checks a `__len__` result.
    fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match r {
            Value::Int(n) if *n >= 0 => Ok(*n as usize),
            Value::Bool(b) => Ok(*b as usize),
            Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
            _ => Err(self.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(m) = self.user_method(v, "__len__") {
            let r = self.call_dunder(&m, v, &[])?;
            return self.len_result(&r);
        }
        let n = match v.payload() {
            Some(Payload::Str(s)) => s.char_len(),
            Some(Payload::List(l)) => l.borrow().len(),
            Some(Payload::Tuple(t)) => t.len(),
            Some(Payload::Dict(d)) => d.borrow().len(),
            Some(Payload::Set(s)) => s.borrow().len(),
            Some(Payload::FrozenSet(s)) => s.len(),
            Some(Payload::Bytes(b)) => b.len(),
            Some(Payload::ByteArray(b)) => b.borrow().len(),
            Some(Payload::MemoryView(_)) => crate::memoryview::len(self, v)?,
            Some(Payload::LongRange(_)) => crate::rangeobj::long_len(self, v)?,
            Some(Payload::Range(r)) => r.len() as usize,
            Some(Payload::DictView(dv)) => crate::dict::dict_len(&dv.1),
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        };
        Ok(n)
    }

    /// `needle in container`.
    pub fn contains(&mut self, container: &Value, needle: &Value) -> PyResult<bool> {
        if let Some(m) = self.user_method(container, "__contains__") {
            let r = self.call_dunder(&m, container, std::slice::from_ref(needle))?;
            return self.is_true(&r);
        }
        if let Some(r) = crate::bytes::bytes_contains(self, container, needle)? {
            return Ok(r);
        }
        match container.payload() {
            Some(Payload::Str(s)) => match crate::strobj::contains(s, needle) {
                Some(r) => Ok(r),
                None => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(needle)
                ))),
            },
            Some(Payload::List(l)) => {
                let mut i = 0;
                loop {
                    let item = match l.borrow().get(i) {
                        Some(x) => x.clone(),
                        None => return Ok(false),
                    };
                    if item.is(needle) || self.eq(&item, needle)? {
                        return Ok(true);
                    }
                    i += 1;
                }
            }
            Some(Payload::Tuple(t)) => {
                for item in t.iter() {
                    if item.is(needle) || self.eq(item, needle)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Some(Payload::Dict(_)) => {
                let o = container.as_obj().cloned();
                match o {
                    Some(o) => Ok(crate::dict::dict_get(self, &o, needle)?.is_some()),
                    None => Ok(false),
                }
            }
            Some(Payload::Set(_) | Payload::FrozenSet(_)) => {
                crate::set::set_contains(self, container, needle)
            }
            Some(Payload::Range(r)) => {
                let r = *r;
                match needle {
                    Value::Int(i) => {
                        let i = *i as i128;
                        let (s, e, st) = (r.start as i128, r.stop as i128, r.step as i128);
                        Ok(if st > 0 {
                            i >= s && i < e && (i - s) % st == 0
                        } else {
                            i <= s && i > e && (s - i) % (-st) == 0
                        })
                    }
                    _ => crate::rangeobj::long_contains(self, container, needle),
                }
            }
            Some(Payload::LongRange(_)) => crate::rangeobj::long_contains(self, container, needle),
            Some(Payload::DictView(dv)) => {
                let (kind, d) = (dv.0, dv.1.clone());
                crate::dict::view_contains(self, kind, &d, needle)
            }
            _ => self.contains_by_iter(container, needle),
        }
    }

    fn contains_by_iter(&mut self, container: &Value, needle: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(e) if self.err_matches(&e, "TypeError") => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
            Err(e) => return Err(e),
        };
        while let Some(x) = self.iter_next(&it)? {
            if x.is(needle) || self.eq(&x, needle)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// UNARY_NEGATIVE / UNARY_POSITIVE / UNARY_INVERT.
    pub fn unary_op(&mut self, v: &Value, op: kaa_bytecode::Opcode) -> PyResult<Value> {
        use kaa_bytecode::Opcode as O;
        let (sym, name) = match op {
            O::UNARY_NEGATIVE => ("-", "__neg__"),
            O::UNARY_POSITIVE => ("+", "__pos__"),
            _ => ("~", "__invert__"),
        };
        if let Some(m) = self.user_method(v, name) {
            return self.call_dunder(&m, v, &[]);
        }
        match (v, op) {
            (Value::Int(i), O::UNARY_NEGATIVE) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-BigInt::from(*i), self),
            }),
            (Value::Int(i), O::UNARY_POSITIVE) => Ok(Value::Int(*i)),
            (Value::Int(i), _) => Ok(Value::Int(!i)),
            (Value::Bool(b), O::UNARY_NEGATIVE) => Ok(Value::Int(-(*b as i64))),
            (Value::Bool(b), O::UNARY_POSITIVE) => Ok(Value::Int(*b as i64)),
            (Value::Bool(b), _) => Ok(Value::Int(!(*b as i64))),
            (Value::Float(f), O::UNARY_NEGATIVE) => Ok(Value::Float(-f)),
            (Value::Float(f), O::UNARY_POSITIVE) => Ok(Value::Float(*f)),
            _ => {
                if let Some(b) = v.as_bigint() {
                    let r = match op {
                        O::UNARY_NEGATIVE => -b,
                        O::UNARY_POSITIVE => b.clone(),
                        _ => -b - 1,
                    };
                    return Ok(Value::from_bigint(r, self));
                }
                if let Some(z) = crate::complex::complex_unary(self, v, op == O::UNARY_NEGATIVE) {
                    if op != O::UNARY_INVERT {
                        return Ok(z);
                    }
                }
                Err(self.type_error(format!(
                    "bad operand type for unary {sym}: '{}'",
                    self.type_name(v)
                )))
            }
        }
    }

    /// UNPACK_SEQUENCE (`after` None) and UNPACK_EX (`before` names, a
    /// starred list, `after` names), in order.
    pub(crate) fn unpack(
        &mut self,
        v: &Value,
        before: usize,
        after: Option<usize>,
    ) -> PyResult<Vec<Value>> {
        let items: Vec<Value> = match v.payload() {
            Some(Payload::Tuple(t)) if !self.is_heap(v) => t.to_vec(),
            Some(Payload::List(l)) if !self.is_heap(v) => l.borrow().clone(),
            _ => {
                let it = match self.get_iter(v) {
                    Ok(it) => it,
                    Err(e) if self.err_matches(&e, "TypeError") => {
                        return Err(self.type_error(format!(
                            "cannot unpack non-iterable {} object",
                            self.type_name(v)
                        )))
                    }
                    Err(e) => return Err(e),
                };
                let mut out = Vec::new();
                while let Some(x) = self.iter_next(&it)? {
                    out.push(x);
                    if after.is_none() && out.len() > before {
                        return Err(self.value_error(format!(
                            "too many values to unpack (expected {before})"
                        )));
                    }
                }
                out
            }
        };
        match after {
            None => {
                if items.len() < before {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected {before}, got {})",
                        items.len()
                    )));
                }
                if items.len() > before {
                    return Err(
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    );
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(before);
                items.push(self.new_list(mid));
                items.extend(tail);
                Ok(items)
            }
        }
    }
}

/// Exact comparison of an int with a float.
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = num_traits::FromPrimitive::from_f64(fl).unwrap_or_default();
    match i.cmp(&fi) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}
