//! The verifier: every code object CPython 3.11 makes passes (the
//! fixtures here; the whole standard library in the ignored test), and
//! hand-broken and randomly mutated code objects are refused, never with a
//! panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

use kaa_bytecode::code::CodeObject;
use kaa_bytecode::exceptiontable::{self, ExceptionTableEntry};
use kaa_bytecode::marshal::loads;
use kaa_bytecode::verify::verify;
use kaa_bytecode::{Constant, PyStr};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/expected")
}

/// Every fixture's top-level code object, by name.
fn fixture_codes() -> Vec<(String, Arc<CodeObject>)> {
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = fs::read_dir(fixtures())
        .expect("fixtures")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "marshal"))
        .collect();
    names.sort();
    for path in names {
        let data = fs::read(&path).expect("read fixture");
        let Ok(Constant::Code(ref code)) = loads(&data) else {
            panic!("{}: not a code object", path.display())
        };
        out.push((path.display().to_string(), code.clone()));
    }
    assert!(out.len() >= 40, "expected the whole fixture corpus");
    out
}

/// The code object and all nested ones, depth first.
fn all_codes(code: &Arc<CodeObject>) -> Vec<Arc<CodeObject>> {
    let mut out = Vec::new();
    let mut work = vec![code.clone()];
    while let Some(c) = work.pop() {
        for k in c.consts.iter() {
            if let Constant::Code(inner) = k {
                work.push(inner.clone());
            }
        }
        out.push(c);
    }
    out
}

#[test]
fn cpython_fixtures_pass() {
    let mut count = 0;
    for (name, code) in fixture_codes() {
        if let Err(e) = verify(&code) {
            panic!("{name}: {e}");
        }
        count += all_codes(&code).len();
    }
    assert!(count > 100, "{count} code objects");
}

/// `def f(x): return x + 1` as python3 compiles it, the base of the
/// hand-made breakages.
fn simple() -> CodeObject {
    let (_, module) = fixture_codes()
        .into_iter()
        .find(|(n, _)| n.ends_with("functions.marshal"))
        .or_else(|| fixture_codes().into_iter().next())
        .expect("a fixture");
    all_codes(&module)
        .into_iter()
        .find(|c| c.exceptiontable.is_empty() && c.code.len() >= 8)
        .map(|c| (*c).clone())
        .expect("a simple code object")
}

fn refuses(code: &CodeObject, what: &str) -> String {
    match verify(code) {
        Ok(()) => panic!("accepted: {what}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn hand_broken_code_is_refused() {
    let base = simple();
    assert!(verify(&base).is_ok());
    let mut c = base.clone();
    c.code.clear();
    assert!(refuses(&c, "empty").contains("co_code is empty"));
    let mut c = base.clone();
    c.code.push(9);
    assert!(refuses(&c, "odd").contains("odd length"));
    let mut c = base.clone();
    c.consts.clear();
    if c.code.chunks(2).any(|u| u[0] == 100) {
        assert!(refuses(&c, "no consts").contains("LOAD_CONST"));
    }
    let mut c = base.clone();
    c.stacksize = 0;
    refuses(&c, "stacksize 0");
    let mut c = base.clone();
    c.localspluskinds.push(0x20);
    refuses(&c, "kinds");
    // A backward jump to offset 1 (odd) and one far past the end.
    let mut c = base.clone();
    let n = c.code.len();
    c.code[n - 2] = 140; // JUMP_BACKWARD 200
    c.code[n - 1] = 200;
    assert!(refuses(&c, "jump").contains("jump target"));
    let mut c = base.clone();
    c.code[n - 2] = 110; // JUMP_FORWARD 0 -> off the end
    c.code[n - 1] = 0;
    refuses(&c, "jump past end");
    // A specialised opcode.
    let mut c = base.clone();
    c.code[n - 2] = 4;
    assert!(refuses(&c, "specialised").contains("specialised opcode"));
    // Falling off the end.
    let mut c = base.clone();
    c.code[n - 2] = 9; // NOP instead of RETURN_VALUE
    refuses(&c, "fall off");
    // A bad exception table.
    let mut c = base.clone();
    c.exceptiontable = exceptiontable::encode(&[ExceptionTableEntry {
        start: 0,
        end: n as u32 + 2,
        target: 0,
        depth: 0,
        lasti: false,
    }]);
    assert!(refuses(&c, "exception table").contains("exception table"));
    let mut c = base.clone();
    c.exceptiontable = vec![0x80, 0x01];
    refuses(&c, "truncated exception table");
    // A malformed location table.
    let mut c = base.clone();
    c.linetable = vec![0xf8 | 0x7, 0x80];
    refuses(&c, "line table");
    // Unknown flags and a bad kind.
    let mut c = base.clone();
    c.flags |= 0x8000_0000;
    refuses(&c, "flags");
    let mut c = base.clone();
    if !c.localspluskinds.is_empty() {
        c.localspluskinds[0] = 0x11;
        refuses(&c, "kind");
    }
    // A nested bad code object is found, and named.
    let mut bad = base.clone();
    bad.code.clear();
    bad.qualname = PyStr::new("inner");
    let mut outer = base.clone();
    outer
        .consts
        .push(Constant::tuple(vec![Constant::code(bad)]));
    let msg = refuses(&outer, "nested");
    assert!(msg.starts_with("bad code object 'inner'"), "{msg}");
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// One random change to a code object.
fn mutate(rng: &mut Rng, c: &mut CodeObject) {
    let pick = rng.below(16);
    let byte = rng.next() as u8;
    match pick {
        0..=2 => {
            let i = rng.below(c.code.len());
            if let Some(b) = c.code.get_mut(i) {
                *b = byte;
            }
        }
        3 => {
            let i = rng.below(c.code.len());
            if let Some(b) = c.code.get_mut(i) {
                *b ^= 1 << rng.below(8);
            }
        }
        4 => {
            let keep = rng.below(c.consts.len() + 1);
            c.consts.truncate(keep);
        }
        5 => {
            let keep = rng.below(c.names.len() + 1);
            c.names.truncate(keep);
        }
        6 => {
            let i = rng.below(c.exceptiontable.len());
            if let Some(b) = c.exceptiontable.get_mut(i) {
                *b = byte;
            } else {
                c.exceptiontable.push(byte);
            }
        }
        7 => {
            let keep = rng.below(c.exceptiontable.len() + 1);
            c.exceptiontable.truncate(keep);
        }
        8 => {
            let i = rng.below(c.linetable.len());
            if let Some(b) = c.linetable.get_mut(i) {
                *b = byte;
            }
        }
        9 => c.stacksize = rng.below(c.stacksize as usize + 2) as u32,
        10 => {
            let keep = rng.below(c.localsplusnames.len() + 1);
            c.localsplusnames.truncate(keep);
            if rng.below(2) == 0 {
                c.localspluskinds.truncate(keep);
            }
        }
        11 => {
            let keep = rng.below(c.code.len() + 1) & !1;
            c.code.truncate(keep);
        }
        12 => {
            // An oparg byte.
            let i = rng.below(c.code.len() / 2) * 2 + 1;
            if let Some(b) = c.code.get_mut(i) {
                *b = byte;
            }
        }
        13 => {
            // A random but encodable exception table.
            let units = c.code.len() as u32 / 2 + 2;
            let n = rng.below(4);
            let mut entries = Vec::new();
            for _ in 0..n {
                let start = rng.below(units as usize) as u32;
                let end = start + 1 + rng.below(8) as u32;
                entries.push(ExceptionTableEntry {
                    start: start * 2,
                    end: end * 2,
                    target: rng.below(units as usize) as u32 * 2,
                    depth: rng.below(c.stacksize as usize + 2) as u32,
                    lasti: rng.below(2) == 0,
                });
            }
            c.exceptiontable = exceptiontable::encode(&entries);
        }
        14 => {
            // An EXTENDED_ARG prefix inserted.
            let i = rng.below(c.code.len() / 2 + 1) * 2;
            c.code.splice(i..i, [144, byte]);
        }
        _ => {
            // An opcode replaced by a base opcode.
            let ops: Vec<u8> = (0..=255u8)
                .filter(|&b| kaa_bytecode::Opcode::from_u8(b).is_some_and(|o| !o.is_specialized()))
                .collect();
            let i = rng.below(c.code.len() / 2) * 2;
            if let Some(b) = c.code.get_mut(i) {
                *b = ops[rng.below(ops.len())];
            }
        }
    }
}

/// Mutated CPython code objects: the verifier never panics, and whatever
/// it accepts keeps the promises it makes (checked again independently:
/// operands in range, jumps at instruction starts).
#[test]
fn mutated_code_never_panics() {
    let codes: Vec<Arc<CodeObject>> = fixture_codes()
        .iter()
        .flat_map(|(_, c)| all_codes(c))
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut rejected, mut accepted) = (0, 0);
    for round in 0..20_000 {
        let base = &codes[round % codes.len()];
        let mut c = (**base).clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut c);
        }
        match verify(&c) {
            Err(_) => rejected += 1,
            Ok(()) => {
                accepted += 1;
                independent_checks(&c);
            }
        }
    }
    eprintln!("mutations: {rejected} rejected, {accepted} accepted");
    assert!(rejected > 10_000);
}

/// What an accepted code object must satisfy, checked without the
/// verifier's code.
fn independent_checks(c: &CodeObject) {
    use kaa_bytecode::instruction::unpack_opargs;
    use kaa_bytecode::opcode::{ArgKind, Opcode};
    assert!(!c.code.is_empty() && c.code.len().is_multiple_of(2));
    let ins: Vec<_> = unpack_opargs(&c.code).collect();
    let mut starts = Vec::new();
    let mut prev_ext = false;
    for i in &ins {
        if !prev_ext {
            starts.push(i.offset as i64);
        }
        prev_ext = i.op == Opcode::EXTENDED_ARG as u8;
    }
    for i in &ins {
        let op = Opcode::from_u8(i.op).expect("known opcode");
        assert!(!op.is_specialized() && op != Opcode::CACHE);
        let arg = i.arg.unwrap_or(0);
        assert!((0..=u32::MAX as i64).contains(&arg));
        match op.arg_kind() {
            ArgKind::Const => assert!((arg as usize) < c.consts.len()),
            ArgKind::Name => assert!((arg as usize) < c.names.len()),
            ArgKind::GlobalName => assert!(((arg >> 1) as usize) < c.names.len()),
            ArgKind::Local | ArgKind::Free => assert!((arg as usize) < c.localsplusnames.len()),
            ArgKind::Compare => assert!(arg < 6),
            _ => {}
        }
        if let Some(t) = op.jump_target(i.offset as i64, arg) {
            assert!(starts.contains(&t), "jump to {t}");
        }
    }
    for e in exceptiontable::parse(&c.exceptiontable) {
        assert!(e.start < e.end && e.end as usize <= c.code.len());
        assert!(starts.contains(&i64::from(e.target)));
        assert!(e.depth < c.stacksize);
    }
}

/// Every stdlib module compiled by python3 (CPython 3.11; `KAA_PYTHON`
/// names another binary): every code object passes.
/// `cargo test -p kaa-bytecode --test verify -- --ignored`.
#[test]
#[ignore = "needs python3 (CPython 3.11); compiles the whole standard library"]
fn stdlib_code_objects_pass() {
    let out = std::env::temp_dir().join(format!("kaa-verify-stdlib-{}", std::process::id()));
    fs::create_dir_all(&out).expect("temp dir");
    let python = std::env::var("KAA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    // One marshal file per module, named by number, and a manifest.
    let script = r#"
import marshal, os, sys, sysconfig
out = sys.argv[1]
root = sysconfig.get_paths()["stdlib"]
n = 0
with open(os.path.join(out, "MANIFEST"), "w") as manifest:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
        for f in sorted(filenames):
            if not f.endswith(".py"):
                continue
            path = os.path.join(dirpath, f)
            try:
                with open(path, "rb") as fh:
                    code = compile(fh.read(), path, "exec", dont_inherit=True)
            except Exception:
                continue
            with open(os.path.join(out, f"{n}.marshal"), "wb") as fh:
                fh.write(marshal.dumps(code))
            manifest.write(f"{n} {path}\n")
            n += 1
"#;
    let status = Command::new(python)
        .arg("-c")
        .arg(script)
        .arg(&out)
        .status()
        .expect("run python3");
    assert!(status.success());
    let manifest = fs::read_to_string(out.join("MANIFEST")).expect("manifest");
    let (mut modules, mut codes, mut bad) = (0, 0, Vec::new());
    for line in manifest.lines() {
        let (key, path) = line.split_once(' ').expect("key path");
        let data = fs::read(out.join(format!("{key}.marshal"))).expect("marshal");
        let Ok(Constant::Code(ref code)) = loads(&data) else {
            panic!("{path}: not a code object")
        };
        modules += 1;
        codes += all_codes(code).len();
        if let Err(e) = verify(code) {
            bad.push(format!("{path}: {e}"));
        }
    }
    let _ = fs::remove_dir_all(&out);
    eprintln!(
        "{modules} modules, {codes} code objects, {} refused",
        bad.len()
    );
    assert!(modules > 1000);
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}
