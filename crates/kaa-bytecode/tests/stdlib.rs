//! Every module of CPython's standard library, compiled by python3: kaa
//! reads each code object, writes it back byte for byte (with the layout it
//! read, and with FLAG_REF predicted from scratch), and disassembles it to
//! python3's `dis.dis` text (frozensets of str compared regardless of
//! order: CPython's order depends on per-process string hashes).
//!
//! Needs python3 (CPython 3.11; `KAA_PYTHON` names another binary) and a
//! minute or two:
//! `cargo test -p kaa-bytecode --test stdlib -- --ignored`.
//! `KAA_STDLIB_LIMIT=N` stops after N modules; `KAA_STDLIB_KEEP=1` keeps
//! the corpus (in the temp dir) with kaa's output next to python3's for
//! every module that differs (`KEY.kaa.marshal`, `KEY.kaa.dis`).

use std::fs;
use std::path::Path;
use std::process::Command;

use kaa_bytecode::dis::{dis, DisOptions};
use kaa_bytecode::marshal::{dumps, dumps_with_layout, loads_with_layout};
use kaa_bytecode::Constant;

fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(" at 0x") {
        out.push_str(&rest[..i + 6]);
        rest = &rest[i + 6..];
        let hex = rest
            .find(|c: char| !matches!(c, '0'..='9' | 'a'..='f'))
            .unwrap_or(rest.len());
        if hex > 0 {
            out.push_str("ADDR");
        }
        rest = &rest[hex..];
    }
    out.push_str(rest);
    out
}

/// Whether two dis texts differ only in the order of frozensets of str,
/// bytes or None: their hashes are per process (randomised, or addresses),
/// so CPython's order cannot be reproduced (nor does CPython keep it).
fn same_but_unordered_sets(got: &str, want: &str) -> bool {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    g.len() == w.len()
        && g.iter().zip(&w).all(|(a, b)| {
            if a == b {
                return true;
            }
            let unordered = a.contains("frozenset({")
                && (a.contains('\'') || a.contains('"') || a.contains("None"));
            let mut x: Vec<char> = a.chars().collect();
            let mut y: Vec<char> = b.chars().collect();
            x.sort_unstable();
            y.sort_unstable();
            unordered && x == y
        })
}

#[test]
#[ignore = "needs python3 (CPython 3.11); compiles the whole standard library"]
fn stdlib_code_objects_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("kaa-bytecode-stdlib-{}", std::process::id()));
    let python = std::env::var("KAA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let limit = std::env::var("KAA_STDLIB_LIMIT").unwrap_or_default();
    let status = Command::new(python)
        .arg(root.join("tools/gen_bytecode_fixtures.py"))
        .arg("--stdlib")
        .arg(&out)
        .args((!limit.is_empty()).then_some(limit))
        .status()
        .expect("run python3");
    assert!(status.success());
    let manifest = fs::read_to_string(out.join("MANIFEST")).expect("manifest");
    let (mut total, mut replay_bad, mut predict_bad, mut dis_bad) = (0, vec![], vec![], vec![]);
    for line in manifest.lines() {
        let (key, path) = line.split_once(' ').expect("key path");
        let data = fs::read(out.join(format!("{key}.marshal"))).expect("marshal");
        let want = fs::read_to_string(out.join(format!("{key}.dis"))).expect("dis");
        total += 1;
        let loaded = loads_with_layout(&data).unwrap_or_else(|e| panic!("{path}: {e}"));
        if dumps_with_layout(&loaded.value, &loaded.layout)
            .ok()
            .as_deref()
            != Some(&data[..])
        {
            replay_bad.push(path.to_string());
        }
        let keep = std::env::var_os("KAA_STDLIB_KEEP").is_some();
        let predicted = dumps(&loaded.value).unwrap_or_default();
        if predicted != data {
            predict_bad.push(path.to_string());
            if keep {
                let _ = fs::write(out.join(format!("{key}.kaa.marshal")), &predicted);
            }
        }
        let Constant::Code(code) = &loaded.value else {
            panic!("{path}: not a code object")
        };
        let text = match dis(code, &DisOptions::default()) {
            Ok(text) => mask(&text),
            Err(e) => format!("{}{}: {}\n", mask(&e.partial_output), e.kind, e.message),
        };
        if text != want && !same_but_unordered_sets(&text, &want) {
            dis_bad.push(path.to_string());
            if keep {
                let _ = fs::write(out.join(format!("{key}.kaa.dis")), &text);
            }
        }
    }
    if std::env::var_os("KAA_STDLIB_KEEP").is_some() {
        eprintln!("corpus kept in {}", out.display());
    } else {
        let _ = fs::remove_dir_all(&out);
    }
    eprintln!(
        "{total} modules: replayed bytes differ for {}, predicted bytes differ for {}, dis differs for {}",
        replay_bad.len(),
        predict_bad.len(),
        dis_bad.len()
    );
    assert!(total > 0);
    assert!(replay_bad.is_empty(), "replay: {replay_bad:?}");
    assert!(predict_bad.is_empty(), "prediction: {predict_bad:?}");
    assert!(dis_bad.is_empty(), "dis: {dis_bad:?}");
}

/// The generated opcode table and docs/bytecode.md are what
/// tools/gen_opcodes.py makes from python3 today.
#[test]
#[ignore = "needs python3 (CPython 3.11)"]
fn generated_opcode_table_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = std::env::var("KAA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let status = Command::new(python)
        .arg(root.join("tools/gen_opcodes.py"))
        .arg("--check")
        .status()
        .expect("run python3");
    assert!(status.success(), "run python3 tools/gen_opcodes.py");
}
