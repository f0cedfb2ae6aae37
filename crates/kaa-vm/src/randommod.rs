//! `_random`: the native half of `random` (crates/kaa-vm/lib/random.py is
//! the Python half), matching CPython 3.11's Modules/_randommodule.c.
//!
//! The Mersenne Twister state lives in a Python list of 625 ints (624
//! 32-bit words, then the index) owned by the `random.Random` instance;
//! the functions here take that list. Seeding follows `random_seed`:
//! `init_by_array` over the 32-bit words of `abs(n)`, least significant
//! first, or over 624 words of os.urandom for None. `random()` joins two
//! outputs as `genrand_res53`, `getrandbits(k)` fills little-endian words
//! from successive outputs. The module also carries SHA-512 (for
//! `seed(str)`, version 2) and the few libm functions random.py needs.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::builtins::make_builtin;
use crate::exceptions::{PyErr, PyResult};
use crate::native::Args;
use crate::object::{ObjRef, Payload};
use crate::value::Value;
use crate::vm::Vm;

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The 32-bit word a state slot holds (slots only ever hold such words).
fn word(v: &Value) -> u32 {
    match v {
        Value::Int(i) => *i as u32,
        _ => 0,
    }
}

/// `init_genrand`: the state from one 32-bit seed.
fn init_genrand(mt: &mut [u32; N], s: u32) {
    mt[0] = s;
    for i in 1..N {
        let prev = mt[i - 1];
        mt[i] = 1_812_433_253u32
            .wrapping_mul(prev ^ (prev >> 30))
            .wrapping_add(i as u32);
    }
}

/// `init_by_array`: the state from a key of 32-bit words.
fn init_by_array(key: &[u32]) -> [u32; N] {
    let mut mt = [0u32; N];
    init_genrand(&mut mt, 19_650_218);
    let key: &[u32] = if key.is_empty() { &[0] } else { key };
    let (mut i, mut j) = (1usize, 0usize);
    for _ in 0..N.max(key.len()) {
        let prev = mt[i - 1];
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
            .wrapping_add(key[j])
            .wrapping_add(j as u32);
        i += 1;
        j += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if j >= key.len() {
            j = 0;
        }
    }
    for _ in 0..N - 1 {
        let prev = mt[i - 1];
        mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
        i += 1;
        if i >= N {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x8000_0000;
    mt
}

/// The state list argument, checked.
fn state_list(vm: &Vm, v: &Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(o) if matches!(&o.payload, Payload::List(l) if l.borrow().len() == N + 1) => {
            Ok(o.clone())
        }
        _ => Err(vm.type_error("_random: invalid generator state")),
    }
}

/// `genrand_uint32` over the state list.
fn genrand(state: &mut [Value]) -> u32 {
    if state.len() != N + 1 {
        return 0;
    }
    let mut idx = match state[N] {
        Value::Int(i) => i as usize,
        _ => N,
    };
    if idx >= N {
        let mut mt = [0u32; N];
        for (m, v) in mt.iter_mut().zip(state.iter()) {
            *m = word(v);
        }
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        for (v, m) in state.iter_mut().zip(mt.iter()) {
            *v = Value::Int(*m as i64);
        }
        idx = 0;
    }
    let mut y = word(&state[idx]);
    state[N] = Value::Int(idx as i64 + 1);
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c_5680;
    y ^= (y << 15) & 0xefc6_0000;
    y ^ (y >> 18)
}

/// Runs `f` over the state list's items.
fn with_state<T>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Vec<Value>) -> T) -> PyResult<T> {
    let o = state_list(vm, v)?;
    match &o.payload {
        Payload::List(l) => Ok(f(&mut l.borrow_mut())),
        _ => Err(vm.type_error("_random: invalid generator state")),
    }
}

fn store(state: &mut [Value], mt: &[u32; N]) {
    for (v, m) in state.iter_mut().zip(mt.iter()) {
        *v = Value::Int(*m as i64);
    }
    if let Some(last) = state.get_mut(N) {
        *last = Value::Int(N as i64);
    }
}

fn urandom_bytes(vm: &mut Vm, n: usize) -> PyResult<Vec<u8>> {
    use std::io::Read;
    let n = crate::bytes::alloc_len(vm, n)?;
    let mut buf = vec![0u8; n];
    match std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)) {
        Ok(()) => Ok(buf),
        Err(e) => Err(vm.os_error(&e)),
    }
}

/// `_random.seed(state, n, /)`: `random_seed` — None seeds from
/// os.urandom, an int by the words of its absolute value.
fn r_seed(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let key: Vec<u32> = match a.arg(1) {
        Value::None => urandom_bytes(vm, N * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect(),
        v => match v.to_bigint() {
            Some(b) => b.abs().to_u32_digits().1,
            None => return Err(vm.type_error("_random.seed: an int is required")),
        },
    };
    let mt = init_by_array(&key);
    with_state(vm, a.arg(0), |s| store(s, &mt))?;
    Ok(Value::None)
}

/// `_random.random(state, /)`: `genrand_res53`, a float in [0.0, 1.0).
fn r_random(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let (x, y) = with_state(vm, a.arg(0), |s| (genrand(s) >> 5, genrand(s) >> 6))?;
    Ok(Value::Float(
        (x as f64 * 67_108_864.0 + y as f64) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

/// The 32-bit words of `k` random bits (k > 0), least significant
/// first, as `_random_Random_getrandbits_impl` fills them.
fn bits_words(s: &mut [Value], k: u64) -> Vec<u32> {
    let words = ((k - 1) / 32 + 1) as usize;
    let mut out = Vec::with_capacity(words);
    let mut left = k;
    for _ in 0..words {
        let mut r = genrand(s);
        if left < 32 {
            r >>= 32 - left;
        }
        out.push(r);
        left = left.saturating_sub(32);
    }
    out
}

/// `k` random bits as an int, from the state list `state`.
fn getrandbits_of(vm: &mut Vm, state: &Value, k: &Value) -> PyResult<Value> {
    let k = match k {
        Value::Int(k) => *k,
        Value::Bool(b) => *b as i64,
        v if v.as_bigint().is_some() => {
            return Err(vm.overflow_error("Python int too large to convert to C int"))
        }
        v => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k > i32::MAX as i64 {
        return Err(vm.overflow_error("Python int too large to convert to C int"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    if k <= 32 {
        let r = with_state(vm, state, |s| genrand(s) >> (32 - k))?;
        return Ok(Value::Int(r as i64));
    }
    let digits = with_state(vm, state, |s| bits_words(s, k as u64))?;
    Ok(Value::from_bigint(BigInt::new(Sign::Plus, digits), vm))
}

/// `_random.getrandbits(state, k, /)`: an int of `k` random bits.
fn r_getrandbits(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    getrandbits_of(vm, a.arg(0), a.arg(1))
}

/// The state list of a `random.Random` instance (its `_mt`).
fn own_state(vm: &mut Vm, this: &Value) -> PyResult<Value> {
    let name = vm.new_str("_mt");
    vm.get_attr(this, &name)
}

/// `Random.random($self, /)`: `random()` on the instance's own state.
fn m_random(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = own_state(vm, &a.this)?;
    let (x, y) = with_state(vm, &st, |s| (genrand(s) >> 5, genrand(s) >> 6))?;
    Ok(Value::Float(
        (x as f64 * 67_108_864.0 + y as f64) * (1.0 / 9_007_199_254_740_992.0),
    ))
}

/// `Random.getrandbits($self, k, /)`.
fn m_getrandbits(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = own_state(vm, &a.this)?;
    getrandbits_of(vm, &st, a.arg(0))
}

/// `Random._randbelow($self, n, /)`: random.py's
/// `_randbelow_with_getrandbits` over the instance's own generator: draws
/// of `n.bit_length()` bits until one is below `n` (n > 0).
fn m_randbelow(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let st = own_state(vm, &a.this)?;
    let n = match a.arg(0) {
        Value::Bool(b) => BigInt::from(*b as i64),
        v => match v.to_bigint() {
            Some(n) => n,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
    };
    if n.sign() != Sign::Plus {
        return Err(vm.value_error("_randbelow: n must be positive"));
    }
    if let Some(small) = n.to_u64() {
        let k = 64 - u64::from(small.leading_zeros());
        let r = with_state(vm, &st, |s| loop {
            let w = bits_words(s, k);
            let r = w
                .iter()
                .rev()
                .fold(0u64, |acc, x| (acc << 32) | u64::from(*x));
            if r < small {
                break r;
            }
        })?;
        return Ok(Value::from_bigint(BigInt::from(r), vm));
    }
    let k = n.bits();
    let r = with_state(vm, &st, |s| loop {
        let r = BigInt::new(Sign::Plus, bits_words(s, k));
        if r < n {
            break r;
        }
    })?;
    Ok(Value::from_bigint(r, vm))
}

/// `_random.setstate(state, tup, /)`: CPython's `random_setstate` checks.
fn r_setstate(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let Some(items) = a.arg(1).as_tuple() else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = Vec::with_capacity(N + 1);
    for v in &items[..N] {
        let b = v.to_bigint().ok_or_else(|| {
            vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            ))
        })?;
        if b.is_negative() {
            return Err(vm.overflow_error("can't convert negative value to unsigned int"));
        }
        let w = b.to_u64_digits().1.first().copied().unwrap_or(0);
        if b.bits() > 64 {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        }
        words.push(Value::Int(w as u32 as i64));
    }
    let index = match &items[N] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        v if v.as_bigint().is_some() => {
            return Err(vm.overflow_error("Python int too large to convert to C long"))
        }
        v => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    if !(0..=N as i64).contains(&index) {
        return Err(vm.value_error("invalid state"));
    }
    words.push(Value::Int(index));
    with_state(vm, a.arg(0), |s| *s = words)?;
    Ok(Value::None)
}

/// `_random.urandom(n, /)`: `n` bytes from the system's source.
fn r_urandom(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let n = match a.arg(0) {
        Value::Int(n) if *n >= 0 => *n as usize,
        Value::Int(_) => return Err(vm.value_error("negative argument not allowed")),
        v => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
    };
    let b = urandom_bytes(vm, n)?;
    Ok(crate::bytes::new_bytes(vm, b))
}

/// `_random.sha512(data, /)`: the SHA-512 digest of bytes.
fn r_sha512(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    let data: Vec<u8> = match a.arg(0).payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => return Err(vm.type_error("_random.sha512: bytes required")),
    };
    Ok(crate::bytes::new_bytes(
        vm,
        crate::sha512::digest(&data).to_vec(),
    ))
}

fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        v => match v.as_bigint() {
            Some(b) => crate::int::big_to_f64(vm, b),
            None => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
        },
    }
}

fn math_domain(vm: &Vm) -> PyErr {
    vm.value_error("math domain error")
}

/// The libm function random.py needs, by name, with math's domain checks.
fn r_libm(vm: &mut Vm, a: &Args<'_>, which: u8) -> PyResult<Value> {
    let x = float_arg(vm, a.arg(0))?;
    let r = match which {
        b'l' => {
            if x <= 0.0 {
                return Err(math_domain(vm));
            }
            x.ln()
        }
        b'e' => {
            let r = x.exp();
            if r.is_infinite() && x.is_finite() {
                return Err(vm.overflow_error("math range error"));
            }
            r
        }
        b's' => {
            if x < 0.0 {
                return Err(math_domain(vm));
            }
            x.sqrt()
        }
        b'a' => {
            if !(-1.0..=1.0).contains(&x) && !x.is_nan() {
                return Err(math_domain(vm));
            }
            x.acos()
        }
        b'c' => {
            if x.is_infinite() {
                return Err(math_domain(vm));
            }
            x.cos()
        }
        _ => {
            if x.is_infinite() {
                return Err(math_domain(vm));
            }
            x.sin()
        }
    };
    Ok(Value::Float(r))
}

fn r_log(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b'l')
}
fn r_exp(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b'e')
}
fn r_sqrt(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b's')
}
fn r_acos(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b'a')
}
fn r_cos(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b'c')
}
fn r_sin(vm: &mut Vm, a: &Args<'_>) -> PyResult<Value> {
    r_libm(vm, a, b'n')
}

/// Makes the `_random` module.
pub fn random_module(vm: &mut Vm) -> ObjRef {
    let values = vec![
        ("seed", make_builtin(vm, "seed(state, n, /)", r_seed)),
        ("random", make_builtin(vm, "random(state, /)", r_random)),
        (
            "getrandbits",
            make_builtin(vm, "getrandbits(state, k, /)", r_getrandbits),
        ),
        (
            "setstate",
            make_builtin(vm, "setstate(state, tup, /)", r_setstate),
        ),
        (
            "random_method",
            make_builtin(vm, "random($self, /)", m_random),
        ),
        (
            "getrandbits_method",
            make_builtin(vm, "getrandbits($self, k, /)", m_getrandbits),
        ),
        (
            "randbelow_method",
            make_builtin(vm, "_randbelow($self, n, /)", m_randbelow),
        ),
        ("urandom", make_builtin(vm, "urandom(size, /)", r_urandom)),
        ("sha512", make_builtin(vm, "sha512(data, /)", r_sha512)),
        ("log", make_builtin(vm, "log(x, /)", r_log)),
        ("exp", make_builtin(vm, "exp(x, /)", r_exp)),
        ("sqrt", make_builtin(vm, "sqrt(x, /)", r_sqrt)),
        ("acos", make_builtin(vm, "acos(x, /)", r_acos)),
        ("cos", make_builtin(vm, "cos(x, /)", r_cos)),
        ("sin", make_builtin(vm, "sin(x, /)", r_sin)),
    ];
    crate::module::new_native_module(
        vm,
        "_random",
        Some("Module implements the Mersenne Twister random number generator."),
        values,
        &[],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mt_reference_first_output() {
        // The MT19937 reference: init_by_array({0x123, 0x234, 0x345,
        // 0x456}) gives 1067595299 first.
        let mt = init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let mut state: Vec<Value> = mt.iter().map(|w| Value::Int(*w as i64)).collect();
        state.push(Value::Int(N as i64));
        assert_eq!(genrand(&mut state), 1_067_595_299);
        assert_eq!(genrand(&mut state), 955_945_823);
    }
}
