//! Dev harness: runs each tests/programs/NAME.marshal (CPython 3.11's code
//! object for NAME.py, made by tools/gen_vm_programs.py) and compares
//! stdout, the printed traceback and the exit status with what python3
//! printed (NAME.out, NAME.err, NAME.status).

use std::path::Path;

use kaa_bytecode::{marshal, Constant};
use kaa_vm::{Vm, VmOptions};

struct Outcome {
    stdout: Vec<u8>,
    stderr: String,
    status: i32,
}

fn run(name: String) -> Option<Outcome> {
    kaa_vm::vm::with_big_stack(move || {
        let data = std::fs::read(format!("tests/programs/{name}.marshal")).ok()?;
        let Ok(Constant::Code(ref code)) = marshal::loads(&data) else {
            return None;
        };
        let mut vm = Vm::new(VmOptions {
            argv: vec![format!("tests/programs/{name}.py")],
            capture_stdout: true,
            ..VmOptions::default()
        });
        let r = vm.run_main((**code).clone(), &format!("tests/programs/{name}.py"));
        let (mut stderr, status) = match r {
            Ok(()) => (String::new(), 0),
            Err(e) => {
                let status = vm.exit_status(&e);
                let text = if vm.err_matches(&e, "SystemExit") {
                    String::new()
                } else {
                    vm.format_exception(&e)
                };
                (text, status)
            }
        };
        stderr.insert_str(0, &vm.take_captured_stderr());
        Some(Outcome {
            stdout: vm.take_captured(),
            stderr,
            status,
        })
    })
    .flatten()
}

#[test]
fn programs_match_python3() {
    let dir = Path::new("tests/programs");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("programs dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    let only = std::env::var("KAA_VM_PROGRAM").ok();
    let mut failures = Vec::new();
    let mut passed = 0;
    for name in &names {
        if only.as_ref().is_some_and(|o| o != name) {
            continue;
        }
        let expected_out = std::fs::read(dir.join(format!("{name}.out"))).unwrap_or_default();
        let expected_err =
            std::fs::read_to_string(dir.join(format!("{name}.err"))).unwrap_or_default();
        let expected_status: i32 = std::fs::read_to_string(dir.join(format!("{name}.status")))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or(0);
        let Some(got) = run(name.clone()) else {
            failures.push(format!("{name}: crashed or could not load"));
            continue;
        };
        let mut problems = Vec::new();
        if got.stdout != expected_out {
            problems.push(format!(
                "stdout differs:\n--- expected\n{}\n--- got\n{}",
                String::from_utf8_lossy(&expected_out),
                String::from_utf8_lossy(&got.stdout)
            ));
        }
        if got.stderr != expected_err {
            problems.push(format!(
                "stderr differs:\n--- expected\n{expected_err}\n--- got\n{}",
                got.stderr
            ));
        }
        if got.status != expected_status {
            problems.push(format!("status {} != {}", got.status, expected_status));
        }
        if problems.is_empty() {
            passed += 1;
        } else {
            failures.push(format!("{name}: {}", problems.join("\n")));
        }
    }
    eprintln!(
        "kaa-vm programs: {passed} passed, {} failed",
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
