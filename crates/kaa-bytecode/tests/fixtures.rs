//! kaa-bytecode against CPython 3.11, on fixtures made by python3
//! (tools/gen_bytecode_fixtures.py): for every program of
//! tests/fixtures/programs, marshal reads CPython's bytes and writes them
//! back identically, `dis` prints CPython's text, and the location and
//! exception tables decode (and re-encode) as CPython's do.

use std::fs;
use std::path::{Path, PathBuf};

use kaa_bytecode::code::CodeObject;
use kaa_bytecode::dis::{code_info, dis, DisOptions};
use kaa_bytecode::exceptiontable;
use kaa_bytecode::instruction::{emit, unpack_opargs};
use kaa_bytecode::linetable::{co_lines, co_positions, LineTableWriter, Location};
use kaa_bytecode::marshal::{dumps, dumps_with_layout, loads, loads_with_layout};
use kaa_bytecode::opcode::{stack_effect, Opcode};
use kaa_bytecode::Constant;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The program names (file stems), sorted.
fn programs() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures().join("programs"))
        .expect("programs dir")
        .filter_map(|e| {
            let name = e.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".py").map(str::to_string)
        })
        .collect();
    names.sort();
    assert!(names.len() >= 40, "expected the whole corpus");
    names
}

fn expected(name: &str, ext: &str) -> Option<Vec<u8>> {
    fs::read(fixtures().join("expected").join(format!("{name}.{ext}"))).ok()
}

fn expected_text(name: &str, ext: &str) -> String {
    String::from_utf8(expected(name, ext).unwrap_or_default()).expect("utf-8 fixture")
}

/// Replaces the address in each "<code object ... at 0x...>" with 0xADDR,
/// as the generator does for CPython's text.
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

fn load_code(name: &str) -> (Vec<u8>, Constant) {
    let data = expected(name, "marshal").expect("marshal fixture");
    let value = loads(&data).unwrap_or_else(|e| panic!("{name}: {e}"));
    (data, value)
}

fn top_code(value: &Constant) -> &CodeObject {
    match value {
        Constant::Code(code) => code,
        other => panic!("not a code object: {other:?}"),
    }
}

/// The code object and its nested ones, in `dis` order.
fn code_objects(code: &CodeObject) -> Vec<&CodeObject> {
    let mut out = vec![code];
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            out.extend(code_objects(inner));
        }
    }
    out
}

/// Shows the first difference between two texts.
fn assert_same_text(name: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
        assert_eq!(g, w, "{name}: line {} differs", i + 1);
    }
    assert_eq!(
        got.lines().count(),
        want.lines().count(),
        "{name}: line counts differ"
    );
    assert_eq!(got, want, "{name}: texts differ");
}

#[test]
fn marshal_round_trips_cpython_bytes() {
    for name in programs() {
        let data = expected(&name, "marshal").expect("marshal fixture");
        let loaded = loads_with_layout(&data).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(loaded.consumed, data.len(), "{name}");
        let again = dumps_with_layout(&loaded.value, &loaded.layout).expect("dumps");
        assert!(again == data, "{name}: re-dumped bytes differ");
        // And the value survives a plain dumps/loads too.
        let plain = dumps(&loaded.value).expect("dumps");
        assert_eq!(loads(&plain).expect("loads"), loaded.value, "{name}");
    }
}

/// The FLAG_REF prediction for freshly compiled code (what the compiler
/// will rely on): the layout thrown away, kaa must still write CPython's
/// bytes.
#[test]
fn marshal_predicts_cpython_refs() {
    let mut wrong = Vec::new();
    for name in programs() {
        let (data, value) = load_code(&name);
        if dumps(&value).expect("dumps") != data {
            wrong.push(name);
        }
    }
    assert!(wrong.is_empty(), "predicted bytes differ for {wrong:?}");
}

#[test]
fn dis_matches_cpython() {
    for name in programs() {
        let (_, value) = load_code(&name);
        let code = top_code(&value);
        let got = dis(code, &DisOptions::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_same_text(&name, &mask(&got), &expected_text(&name, "dis"));
        if expected(&name, "caches.dis").is_some() {
            let opts = DisOptions {
                show_caches: true,
                ..DisOptions::default()
            };
            let got = dis(code, &opts).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            assert_same_text(&name, &mask(&got), &expected_text(&name, "caches.dis"));
        }
    }
}

#[test]
fn code_info_matches_cpython() {
    for name in programs() {
        let (_, value) = load_code(&name);
        let infos: Vec<String> = code_objects(top_code(&value))
            .into_iter()
            .map(|c| mask(&code_info(c).expect("code_info")))
            .collect();
        let got = infos.join("\n\n") + "\n";
        assert_same_text(&name, &got, &expected_text(&name, "info"));
    }
}

fn opt(v: Option<i32>) -> String {
    v.map_or("None".to_string(), |v| v.to_string())
}

/// The `.lines` listing for a code object, as the generator writes it.
fn lines_listing(code: &CodeObject) -> String {
    let mut out = Vec::new();
    for c in code_objects(code) {
        out.push(format!("code {} {}", c.qualname, c.firstlineno));
        out.push("lines".to_string());
        for r in c.lines() {
            out.push(format!("{} {} {}", r.start, r.end, opt(r.line)));
        }
        out.push("positions".to_string());
        for p in c.positions() {
            out.push(format!(
                "{} {} {} {}",
                opt(p.lineno),
                opt(p.end_lineno),
                opt(p.col_offset),
                opt(p.end_col_offset)
            ));
        }
        out.push("exceptions".to_string());
        for e in c.exception_entries() {
            out.push(format!(
                "{} {} {} {} {}",
                e.start, e.end, e.target, e.depth, e.lasti as u8
            ));
        }
        out.push("linestarts".to_string());
        for (offset, line) in c.line_starts() {
            out.push(format!("{offset} {line}"));
        }
    }
    out.join("\n") + "\n"
}

#[test]
fn tables_decode_as_cpython() {
    for name in programs() {
        let (_, value) = load_code(&name);
        let got = lines_listing(top_code(&value));
        assert_same_text(&name, &got, &expected_text(&name, "lines"));
    }
}

/// Re-encodes every code object's location table instruction by
/// instruction (EXTENDED_ARG prefix + instruction + caches, at the location
/// of its first unit) and its exception table: CPython's bytes again.
#[test]
fn tables_reencode_to_cpython_bytes() {
    for name in programs() {
        let (_, value) = load_code(&name);
        for code in code_objects(top_code(&value)) {
            let positions = code.positions();
            let mut writer = LineTableWriter::new(code.firstlineno);
            let mut start = 0usize;
            for ins in unpack_opargs(&code.code) {
                if ins.op == Opcode::EXTENDED_ARG as u8 {
                    continue;
                }
                let caches = ins.opcode().map_or(0, |o| o.cache_entries());
                let end = ins.offset / 2 + 1 + caches;
                let p = positions[start];
                let loc = Location {
                    lineno: p.lineno.unwrap_or(-1),
                    end_lineno: p.end_lineno.unwrap_or(-1),
                    col_offset: p.col_offset.unwrap_or(-1),
                    end_col_offset: p.end_col_offset.unwrap_or(-1),
                };
                writer.push((end - start) as u32, loc);
                start = end;
            }
            assert_eq!(
                writer.finish(),
                code.linetable,
                "{name}: {} location table",
                code.qualname
            );
            let entries = exceptiontable::parse(&code.exceptiontable);
            assert_eq!(
                exceptiontable::encode(&entries),
                code.exceptiontable,
                "{name}: {} exception table",
                code.qualname
            );
        }
    }
}

/// `dis.stack_effect` for every opcode, over many opargs and all three
/// `jump` values.
#[test]
fn stack_effects_match_cpython() {
    let text = fs::read_to_string(fixtures().join("stack_effect.txt")).expect("fixture");
    let mut lines = text.lines();
    let args: Vec<i64> = lines
        .next()
        .and_then(|l| l.strip_prefix("args "))
        .expect("args line")
        .split(' ')
        .map(|a| a.parse().expect("arg"))
        .collect();
    let mut checked = 0;
    for line in lines {
        let (head, values) = line.split_once(": ").expect("row");
        let (op, jump) = head.split_once(' ').expect("op jump");
        let op: u8 = op.parse().expect("op");
        let jump = match jump {
            "None" => None,
            "True" => Some(true),
            _ => Some(false),
        };
        let values: Vec<&str> = values.split(' ').collect();
        let opargs: Vec<i64> = if values.len() == 1 {
            vec![0]
        } else {
            args.clone()
        };
        for (arg, want) in opargs.iter().zip(values) {
            let got =
                stack_effect(op, *arg as i32, jump).map_or("E".to_string(), |e| e.to_string());
            assert_eq!(got, want, "stack_effect({op}, {arg}, jump={jump:?})");
            checked += 1;
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Random well-formed location tables: co_lines() and co_positions() as
/// CPython gives them, negative and huge line numbers included.
#[test]
fn random_linetables_decode_as_cpython() {
    let text = fs::read_to_string(fixtures().join("linetable_fuzz.txt")).expect("fixture");
    let mut lines = text.lines();
    let mut cases = 0;
    while let Some(case) = lines.next() {
        let mut parts = case.split(' ').skip(1);
        let first: i32 = parts.next().expect("first").parse().expect("first");
        let hex = parts.next().unwrap_or("");
        let table: Vec<u8> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).expect("hex"))
            .collect();
        let want_lines = lines
            .next()
            .expect("lines")
            .trim_start_matches("lines")
            .trim();
        let want_pos = lines
            .next()
            .expect("positions")
            .trim_start_matches("positions")
            .trim();
        let got_lines: Vec<String> = co_lines(&table, first)
            .iter()
            .map(|r| format!("{},{},{}", r.start, r.end, opt(r.line)))
            .collect();
        assert_eq!(got_lines.join(" "), want_lines, "{case}");
        let got_pos: Vec<String> = co_positions(&table, first)
            .iter()
            .map(|p| {
                format!(
                    "{},{},{},{}",
                    opt(p.lineno),
                    opt(p.end_lineno),
                    opt(p.col_offset),
                    opt(p.end_col_offset)
                )
            })
            .collect();
        assert_eq!(got_pos.join(" "), want_pos, "{case}");
        cases += 1;
    }
    assert_eq!(cases, 400);
}

/// Mutated fixture bytes: `marshal.loads` succeeds, or fails with CPython's
/// exception and message.
#[test]
fn mutated_marshal_fails_as_cpython() {
    let text = fs::read_to_string(fixtures().join("marshal_fuzz.txt")).expect("fixture");
    let mut cases = 0;
    for line in text.lines() {
        let (case, want) = line.split_once(" | ").expect("case | result");
        let (name, ops) = case.split_once(' ').expect("name ops");
        let mut data = expected(name, "marshal").expect("marshal fixture");
        for op in ops.split(',') {
            let (kind, rest) = op.split_at(1);
            match kind {
                "t" => data.truncate(rest.parse().expect("len")),
                "s" | "i" => {
                    let (pos, val) = rest.split_once('=').expect("pos=val");
                    let pos: usize = pos.parse().expect("pos");
                    let val: u8 = val.parse().expect("val");
                    if kind == "s" {
                        data[pos] = val;
                    } else {
                        data.insert(pos, val);
                    }
                }
                _ => panic!("bad op {op}"),
            }
        }
        let got = match loads(&data) {
            Ok(v) => format!("ok {}", v.type_name()),
            Err(e) => format!("{}: {}", e.kind, e.message),
        };
        assert_eq!(got, want, "{case}");
        cases += 1;
    }
    assert!(cases > 2000, "{cases}");
}

/// Re-emitting every instruction (EXTENDED_ARG prefixes, caches) gives
/// CPython's co_code back.
#[test]
fn code_reemits_to_cpython_bytes() {
    for name in programs() {
        let (_, value) = load_code(&name);
        for code in code_objects(top_code(&value)) {
            let mut out = Vec::new();
            for ins in unpack_opargs(&code.code) {
                if ins.op == Opcode::EXTENDED_ARG as u8 {
                    continue;
                }
                let op = ins.opcode().expect("known opcode");
                emit(&mut out, op, ins.arg.unwrap_or(0) as u32);
            }
            assert_eq!(out, code.code, "{name}: {}", code.qualname);
        }
    }
}

/// `Constant::frozenset` keeps one of each element, in the order CPython's
/// marshal writes them, whatever order they come in.
#[test]
fn frozenset_constants_are_canonical() {
    let a = Constant::frozenset(vec![
        Constant::Int(1000),
        Constant::Int(5),
        Constant::Int(5),
    ]);
    let b = Constant::frozenset(vec![Constant::Int(5), Constant::Int(1000)]);
    let (Constant::FrozenSet(x), Constant::FrozenSet(y)) = (&a, &b) else {
        panic!("not frozensets")
    };
    // python3: marshal.dumps(frozenset([5, int("1000")])) writes 1000 first.
    assert_eq!(&x[..], &[Constant::Int(1000), Constant::Int(5)]);
    assert_eq!(x, y);
}
