//! The `kaa` command: Python 3.11's `python3` command line. Today it parses
//! programs (reporting SyntaxErrors exactly as CPython does) and implements
//! `-m ast`; running programs waits for the compiler and virtual machine.
#![forbid(unsafe_code)]

mod argparse;
mod ast_module;
mod cmdline;
mod compileall;
mod compiler_hook;
mod dis_module;
mod interrupt;
mod os;
mod py_compile;
mod regex;
mod repl;
mod script;
mod syntax_error;
mod usage;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use cmdline::Run;

/// How a run of the command ends: what it prints and its exit status.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exit {
    pub status: u8,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl Exit {
    /// Exit with `status`, printing `text` on stdout.
    pub fn stdout(status: u8, text: impl Into<Vec<u8>>) -> Exit {
        Exit {
            status,
            stdout: text.into(),
            stderr: Vec::new(),
        }
    }

    /// Exit with `status`, printing `text` on stderr.
    pub fn stderr(status: u8, text: impl Into<Vec<u8>>) -> Exit {
        Exit {
            status,
            stdout: Vec::new(),
            stderr: text.into(),
        }
    }
}

/// Runs the command line `args` (`args[0]` is the program name).
fn run(args: &[OsString]) -> Exit {
    let config = match cmdline::parse(args) {
        Ok(config) => config,
        Err(exit) => return exit,
    };
    let program = cmdline::program_name(args);
    let hash_seed = match hash_seed(&config) {
        Ok(seed) => seed,
        Err(exit) => return exit,
    };
    kaa_vm::strobj::set_hash_seed(hash_seed);
    compiler_hook::configure(compiler_hook::Settings {
        unbuffered: !config.buffered_stdio,
        safe_path: config.safe_path,
        ignore_environment: config.ignore_environment,
        write_bytecode: config.write_bytecode,
        optimize: config.optimization_level,
        xoptions: config.xoptions.clone(),
        check_hash_pycs_mode: config.check_hash_pycs_mode.clone(),
        program: program.clone(),
        flags: kaa_vm::sysmodule::SysFlags {
            debug: config.parser_debug.into(),
            inspect: config.inspect.into(),
            interactive: config.inspect.into(),
            no_user_site: !config.user_site_directory,
            no_site: !config.site_import,
            ignore_environment: config.ignore_environment,
            verbose: config.verbose.into(),
            bytes_warning: config.bytes_warning.into(),
            quiet: config.quiet.into(),
            hash_randomization: hash_seed != Some(0),
            isolated: config.isolated,
            dev_mode: config.xoptions.iter().any(|x| x == "dev"),
            safe_path: config.safe_path,
        },
    });
    if matches!(config.run, Run::Stdin)
        && (config.inspect > 0 || std::io::IsTerminal::is_terminal(&std::io::stdin()))
    {
        return repl::run_prompt(&config.argv, config.quiet > 0);
    }
    match &config.run {
        Run::Command(command) => script::run_command(command, &config.argv),
        Run::Module(module) if module == "ast" => {
            ast_module::main(config.argv.get(1..).unwrap_or(&[]))
        }
        Run::Module(module) if module == "dis" => dis_module::main(
            config.argv.get(1..).unwrap_or(&[]),
            config.optimization_level,
        ),
        Run::Module(module) if module == "py_compile" => py_compile::main(
            config.argv.get(1..).unwrap_or(&[]),
            config.optimization_level,
        ),
        Run::Module(module) if module == "compileall" => compileall::main(
            config.argv.get(1..).unwrap_or(&[]),
            config.optimization_level,
        ),
        Run::Module(module) => script::run_module(&program, module, &config.argv),
        Run::File(file) => {
            script::run_file(&program, file, config.skip_source_first_line, &config.argv)
        }
        Run::Stdin => script::run_stdin(&config.argv),
    }
}

/// PYTHONHASHSEED (`config_init_hash_seed`): unset, empty or "random"
/// pick a random key (None); else a decimal integer up to 2**32 - 1, or
/// CPython's fatal error. `-E`/`-I` ignore it.
fn hash_seed(config: &cmdline::Config) -> Result<Option<u32>, Exit> {
    if config.ignore_environment {
        return Ok(None);
    }
    let Some(text) = std::env::var_os("PYTHONHASHSEED").filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let text = text.to_string_lossy();
    if text == "random" {
        return Ok(None);
    }
    // strtoul(text, &end, 10) with the whole text consumed.
    let digits = text.trim_start();
    let digits = digits.strip_prefix('+').unwrap_or(digits);
    match digits.parse::<u32>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(n)),
        _ => Err(Exit::stderr(
            1,
            "Fatal Python error: config_init_hash_seed: PYTHONHASHSEED must be \"random\" \
             or an integer in range [0; 4294967295]\nPython runtime state: preinitialized\n\n",
        )),
    }
}

/// The stack of the thread kaa runs on. Deeply nested source is parsed by
/// recursion, guarded by depth limits (as CPython's parser and compiler
/// are); this reservation keeps those limits below the stack's end even in
/// debug builds. Only the pages touched are ever committed.
const STACK_SIZE: usize = 1 << 30;

fn main() -> ExitCode {
    interrupt::install();
    let args: Vec<OsString> = std::env::args_os().collect();
    let worker = std::thread::Builder::new()
        .name("main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || run(&args));
    let exit = match worker.map(|h| h.join()) {
        Ok(Ok(exit)) => exit,
        // Spawning failed or the thread panicked (a bug): report it as
        // CPython reports an internal error, with status 1.
        _ => Exit::stderr(1, "kaa: internal error\n".to_string()),
    };
    // Output errors (a closed pipe) are ignored, as CPython ignores them
    // when flushing at exit.
    let _ = std::io::stdout().lock().write_all(&exit.stdout);
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().lock().write_all(&exit.stderr);
    interrupt::finish_process();
    ExitCode::from(exit.status)
}
