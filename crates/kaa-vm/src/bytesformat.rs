//! printf-style formatting of bytes and bytearray (`b'%s' % x`), as
//! CPython 3.11's `_PyBytes_FormatEx` over kaa-num's `percent` parser and
//! number conversions: `%s`/`%b` take bytes-like objects (or
//! `__bytes__`), `%r`/`%a` the ASCII repr, `%c` an int or one byte.

use kaa_num::percent::{
    format_percent_float, format_percent_int, pad_percent_str, PercentParser, Segment,
};

use crate::bytes::buffer_of;
use crate::exceptions::PyResult;
use crate::object::Payload;
use crate::value::Value;
use crate::vm::Vm;

/// `fmt % args` for bytes: the formatted bytes.
pub fn percent_format_bytes(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Vec<u8>> {
    let num_err = |vm: &Vm, e: kaa_num::NumError| vm.new_error(e.exception_name(), e.message());
    // A mapping argument enables `%(key)s` (tuples and strs are not
    // mappings; bytes % dict works on keys).
    let is_mapping = matches!(
        args.payload(),
        Some(
            Payload::Dict(_)
                | Payload::List(_)
                | Payload::ByteArray(_)
                | Payload::MemoryView(_)
                | Payload::Range(_)
        )
    ) || vm.user_method(args, "__getitem__").is_some();
    let items: Vec<Value> = match args.as_tuple() {
        Some(t) => t.to_vec(),
        None => vec![args.clone()],
    };
    let mut next = 0usize;
    let mut out = Vec::with_capacity(fmt.len());
    let take = |vm: &Vm, next: &mut usize| -> PyResult<Value> {
        let v = items.get(*next).cloned();
        *next += 1;
        v.ok_or_else(|| vm.type_error("not enough arguments for format string"))
    };
    let mut used_key = false;
    for seg in PercentParser::new(fmt) {
        let mut spec = match seg.map_err(|e| num_err(vm, e))? {
            Segment::Literal(r) => {
                out.extend_from_slice(fmt.get(r).unwrap_or_default());
                continue;
            }
            Segment::Spec(spec) => spec,
        };
        let source = match &spec.key {
            Some(k) => {
                if !is_mapping {
                    return Err(vm.type_error("format requires a mapping"));
                }
                used_key = true;
                let key =
                    crate::bytes::new_bytes(vm, fmt.get(k.clone()).unwrap_or_default().to_vec());
                Some(vm.get_item(args, &key)?)
            }
            None => None,
        };
        let fetch = |vm: &mut Vm, next: &mut usize| -> PyResult<Value> {
            match &source {
                Some(v) => Ok(v.clone()),
                None => take(vm, next),
            }
        };
        if spec.width_star() {
            let w = fetch(vm, &mut next)?;
            match w {
                Value::Int(n) => spec.set_star_width(n),
                _ => return Err(vm.type_error("* wants int")),
            }
        }
        if spec.precision_star() {
            let p = fetch(vm, &mut next)?;
            match p {
                Value::Int(n) => spec.set_star_precision(n),
                _ => return Err(vm.type_error("* wants int")),
            }
        }
        let v = fetch(vm, &mut next)?;
        if spec.conv != 'b' {
            spec.check_conversion().map_err(|e| num_err(vm, e))?;
        }
        let piece: Vec<u8> = match spec.conv {
            'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
                let i = match &v {
                    Value::Float(f) if matches!(spec.conv, 'd' | 'i' | 'u') => {
                        num_traits::FromPrimitive::from_f64(f.trunc()).ok_or_else(|| {
                            vm.overflow_error("cannot convert float infinity to integer")
                        })?
                    }
                    other => match other.to_bigint() {
                        Some(i) => i,
                        None => {
                            let msg = if matches!(spec.conv, 'd' | 'i' | 'u') {
                                // `%i` reports itself as `%d`.
                                let c = if spec.conv == 'i' { 'd' } else { spec.conv };
                                format!(
                                    "%{c} format: a real number is required, not {}",
                                    vm.type_name(other)
                                )
                            } else {
                                format!(
                                    "%{} format: an integer is required, not {}",
                                    spec.conv,
                                    vm.type_name(other)
                                )
                            };
                            return Err(vm.type_error(msg));
                        }
                    },
                };
                format_percent_int(&spec, &i, kaa_num::DEFAULT_MAX_STR_DIGITS)
                    .map_err(|e| num_err(vm, e))?
                    .into_bytes()
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let f = match &v {
                    Value::Float(f) => *f,
                    Value::Int(i) => *i as f64,
                    Value::Bool(b) => *b as i64 as f64,
                    other => match other.as_bigint() {
                        Some(b) => crate::int::big_to_f64(vm, b)?,
                        None => {
                            return Err(vm.type_error(format!(
                                "float argument required, not {}",
                                vm.type_name(other)
                            )))
                        }
                    },
                };
                format_percent_float(&spec, f)
                    .map_err(|e| num_err(vm, e))?
                    .into_bytes()
            }
            's' | 'b' => {
                let b = match buffer_of(&v) {
                    Some(b) => b.into_owned(),
                    None => match vm.user_method(&v, "__bytes__") {
                        Some(m) => {
                            let r = vm.call_dunder(&m, &v, &[])?;
                            match crate::bytes::as_bytes(&r) {
                                Some(b) => b.to_vec(),
                                None => {
                                    return Err(vm.type_error(format!(
                                        "__bytes__ returned non-bytes (type {})",
                                        vm.type_name(&r)
                                    )))
                                }
                            }
                        }
                        None => {
                            return Err(vm.type_error(format!(
                                "%b requires a bytes-like object, or an object that \
                                 implements __bytes__, not '{}'",
                                vm.type_name(&v)
                            )))
                        }
                    },
                };
                pad_bytes(vm, &spec, &b)?
            }
            'r' | 'a' => {
                let r = vm.repr_of(&v)?;
                let r = ascii_escape(&r);
                pad_bytes(vm, &spec, r.as_bytes())?
            }
            _ => {
                // 'c': an int in range(256) or a bytes of length 1.
                let c = match (v.to_bigint(), buffer_of(&v)) {
                    (_, Some(b)) if b.len() == 1 => b[0],
                    (Some(n), _) => match u8::try_from(&n) {
                        Ok(c) => c,
                        Err(_) => return Err(vm.overflow_error("%c arg not in range(256)")),
                    },
                    _ => {
                        return Err(
                            vm.type_error("%c requires an integer in range(256) or a single byte")
                        )
                    }
                };
                let mut s = spec.clone();
                s.conv = 'c';
                pad_bytes(vm, &s, &[c])?
            }
        };
        out.extend_from_slice(&piece);
    }
    if !is_mapping && next < items.len() && !used_key {
        return Err(vm.type_error("not all arguments converted during bytes formatting"));
    }
    Ok(out)
}

/// Pads (and for `%s %b %r %a`, truncates to the precision) a byte
/// string: the layout is the str one over Latin-1 code points.
fn pad_bytes(vm: &Vm, spec: &kaa_num::percent::PercentSpec, b: &[u8]) -> PyResult<Vec<u8>> {
    let text: String = b.iter().map(|&c| c as char).collect();
    let padded =
        pad_percent_str(spec, &text).map_err(|e| vm.new_error(e.exception_name(), e.message()))?;
    Ok(padded.chars().map(|c| c as u32 as u8).collect())
}

/// `ascii()` of a repr: non-ASCII characters as `\x`, `\u` or `\U`
/// escapes.
fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let n = c as u32;
        match n {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{n:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{n:04x}")),
            _ => out.push_str(&format!("\\U{n:08x}")),
        }
    }
    out
}
