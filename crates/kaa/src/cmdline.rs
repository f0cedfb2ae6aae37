//! The `kaa` command line, parsed as CPython 3.11 parses `python3`'s:
//! Python/getopt.c (`_PyOS_GetOpt`) driven by Python/initconfig.c
//! (`config_parse_cmdline`), with the same messages and exit statuses.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::{OsStrExt, OsStringExt};

use crate::usage;
use crate::Exit;

/// What the command line asks kaa to run (CPython's `run_command`,
/// `run_module`, `run_filename`, or stdin).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Run {
    /// `-c cmd`: the command text with the `"\n"` CPython appends.
    Command(OsString),
    /// `-m mod`.
    Module(OsString),
    /// A script file, as given (CPython makes it absolute later).
    File(OsString),
    /// No file, or `-`: the program is read from stdin.
    Stdin,
}

/// Everything the command line sets: CPython's `PyConfig` fields that come
/// from options, the program to run and the program's `sys.argv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// `-b` count.
    pub bytes_warning: u32,
    /// `-d` count.
    pub parser_debug: u32,
    /// `-i` count.
    pub inspect: u32,
    /// `-E` (also implied by `-I`).
    pub ignore_environment: bool,
    /// `-I`.
    pub isolated: bool,
    /// `-O` count.
    pub optimization_level: u32,
    /// `-P` (also implied by `-I`).
    pub safe_path: bool,
    /// Cleared by `-B`.
    pub write_bytecode: bool,
    /// Cleared by `-s` (and `-I`).
    pub user_site_directory: bool,
    /// Cleared by `-S`.
    pub site_import: bool,
    /// Cleared by `-u`.
    pub buffered_stdio: bool,
    /// `-v` count.
    pub verbose: u32,
    /// `-x`: skip the first line of the script file.
    pub skip_source_first_line: bool,
    /// `-q` count.
    pub quiet: u32,
    /// Cleared by `-R`.
    pub use_hash_seed: bool,
    /// `-W arg` values, in order.
    pub warnoptions: Vec<OsString>,
    /// `-X opt` values, in order.
    pub xoptions: Vec<OsString>,
    /// `--check-hash-based-pycs` value.
    pub check_hash_pycs_mode: Option<String>,
    /// The program to run.
    pub run: Run,
    /// The program's `sys.argv`: `argv[0]` is `-c`, `-m`, the script or `''`.
    pub argv: Vec<OsString>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            bytes_warning: 0,
            parser_debug: 0,
            inspect: 0,
            ignore_environment: false,
            isolated: false,
            optimization_level: 0,
            safe_path: false,
            write_bytecode: true,
            user_site_directory: true,
            site_import: true,
            buffered_stdio: true,
            verbose: 0,
            skip_source_first_line: false,
            quiet: 0,
            use_hash_seed: true,
            warnoptions: Vec::new(),
            xoptions: Vec::new(),
            check_hash_pycs_mode: None,
            run: Run::Stdin,
            argv: Vec::new(),
        }
    }
}

/// The short options `_PyOS_GetOpt` knows; a `:` marks one taking an
/// argument (CPython 3.11's `SHORT_OPTS`).
const SHORT_OPTS: &[u8] = b"bBc:dEhiIJm:OPqRsStuvVW:xX:?";

/// The long options after `--` (besides `--help` and `--version`).
const LONG_OPTS: &[(&str, bool, LongOpt)] = &[
    ("check-hash-based-pycs", true, LongOpt::CheckHashBasedPycs),
    ("help-all", false, LongOpt::HelpAll),
    ("help-env", false, LongOpt::HelpEnv),
    ("help-xoptions", false, LongOpt::HelpXoptions),
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LongOpt {
    CheckHashBasedPycs,
    HelpAll,
    HelpEnv,
    HelpXoptions,
}

/// One result of `_PyOS_GetOpt`.
enum Opt {
    Short(u8, Option<OsString>),
    Long(LongOpt, Option<OsString>),
    /// An unknown option or a missing argument; the message is already out.
    Error,
}

/// The state of `_PyOS_GetOpt`: the argument index and the position inside
/// a group of short options (`-bBc`).
struct GetOpt<'a> {
    args: &'a [OsString],
    index: usize,
    /// Bytes left in the current `-xyz` group.
    pending: &'a [u8],
    /// Messages written by the parser (CPython writes them to stderr).
    stderr: Vec<u8>,
}

impl<'a> GetOpt<'a> {
    fn new(args: &'a [OsString]) -> GetOpt<'a> {
        GetOpt {
            args,
            index: 1,
            pending: &[],
            stderr: Vec::new(),
        }
    }

    /// The next option, or `None` at the first non-option argument, a lone
    /// `-`, after `--`, or at the end.
    fn next(&mut self) -> Option<Opt> {
        if self.pending.is_empty() {
            let arg = self.args.get(self.index)?.as_bytes();
            if arg.first() != Some(&b'-') || arg.len() == 1 {
                return None;
            }
            match arg {
                b"--" => {
                    self.index += 1;
                    return None;
                }
                b"--help" => {
                    self.index += 1;
                    return Some(Opt::Short(b'h', None));
                }
                b"--version" => {
                    self.index += 1;
                    return Some(Opt::Short(b'V', None));
                }
                _ => {}
            }
            self.pending = &arg[1..];
            self.index += 1;
        }
        let (&option, rest) = self.pending.split_first()?;
        self.pending = rest;
        if option == b'-' {
            return Some(self.long_option());
        }
        if option == b'J' {
            self.stderr
                .extend_from_slice(b"-J is reserved for Jython\n");
            return Some(Opt::Error);
        }
        let known = SHORT_OPTS.iter().position(|&c| c == option && c != b':');
        let Some(pos) = known.filter(|_| option.is_ascii()) else {
            // CPython prints the option with `%c` of the wide character cast
            // to `char`: its low byte. `option` is the first byte here, so
            // decode the whole character first.
            let low = self.unknown_option_byte(option);
            self.stderr.extend_from_slice(b"Unknown option: -");
            self.stderr.push(low);
            self.stderr.push(b'\n');
            return Some(Opt::Error);
        };
        if SHORT_OPTS.get(pos + 1) != Some(&b':') {
            return Some(Opt::Short(option, None));
        }
        if !self.pending.is_empty() {
            let value = OsString::from_vec(self.pending.to_vec());
            self.pending = &[];
            return Some(Opt::Short(option, Some(value)));
        }
        match self.args.get(self.index) {
            Some(value) => {
                self.index += 1;
                Some(Opt::Short(option, Some(value.clone())))
            }
            None => {
                self.stderr.extend_from_slice(
                    format!("Argument expected for the -{} option\n", option as char).as_bytes(),
                );
                Some(Opt::Error)
            }
        }
    }

    /// The low byte of the (wide) character starting with `first`, the rest
    /// of which is still in `pending`; the character is consumed.
    fn unknown_option_byte(&mut self, first: u8) -> u8 {
        if first.is_ascii() {
            return first;
        }
        let mut bytes = vec![first];
        bytes.extend_from_slice(self.pending);
        let decoded = crate::os::decode_fs(OsStr::from_bytes(&bytes));
        let cp = decoded.first().copied().unwrap_or(u32::from(first));
        // Consume the rest of the character's bytes.
        let width = char::from_u32(cp).map_or(1, char::len_utf8);
        self.pending = self.pending.get(width - 1..).unwrap_or(&[]);
        // A surrogate-escaped byte is 0xDC00 + b; `(char)` keeps the low byte.
        (cp & 0xff) as u8
    }

    /// A `--name` option (the leading `--` has been consumed).
    fn long_option(&mut self) -> Opt {
        let name = self.pending;
        self.pending = &[];
        let whole = self.args.get(self.index - 1).cloned().unwrap_or_default();
        if name.is_empty() {
            // Unreachable from the command line (`--` ends the options), but
            // kept as CPython has it.
            self.stderr.extend_from_slice(b"expected long option\n");
            return Opt::Error;
        }
        let Some(&(_, has_arg, opt)) = LONG_OPTS.iter().find(|(n, _, _)| n.as_bytes() == name)
        else {
            self.stderr.extend_from_slice(b"unknown option ");
            self.stderr.extend_from_slice(whole.as_bytes());
            self.stderr.push(b'\n');
            return Opt::Error;
        };
        if !has_arg {
            return Opt::Long(opt, None);
        }
        match self.args.get(self.index) {
            Some(value) => {
                self.index += 1;
                Opt::Long(opt, Some(value.clone()))
            }
            None => {
                self.stderr.extend_from_slice(b"Argument expected for the ");
                self.stderr.extend_from_slice(whole.as_bytes());
                self.stderr.extend_from_slice(b" options\n");
                Opt::Error
            }
        }
    }
}

/// The program name in usage messages: `argv[0]` as given.
pub fn program_name(args: &[OsString]) -> OsString {
    args.first()
        .cloned()
        .unwrap_or_else(|| OsString::from("kaa"))
}

/// Parses the whole command line (`args[0]` is the program name), or says
/// how to exit without running anything (help, version, usage errors).
pub fn parse(args: &[OsString]) -> Result<Config, Exit> {
    let program = program_name(args);
    let mut config = Config::default();
    let mut print_version = 0;
    let mut getopt = GetOpt::new(args);
    let mut run = None;
    while let Some(opt) = getopt.next() {
        match opt {
            Opt::Short(b'c', Some(cmd)) => {
                // -c ends the option list; CPython appends a newline.
                let mut cmd = cmd.into_vec();
                cmd.push(b'\n');
                run = Some(Run::Command(OsString::from_vec(cmd)));
                break;
            }
            Opt::Short(b'm', Some(module)) => {
                run = Some(Run::Module(module));
                break;
            }
            Opt::Long(LongOpt::CheckHashBasedPycs, Some(value)) => match value.to_str() {
                Some(v @ ("always" | "never" | "default")) => {
                    config.check_hash_pycs_mode = Some(v.to_string());
                }
                _ => {
                    getopt.stderr.extend_from_slice(
                        b"--check-hash-based-pycs must be one of \
                              'default', 'always', or 'never'\n",
                    );
                    return Err(usage_error(&program, getopt.stderr));
                }
            },
            Opt::Long(LongOpt::HelpAll, _) => return Err(help_exit(usage::complete(&program))),
            Opt::Long(LongOpt::HelpEnv, _) => return Err(help_exit(usage::envvars())),
            Opt::Long(LongOpt::HelpXoptions, _) => return Err(help_exit(usage::xoptions())),
            Opt::Short(b'b', _) => config.bytes_warning += 1,
            Opt::Short(b'd', _) => config.parser_debug += 1,
            Opt::Short(b'i', _) => config.inspect += 1,
            Opt::Short(b'E', _) => config.ignore_environment = true,
            Opt::Short(b'I', _) => {
                // -I implies -E, -P and -s (_PyPreCmdline_Read, config_read).
                config.isolated = true;
                config.ignore_environment = true;
                config.safe_path = true;
                config.user_site_directory = false;
            }
            Opt::Short(b'X', Some(opt)) => config.xoptions.push(opt),
            Opt::Short(b'O', _) => config.optimization_level += 1,
            Opt::Short(b'P', _) => config.safe_path = true,
            Opt::Short(b'B', _) => config.write_bytecode = false,
            Opt::Short(b's', _) => config.user_site_directory = false,
            Opt::Short(b'S', _) => config.site_import = false,
            // -t is ignored for backwards compatibility.
            Opt::Short(b't', _) => {}
            Opt::Short(b'u', _) => config.buffered_stdio = false,
            Opt::Short(b'v', _) => config.verbose += 1,
            Opt::Short(b'x', _) => config.skip_source_first_line = true,
            Opt::Short(b'h' | b'?', _) => return Err(help_exit(usage::help(&program))),
            Opt::Short(b'V', _) => print_version += 1,
            Opt::Short(b'W', Some(opt)) => config.warnoptions.push(opt),
            Opt::Short(b'q', _) => config.quiet += 1,
            Opt::Short(b'R', _) => config.use_hash_seed = false,
            Opt::Short(..) | Opt::Long(..) | Opt::Error => {
                return Err(usage_error(&program, getopt.stderr));
            }
        }
    }
    if print_version > 0 {
        return Err(help_exit(usage::version(print_version).into_bytes()));
    }
    let mut index = getopt.index;
    let run = match run {
        Some(run) => {
            // -c and -m leave their own argument as sys.argv[0]'s slot.
            index -= 1;
            run
        }
        None => match args.get(index) {
            Some(file) if file.as_bytes() != b"-" => Run::File(file.clone()),
            _ => Run::Stdin,
        },
    };
    // config_update_argv: the arguments from `index` on, at least one.
    let mut argv: Vec<OsString> = args.get(index..).unwrap_or(&[]).to_vec();
    if argv.is_empty() {
        argv.push(OsString::new());
    }
    match &run {
        Run::Command(_) => argv[0] = OsString::from("-c"),
        Run::Module(_) => argv[0] = OsString::from("-m"),
        Run::File(_) | Run::Stdin => {}
    }
    config.run = run;
    config.argv = argv;
    Ok(config)
}

/// Exit status 0 with `text` on stdout.
fn help_exit(text: Vec<u8>) -> Exit {
    Exit::stdout(0, text)
}

/// `config_usage(1, program)`: the parser's message, the usage line and the
/// hint, on stderr, status 2.
fn usage_error(program: &OsStr, mut stderr: Vec<u8>) -> Exit {
    stderr.extend_from_slice(&usage::usage_line(program));
    stderr.extend_from_slice(b"Try `python -h' for more information.\n");
    Exit::stderr(2, stderr)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        std::iter::once("kaa")
            .chain(list.iter().copied())
            .map(OsString::from)
            .collect()
    }

    fn config(list: &[&str]) -> Config {
        parse(&args(list)).expect("should parse")
    }

    fn stderr(list: &[&str]) -> String {
        let exit = parse(&args(list)).expect_err("should exit");
        assert_eq!(exit.status, 2);
        String::from_utf8(exit.stderr).expect("utf-8")
    }

    #[test]
    fn program_and_argv() {
        let c = config(&["x.py", "-a", "b"]);
        assert_eq!(c.run, Run::File("x.py".into()));
        assert_eq!(c.argv, args(&["x.py", "-a", "b"])[1..]);
        let c = config(&["-B", "-c", "pass", "-x"]);
        assert_eq!(c.run, Run::Command("pass\n".into()));
        assert_eq!(c.argv, vec![OsString::from("-c"), OsString::from("-x")]);
        assert!(!c.write_bytecode);
        let c = config(&["-Esmast", "f"]);
        assert_eq!(c.run, Run::Module("ast".into()));
        assert_eq!(c.argv, vec![OsString::from("-m"), OsString::from("f")]);
        let c = config(&[]);
        assert_eq!(c.run, Run::Stdin);
        assert_eq!(c.argv, vec![OsString::new()]);
        let c = config(&["-", "a"]);
        assert_eq!(c.run, Run::Stdin);
        assert_eq!(c.argv, vec![OsString::from("-"), OsString::from("a")]);
        let c = config(&["--", "-c"]);
        assert_eq!(c.run, Run::File("-c".into()));
        let c = config(&["-Wignore", "-X", "dev", "x"]);
        assert_eq!(c.warnoptions, vec![OsString::from("ignore")]);
        assert_eq!(c.xoptions, vec![OsString::from("dev")]);
    }

    #[test]
    fn errors() {
        let usage = "usage: kaa [option] ... [-c cmd | -m mod | file | -] [arg] ...\n\
                     Try `python -h' for more information.\n";
        assert_eq!(stderr(&["-Z"]), format!("Unknown option: -Z\n{usage}"));
        assert_eq!(
            stderr(&["--bogus"]),
            format!("unknown option --bogus\n{usage}")
        );
        assert_eq!(
            stderr(&["-c"]),
            format!("Argument expected for the -c option\n{usage}")
        );
        assert_eq!(
            stderr(&["--check-hash-based-pycs"]),
            format!("Argument expected for the --check-hash-based-pycs options\n{usage}")
        );
        assert_eq!(
            stderr(&["-J"]),
            format!("-J is reserved for Jython\n{usage}")
        );
        assert_eq!(
            stderr(&["-V", "-Z"]),
            format!("Unknown option: -Z\n{usage}")
        );
    }

    #[test]
    fn version_after_all_options() {
        let exit = parse(&args(&["-V", "-B"])).expect_err("exits");
        assert_eq!(exit.status, 0);
        assert_eq!(exit.stdout, b"Python 3.11.7\n");
        let exit = parse(&args(&["-h", "-Z"])).expect_err("exits");
        assert_eq!(exit.status, 0);
        assert!(exit.stdout.starts_with(b"usage: kaa [option]"));
    }
}
