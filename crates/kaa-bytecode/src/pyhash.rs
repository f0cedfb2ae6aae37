//! CPython 3.11's `hash()` of the constants whose hash does not depend on
//! the process (ints, bools, floats, complex numbers and tuples of them;
//! str and bytes hashes are randomised, None's is an address), and the
//! iteration order of a set built from them (Objects/setobject.c), which
//! is the order `repr()` of a frozenset constant shows.

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};

use crate::constant::Constant;

/// `_PyHASH_BITS`: hashes of numbers are reduced modulo 2**61 - 1.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS`.
const MODULUS: u64 = (1 << HASH_BITS) - 1;
/// `_PyHASH_INF`.
const HASH_INF: i64 = 314159;
/// `_PyHASH_IMAG`.
const HASH_IMAG: u64 = 1000003;

/// -1 is the C API's error value: a hash of -1 becomes -2.
fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `hash(i)` for an int.
pub fn hash_i64(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

/// `hash(i)` for a big int.
pub fn hash_bigint(i: &BigInt) -> i64 {
    let m = (i.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    fix(if i.sign() == num_bigint::Sign::Minus {
        -m
    } else {
        m
    })
}

/// C's `frexp`: `v = m * 2**e` with 0.5 <= |m| < 1 (m = 0 for 0).
fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(v * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `_Py_HashDouble`: None for a NaN (its hash is its address).
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | x >> (HASH_BITS - e);
    Some(fix(x.wrapping_mul(sign as u64) as i64))
}

/// `hash(complex(re, im))`.
pub fn hash_complex(re: f64, im: f64) -> Option<i64> {
    let r = hash_float(re)? as u64;
    let i = hash_float(im)? as u64;
    Some(fix(r.wrapping_add(HASH_IMAG.wrapping_mul(i)) as i64))
}

/// `tuplehash`: xxHash-style over the items' hashes.
pub fn hash_tuple(hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11400714785074694791;
    const PRIME_2: u64 = 14029467366897019727;
    const PRIME_5: u64 = 2870177450012600261;
    let mut acc = PRIME_5;
    for &h in hashes {
        acc = acc.wrapping_add((h as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add(hashes.len() as u64 ^ (PRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// The hash of a constant, when it does not depend on the process.
pub fn hash_constant(c: &Constant) -> Option<i64> {
    match c {
        Constant::Bool(b) => Some(*b as i64),
        Constant::Int(i) => Some(hash_i64(*i)),
        Constant::BigInt(i) => Some(hash_bigint(i)),
        Constant::Float(f) => hash_float(*f),
        Constant::Complex { re, im } => hash_complex(*re, *im),
        Constant::Tuple(items) => {
            let hashes: Option<Vec<i64>> = items.iter().map(hash_constant).collect();
            Some(hash_tuple(&hashes?))
        }
        _ => None,
    }
}

/// A number as (real, imag) with the real part exact when it is an int.
enum Num<'a> {
    Int(BigInt),
    Float(f64),
    Complex(f64, f64),
    Other(&'a Constant),
}

fn num(c: &Constant) -> Num<'_> {
    match c {
        Constant::Bool(b) => Num::Int(BigInt::from(*b as u8)),
        Constant::Int(i) => Num::Int(BigInt::from(*i)),
        Constant::BigInt(i) => Num::Int((**i).clone()),
        Constant::Float(f) => Num::Float(*f),
        Constant::Complex { re, im } => Num::Complex(*re, *im),
        other => Num::Other(other),
    }
}

/// An int and a float are equal when the float is that exact integer.
fn int_eq_float(i: &BigInt, f: f64) -> bool {
    f.is_finite() && f.fract() == 0.0 && num_traits::FromPrimitive::from_f64(f) == Some(i.clone())
}

/// Python's `==` between two of the constants [`hash_constant`] hashes
/// (`1 == 1.0 == True == 1+0j`).
fn py_eq(a: &Constant, b: &Constant) -> bool {
    match (num(a), num(b)) {
        (Num::Int(x), Num::Int(y)) => x == y,
        (Num::Int(i), Num::Float(f)) | (Num::Float(f), Num::Int(i)) => int_eq_float(&i, f),
        (Num::Float(x), Num::Float(y)) => x == y,
        (Num::Complex(r, im), Num::Int(i)) | (Num::Int(i), Num::Complex(r, im)) => {
            im.is_zero() && int_eq_float(&i, r)
        }
        (Num::Complex(r, im), Num::Float(f)) | (Num::Float(f), Num::Complex(r, im)) => {
            im.is_zero() && r == f
        }
        (Num::Complex(a, b), Num::Complex(c, d)) => a == c && b == d,
        (Num::Other(Constant::Tuple(x)), Num::Other(Constant::Tuple(y))) => {
            x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| py_eq(p, q))
        }
        _ => false,
    }
}

/// `PySet_MINSIZE`.
const SET_MINSIZE: usize = 8;
/// `LINEAR_PROBES`.
const LINEAR_PROBES: usize = 9;
/// `PERTURB_SHIFT`.
const PERTURB_SHIFT: u32 = 5;

/// Where `set_insert_clean`/`set_add_entry` put a hash: the first free
/// slot of CPython's probe sequence, or the slot of an equal element.
fn probe(
    table: &[Option<(usize, i64)>],
    hash: i64,
    mut is_equal: impl FnMut(usize) -> bool,
) -> Result<usize, ()> {
    let mask = table.len() - 1;
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        let probes = if i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        for (j, entry) in table.iter().enumerate().skip(i).take(probes + 1) {
            match *entry {
                None => return Ok(j),
                Some((k, h)) if h == hash && is_equal(k) => return Err(()),
                Some(_) => {}
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(perturb as usize))
            & mask;
    }
}

/// The order in which CPython iterates a set made by adding `items` in
/// order (as marshal builds a frozenset), as indices into `items`, equal
/// elements dropped; None when an element's hash is not reproducible.
pub fn set_iteration_order(items: &[Constant]) -> Option<Vec<usize>> {
    let hashes: Vec<i64> = items.iter().map(hash_constant).collect::<Option<_>>()?;
    let mut table: Vec<Option<(usize, i64)>> = vec![None; SET_MINSIZE];
    let mut used = 0usize;
    for (idx, &hash) in hashes.iter().enumerate() {
        let Ok(slot) = probe(&table, hash, |k| py_eq(&items[k], &items[idx])) else {
            continue;
        };
        table[slot] = Some((idx, hash));
        used += 1;
        let mask = table.len() - 1;
        if used * 5 >= mask * 3 {
            // set_table_resize: the smallest power of two above the target,
            // old entries reinserted in slot order.
            let minused = if used > 50000 { used * 2 } else { used * 4 };
            let mut size = SET_MINSIZE;
            while size <= minused {
                size <<= 1;
            }
            let old = std::mem::replace(&mut table, vec![None; size]);
            for (k, h) in old.into_iter().flatten() {
                if let Ok(s) = probe(&table, h, |_| false) {
                    table[s] = Some((k, h));
                }
            }
        }
    }
    Some(table.into_iter().flatten().map(|(k, _)| k).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values from python3's `hash()`.
    #[test]
    fn hashes_as_cpython() {
        assert_eq!(hash_i64(-1), -2);
        assert_eq!(hash_i64(1 << 61), 1);
        assert_eq!(hash_float(7.5), Some(1152921504606846983));
        assert_eq!(hash_float(-0.5), Some(-1152921504606846976));
        assert_eq!(hash_float(1e300), Some(1224995262755759164));
        assert_eq!(hash_float(5e-324), Some(16777216));
        assert_eq!(hash_float(1.5e-310), Some(2076486366513856732));
        assert_eq!(hash_complex(1.0, 2.0), Some(2000007));
        assert_eq!(hash_complex(0.0, -2.5e300), Some(1130804271402073211));
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        let t = Constant::tuple(vec![
            Constant::Float(1.5),
            Constant::tuple(vec![Constant::Int(2), Constant::Int(-3)]),
        ]);
        assert_eq!(hash_constant(&t), Some(-6980365901202928436));
    }

    fn parse(s: &str) -> Constant {
        if s.contains(['.', 'e']) {
            Constant::Float(s.parse().unwrap())
        } else {
            Constant::int(s.parse().unwrap())
        }
    }

    /// `list(frozenset(xs))` from python3, for ints, big ints and floats
    /// (with a repeated element and table resizes).
    #[test]
    fn set_order_as_cpython() {
        let items = [Constant::Float(7.5), Constant::Int(8)];
        assert_eq!(set_iteration_order(&items), Some(vec![1, 0]));
        let xs = "64587845685900709022 48 1311418.9588902204 17 -54900741681461502389 \
            -44984041005346266177 9409760.01087999 17343242716098961436 5959789505447018.0 \
            480745186630038.94 5.7000929535789945e-06 5.490659459511809e+20 \
            -84481969916512448691 44 13 0.03663157994282751 35 -24514570244143018162 \
            7.405584945824758e+16 5.570723100789343e-05 981.3004861151011 \
            0.0037299762777421876 88 -17376250211650441377 -45401033854331853891 \
            5.151788725109321e+29 71 60 36 -19795687168576833906 18 36 78 \
            71603900579419064009 28 47324338505181000412 5.483207407270189e+20 30 \
            -93100716169941814020 70";
        let want = "0.03663157994282751 0.0037299762777421876 -19795687168576833906 13 17 18 \
            480745186630038.94 28 30 7.405584945824758e+16 17343242716098961436 35 36 \
            -84481969916512448691 -45401033854331853891 -44984041005346266177 44 48 \
            -54900741681461502389 64587845685900709022 1311418.9588902204 60 \
            -24514570244143018162 70 71 78 -93100716169941814020 981.3004861151011 88 \
            -17376250211650441377 9409760.01087999 71603900579419064009 5959789505447018.0 \
            5.483207407270189e+20 5.7000929535789945e-06 5.490659459511809e+20 \
            47324338505181000412 5.570723100789343e-05 5.151788725109321e+29";
        let items: Vec<Constant> = xs.split_whitespace().map(parse).collect();
        let want: Vec<Constant> = want.split_whitespace().map(parse).collect();
        let order = set_iteration_order(&items).unwrap();
        let got: Vec<Constant> = order.iter().map(|&i| items[i].clone()).collect();
        assert_eq!(got, want);
    }
}
