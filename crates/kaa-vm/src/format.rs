//! `format(value, spec)` (the format-spec mini-language is kaa-num's),
//! FORMAT_VALUE (f-strings) and printf-style `%`.
//!
//! TEMPORARY: `%` is formatted here through `format()` specs until it is
//! moved onto kaa-num's `percent` module.

use num_bigint::BigInt;

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Some(m) = self.user_method(v, "__format__") {
            let s = self.new_str(spec);
            let r = self.call_dunder(&m, v, &[s])?;
            return Ok(r.as_str().unwrap_or("").to_string());
        }
        if spec.is_empty() {
            return self.str_of(v);
        }
        let tname = self.type_name(v);
        let num_err = |vm: &Vm, e: kaa_num::NumError| vm.new_error(e.exception_name(), e.message());
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
            1 => {
                let s = self.str_of(&v)?;
                self.new_str(&s)
            }
            2 => {
                let s = self.repr_of(&v)?;
                self.new_str(&s)
            }
            3 => {
                let s = self.repr_of(&v)?;
                self.new_str(&crate::strmethods::ascii_escape(&s))
            }
            _ => v,
        };
        let spec = spec
            .as_ref()
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_string();
        if spec.is_empty() && v.as_str().is_some() && !self.is_heap(&v) {
            return Ok(v);
        }
        let s = self.format(&v, &spec)?;
        Ok(self.new_str(&s))
    }
}

/// `fmt % args` for str.
pub fn percent_format(vm: &mut Vm, fmt: &Value, args: &Value) -> PyResult<Value> {
    let f = fmt.as_str().unwrap_or("").to_string();
    let is_mapping = matches!(args.payload(), Some(Payload::Dict(_)));
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) if !vm.is_heap(args) => t.to_vec(),
        _ => vec![args.clone()],
    };
    let mut next = 0usize;
    let mut out = String::new();
    let cs: Vec<char> = f.chars().collect();
    let mut i = 0;
    while i < cs.len() {
        if cs[i] != '%' {
            out.push(cs[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut key = None;
        if cs.get(i) == Some(&'(') {
            let st = i + 1;
            while i < cs.len() && cs[i] != ')' {
                i += 1;
            }
            key = Some(cs[st..i.min(cs.len())].iter().collect::<String>());
            i += 1;
        }
        let mut flags = String::new();
        while i < cs.len() && matches!(cs[i], '-' | '+' | ' ' | '#' | '0') {
            flags.push(cs[i]);
            i += 1;
        }
        let take_num = |i: &mut usize, vm: &mut Vm, next: &mut usize| -> PyResult<Option<usize>> {
            if cs.get(*i) == Some(&'*') {
                *i += 1;
                let v = items.get(*next).cloned().unwrap_or(Value::Int(0));
                *next += 1;
                return Ok(Some(vm.index_of(&v)?.unwrap_or(0).max(0) as usize));
            }
            let st = *i;
            while *i < cs.len() && cs[*i].is_ascii_digit() {
                *i += 1;
            }
            Ok(if *i > st {
                cs[st..*i].iter().collect::<String>().parse().ok()
            } else {
                None
            })
        };
        let width = take_num(&mut i, vm, &mut next)?;
        let mut prec = None;
        if cs.get(i) == Some(&'.') {
            i += 1;
            prec = Some(take_num(&mut i, vm, &mut next)?.unwrap_or(0));
        }
        let Some(&conv) = cs.get(i) else {
            return Err(vm.value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(k) => {
                let kv = vm.new_str(k);
                vm.get_item(args, &kv)?
            }
            None => {
                let v = items.get(next).cloned();
                next += 1;
                match v {
                    Some(v) => v,
                    None => return Err(vm.type_error("not enough arguments for format string")),
                }
            }
        };
        let mut spec = String::new();
        spec.push(if flags.contains('-') { '<' } else { '>' });
        if flags.contains('+') {
            spec.push('+');
        } else if flags.contains(' ') {
            spec.push(' ');
        }
        if flags.contains('#') {
            spec.push('#');
        }
        if flags.contains('0') && !flags.contains('-') {
            spec.clear();
            if flags.contains('+') {
                spec.push('+');
            }
            spec.push('0');
        }
        if let Some(w) = width {
            spec.push_str(&w.to_string());
        }
        let piece = match conv {
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.str_of(&v)?,
                    'r' => vm.repr_of(&v)?,
                    _ => crate::strmethods::ascii_escape(&vm.repr_of(&v)?),
                };
                let s: String = match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                let sv = vm.new_str(&s);
                let sp = spec.replace(['+', ' ', '#', '0'], "");
                vm.format(&sv, &sp)?
            }
            'd' | 'i' | 'u' => {
                let iv = match &v {
                    Value::Float(f) => Value::from_bigint(
                        num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_default(),
                        vm,
                    ),
                    other if other.is_int_like() => other.clone(),
                    other => {
                        return Err(vm.type_error(format!(
                            "%{conv} format: a real number is required, not {}",
                            vm.type_name(other)
                        )))
                    }
                };
                spec.push('d');
                vm.format(&iv, &spec)?
            }
            'x' | 'X' | 'o' => {
                spec.push(conv);
                vm.format(&v, &spec)?
            }
            'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
                let fv = match &v {
                    Value::Float(f) => *f,
                    Value::Int(i) => *i as f64,
                    Value::Bool(b) => *b as i64 as f64,
                    other => match other.as_bigint() {
                        Some(b) => crate::int::big_to_f64(vm, b)?,
                        None => {
                            return Err(vm.type_error(format!(
                                "must be real number, not {}",
                                vm.type_name(other)
                            )))
                        }
                    },
                };
                spec.push('.');
                spec.push_str(&prec.unwrap_or(6).to_string());
                spec.push(conv);
                vm.format(&Value::Float(fv), &spec)?
            }
            'c' => match &v {
                Value::Int(i) => char::from_u32(*i as u32)
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                other => other.as_str().unwrap_or("").to_string(),
            },
            other => {
                return Err(vm.value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        out.push_str(&piece);
    }
    if key_less_leftover(next, &items, is_mapping) {
        return Err(vm.type_error("not all arguments converted during string formatting"));
    }
    Ok(vm.new_str(&out))
}

fn key_less_leftover(used: usize, items: &[Value], is_mapping: bool) -> bool {
    !is_mapping && used < items.len()
}
