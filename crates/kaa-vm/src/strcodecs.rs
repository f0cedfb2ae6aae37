//! The codec entry points between str and bytes, over kaa-str's codecs:
//! `str.encode(encoding, errors)`, `bytes.decode(encoding, errors)` and the
//! `str(object, encoding, errors)` constructor, with CPython 3.11's
//! argument checks and messages.

use crate::exceptions::PyResult;
use crate::native::Args;
use crate::strargs::{receiver, str_error};
use crate::value::Value;
use crate::vm::Vm;

/// The `encoding`/`errors` arguments at `i`, `i + 1` ("encode() argument
/// 'encoding' must be str, not int"), defaulting to utf-8/strict.
fn codec_args(vm: &Vm, a: &Args<'_>, i: usize, func: &str) -> PyResult<(String, String)> {
    let get = |j: usize, name: &str, default: &str| -> PyResult<String> {
        match a.get(j) {
            None => Ok(default.to_string()),
            Some(v) => match v.as_pystr() {
                Some(s) => Ok(s.to_utf8_lossy().into_owned()),
                None => Err(vm.type_error(format!(
                    "{func}() argument '{name}' must be str, not {}",
                    vm.type_name(v)
                ))),
            },
        }
    };
    Ok((
        get(i, "encoding", "utf-8")?,
        get(i + 1, "errors", "strict")?,
    ))
}

/// `str.encode(encoding='utf-8', errors='strict')`.
pub fn encode(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let s = receiver(vm, a, "encode")?;
    let (enc, errors) = codec_args(vm, a, 0, "encode")?;
    let b = s.encode(&enc, &errors).map_err(|e| str_error(vm, e))?;
    Ok(crate::bytes::new_bytes(vm, b))
}

/// Decodes `b` to a str value (`bytes.decode`, `str(b, encoding)`).
fn decode_to_value(vm: &Vm, b: &[u8], enc: &str, errors: &str) -> PyResult<Value> {
    let s = kaa_str::decode(b, enc, errors).map_err(|e| str_error(vm, e))?;
    Ok(vm.new_pystr(s))
}

/// `bytes.decode(encoding='utf-8', errors='strict')` (bytes and bytearray).
pub fn bytes_decode(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (enc, errors) = codec_args(vm, a, 0, "decode")?;
    let Some(b) = crate::bytes::buffer_of(&a.this) else {
        return Err(vm.type_error(format!(
            "descriptor 'decode' for 'bytes' objects doesn't apply to a '{}' object",
            vm.type_name(&a.this)
        )));
    };
    decode_to_value(vm, &b, &enc, &errors)
}

/// `str(object='')` / `str(object=b'', encoding='utf-8', errors='strict')`.
pub fn str_new(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(obj) = a.get(0) else {
        // str(encoding=...) without an object is '' (the arguments are
        // still type-checked).
        codec_args(vm, a, 1, "str")?;
        return Ok(vm.new_str(""));
    };
    if a.get(1).is_none() && a.get(2).is_none() {
        return crate::format::str_value(vm, obj);
    }
    let (enc, errors) = codec_args(vm, a, 1, "str")?;
    if obj.as_pystr().is_some() {
        return Err(vm.type_error("decoding str is not supported"));
    }
    match crate::bytes::buffer_of(obj) {
        Some(b) => decode_to_value(vm, &b, &enc, &errors),
        None => Err(vm.type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            vm.type_name(obj)
        ))),
    }
}
