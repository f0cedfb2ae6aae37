//! `kaa -m ast`: the command line of CPython 3.11's `ast` module
//! (Lib/ast.py `main()`): parse a file or stdin and print `ast.dump()` of
//! the tree.

use std::ffi::OsString;
use std::io::Read;
use std::os::unix::ffi::OsStrExt;

use kaa_parser::dump::{dump, DumpCtx, TooDeep, AST_OBJECT_DEPTH_LIMIT};
use kaa_parser::Mode;

use crate::argparse::{ArgType, Argument, Default, Nargs, Parser, Value};
use crate::os;
use crate::script;
use crate::Exit;

/// The parser `ast.main()` builds, named `kaa -m ast` (CPython's is
/// `python -m ast`).
fn parser() -> Parser {
    let mut p = Parser::new("kaa -m ast");
    p.add(
        Argument::positional(
            "infile",
            Nargs::Optional,
            "the file to parse; defaults to stdin",
        )
        .with_type(ArgType::FileRb)
        .with_default(Default::Str("-")),
    );
    p.add(
        Argument::option(
            &["-m", "--mode"],
            "mode",
            "specify what kind of code must be parsed",
        )
        .with_choices(&["exec", "single", "eval", "func_type"])
        .with_default(Default::Str("exec")),
    );
    p.add(Argument::flag(
        &["--no-type-comments"],
        "no_type_comments",
        false,
        "don't add information about type comments",
    ));
    p.add(Argument::flag(
        &["-a", "--include-attributes"],
        "include_attributes",
        true,
        "include attributes such as line numbers and column offsets",
    ));
    p.add(
        Argument::option(
            &["-i", "--indent"],
            "indent",
            "indentation of nodes (number of spaces)",
        )
        .with_type(ArgType::Int)
        .with_default(Default::Value(Value::Int(Some(3)))),
    );
    p
}

/// The largest indent kaa will repeat; CPython's `' ' * indent` fails with
/// MemoryError long before such sizes could be printed.
const MAX_INDENT: i64 = 1 << 24;

/// Runs `ast.main()` with `args` as `sys.argv[1:]`.
pub fn main(args: &[OsString]) -> Exit {
    let parser = parser();
    let ns = match parser.parse_args(args) {
        Ok(ns) => ns,
        Err(exit) => return exit,
    };
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
    let mode = match ns.get("mode") {
        Some(Value::Str(m)) => Mode::from_name(&String::from_utf8_lossy(m.as_bytes())),
        _ => None,
    };
    let Some(mode) = mode else {
        // Unreachable: argparse checked the choices.
        return Exit::stderr(1, "ValueError: compile() mode is invalid\n");
    };
    // `type_comments=args.no_type_comments`: kaa's parser does not produce
    // type comments yet, so both settings parse the same way.
    let include_attributes = matches!(ns.get("include_attributes"), Some(Value::Bool(true)));
    let indent = match ns.get("indent") {
        Some(Value::Int(Some(n))) if *n > MAX_INDENT => {
            return Exit::stderr(1, "MemoryError\n");
        }
        // `' ' * n`: a negative count gives ''.
        Some(Value::Int(Some(n))) => " ".repeat(usize::try_from(*n).unwrap_or(0)),
        Some(Value::Int(None)) => {
            return Exit::stderr(
                1,
                "OverflowError: cannot fit 'int' into an index-sized integer\n",
            );
        }
        _ => "   ".to_string(),
    };
    match kaa_parser::parse_bytes(&source, mode) {
        Ok(tree) => {
            let mut ctx = DumpCtx::new(Some(indent), include_attributes);
            ctx.max_depth = Some(AST_OBJECT_DEPTH_LIMIT);
            match dump(&tree, &ctx) {
                Ok(mut text) => {
                    text.push('\n');
                    Exit::stdout(0, text)
                }
                Err(TooDeep) => Exit::stderr(
                    1,
                    "RecursionError: maximum recursion depth exceeded during ast construction\n",
                ),
            }
        }
        // A tree too deep for CPython's compiler is too deep for its `ast`
        // objects first.
        Err(err) if err.kind == kaa_parser::ErrorKind::RecursionError => Exit::stderr(
            1,
            "RecursionError: maximum recursion depth exceeded during ast construction\n",
        ),
        // CPython prints a traceback through runpy and ast.py first; kaa
        // has no such frames and prints the SyntaxError alone.
        Err(err) => Exit::stderr(1, script::report(&err, &filename)),
    }
}
