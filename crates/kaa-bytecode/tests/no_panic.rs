//! Hostile input never panics: thousands of mutated and random marshal
//! strings (a deterministic PRNG, so failures reproduce) go through
//! `loads`, and whatever loads goes through `dumps`, `dis`, `code_info`
//! and the table decoders. Nesting limits hold without overflowing the
//! stack.

use std::fs;
use std::path::Path;

use kaa_bytecode::code::CodeObject;
use kaa_bytecode::dis::{code_info, dis, get_instructions, DisOptions};
use kaa_bytecode::marshal::{dumps, dumps_with_layout, loads, loads_with_layout};
use kaa_bytecode::Constant;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn fixture_blobs() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected");
    let mut names: Vec<_> = fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "marshal"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|p| fs::read(p).expect("read"))
        .filter(|b| b.len() < 8000)
        .collect()
}

const TYPE_CODES: &[u8] = b"0NFTS.iIfgxylstr([{cuaAzZ)<>?\xe3\xfa\xa9\xf3\xf2\xe9\xda";

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        match rng.below(6) {
            0 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = rng.next() as u8;
            }
            1 if !data.is_empty() => {
                let i = rng.below(data.len());
                data[i] = TYPE_CODES[rng.below(TYPE_CODES.len())];
            }
            2 if data.len() >= 4 => {
                let i = rng.below(data.len() - 3);
                let v: i32 = [0, 1, -1, 255, 256, i32::MAX, i32::MIN, 2000, 0x7fff][rng.below(9)];
                data[i..i + 4].copy_from_slice(&v.to_le_bytes());
            }
            3 => {
                let n = rng.below(data.len() + 1);
                data.truncate(n);
            }
            4 => {
                let i = rng.below(data.len() + 1);
                data.insert(i, TYPE_CODES[rng.below(TYPE_CODES.len())]);
            }
            _ if data.len() > 8 => {
                // Copy a slice elsewhere (references, nested objects).
                let a = rng.below(data.len() - 4);
                let n = 1 + rng.below((data.len() - a).min(40));
                let chunk: Vec<u8> = data[a..a + n].to_vec();
                let at = rng.below(data.len());
                data.splice(at..at, chunk);
            }
            _ => {}
        }
    }
}

fn exercise_code(code: &CodeObject) {
    let _ = dis(code, &DisOptions::default());
    let _ = dis(
        code,
        &DisOptions {
            show_caches: true,
            depth: Some(1),
            lasti: Some(4),
        },
    );
    let _ = get_instructions(code, false);
    let _ = code_info(code);
    let _ = code.lines();
    let _ = code.positions();
    let _ = code.exception_entries();
    let _ = code.line_starts();
    let _ = (
        code.varnames(),
        code.cellvars(),
        code.freevars(),
        code.nlocals(),
    );
}

fn exercise(value: &Constant, depth: usize) {
    if depth > 50 {
        return;
    }
    match value {
        Constant::Code(code) => {
            exercise_code(code);
            for c in &code.consts {
                exercise(c, depth + 1);
            }
        }
        Constant::Tuple(items) | Constant::FrozenSet(items) => {
            for c in items.iter().take(50) {
                exercise(c, depth + 1);
            }
        }
        _ => {}
    }
}

/// Loads `data`; whatever loads must dump back and load again equal.
fn check(data: &[u8]) -> bool {
    let Ok(loaded) = loads_with_layout(data) else {
        return false;
    };
    let again = dumps_with_layout(&loaded.value, &loaded.layout).expect("re-dump");
    assert_eq!(loads(&again).expect("reload"), loaded.value);
    let predicted = dumps(&loaded.value).expect("dump");
    assert_eq!(loads(&predicted).expect("reload"), loaded.value);
    exercise(&loaded.value, 0);
    true
}

#[test]
fn mutated_fixtures_never_panic() {
    let blobs = fixture_blobs();
    assert!(blobs.len() > 30);
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut loaded = 0;
    let cases = 6000;
    for _ in 0..cases {
        let mut data = blobs[rng.below(blobs.len())].clone();
        mutate(&mut rng, &mut data);
        loaded += check(&data) as usize;
    }
    // Some mutations must survive loading, or the later stages go untested.
    assert!(loaded > cases / 10, "{loaded}");
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(42);
    for _ in 0..20000 {
        let n = rng.below(64);
        let mut data: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        if let Some(first) = data.first_mut() {
            *first = TYPE_CODES[rng.below(TYPE_CODES.len())];
        }
        check(&data);
    }
}

#[test]
fn nesting_is_limited_like_cpython() {
    // 1999 nested tuples around None: 2000 levels, the most CPython reads.
    let nested = |n: usize| {
        let mut d = b")\x01".repeat(n);
        d.push(b'N');
        d
    };
    let value = loads(&nested(1999)).expect("2000 levels load");
    let err = loads(&nested(2000)).unwrap_err();
    assert_eq!(
        (err.kind, err.message.as_str()),
        ("ValueError", "recursion limit exceeded")
    );
    // marshal.dumps refuses 2001 levels, accepts 2000.
    assert!(dumps(&value).is_ok());
    let deeper = Constant::tuple(vec![value]);
    let err = dumps(&deeper).unwrap_err();
    assert_eq!(err.message, "object too deeply nested to marshal");
}

#[test]
fn length_fields_do_not_allocate() {
    // Tuples, lists, sets, bytes, strs and longs claiming 2**31 - 1 items.
    for ty in [b'(', b'[', b'<', b'>', b's', b'a', b'u', b'l'] {
        let mut d = vec![ty];
        d.extend_from_slice(&i32::MAX.to_le_bytes());
        d.extend_from_slice(b"N");
        assert!(loads(&d).is_err());
    }
}

#[test]
fn shared_references_stay_shared() {
    // t0 = (None, None); t(k) = (t(k-1), t(k-1)) through a back-reference:
    // 2**20 leaves in a few dozen bytes. Loading, dumping (both ways) and
    // comparing must stay linear in the data, not in the leaves.
    let levels = 20;
    let mut d = b"\xa9\x02".repeat(levels);
    d.extend_from_slice(b"NN");
    for k in 1..levels {
        d.push(b'r');
        d.extend_from_slice(&((levels - k) as i32).to_le_bytes());
    }
    assert!(check(&d));
    let loaded = loads_with_layout(&d).expect("loads");
    assert_eq!(
        dumps_with_layout(&loaded.value, &loaded.layout).expect("dumps"),
        d
    );
    assert_eq!(dumps(&loaded.value).expect("dumps"), d);
}

/// The deepest values marshal accepts go through every operation on a
/// thread with a small stack: nothing recurses per nesting level.
#[test]
fn deep_values_need_no_deep_stack() {
    let mut data = b")\x01".repeat(1999);
    data.push(b'N');
    // Nested code objects too: code -> co_consts -> code ... (666 levels).
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected/empty.marshal");
    let empty = loads(&fs::read(fixture).expect("fixture")).expect("loads");
    let Constant::Code(leaf) = &empty else {
        panic!("not code")
    };
    let mut code: CodeObject = (**leaf).clone();
    for _ in 0..665 {
        let mut outer: CodeObject = (**leaf).clone();
        outer.consts = vec![Constant::code(code)];
        code = outer;
    }
    let deep_code = Constant::code(code);
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || {
            let value = loads(&data).expect("loads");
            let again = dumps(&value).expect("dumps");
            assert_eq!(again.len(), data.len());
            let copy = loads(&again).expect("loads");
            assert!(value == copy);
            let mut h = std::collections::hash_map::DefaultHasher::new();
            std::hash::Hash::hash(&value, &mut h);
            assert!(kaa_bytecode::repr::repr(&value).is_err());
            let bytes = dumps(&deep_code).expect("dumps code");
            let reloaded = loads(&bytes).expect("loads code");
            assert!(reloaded == deep_code);
            if let Constant::Code(code) = &reloaded {
                assert!(dis(code, &DisOptions::default()).is_ok());
            }
            drop((value, copy, reloaded, deep_code));
        })
        .expect("spawn")
        .join()
        .expect("no stack overflow");
}

/// Code objects with random instructions (long EXTENDED_ARG chains,
/// unknown and specialised opcodes, bad operands), random tables and slot
/// kinds: `dis` and the decoders fail cleanly or succeed, never panic.
#[test]
fn random_code_never_panics() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected/closures.marshal");
    let base = loads(&fs::read(fixture).expect("fixture")).expect("loads");
    let Constant::Code(base) = &base else {
        panic!("not code")
    };
    let mut rng = Rng(7);
    for _ in 0..3000 {
        let mut code: CodeObject = (**base).clone();
        let units = rng.below(60);
        code.code = (0..units * 2)
            .map(|i| {
                if i % 2 == 0 && rng.below(3) == 0 {
                    144 // EXTENDED_ARG
                } else {
                    rng.next() as u8
                }
            })
            .collect();
        if rng.below(2) == 0 {
            code.linetable = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
        }
        if rng.below(2) == 0 {
            code.exceptiontable = (0..rng.below(20)).map(|_| rng.next() as u8).collect();
        }
        if rng.below(2) == 0 {
            code.localspluskinds = (0..code.localsplusnames.len())
                .map(|_| rng.next() as u8)
                .collect();
        }
        code.firstlineno = [0, 1, -5, i32::MAX, i32::MIN][rng.below(5)];
        exercise_code(&code);
        let bytes = kaa_bytecode::marshal::dumps_code(&code).expect("dumps");
        // It may fail CPython's checks (slot kinds vs argument counts).
        if let Ok(Constant::Code(back)) = &loads(&bytes) {
            assert!(**back == code);
        }
    }
}
