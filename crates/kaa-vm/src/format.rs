//! `format(value, spec)` (the format-spec mini-language is kaa-num's),
//! FORMAT_VALUE (f-strings), the `!s`/`!r`/`!a` conversions as str values,
//! and printf-style `str % args` (CPython 3.11's `PyUnicode_Format` over
//! kaa-num's `percent` parser and conversions).

use kaa_num::percent::{
    format_percent_float, format_percent_int, percent_char, percent_str_layout, PercentParser,
    PercentSpec, Segment,
};
use kaa_str::{Str, StrBuilder, Units};
use num_bigint::BigInt;

use crate::exceptions::{PyErr, PyResult};
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

fn num_err(vm: &Vm, e: kaa_num::NumError) -> PyErr {
    vm.new_error(e.exception_name(), e.message())
}

impl Vm {
    /// `format(v, spec)` as Rust text (lossy for lone surrogates; see
    /// [`format_obj`] for the exact str).
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if self.user_method(v, "__format__").is_some() {
            let r = format_obj(self, v, &Str::from_str(spec))?;
            return Ok(r.as_str().unwrap_or("").to_string());
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let tname = self.type_name(v);
        let int = match v {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            _ => v.as_bigint().cloned(),
        };
        if let Some(i) = int {
            return kaa_num::format_int(spec, &i, &tname, kaa_num::DEFAULT_MAX_STR_DIGITS)
                .map_err(|e| num_err(self, e));
        }
        if let Value::Float(f) = v {
            return kaa_num::format_float(spec, *f, &tname).map_err(|e| num_err(self, e));
        }
        if let Some(z) = crate::complex::as_complex(v) {
            return crate::complex::complex_format(self, z, spec);
        }
        if let Some(s) = v.as_str() {
            let s = s.to_string();
            return kaa_num::format_str(spec, &s, &tname).map_err(|e| num_err(self, e));
        }
        // object.__format__: only the empty spec is accepted.
        Err(self.type_error(format!(
            "unsupported format string passed to {tname}.__format__"
        )))
    }

    /// FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then `format`.
    pub(crate) fn format_value(
        &mut self,
        v: Value,
        conv: usize,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let v = match conv {
            1 => str_value(self, &v)?,
            2 => repr_value(self, &v)?,
            3 => ascii_value(self, &v)?,
            _ => v,
        };
        let spec = spec.as_ref().and_then(|s| s.as_pystr());
        match spec {
            Some(spec) if !spec.is_empty() => format_obj(self, &v, spec),
            _ => match v {
                Value::Int(i) => Ok(self.new_pystr(Str::from_string(i.to_string()))),
                _ => format_obj(self, &v, &Str::new()),
            },
        }
    }
}

/// `format(v, spec)` as a str value: `__format__` of a Python class (its
/// result must be a str), else the built-in formatting; an exact str with
/// an empty spec is returned as it is.
pub fn format_obj(vm: &mut Vm, v: &Value, spec: &Str) -> PyResult<Value> {
    if let Some(m) = vm.user_method(v, "__format__") {
        let s = vm.new_pystr(spec.clone());
        let r = vm.call_dunder(&m, v, &[s])?;
        if r.as_pystr().is_none() {
            return Err(vm.type_error(format!(
                "__format__ must return a str, not {}",
                vm.type_name(&r)
            )));
        }
        return Ok(r);
    }
    if spec.is_empty() {
        return str_value(vm, v);
    }
    let text = vm.format(v, &spec.to_utf8_lossy())?;
    Ok(vm.new_pystr(Str::from_string(text)))
}

/// The `format(value, format_spec='')` builtin.
pub fn format_builtin(vm: &mut Vm, a: &crate::native::Args<'_>) -> PyResult<Value> {
    let spec = match a.get(1) {
        None => Str::new(),
        Some(s) => match s.as_pystr() {
            Some(s) => s.clone(),
            None => {
                return Err(vm.type_error(format!(
                    "format() argument 2 must be str, not {}",
                    vm.type_name(s)
                )))
            }
        },
    };
    format_obj(vm, a.arg(0), &spec)
}

/// [`format_obj`] as a `Str` (str.format's fields).
pub fn format_to_str(vm: &mut Vm, v: &Value, spec: &Str) -> PyResult<Str> {
    let r = format_obj(vm, v, spec)?;
    Ok(r.as_pystr().cloned().unwrap_or_default())
}

/// `str(v)` as a str value (exact: an exact str is returned as it is, a
/// str subclass without `__str__` gives its code points).
pub fn str_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if let Some(s) = v.as_pystr() {
        if !vm.is_heap(v) {
            return Ok(v.clone());
        }
        if vm.user_method(v, "__str__").is_none() {
            return Ok(vm.new_pystr(s.clone()));
        }
    }
    if let Some(m) = vm.user_method(v, "__str__") {
        let r = vm.call_dunder(&m, v, &[])?;
        if r.as_pystr().is_none() {
            return Err(vm.type_error(format!(
                "__str__ returned non-string (type {})",
                vm.type_name(&r)
            )));
        }
        return Ok(r);
    }
    if let Value::Int(i) = v {
        return Ok(vm.new_pystr(Str::from_string(i.to_string())));
    }
    let s = vm.str_of(v)?;
    Ok(vm.new_pystr(Str::from_string(s)))
}

/// `repr(v)` as a str value.
pub fn repr_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = vm.repr_of(v)?;
    Ok(vm.new_pystr(Str::from_string(s)))
}

/// `ascii(v)` as a str value.
pub fn ascii_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let s = vm.repr_of(v)?;
    Ok(vm.new_str(&crate::strmethods::ascii_escape(&s)))
}

/// Whether `%` takes `args` as the mapping of `%(key)s` specs
/// (`PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`:
/// any object with `__getitem__` but tuples and strs).
fn is_percent_mapping(vm: &Vm, args: &Value) -> bool {
    match args.payload() {
        Some(Payload::Tuple(_) | Payload::Str(_)) => false,
        Some(
            Payload::Dict(_)
            | Payload::List(_)
            | Payload::Bytes(_)
            | Payload::ByteArray(_)
            | Payload::Range(_)
            | Payload::MemoryView(_),
        ) => true,
        _ => vm.user_method(args, "__getitem__").is_some(),
    }
}

/// The argument cursor of `PyUnicode_Format` (`arglen`/`argidx`: a
/// non-tuple argument is used once).
struct ArgCursor {
    args: Value,
    len: isize,
    idx: isize,
}

impl ArgCursor {
    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.idx < self.len {
            let i = self.idx;
            self.idx += 1;
            if self.len < 0 {
                return Ok(self.args.clone());
            }
            if let Some(v) = self.args.as_tuple().and_then(|t| t.get(i as usize)) {
                return Ok(v.clone());
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// A `*` width or precision argument: an int ("* wants int").
fn star_arg(vm: &Vm, v: &Value, what: &str) -> PyResult<i64> {
    let big = match v {
        Value::Int(i) => return Ok(*i),
        Value::Bool(b) => return Ok(*b as i64),
        _ => match v.as_bigint() {
            Some(b) => b,
            None => return Err(vm.type_error("* wants int")),
        },
    };
    let _ = big;
    Err(vm.overflow_error(if what == "width" {
        "Python int too large to convert to C ssize_t"
    } else {
        "Python int too large to convert to C int"
    }))
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(f) = fmt.as_pystr() else {
        return Ok(vm.not_implemented.clone());
    };
    // The spec parser runs over the storage's own code units (pure, so
    // parsing ahead keeps CPython's error order).
    let segments: Vec<_> = match f.units() {
        Units::Latin1(b) => PercentParser::new(b).collect(),
        Units::Ucs2(u) => PercentParser::new(u).collect(),
        Units::Ucs4(u) => PercentParser::new(u).collect(),
    };
    let mapping = if is_percent_mapping(vm, args) {
        Some(args.clone())
    } else {
        None
    };
    let mut cur = match args.as_tuple() {
        Some(t) => ArgCursor {
            args: args.clone(),
            len: t.len() as isize,
            idx: 0,
        },
        None => ArgCursor {
            args: args.clone(),
            len: -1,
            idx: -2,
        },
    };
    let mut out = StrBuilder::with_capacity(f.len() + 16);
    for seg in segments {
        let mut spec = match seg {
            Ok(Segment::Literal(r)) => {
                out.push_slice(f, r.start, r.end);
                continue;
            }
            Ok(Segment::Spec(spec)) => spec,
            Err(e) => return Err(num_err(vm, e)),
        };
        if let Some(k) = &spec.key {
            let Some(m) = &mapping else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let key = vm.new_pystr(f.slice(k.start, k.end));
            let v = vm.get_item(m, &key)?;
            cur = ArgCursor {
                args: v,
                len: -1,
                idx: -2,
            };
        }
        if spec.width_star() {
            let w = cur.next(vm)?;
            let w = star_arg(vm, &w, "width")?;
            spec.set_star_width(w);
        }
        if spec.precision_star() {
            let p = cur.next(vm)?;
            let p = star_arg(vm, &p, "precision")?;
            if i32::try_from(p).is_err() {
                return Err(vm.overflow_error("Python int too large to convert to C int"));
            }
            spec.set_star_precision(p);
        }
        let v = cur.next(vm)?;
        spec.check_conversion().map_err(|e| num_err(vm, e))?;
        format_one(vm, &spec, &v, &mut out)?;
    }
    if cur.idx < cur.len && mapping.is_none() {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_pystr(out.finish()))
}

/// Pads `s` as `%s`/`%r`/`%a`/`%c` do (precision truncates s/r/a).
fn push_padded(vm: &Vm, spec: &PercentSpec, s: &Str, out: &mut StrBuilder) -> PyResult<()> {
    let l = percent_str_layout(spec, s.len()).map_err(|e| num_err(vm, e))?;
    out.push_repeated(u32::from(b' '), l.left);
    out.push_slice(s, 0, l.keep);
    out.push_repeated(u32::from(b' '), l.right);
    Ok(())
}

/// One conversion of `%`.
fn format_one(vm: &mut Vm, spec: &PercentSpec, v: &Value, out: &mut StrBuilder) -> PyResult<()> {
    match spec.conv {
        's' | 'r' | 'a' => {
            let sv = match spec.conv {
                's' => str_value(vm, v)?,
                'r' => repr_value(vm, v)?,
                _ => ascii_value(vm, v)?,
            };
            let s = sv.as_pystr().cloned().unwrap_or_default();
            push_padded(vm, spec, &s, out)
        }
        'c' => {
            let cp = if let Some(s) = v.as_pystr() {
                match (s.len(), s.get(0)) {
                    (1, Some(c)) => c,
                    _ => return Err(vm.type_error("%c requires int or char")),
                }
            } else {
                let i = match v {
                    Value::Int(i) => BigInt::from(*i),
                    Value::Bool(b) => BigInt::from(*b as i64),
                    _ => match v.as_bigint() {
                        Some(b) => b.clone(),
                        None => return Err(vm.type_error("%c requires int or char")),
                    },
                };
                percent_char(&i).map_err(|e| num_err(vm, e))?
            };
            push_padded(vm, spec, &Str::from_char(cp), out)
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let i = percent_int(vm, spec.conv, v)?;
            let text = format_percent_int(spec, &i, kaa_num::DEFAULT_MAX_STR_DIGITS)
                .map_err(|e| num_err(vm, e))?;
            out.push_rust_str(&text);
            Ok(())
        }
        _ => {
            let x = match v {
                Value::Float(f) => *f,
                Value::Int(i) => *i as f64,
                Value::Bool(b) => *b as i64 as f64,
                _ => match v.as_bigint() {
                    Some(b) => crate::int::big_to_f64(vm, b)?,
                    None => {
                        return Err(
                            vm.type_error(format!("must be real number, not {}", vm.type_name(v)))
                        )
                    }
                },
            };
            let text = format_percent_float(spec, x).map_err(|e| num_err(vm, e))?;
            out.push_rust_str(&text);
            Ok(())
        }
    }
}

/// The int of `%d`-style conversions (`mainformatlong`): ints as they
/// are, floats truncated for d/i/u; other types are TypeErrors.
fn percent_int(vm: &mut Vm, conv: char, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => return Ok(BigInt::from(*i)),
        Value::Bool(b) => return Ok(BigInt::from(*b as i64)),
        _ => {}
    }
    if let Some(b) = v.as_bigint() {
        return Ok(b.clone());
    }
    let hex = matches!(conv, 'o' | 'x' | 'X');
    if let (Value::Float(f), false) = (v, hex) {
        if f.is_nan() {
            return Err(vm.value_error("cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(vm.overflow_error("cannot convert float infinity to integer"));
        }
        return Ok(num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default());
    }
    let dunder = if hex { "__index__" } else { "__int__" };
    if let Some(m) = vm.user_method(v, dunder) {
        let r = vm.call_dunder(&m, v, &[])?;
        if let Some(i) = r.to_bigint() {
            return Ok(i);
        }
    }
    Err(vm.type_error(if hex {
        format!(
            "%{conv} format: an integer is required, not {}",
            vm.type_name(v)
        )
    } else {
        format!(
            "%{conv} format: a real number is required, not {}",
            vm.type_name(v)
        )
    }))
}
