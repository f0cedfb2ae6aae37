//! `kaa -m dis`: the command line of CPython 3.11's `dis` module
//! (Lib/dis.py `main()`): compile a file or stdin in `exec` mode and print
//! `dis.dis(code)`, nested code objects included. (3.11 has no options
//! besides `-h`; `-C`/`--show-caches` came in 3.13.)

use std::ffi::OsString;
use std::io::Read;

use kaa_bytecode::dis::{dis, DisOptions};

use crate::argparse::{ArgType, Argument, Default, Nargs, Parser, Value};
use crate::os;
use crate::py_compile::compile_source;
use crate::script;
use crate::Exit;

/// The parser `dis.main()` builds, named `kaa -m dis` (CPython's is
/// `dis.py`).
fn parser() -> Parser {
    let mut p = Parser::new("kaa -m dis");
    p.add(
        Argument::positional("infile", Nargs::Optional, "")
            .with_type(ArgType::FileRb)
            .with_default(Default::Str("-")),
    );
    p
}

/// Runs `dis.main()` with `args` as `sys.argv[1:]`; `optimize` is the
/// interpreter's `-O` level (`compile()`'s `optimize=-1`).
pub fn main(args: &[OsString], optimize: u32) -> Exit {
    let ns = match parser().parse_args(args) {
        Ok(ns) => ns,
        Err(exit) => return exit,
    };
    // `args.infile.name`: the name given, or `<stdin>`.
    let (filename, source) = match ns.get("infile") {
        Some(Value::File { name, data }) => (os::display(name), data.clone()),
        _ => {
            let mut data = Vec::new();
            if let Err(err) = std::io::stdin().read_to_end(&mut data) {
                return Exit::stderr(1, format!("OSError: {}\n", os::errno_message(&err)));
            }
            ("<stdin>".to_string(), data)
        }
    };
    let code = match compile_source(&source, &filename, optimize) {
        Ok(code) => code,
        // CPython prints a traceback through runpy and dis.py first; kaa
        // has no such frames and prints the exception alone.
        Err(err) => return Exit::stderr(1, script::report(&err, &filename)),
    };
    match dis(&code, &DisOptions::default()) {
        Ok(text) => Exit::stdout(0, text),
        // `dis` gives up part way with an exception: what it printed,
        // then the exception.
        Err(err) => Exit {
            status: 1,
            stdout: err.partial_output.into_bytes(),
            stderr: format!("{}: {}\n", err.kind, err.message).into_bytes(),
        },
    }
}
