//! CPython 3.11's str and bytes hash: SipHash-1-3 over the PEP 393 kind's
//! raw little-endian bytes (Python/pyhash.c), keyed by `_Py_HashSecret`,
//! which PYTHONHASHSEED fills (Python/bootstrap_hash.c).

use crate::storage::{Str, Units};

/// The SipHash key (`_Py_HashSecret.siphash.k0/k1`) of one interpreter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HashKey {
    /// First key word (little-endian bytes 0..8 of the secret).
    pub k0: u64,
    /// Second key word (bytes 8..16 of the secret).
    pub k1: u64,
}

impl HashKey {
    /// The key CPython derives from `PYTHONHASHSEED=seed`: all zeros for 0
    /// (randomisation off), else the bytes of `lcg_urandom(seed)`.
    pub fn from_seed(seed: u32) -> HashKey {
        if seed == 0 {
            return HashKey { k0: 0, k1: 0 };
        }
        // lcg_urandom: x = x * 214013 + 2531011 (mod 2**32); byte = (x >> 16) & 0xff.
        let mut x = seed;
        let mut bytes = [0u8; 16];
        for b in bytes.iter_mut() {
            x = x.wrapping_mul(214_013).wrapping_add(2_531_011);
            *b = (x >> 16) as u8;
        }
        let mut lo = [0u8; 8];
        let mut hi = [0u8; 8];
        lo.copy_from_slice(&bytes[..8]);
        hi.copy_from_slice(&bytes[8..]);
        HashKey {
            k0: u64::from_le_bytes(lo),
            k1: u64::from_le_bytes(hi),
        }
    }

    /// A random key (PYTHONHASHSEED unset or "random"): from /dev/urandom,
    /// falling back to std's randomly seeded hasher.
    pub fn random() -> HashKey {
        use std::io::Read;
        let mut buf = [0u8; 16];
        let from_urandom = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| f.read_exact(&mut buf))
            .is_ok();
        if from_urandom {
            let mut lo = [0u8; 8];
            let mut hi = [0u8; 8];
            lo.copy_from_slice(&buf[..8]);
            hi.copy_from_slice(&buf[8..]);
            return HashKey {
                k0: u64::from_le_bytes(lo),
                k1: u64::from_le_bytes(hi),
            };
        }
        use std::collections::hash_map::RandomState;
        use std::hash::{BuildHasher, Hasher};
        let word = |salt: u64| {
            let mut h = RandomState::new().build_hasher();
            h.write_u64(salt);
            h.finish()
        };
        HashKey {
            k0: word(1),
            k1: word(2),
        }
    }
}

impl Str {
    /// `hash(s)` as CPython 3.11 computes it under `key` (cached per key).
    pub fn hash(&self, key: &HashKey) -> i64 {
        if let Some(h) = self.cached_hash(key.k0, key.k1) {
            return h;
        }
        let h = match self.units() {
            Units::Latin1(b) => hash_bytes(key, b),
            Units::Ucs2(u) => {
                let mut sip = SipHasher13::new(key);
                for &c in u {
                    sip.write(&c.to_le_bytes());
                }
                finish_hash(sip.finish(), u.is_empty())
            }
            Units::Ucs4(u) => {
                let mut sip = SipHasher13::new(key);
                for &c in u {
                    sip.write(&c.to_le_bytes());
                }
                finish_hash(sip.finish(), u.is_empty())
            }
        };
        self.set_cached_hash(key.k0, key.k1, h);
        h
    }
}

/// `hash(b)` of a bytes object (`_Py_HashBytes`): 0 when empty, -1 becomes -2.
pub fn hash_bytes(key: &HashKey, data: &[u8]) -> i64 {
    let mut sip = SipHasher13::new(key);
    sip.write(data);
    finish_hash(sip.finish(), data.is_empty())
}

/// CPython's conventions: the empty input hashes to 0; -1 (the error
/// marker) becomes -2.
fn finish_hash(h: u64, empty: bool) -> i64 {
    if empty {
        return 0;
    }
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

/// SipHash-1-3 of `data` under the key (`k0`, `k1`): CPython's
/// `_Py_KeyedHash` (the str/bytes hash and `importlib.util.source_hash`).
pub fn siphash13(k0: u64, k1: u64, data: &[u8]) -> u64 {
    let mut h = SipHasher13::new(&HashKey { k0, k1 });
    h.write(data);
    h.finish()
}

/// Streaming SipHash-1-3 (one compression round, three finalisation rounds).
struct SipHasher13 {
    v: [u64; 4],
    tail: [u8; 8],
    ntail: usize,
    len: u64,
}

impl SipHasher13 {
    fn new(key: &HashKey) -> SipHasher13 {
        SipHasher13 {
            v: [
                key.k0 ^ 0x736f_6d65_7073_6575,
                key.k1 ^ 0x646f_7261_6e64_6f6d,
                key.k0 ^ 0x6c79_6765_6e65_7261,
                key.k1 ^ 0x7465_6462_7974_6573,
            ],
            tail: [0; 8],
            ntail: 0,
            len: 0,
        }
    }

    fn block(&mut self, m: u64) {
        self.v[3] ^= m;
        sip_round(&mut self.v);
        self.v[0] ^= m;
    }

    fn write(&mut self, mut data: &[u8]) {
        self.len = self.len.wrapping_add(data.len() as u64);
        if self.ntail > 0 {
            while self.ntail < 8 {
                match data.split_first() {
                    Some((&b, rest)) => {
                        self.tail[self.ntail] = b;
                        self.ntail += 1;
                        data = rest;
                    }
                    None => return,
                }
            }
            let m = u64::from_le_bytes(self.tail);
            self.block(m);
            self.ntail = 0;
        }
        let mut chunks = data.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.block(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.tail[self.ntail] = b;
            self.ntail += 1;
        }
    }

    fn finish(mut self) -> u64 {
        let mut last = [0u8; 8];
        last[..self.ntail].copy_from_slice(&self.tail[..self.ntail]);
        // The final block carries the length's low byte in its top byte.
        let b = u64::from_le_bytes(last) | (self.len << 56);
        self.block(b);
        self.v[2] ^= 0xff;
        for _ in 0..3 {
            sip_round(&mut self.v);
        }
        self.v[0] ^ self.v[1] ^ self.v[2] ^ self.v[3]
    }
}

/// One SipRound over the state `v`.
fn sip_round(v: &mut [u64; 4]) {
    v[0] = v[0].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(13) ^ v[0];
    v[0] = v[0].rotate_left(32);
    v[2] = v[2].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(16) ^ v[2];
    v[0] = v[0].wrapping_add(v[3]);
    v[3] = v[3].rotate_left(21) ^ v[0];
    v[2] = v[2].wrapping_add(v[1]);
    v[1] = v[1].rotate_left(17) ^ v[2];
    v[2] = v[2].rotate_left(32);
}
