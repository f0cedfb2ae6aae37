//! `format(value, spec)`, FORMAT_VALUE (f-strings) and printf-style `%`.
//!
//! TEMPORARY: a minimal format-spec mini-language and `%` until kaa-num's
//! `format_num`/`percent` modules are exported; it covers fill, align,
//! sign, `#`, `0`, width, `,`/`_`, precision and the common types.

use num_bigint::BigInt;

use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// A parsed format spec.
#[derive(Default)]
struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    alt: bool,
    zero: bool,
    width: usize,
    grouping: Option<char>,
    precision: Option<usize>,
    ty: Option<char>,
}

fn parse_spec(s: &str) -> Option<Spec> {
    let c: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut sp = Spec::default();
    let is_align = |ch: char| matches!(ch, '<' | '>' | '^' | '=');
    if c.len() >= 2 && is_align(c[1]) {
        sp.fill = Some(c[0]);
        sp.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        sp.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        sp.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        sp.alt = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        sp.zero = true;
        i += 1;
    }
    let st = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > st {
        sp.width = c[st..i].iter().collect::<String>().parse().ok()?;
    }
    if i < c.len() && matches!(c[i], ',' | '_') {
        sp.grouping = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let st = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == st {
            return None;
        }
        sp.precision = Some(c[st..i].iter().collect::<String>().parse().ok()?);
    }
    if i < c.len() {
        sp.ty = Some(c[i]);
        i += 1;
    }
    if i != c.len() {
        return None;
    }
    Some(sp)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out: Vec<char> = Vec::new();
    for (n, ch) in digits.chars().rev().enumerate() {
        if n > 0 && n % every == 0 {
            out.push(sep);
        }
        out.push(ch);
    }
    out.into_iter().rev().collect()
}

fn pad(sp: &Spec, sign: &str, body: &str, default_align: char) -> String {
    let len = sign.chars().count() + body.chars().count();
    if len >= sp.width {
        return format!("{sign}{body}");
    }
    let fill_n = sp.width - len;
    let (fill, align) = if sp.zero && sp.align.is_none() {
        (sp.fill.unwrap_or('0'), '=')
    } else {
        (sp.fill.unwrap_or(' '), sp.align.unwrap_or(default_align))
    };
    let f = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{sign}{body}{}", f(fill_n)),
        '^' => format!("{}{sign}{body}{}", f(fill_n / 2), f(fill_n - fill_n / 2)),
        '=' => format!("{sign}{}{body}", f(fill_n)),
        _ => format!("{}{sign}{body}", f(fill_n)),
    }
}

fn sign_of(sp: &Spec, neg: bool) -> &'static str {
    if neg {
        "-"
    } else {
        match sp.sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

fn format_float_body(sp: &Spec, f: f64, ty: char) -> String {
    let a = f.abs();
    if a.is_infinite() {
        return if ty.is_uppercase() { "INF".into() } else { "inf".into() };
    }
    if a.is_nan() {
        return if ty.is_uppercase() { "NAN".into() } else { "nan".into() };
    }
    let prec = sp.precision.unwrap_or(6);
    let mut body = match ty {
        'f' | 'F' => format!("{a:.prec$}"),
        'e' | 'E' => {
            let s = format!("{a:.prec$e}");
            let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
            let e: i32 = e.parse().unwrap_or(0);
            let r = format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs());
            if ty == 'E' { r.to_uppercase() } else { r }
        }
        '%' => format!("{:.prec$}%", a * 100.0),
        _ => {
            // 'g' and the default.
            let p = if prec == 0 { 1 } else { prec };
            if sp.ty.is_none() && sp.precision.is_none() {
                kaa_repr::repr_float(a)
            } else {
                let exp = if a == 0.0 { 0 } else { a.log10().floor() as i32 };
                let s = if exp < -4 || exp >= p as i32 {
                    let s = format!("{:.*e}", p - 1, a);
                    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
                    let m = if sp.alt { m.to_string() } else { trim_zeros(m) };
                    let e: i32 = e.parse().unwrap_or(0);
                    format!("{m}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
                } else {
                    let decimals = (p as i32 - 1 - exp).max(0) as usize;
                    let s = format!("{a:.decimals$}");
                    if sp.alt { s } else { trim_zeros(&s) }
                };
                if sp.ty.is_none() && !s.contains(['.', 'e', 'n', 'i']) {
                    format!("{s}.0")
                } else {
                    s
                }
            }
        }
    };
    if let Some(g) = sp.grouping {
        let (int, frac) = match body.find(['.', 'e', '%']) {
            Some(p) => (body[..p].to_string(), body[p..].to_string()),
            None => (body.clone(), String::new()),
        };
        body = format!("{}{}", group(&int, g, 3), frac);
    }
    body
}

fn trim_zeros(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

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
        let bad = |vm: &Vm| vm.value_error("Invalid format specifier");
        let Some(sp) = parse_spec(spec) else { return Err(bad(self)) };
        let int = match v {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(*b as i64)),
            _ => v.as_bigint().cloned(),
        };
        if let Some(i) = int {
            let ty = sp.ty.unwrap_or('d');
            if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
                let f = crate::int::big_to_f64(self, &i)?;
                return self.format(&Value::Float(f), spec);
            }
            let neg = i.sign() == num_bigint::Sign::Minus;
            let mag = i.magnitude();
            let (digits, prefix) = match ty {
                'd' | 'n' => (mag.to_str_radix(10), ""),
                'x' => (mag.to_str_radix(16), "0x"),
                'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
                'o' => (mag.to_str_radix(8), "0o"),
                'b' => (mag.to_str_radix(2), "0b"),
                'c' => {
                    let c = num_traits::ToPrimitive::to_u32(&i).and_then(char::from_u32).unwrap_or('\0');
                    return Ok(pad(&sp, "", &c.to_string(), '<'));
                }
                _ => {
                    return Err(self.value_error(format!(
                        "Unknown format code '{ty}' for object of type '{tname}'"
                    )))
                }
            };
            let digits = match sp.grouping {
                Some(g) => group(&digits, g, if ty == 'd' || ty == 'n' { 3 } else { 4 }),
                None => digits,
            };
            let sign = format!("{}{}", sign_of(&sp, neg), if sp.alt { prefix } else { "" });
            return Ok(pad(&sp, &sign, &digits, '>'));
        }
        if let Value::Float(f) = v {
            let ty = sp.ty.unwrap_or('?');
            if !matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | '?' | 'n') {
                return Err(self.value_error(format!(
                    "Unknown format code '{ty}' for object of type '{tname}'"
                )));
            }
            let neg = f.is_sign_negative() && !f.is_nan();
            let body = format_float_body(&sp, *f, ty);
            return Ok(pad(&sp, sign_of(&sp, neg), &body, '>'));
        }
        if let Some(s) = v.as_str() {
            if !matches!(sp.ty, None | Some('s')) {
                return Err(self.value_error(format!(
                    "Unknown format code '{}' for object of type '{tname}'",
                    sp.ty.unwrap_or('?')
                )));
            }
            if sp.sign.is_some() {
                return Err(self.value_error("Sign not allowed in string format specifier"));
            }
            let body: String = match sp.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            return Ok(pad(&sp, "", &body, '<'));
        }
        Err(self.type_error(format!(
            "unsupported format string passed to {tname}.__format__"
        )))
    }

    /// FORMAT_VALUE: conversion (1 str, 2 repr, 3 ascii) then `format`.
    pub(crate) fn format_value(&mut self, v: Value, conv: usize, spec: Option<Value>) -> PyResult<Value> {
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
        let spec = spec.as_ref().and_then(|s| s.as_str()).unwrap_or("").to_string();
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
            Ok(if *i > st { cs[st..*i].iter().collect::<String>().parse().ok() } else { None })
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
        if flags.contains('-') {
            spec.push('<');
        } else if !matches!(conv, 's' | 'r' | 'a' | 'c') {
            spec.push('>');
        } else {
            spec.push('>');
        }
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
                Value::Int(i) => char::from_u32(*i as u32).map(|c| c.to_string()).unwrap_or_default(),
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
