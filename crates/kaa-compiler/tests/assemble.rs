//! The assembler against CPython 3.11: every code object of kaa-bytecode's
//! fixtures (marshal bytes made by python3) is taken apart into the
//! assembler's input (labels at jump targets and exception table
//! boundaries, locations from `co_positions()`, handlers from the
//! exception table) and reassembled; `co_code`, `co_linetable` and
//! `co_exceptiontable` must come back byte for byte, and the computed stack
//! depth must be `co_stacksize`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use kaa_bytecode::code::CodeObject;
use kaa_bytecode::linetable::Location;
use kaa_bytecode::marshal::loads;
use kaa_bytecode::{Constant, Opcode};
use kaa_compiler::assemble::{AssembleError, Assembly, Handler, JumpOp, Label, Op, NO_LOCATION};

fn expected_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../kaa-bytecode/tests/fixtures/expected")
}

fn code_objects(code: &CodeObject, out: &mut Vec<CodeObject>) {
    out.push(code.clone());
    for c in &code.consts {
        if let Constant::Code(inner) = c {
            code_objects(inner, out);
        }
    }
}

/// Every fixture code object, nested ones included, with its program name.
fn corpus() -> Vec<(String, CodeObject)> {
    let mut names: Vec<PathBuf> = fs::read_dir(expected_dir())
        .expect("fixtures dir")
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "marshal"))
        .collect();
    names.sort();
    assert!(names.len() >= 40, "expected the whole corpus");
    let mut out = Vec::new();
    for path in names {
        let data = fs::read(&path).expect("fixture");
        let Ok(Constant::Code(ref code)) = loads(&data) else {
            panic!("{}: not a code object", path.display());
        };
        let mut all = Vec::new();
        code_objects(code, &mut all);
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        out.extend(all.into_iter().map(|c| (stem.to_string(), c)));
    }
    out
}

/// `co_code` taken apart into the assembler's input.
fn disassemble(code: &CodeObject) -> Assembly {
    let positions = code.positions();
    // (start offset incl. EXTENDED_ARG prefixes, opcode, oparg, opcode offset)
    let mut raw = Vec::new();
    let mut prefix_start = None;
    for ins in code.instructions() {
        let op = ins.opcode().expect("known opcode");
        if op == Opcode::EXTENDED_ARG {
            prefix_start.get_or_insert(ins.offset);
            continue;
        }
        let start = prefix_start.take().unwrap_or(ins.offset);
        raw.push((start, op, ins.arg.unwrap_or(0), ins.offset));
    }
    let index_of: BTreeMap<usize, usize> = raw
        .iter()
        .enumerate()
        .map(|(i, r)| (r.0, i))
        .chain([(code.code.len(), raw.len())])
        .collect();
    let mut asm = Assembly::new();
    let mut labels: BTreeMap<usize, Label> = BTreeMap::new();
    let mut label_at = |asm: &mut Assembly, offset: usize| -> Label {
        *labels.entry(offset).or_insert_with(|| {
            let l = asm.new_label();
            let index = index_of[&offset];
            asm.labels[l.0 as usize] = Some(index);
            l
        })
    };
    let mut ops = Vec::new();
    for &(_, op, arg, offset) in &raw {
        let loc = positions.get(offset / 2).map_or(NO_LOCATION, |p| Location {
            lineno: p.lineno.unwrap_or(-1),
            end_lineno: p.end_lineno.unwrap_or(-1),
            col_offset: p.col_offset.unwrap_or(-1),
            end_col_offset: p.end_col_offset.unwrap_or(-1),
        });
        let o = match op.jump_target(offset as i64, arg) {
            Some(target) => {
                let jump = JumpOp::from_opcode(op).expect("relative jump");
                Op::Jump(jump, label_at(&mut asm, target as usize))
            }
            None => Op::Plain(op, arg as u32),
        };
        ops.push((o, loc));
    }
    for e in code.exception_entries() {
        let h = Handler {
            start: label_at(&mut asm, e.start as usize),
            end: label_at(&mut asm, e.end as usize),
            handler: label_at(&mut asm, e.target as usize),
            depth: e.depth,
            lasti: e.lasti,
        };
        asm.handlers.push(h);
    }
    for (op, loc) in ops {
        asm.push(op, loc);
    }
    asm
}

/// Reassembles `code`; a line for each of its three tables that differs
/// from CPython's (or the error), and one if the stack depth differs from
/// `co_stacksize`.
fn check(what: &str, code: &CodeObject, stack: &mut StackTally, failures: &mut Vec<String>) {
    let asm = disassemble(code);
    match asm.assemble(code.firstlineno) {
        Ok(out) => {
            for (field, got, want) in [
                ("co_code", &out.code, &code.code),
                ("co_linetable", &out.linetable, &code.linetable),
                (
                    "co_exceptiontable",
                    &out.exceptiontable,
                    &code.exceptiontable,
                ),
            ] {
                if got != want {
                    failures.push(format!("{what}: {field} differs"));
                }
            }
        }
        Err(e) => failures.push(format!("{what}: {e}")),
    }
    // A handler whose protected range the optimiser emptied keeps its
    // block but gets no exception table entry: CPython entered it from its
    // SETUP_* pseudo-instruction, the decoded input cannot, so there the
    // computed depth is only a lower bound.
    let orphan = has_orphan_block(&asm);
    match asm.stack_depth(code.flags) {
        Ok(depth) if depth == code.stacksize => stack.exact += 1,
        Ok(depth) if orphan && depth < code.stacksize => stack.lower_bound += 1,
        Ok(depth) => failures.push(format!(
            "{what}: co_stacksize {depth}, CPython {}",
            code.stacksize
        )),
        Err(e) => failures.push(format!("{what}: stack depth: {e}")),
    }
}

/// How the computed stack depths compared with `co_stacksize`.
#[derive(Default)]
struct StackTally {
    /// Equal.
    exact: usize,
    /// Smaller, in code with an orphan block ([`has_orphan_block`]).
    lower_bound: usize,
}

/// Whether some instruction after a jump or scope exit is the target of no
/// jump and no exception handler: a block only a vanished SETUP_* reached.
fn has_orphan_block(asm: &Assembly) -> bool {
    let index = |l: &Label| asm.labels.get(l.0 as usize).copied().flatten();
    let mut targets: Vec<usize> = asm
        .handlers
        .iter()
        .filter_map(|h| index(&h.handler))
        .collect();
    for ins in &asm.instrs {
        if let Op::Jump(_, l) = ins.op {
            targets.extend(index(&l));
        }
    }
    asm.instrs.iter().enumerate().any(|(i, ins)| {
        let ends = match ins.op {
            Op::Jump(j, _) => matches!(j, JumpOp::Jump | JumpOp::JumpNoInterrupt),
            Op::Plain(op, _) => matches!(
                op,
                Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
            ),
        };
        ends && i + 1 < asm.instrs.len() && !targets.contains(&(i + 1))
    })
}

#[test]
fn fixtures_reassemble_to_cpython_bytes() {
    let corpus = corpus();
    let (mut stack, mut failures) = (StackTally::default(), Vec::new());
    for (name, code) in &corpus {
        let what = format!("{name}:{}", code.qualname);
        check(&what, code, &mut stack, &mut failures);
    }
    eprintln!(
        "{} code objects, {} differences; co_stacksize: {} exact, {} lower bounds",
        corpus.len(),
        failures.len(),
        stack.exact,
        stack.lower_bound
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The same over every module of the standard library, compiled by python3
/// with tools/gen_bytecode_fixtures.py (`KAA_PYTHON` names another
/// python3, `KAA_STDLIB_LIMIT=N` stops after N modules):
/// `cargo test -p kaa-compiler --test assemble -- --ignored`.
#[test]
#[ignore = "needs python3 (CPython 3.11); compiles the whole standard library"]
fn stdlib_reassembles_to_cpython_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = std::env::temp_dir().join(format!("kaa-assemble-stdlib-{}", std::process::id()));
    let python = std::env::var("KAA_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let limit = std::env::var("KAA_STDLIB_LIMIT").unwrap_or_default();
    let status = std::process::Command::new(python)
        .arg(root.join("tools/gen_bytecode_fixtures.py"))
        .arg("--stdlib")
        .arg(&out)
        .args((!limit.is_empty()).then_some(limit))
        .status()
        .expect("run python3");
    assert!(status.success());
    let manifest = fs::read_to_string(out.join("MANIFEST")).expect("manifest");
    let (mut modules, mut codes, mut failures) = (0, 0, Vec::new());
    let mut stack = StackTally::default();
    for line in manifest.lines() {
        let (key, path) = line.split_once(' ').expect("key path");
        let data = fs::read(out.join(format!("{key}.marshal"))).expect("marshal");
        let Ok(Constant::Code(ref top)) = loads(&data) else {
            panic!("{path}: not a code object");
        };
        modules += 1;
        let mut all = Vec::new();
        code_objects(top, &mut all);
        codes += all.len();
        for code in &all {
            let what = format!("{path}:{}", code.qualname);
            check(&what, code, &mut stack, &mut failures);
        }
    }
    let _ = fs::remove_dir_all(&out);
    eprintln!(
        "{modules} modules, {codes} code objects, {} differences; \
         co_stacksize: {} exact, {} lower bounds",
        failures.len(),
        stack.exact,
        stack.lower_bound
    );
    assert!(modules > 0);
    assert!(failures.is_empty(), "{failures:#?}");
}

fn loc(line: i32, col: i32, end_col: i32) -> Location {
    Location {
        lineno: line,
        end_lineno: line,
        col_offset: col,
        end_col_offset: end_col,
    }
}

/// A loop whose body is long enough that both jumps need EXTENDED_ARG:
/// `JUMP_BACKWARD` and `POP_JUMP_FORWARD_IF_FALSE` with prefixes.
#[test]
fn long_jumps_get_extended_args() {
    let mut asm = Assembly::new();
    let top = asm.new_label();
    let exit = asm.new_label();
    asm.place(top);
    asm.push(Op::Plain(Opcode::LOAD_NAME, 0), loc(1, 6, 7));
    asm.push(Op::Jump(JumpOp::PopJumpIfFalse, exit), loc(1, 6, 7));
    for _ in 0..300 {
        asm.push(Op::Plain(Opcode::NOP, 0), loc(2, 4, 8));
    }
    asm.push(Op::Jump(JumpOp::Jump, top), loc(2, 4, 8));
    asm.place(exit);
    asm.push(Op::Plain(Opcode::LOAD_CONST, 0), NO_LOCATION);
    asm.push(Op::Plain(Opcode::RETURN_VALUE, 0), NO_LOCATION);
    let out = asm.assemble(1).expect("assembles");
    // In code units: LOAD_NAME at 0, the conditional jump at 1-2, the NOPs
    // at 3-302, JUMP_BACKWARD at 303-304, `exit` at 305. Forward: 305 - 3
    // = 0x12e; backward: 305 - 0 = 0x131.
    assert_eq!(&out.code[..6], &[101, 0, 144, 1, 114, 0x2e]);
    let back = 6 + 600;
    assert_eq!(&out.code[back..back + 4], &[144, 1, 140, 0x31]);
    assert_eq!(&out.code[back + 4..], &[100, 0, 83, 0]);
}

#[test]
fn bad_input_is_an_error() {
    let mut asm = Assembly::new();
    let nowhere = asm.new_label();
    asm.push(Op::Jump(JumpOp::Jump, nowhere), NO_LOCATION);
    assert_eq!(asm.assemble(1), Err(AssembleError::UndefinedLabel(nowhere)));
    let mut asm = Assembly::new();
    let top = asm.new_label();
    asm.place(top);
    asm.push(
        Op::Jump(JumpOp::Forward(Opcode::FOR_ITER), top),
        NO_LOCATION,
    );
    assert!(matches!(
        asm.assemble(1),
        Err(AssembleError::BackwardJump { .. })
    ));
    let mut asm = Assembly::new();
    asm.push(Op::Plain(Opcode::JUMP_FORWARD, 3), NO_LOCATION);
    assert!(matches!(
        asm.assemble(1),
        Err(AssembleError::BadOpcode { .. })
    ));
    let mut asm = Assembly::new();
    asm.labels.push(Some(5));
    asm.push(Op::Jump(JumpOp::Jump, Label(0)), NO_LOCATION);
    assert_eq!(
        asm.assemble(1),
        Err(AssembleError::LabelOutOfRange(Label(0)))
    );
    let mut asm = Assembly::new();
    asm.push(Op::Jump(JumpOp::Jump, Label(7)), NO_LOCATION);
    assert_eq!(
        asm.assemble(1),
        Err(AssembleError::UndefinedLabel(Label(7)))
    );
}

/// Random instruction lists, labels and handler ranges (a fixed-seed LCG)
/// assemble or fail with an error, never a panic.
#[test]
fn random_input_never_panics() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n.max(1)
    };
    let ops = kaa_bytecode::opcode::ALL_OPCODES;
    for _ in 0..2000 {
        let mut asm = Assembly::new();
        let n = next(40) as usize;
        for _ in 0..next(8) {
            let l = asm.new_label();
            if next(5) != 0 {
                asm.labels[l.0 as usize] = Some(next(n as u64 + 3) as usize);
            }
        }
        for _ in 0..n {
            let op = ops[next(ops.len() as u64) as usize];
            let label = Label(next(10) as u32);
            let o = match (JumpOp::from_opcode(op), next(3)) {
                (Some(j), _) => Op::Jump(j, label),
                (None, 0) => Op::Jump(JumpOp::Forward(op), label),
                _ => Op::Plain(op, [0, 0x1ff, 0x1_ffff, u32::MAX][next(4) as usize]),
            };
            let line = next(5) as i32 - 1;
            asm.push(o, loc(line, next(200) as i32 - 1, next(200) as i32 - 1));
        }
        for _ in 0..next(4) {
            asm.handlers.push(Handler {
                start: Label(next(10) as u32),
                end: Label(next(10) as u32),
                handler: Label(next(10) as u32),
                depth: next(u64::from(u32::MAX)) as u32,
                lasti: next(2) == 1,
            });
        }
        let _ = asm.assemble(next(3) as i32);
        let _ = asm.stack_depth([0, 0x20, 0x2a0][next(3) as usize]);
    }
}

/// Popping an empty stack, or an opcode without a stack effect, is an
/// error; code after a scope exit is not walked.
#[test]
fn stack_depth_errors_and_dead_code() {
    let mut asm = Assembly::new();
    asm.push(Op::Plain(Opcode::RETURN_GENERATOR, 0), NO_LOCATION);
    asm.push(Op::Plain(Opcode::POP_TOP, 0), NO_LOCATION);
    assert_eq!(
        asm.stack_depth(0),
        Err(AssembleError::StackUnderflow { index: 1 })
    );
    // A generator starts with the sent value on the stack.
    assert_eq!(asm.stack_depth(0x20), Ok(1));
    let mut asm = Assembly::new();
    asm.push(Op::Plain(Opcode::LOAD_CONST, 0), NO_LOCATION);
    asm.push(Op::Plain(Opcode::RETURN_VALUE, 0), NO_LOCATION);
    asm.push(Op::Plain(Opcode::POP_TOP, 0), NO_LOCATION);
    asm.push(Op::Plain(Opcode::POP_TOP, 0), NO_LOCATION);
    assert_eq!(asm.stack_depth(0), Ok(1));
    let mut asm = Assembly::new();
    asm.push(Op::Plain(Opcode::LOAD_ATTR_SLOT, 0), NO_LOCATION);
    assert!(matches!(
        asm.stack_depth(0),
        Err(AssembleError::BadOpcode { .. })
    ));
    assert_eq!(Assembly::new().stack_depth(0), Ok(0));
}
