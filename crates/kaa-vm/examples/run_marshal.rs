//! Dev tool: runs a marshalled CPython 3.11 code object (as written by
//! `marshal.dumps(compile(src, path, 'exec'))`) with kaa's VM.
//! Usage: run_marshal FILE.marshal SOURCE_PATH

use kaa_bytecode::{marshal, Constant};
use kaa_vm::{Vm, VmOptions};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(src)) = (args.get(1).cloned(), args.get(2).cloned()) else {
        eprintln!("usage: run_marshal FILE.marshal SOURCE_PATH");
        std::process::exit(2);
    };
    let status = kaa_vm::vm::with_big_stack(move || {
        let data = std::fs::read(&file).unwrap_or_default();
        let Ok(Constant::Code(ref code)) = marshal::loads(&data) else {
            eprintln!("not a marshalled code object");
            return 2;
        };
        let mut vm = Vm::new(VmOptions {
            argv: vec![src.clone()],
            capture_stdout: false,
            ..VmOptions::default()
        });
        match vm.run_main((**code).clone(), &src) {
            Ok(()) => {
                vm.flush_stdout();
                0
            }
            Err(e) => {
                let st = vm.exit_status(&e);
                if !vm.err_matches(&e, "SystemExit") {
                    vm.print_exception(&e);
                }
                vm.flush_stdout();
                st
            }
        }
    })
    .unwrap_or(70);
    std::process::exit(status);
}
