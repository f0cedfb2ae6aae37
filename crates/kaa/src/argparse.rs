//! The part of CPython 3.11's `argparse` that the stdlib's command-line
//! modules kaa implements natively (`-m ast`, `-m dis`, `-m py_compile`,
//! `-m compileall`) need: optionals with zero or one argument,
//! positionals with `nargs=None`, `'?'`, `'*'` or `'+'`, the `store`,
//! `store_const`/`store_true`, `count` and `append` actions, `choices`,
//! `metavar`, a description, the `int` and `FileType('rb')` types,
//! abbreviations, `-xyz` groups, `--`, and the exact usage, help and error
//! texts of `HelpFormatter`.
//!
//! The parsing follows `ArgumentParser._parse_known_args` step by step, so
//! that the order in which errors are found matches CPython's.

use std::ffi::{OsStr, OsString};
use std::os::unix::ffi::OsStrExt;

use crate::os;
use crate::Exit;

/// How many command-line strings an argument takes (`nargs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nargs {
    /// `nargs=0` (flags such as `store_true` and `help`).
    Zero,
    /// The default: exactly one.
    One,
    /// `nargs='?'`.
    Optional,
    /// `nargs='*'`.
    ZeroOrMore,
    /// `nargs='+'`.
    OneOrMore,
}

/// What an argument does when it is seen (argparse's action classes).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// `store` (the default action).
    Store,
    /// `store_true` / `store_false` / `store_const`.
    StoreConst(Value),
    /// `help`: print the help and exit 0.
    Help,
    /// `count`: each occurrence adds one to the value (None counts as 0).
    Count,
    /// `append`: each occurrence appends its value to a list.
    Append,
}

/// The `type=` converter of an argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgType {
    /// No conversion: the string itself.
    Str,
    /// `type=int` (Python's `int(string)`).
    Int,
    /// `type=argparse.FileType('rb')`: `-` is stdin, else the file is opened.
    FileRb,
}

/// A converted value in the resulting namespace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// Python's `None` (an unset default).
    None,
    Bool(bool),
    Str(OsString),
    /// An `int`; `None` when it does not fit in an `i64` (only its size
    /// matters to the callers, which then fail as CPython would).
    Int(Option<i64>),
    /// `sys.stdin.buffer`, from `FileType('rb')('-')`.
    Stdin,
    /// An opened (here: already read) file and the name it was opened with.
    File {
        name: OsString,
        data: Vec<u8>,
    },
    /// A list (`nargs='*'`/`'+'`, `append`).
    List(Vec<Value>),
}

/// One `add_argument` call.
#[derive(Clone, Debug)]
pub struct Argument {
    /// Empty for a positional.
    pub option_strings: Vec<&'static str>,
    /// The namespace attribute; `None` for `help` (argparse's SUPPRESS).
    pub dest: Option<&'static str>,
    pub action: Action,
    pub nargs: Nargs,
    pub arg_type: ArgType,
    pub choices: Option<Vec<&'static str>>,
    /// `metavar=`: the name shown for the value in usage and help.
    pub metavar: Option<&'static str>,
    /// A string default is converted with `arg_type` after parsing, as
    /// argparse does; other defaults are used as they are.
    pub default: Option<Default>,
    pub help: &'static str,
}

/// A default value: argparse converts string defaults with the type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Default {
    /// A string, converted like a command-line string if the argument is
    /// not seen.
    Str(&'static str),
    /// Any other value, used as is.
    Value(Value),
}

impl Argument {
    /// A positional argument.
    pub fn positional(dest: &'static str, nargs: Nargs, help: &'static str) -> Argument {
        Argument {
            option_strings: Vec::new(),
            dest: Some(dest),
            action: Action::Store,
            nargs,
            arg_type: ArgType::Str,
            choices: None,
            metavar: None,
            default: None,
            help,
        }
    }

    /// An optional taking one value; `dest` comes from the first long option
    /// string as argparse derives it (`--no-type-comments` →
    /// `no_type_comments`), else from the first short one.
    pub fn option(
        option_strings: &[&'static str],
        dest: &'static str,
        help: &'static str,
    ) -> Argument {
        Argument {
            option_strings: option_strings.to_vec(),
            dest: Some(dest),
            action: Action::Store,
            nargs: Nargs::One,
            arg_type: ArgType::Str,
            choices: None,
            metavar: None,
            default: None,
            help,
        }
    }

    /// An optional storing a constant (`store_true`, `store_false`).
    pub fn flag(
        option_strings: &[&'static str],
        dest: &'static str,
        value: bool,
        help: &'static str,
    ) -> Argument {
        Argument {
            option_strings: option_strings.to_vec(),
            dest: Some(dest),
            action: Action::StoreConst(Value::Bool(value)),
            nargs: Nargs::Zero,
            arg_type: ArgType::Str,
            choices: None,
            metavar: None,
            default: Some(Default::Value(Value::Bool(!value))),
            help,
        }
    }

    /// The `-h, --help` argument every parser gets (`add_help=True`).
    pub fn help() -> Argument {
        Argument {
            option_strings: vec!["-h", "--help"],
            dest: None,
            action: Action::Help,
            nargs: Nargs::Zero,
            arg_type: ArgType::Str,
            choices: None,
            metavar: None,
            default: None,
            help: "show this help message and exit",
        }
    }

    /// Sets `type=`.
    pub fn with_type(mut self, arg_type: ArgType) -> Argument {
        self.arg_type = arg_type;
        self
    }

    /// Sets `choices=`.
    pub fn with_choices(mut self, choices: &[&'static str]) -> Argument {
        self.choices = Some(choices.to_vec());
        self
    }

    /// Sets `default=`.
    pub fn with_default(mut self, default: Default) -> Argument {
        self.default = Some(default);
        self
    }

    /// Sets `metavar=`.
    pub fn with_metavar(mut self, metavar: &'static str) -> Argument {
        self.metavar = Some(metavar);
        self
    }

    /// Sets `action=`; the actions taking no value (`store_const`,
    /// `count`, `help`) also get `nargs=0`.
    pub fn with_action(mut self, action: Action) -> Argument {
        if matches!(action, Action::StoreConst(_) | Action::Count | Action::Help) {
            self.nargs = Nargs::Zero;
        }
        self.action = action;
        self
    }

    fn is_positional(&self) -> bool {
        self.option_strings.is_empty()
    }

    /// `_get_action_name`: how errors name the argument.
    fn name(&self) -> String {
        if self.is_positional() {
            self.dest.unwrap_or("").to_string()
        } else {
            self.option_strings.join("/")
        }
    }

    /// `_metavar_formatter`: the explicit metavar, the choices in braces,
    /// or the default metavar.
    fn metavar(&self) -> String {
        if let Some(metavar) = self.metavar {
            return metavar.to_string();
        }
        match (&self.choices, self.dest) {
            (Some(choices), _) => format!("{{{}}}", choices.join(",")),
            (None, Some(dest)) if self.is_positional() => dest.to_string(),
            (None, Some(dest)) => dest.to_uppercase(),
            (None, None) => String::new(),
        }
    }

    /// `_format_args`.
    fn format_args(&self) -> String {
        match self.nargs {
            Nargs::Zero => String::new(),
            Nargs::One => self.metavar(),
            Nargs::Optional => format!("[{}]", self.metavar()),
            Nargs::ZeroOrMore => format!("[{} ...]", self.metavar()),
            Nargs::OneOrMore => format!("{0} [{0} ...]", self.metavar()),
        }
    }

    /// `_format_action_invocation`: `-s, --long` or `-s ARG, --long ARG`.
    fn invocation(&self) -> String {
        if self.is_positional() {
            return self.metavar();
        }
        if self.nargs == Nargs::Zero {
            return self.option_strings.join(", ");
        }
        let args = self.format_args();
        self.option_strings
            .iter()
            .map(|o| format!("{o} {args}"))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// This argument's part of the usage line (`_format_actions_usage`).
    fn usage_part(&self) -> String {
        if self.is_positional() {
            return self.format_args();
        }
        let first = self.option_strings.first().copied().unwrap_or("");
        if self.nargs == Nargs::Zero {
            format!("[{first}]")
        } else {
            format!("[{first} {}]", self.format_args())
        }
    }

    /// The usage text split as `_format_usage` splits it for wrapping
    /// (`part_regexp`: `\(.*?\)+(?=\s|$)|\[.*?\]+(?=\s|$)|\S+`).
    fn usage_parts(&self) -> Vec<String> {
        split_usage_parts(&self.usage_part())
    }
}

/// The parsed namespace: each destination and its value, in the order the
/// arguments were added.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Namespace {
    values: Vec<(&'static str, Value)>,
}

impl Namespace {
    /// The value of `dest`.
    pub fn get(&self, dest: &str) -> Option<&Value> {
        self.values.iter().find(|(d, _)| *d == dest).map(|(_, v)| v)
    }

    fn set(&mut self, dest: &'static str, value: Value) {
        match self.values.iter_mut().find(|(d, _)| *d == dest) {
            Some(slot) => slot.1 = value,
            None => self.values.push((dest, value)),
        }
    }
}

/// An `ArgumentParser` with the default `-h/--help`, `prefix_chars='-'`
/// and `allow_abbrev=True`.
pub struct Parser {
    pub prog: String,
    /// `description=`: text between the usage and the arguments in help.
    pub description: Option<&'static str>,
    /// All arguments in the order added, `-h` first.
    arguments: Vec<Argument>,
}

/// Why parsing stopped: an error message for `parser.error()`, or an exit
/// that is already decided (help).
enum Stop {
    Error(String),
    Exit(Exit),
}

/// One command-line string classified as an option: the argument it names
/// (`None` for an unknown option), the option string and an explicit
/// argument (`--mode=eval`, `-meval`).
#[derive(Clone)]
struct OptionTuple {
    action: Option<usize>,
    option_string: String,
    explicit_arg: Option<Vec<u8>>,
}

impl Parser {
    /// A parser named `prog` with only `-h/--help`.
    pub fn new(prog: &str) -> Parser {
        Parser {
            prog: prog.to_string(),
            description: None,
            arguments: vec![Argument::help()],
        }
    }

    /// `add_argument`.
    pub fn add(&mut self, argument: Argument) {
        self.arguments.push(argument);
    }

    /// `parse_args(args)`: the namespace, or the exit argparse makes (help
    /// on stdout with status 0; usage and error on stderr with status 2).
    pub fn parse_args(&self, args: &[OsString]) -> Result<Namespace, Exit> {
        match self.parse_known_args(args) {
            Ok((namespace, extras)) if extras.is_empty() => Ok(namespace),
            Ok((_, extras)) => {
                let shown: Vec<String> = extras.iter().map(|e| os::display(e)).collect();
                Err(self.error(&format!("unrecognized arguments: {}", shown.join(" "))))
            }
            Err(Stop::Error(message)) => Err(self.error(&message)),
            Err(Stop::Exit(exit)) => Err(exit),
        }
    }

    /// `error(message)`: usage and `prog: error: message` on stderr, status 2.
    pub fn error(&self, message: &str) -> Exit {
        let mut text = self.format_usage();
        text.push_str(&format!("{}: error: {message}\n", self.prog));
        Exit::stderr(2, text)
    }

    /// The option strings of all optionals, in the order added (argparse's
    /// `_option_string_actions` dict).
    fn option_strings(&self) -> impl Iterator<Item = (&'static str, usize)> + '_ {
        self.arguments
            .iter()
            .enumerate()
            .flat_map(|(i, a)| a.option_strings.iter().map(move |o| (*o, i)))
    }

    fn find_option(&self, s: &[u8]) -> Option<usize> {
        self.option_strings()
            .find(|(o, _)| o.as_bytes() == s)
            .map(|(_, i)| i)
    }

    /// `_parse_optional`: `None` for a positional string.
    fn parse_optional(&self, arg: &[u8]) -> Result<Option<OptionTuple>, Stop> {
        if arg.first() != Some(&b'-') {
            return Ok(None);
        }
        if let Some(action) = self.find_option(arg) {
            return Ok(Some(OptionTuple {
                action: Some(action),
                option_string: String::from_utf8_lossy(arg).into_owned(),
                explicit_arg: None,
            }));
        }
        if arg.len() == 1 {
            return Ok(None);
        }
        if let Some(eq) = arg.iter().position(|&b| b == b'=') {
            let (option, explicit) = (&arg[..eq], &arg[eq + 1..]);
            if let Some(action) = self.find_option(option) {
                return Ok(Some(OptionTuple {
                    action: Some(action),
                    option_string: String::from_utf8_lossy(option).into_owned(),
                    explicit_arg: Some(explicit.to_vec()),
                }));
            }
        }
        let tuples = self.option_tuples(arg);
        if tuples.len() > 1 {
            let matches: Vec<&str> = tuples.iter().map(|t| t.option_string.as_str()).collect();
            return Err(Stop::Error(format!(
                "ambiguous option: {} could match {}",
                os::display(OsStr::from_bytes(arg)),
                matches.join(", ")
            )));
        }
        if let Some(tuple) = tuples.into_iter().next() {
            return Ok(Some(tuple));
        }
        // A negative number is a positional (no option looks like one).
        if looks_like_negative_number(arg) {
            return Ok(None);
        }
        if arg.contains(&b' ') {
            return Ok(None);
        }
        Ok(Some(OptionTuple {
            action: None,
            option_string: String::from_utf8_lossy(arg).into_owned(),
            explicit_arg: None,
        }))
    }

    /// `_get_option_tuples`: the options an abbreviation or a short option
    /// with an attached value could mean.
    fn option_tuples(&self, arg: &[u8]) -> Vec<OptionTuple> {
        let mut result = Vec::new();
        if arg.get(1) == Some(&b'-') {
            // `--long` prefixes, split at `=`.
            let (prefix, explicit) = match arg.iter().position(|&b| b == b'=') {
                Some(eq) => (&arg[..eq], Some(arg[eq + 1..].to_vec())),
                None => (arg, None),
            };
            for (option, action) in self.option_strings() {
                if option.as_bytes().starts_with(prefix) {
                    result.push(OptionTuple {
                        action: Some(action),
                        option_string: option.to_string(),
                        explicit_arg: explicit.clone(),
                    });
                }
            }
        } else {
            // `-x...`: the short option `-x` with the rest as its value, or
            // an option starting with the whole string.
            let short = arg.get(..2).unwrap_or(arg);
            let short_explicit = arg.get(2..).unwrap_or(&[]).to_vec();
            for (option, action) in self.option_strings() {
                if option.as_bytes() == short {
                    result.push(OptionTuple {
                        action: Some(action),
                        option_string: option.to_string(),
                        explicit_arg: Some(short_explicit.clone()),
                    });
                } else if option.as_bytes().starts_with(arg) {
                    result.push(OptionTuple {
                        action: Some(action),
                        option_string: option.to_string(),
                        explicit_arg: None,
                    });
                }
            }
        }
        result
    }

    /// `parse_known_args`: the namespace and the strings nothing consumed.
    fn parse_known_args(&self, args: &[OsString]) -> Result<(Namespace, Vec<OsString>), Stop> {
        let mut state = ParseState {
            parser: self,
            args,
            namespace: Namespace::default(),
            seen: vec![false; self.arguments.len()],
            extras: Vec::new(),
        };
        // Defaults first (unconverted: string defaults are converted at the
        // end, only for arguments never seen).
        let mut raw_defaults: Vec<Option<&'static str>> = vec![None; self.arguments.len()];
        for (i, argument) in self.arguments.iter().enumerate() {
            let Some(dest) = argument.dest else { continue };
            match &argument.default {
                Some(Default::Value(v)) => state.namespace.set(dest, v.clone()),
                Some(Default::Str(s)) => {
                    raw_defaults[i] = Some(s);
                    state.namespace.set(dest, Value::Str(OsString::from(*s)));
                }
                None => {}
            }
        }
        // Classify the strings: 'O' option, 'A' argument, '-' for `--`.
        let mut pattern = Vec::with_capacity(args.len());
        let mut options: Vec<Option<OptionTuple>> = vec![None; args.len()];
        let mut after_dashes = false;
        for (i, arg) in args.iter().enumerate() {
            if after_dashes {
                pattern.push(b'A');
            } else if arg.as_bytes() == b"--" {
                pattern.push(b'-');
                after_dashes = true;
            } else {
                match self.parse_optional(arg.as_bytes())? {
                    Some(tuple) => {
                        options[i] = Some(tuple);
                        pattern.push(b'O');
                    }
                    None => pattern.push(b'A'),
                }
            }
        }
        state.consume_all(&pattern, &options)?;
        // Required arguments, then string defaults converted.
        let mut required = Vec::new();
        for (i, argument) in self.arguments.iter().enumerate() {
            if state.seen[i] {
                continue;
            }
            if argument.is_positional() && matches!(argument.nargs, Nargs::One | Nargs::OneOrMore) {
                required.push(argument.name());
            } else if let (Some(raw), Some(dest)) = (raw_defaults[i], argument.dest) {
                let value = convert(argument, OsStr::new(raw)).map_err(Stop::Error)?;
                state.namespace.set(dest, value);
            }
        }
        if !required.is_empty() {
            return Err(Stop::Error(format!(
                "the following arguments are required: {}",
                required.join(", ")
            )));
        }
        Ok((state.namespace, state.extras))
    }

    /// `format_usage()`: `usage: ...` and a newline.
    pub fn format_usage(&self) -> String {
        let formatter = Formatter::new(terminal_width());
        format!("{}\n", formatter.usage(self).trim_end_matches('\n'))
    }

    /// `format_help()`: usage, positional arguments and options.
    pub fn format_help(&self) -> String {
        let formatter = Formatter::new(terminal_width());
        formatter.help(self)
    }
}

/// The mutable state of one `_parse_known_args` run.
struct ParseState<'p> {
    parser: &'p Parser,
    args: &'p [OsString],
    namespace: Namespace,
    seen: Vec<bool>,
    extras: Vec<OsString>,
}

impl ParseState<'_> {
    /// The main loop: positionals and optionals consumed alternately until
    /// the last option string, then the remaining positionals.
    fn consume_all(&mut self, pattern: &[u8], options: &[Option<OptionTuple>]) -> Result<(), Stop> {
        let option_indices: Vec<usize> =
            (0..pattern.len()).filter(|&i| pattern[i] == b'O').collect();
        let mut positionals: Vec<usize> = (0..self.parser.arguments.len())
            .filter(|&i| self.parser.arguments[i].is_positional())
            .collect();
        let mut start = 0;
        let max_option = option_indices.last().copied();
        while max_option.is_some_and(|max| start <= max) {
            let next_option = option_indices
                .iter()
                .copied()
                .find(|&i| i >= start)
                .unwrap_or(pattern.len());
            if start != next_option {
                let end = self.consume_positionals(&mut positionals, pattern, start)?;
                if end > start {
                    start = end;
                    continue;
                }
                start = end;
            }
            if pattern.get(start) != Some(&b'O') {
                self.extras
                    .extend(self.args[start..next_option].iter().cloned());
                start = next_option;
            }
            let tuple = options.get(start).cloned().flatten();
            start = match tuple {
                Some(tuple) => self.consume_optional(pattern, start, tuple)?,
                None => start + 1,
            };
        }
        let stop = self.consume_positionals(&mut positionals, pattern, start)?;
        self.extras
            .extend(self.args.get(stop..).unwrap_or(&[]).iter().cloned());
        Ok(())
    }

    /// `consume_optional`: the option at `start` with its argument(s),
    /// including `-xyz` groups of flags. Returns where it stopped.
    fn consume_optional(
        &mut self,
        pattern: &[u8],
        start: usize,
        tuple: OptionTuple,
    ) -> Result<usize, Stop> {
        let OptionTuple {
            action,
            mut option_string,
            mut explicit_arg,
        } = tuple;
        let Some(mut action) = action else {
            self.extras.push(self.args[start].clone());
            return Ok(start + 1);
        };
        let mut to_take: Vec<(usize, Vec<OsString>, String)> = Vec::new();
        let stop;
        loop {
            let argument = &self.parser.arguments[action];
            match explicit_arg.take() {
                Some(explicit) => {
                    let count =
                        match_optional(argument, b"A").map_err(|m| self.arg_error(action, m))?;
                    let single_dash = option_string.as_bytes().get(1) != Some(&b'-');
                    if count == 0 && single_dash && !explicit.is_empty() {
                        // `-ab`: a flag followed by more single-dash options.
                        to_take.push((action, Vec::new(), option_string.clone()));
                        let next = [b'-', explicit[0]];
                        let rest = explicit[1..].to_vec();
                        match self.parser.find_option(&next) {
                            Some(next_action) => {
                                action = next_action;
                                option_string = String::from_utf8_lossy(&next).into_owned();
                                explicit_arg = if rest.is_empty() { None } else { Some(rest) };
                            }
                            None => {
                                return Err(self.arg_error(
                                    action,
                                    format!("ignored explicit argument {}", repr_bytes(&explicit)),
                                ));
                            }
                        }
                    } else if count == 1 {
                        stop = start + 1;
                        to_take.push((
                            action,
                            vec![OsStr::from_bytes(&explicit).to_os_string()],
                            option_string,
                        ));
                        break;
                    } else {
                        return Err(self.arg_error(
                            action,
                            format!("ignored explicit argument {}", repr_bytes(&explicit)),
                        ));
                    }
                }
                None => {
                    let rest = pattern.get(start + 1..).unwrap_or(&[]);
                    let count =
                        match_optional(argument, rest).map_err(|m| self.arg_error(action, m))?;
                    stop = start + 1 + count;
                    to_take.push((action, self.args[start + 1..stop].to_vec(), option_string));
                    break;
                }
            }
        }
        for (action, strings, _option_string) in to_take {
            self.take_action(action, strings)?;
        }
        Ok(stop)
    }

    /// `consume_positionals`: as many positionals as match from `start`.
    fn consume_positionals(
        &mut self,
        positionals: &mut Vec<usize>,
        pattern: &[u8],
        start: usize,
    ) -> Result<usize, Stop> {
        let rest = pattern.get(start..).unwrap_or(&[]);
        let counts = match_positionals_partial(&self.parser.arguments, positionals, rest);
        let mut index = start;
        for (k, count) in counts.iter().enumerate() {
            let strings = self.args[index..index + count].to_vec();
            index += count;
            self.take_action(positionals[k], strings)?;
        }
        positionals.drain(..counts.len());
        Ok(index)
    }

    /// `take_action`: converts the strings and applies the action.
    fn take_action(&mut self, action: usize, mut strings: Vec<OsString>) -> Result<(), Stop> {
        self.seen[action] = true;
        let argument = &self.parser.arguments[action];
        // `_get_values`: the first `--` is dropped.
        if let Some(pos) = strings.iter().position(|s| s.as_bytes() == b"--") {
            strings.remove(pos);
        }
        let value = match (strings.as_slice(), argument.nargs) {
            ([], Nargs::Optional) => match &argument.default {
                Some(Default::Str(s)) => Some(self.convert_checked(action, OsStr::new(s))?),
                Some(Default::Value(v)) => Some(v.clone()),
                None => None,
            },
            ([one], Nargs::One | Nargs::Optional) => Some(self.convert_checked(action, one)?),
            // A positional `*` with no strings takes its default unconverted,
            // or `[]` when the default is None.
            ([], Nargs::ZeroOrMore) if argument.is_positional() => match &argument.default {
                Some(Default::Str(s)) => Some(Value::Str(OsString::from(*s))),
                Some(Default::Value(v)) if *v != Value::None => Some(v.clone()),
                _ => Some(Value::List(Vec::new())),
            },
            (many, Nargs::ZeroOrMore | Nargs::OneOrMore) => {
                let mut values = Vec::with_capacity(many.len());
                for s in many {
                    values.push(self.convert_checked(action, s)?);
                }
                Some(Value::List(values))
            }
            _ => None,
        };
        match (&argument.action, argument.dest) {
            (Action::Help, _) => Err(Stop::Exit(Exit::stdout(0, self.parser.format_help()))),
            (Action::StoreConst(v), Some(dest)) => {
                self.namespace.set(dest, v.clone());
                Ok(())
            }
            (Action::Count, Some(dest)) => {
                let count = match self.namespace.get(dest) {
                    Some(Value::Int(Some(n))) => *n,
                    _ => 0,
                };
                self.namespace.set(dest, Value::Int(count.checked_add(1)));
                Ok(())
            }
            (Action::Append, Some(dest)) => {
                let mut items = match self.namespace.get(dest) {
                    Some(Value::List(items)) => items.clone(),
                    _ => Vec::new(),
                };
                items.extend(value);
                self.namespace.set(dest, Value::List(items));
                Ok(())
            }
            (Action::Store, Some(dest)) => {
                // A positional '?' with no string and no default stores None,
                // which kaa's callers never read.
                if let Some(value) = value {
                    self.namespace.set(dest, value);
                }
                Ok(())
            }
            (_, None) => Ok(()),
        }
    }

    /// `_get_value` then `_check_value`.
    fn convert_checked(&self, action: usize, s: &OsStr) -> Result<Value, Stop> {
        let argument = &self.parser.arguments[action];
        let value = convert(argument, s).map_err(|m| self.arg_error(action, m))?;
        if let (Some(choices), Value::Str(v)) = (&argument.choices, &value) {
            if !choices.iter().any(|c| OsStr::new(c) == v.as_os_str()) {
                let listed: Vec<String> = choices.iter().map(|c| repr(OsStr::new(c))).collect();
                return Err(self.arg_error(
                    action,
                    format!(
                        "invalid choice: {} (choose from {})",
                        repr(v),
                        listed.join(", ")
                    ),
                ));
            }
        }
        Ok(value)
    }

    /// An `ArgumentError`: `argument NAME: message`.
    fn arg_error(&self, action: usize, message: String) -> Stop {
        let name = self.parser.arguments[action].name();
        Stop::Error(format!("argument {name}: {message}"))
    }
}

/// `_match_argument` for an optional (its pattern never allows `--`):
/// how many strings it takes from the front of `pattern`.
fn match_optional(argument: &Argument, pattern: &[u8]) -> Result<usize, String> {
    match argument.nargs {
        Nargs::Zero => Ok(0),
        Nargs::Optional => Ok(usize::from(pattern.first() == Some(&b'A'))),
        Nargs::One if pattern.first() == Some(&b'A') => Ok(1),
        Nargs::One => Err("expected one argument".to_string()),
        Nargs::ZeroOrMore => Ok(pattern.iter().take_while(|&&c| c == b'A').count()),
        Nargs::OneOrMore => match pattern.iter().take_while(|&&c| c == b'A').count() {
            0 => Err("expected at least one argument".to_string()),
            n => Ok(n),
        },
    }
}

/// `_match_arguments_partial`: the longest prefix of `positionals` whose
/// patterns (`-*A-*` for one, `-*A?-*` for '?') match the front of
/// `pattern`, with the number of strings each takes.
fn match_positionals_partial(
    arguments: &[Argument],
    positionals: &[usize],
    pattern: &[u8],
) -> Vec<usize> {
    for n in (1..=positionals.len()).rev() {
        let nargs: Vec<Nargs> = positionals[..n]
            .iter()
            .map(|&i| arguments[i].nargs)
            .collect();
        if let Some(counts) = match_sequence(&nargs, pattern) {
            return counts;
        }
    }
    Vec::new()
}

/// Matches the concatenated positional patterns at the start of `pattern`
/// as Python's `re.match` would (greedy, backtracking).
fn match_sequence(nargs: &[Nargs], pattern: &[u8]) -> Option<Vec<usize>> {
    let Some((&first, rest)) = nargs.split_first() else {
        return Some(Vec::new());
    };
    if matches!(first, Nargs::ZeroOrMore | Nargs::OneOrMore) {
        // `-*[A-]*` / `-*A[A-]*`: a run of `A` and `-`, greedy, holding an
        // `A` for `+`.
        let run = pattern.iter().take_while(|&&c| c != b'O').count();
        for used in (0..=run).rev() {
            if first == Nargs::OneOrMore && !pattern[..used].contains(&b'A') {
                continue;
            }
            if let Some(mut counts) = match_sequence(rest, &pattern[used..]) {
                counts.insert(0, used);
                return Some(counts);
            }
        }
        return None;
    }
    let lead = pattern.iter().take_while(|&&c| c == b'-').count();
    // Greedy: the most leading dashes first, then backtrack.
    for lead_n in (0..=lead).rev() {
        let after_lead = &pattern[lead_n..];
        let a_options: &[usize] = match first {
            Nargs::One => &[1],
            Nargs::Optional => &[1, 0],
            Nargs::Zero | Nargs::ZeroOrMore | Nargs::OneOrMore => &[0],
        };
        for &a in a_options {
            if a == 1 && after_lead.first() != Some(&b'A') {
                continue;
            }
            let after_a = &after_lead[a..];
            let trail = after_a.iter().take_while(|&&c| c == b'-').count();
            for trail_n in (0..=trail).rev() {
                let used = lead_n + a + trail_n;
                if let Some(mut counts) = match_sequence(rest, &pattern[used..]) {
                    counts.insert(0, used);
                    return Some(counts);
                }
            }
        }
    }
    None
}

/// Splits usage text as `_format_usage`'s `part_regexp` does:
/// `\(.*?\)+(?=\s|$)`, `\[.*?\]+(?=\s|$)`, else a run of non-space.
fn split_usage_parts(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let mut end = None;
        if let Some(close) = match chars[i] {
            '(' => Some(')'),
            '[' => Some(']'),
            _ => None,
        } {
            // The shortest bracketed text whose closing run is followed by
            // whitespace or the end.
            let mut j = i + 1;
            while j < chars.len() {
                if chars[j] == close {
                    let mut k = j;
                    while k < chars.len() && chars[k] == close {
                        k += 1;
                    }
                    if k == chars.len() || chars[k].is_whitespace() {
                        end = Some(k);
                        break;
                    }
                }
                j += 1;
            }
        }
        let end = end.unwrap_or_else(|| {
            let mut k = i;
            while k < chars.len() && !chars[k].is_whitespace() {
                k += 1;
            }
            k
        });
        parts.push(chars[i..end].iter().collect());
        i = end;
    }
    parts
}

/// `_negative_number_matcher`: `^-\d+$|^-\d*\.\d+$`.
fn looks_like_negative_number(arg: &[u8]) -> bool {
    let Some(body) = arg.strip_prefix(b"-") else {
        return false;
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    match body.iter().position(|&b| b == b'.') {
        None => !body.is_empty() && digits(body),
        Some(dot) => digits(&body[..dot]) && body.len() > dot + 1 && digits(&body[dot + 1..]),
    }
}

/// `_get_value`: the `type=` conversion; the error is the message of the
/// `ArgumentError` argparse raises.
fn convert(argument: &Argument, s: &OsStr) -> Result<Value, String> {
    match argument.arg_type {
        ArgType::Str => Ok(Value::Str(s.to_os_string())),
        ArgType::Int => match std::str::from_utf8(s.as_bytes())
            .ok()
            .and_then(parse_python_int)
        {
            Some(n) => Ok(Value::Int(n)),
            None => Err(format!("invalid int value: {}", repr(s))),
        },
        ArgType::FileRb => {
            if s.as_bytes() == b"-" {
                return Ok(Value::Stdin);
            }
            match os::read_file(std::path::Path::new(s)) {
                Ok(data) => Ok(Value::File {
                    name: s.to_os_string(),
                    data,
                }),
                // FileType: "can't open '%(filename)s': %(error)s", where the
                // OSError's str ends with the file name's repr.
                Err(err) => Err(format!(
                    "can't open '{}': {}: {}",
                    os::display(s),
                    os::errno_message(&err),
                    repr(s)
                )),
            }
        }
    }
}

/// Python's `int(text)` for base 10: surrounding whitespace, a sign, and
/// digits with single underscores between them. `Some(None)` is a valid
/// int too large for an `i64`. (Python also accepts non-ASCII decimal
/// digits; kaa does not yet.)
pub fn parse_python_int(text: &str) -> Option<Option<i64>> {
    let is_space = |c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c);
    let t = text.trim_matches(is_space);
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let bytes = digits.as_bytes();
    if bytes.is_empty() || bytes[0] == b'_' || bytes[bytes.len() - 1] == b'_' {
        return None;
    }
    let mut value: Option<i64> = Some(0);
    let mut previous_underscore = false;
    for &b in bytes {
        match b {
            b'_' if previous_underscore => return None,
            b'_' => previous_underscore = true,
            b'0'..=b'9' => {
                previous_underscore = false;
                let d = i64::from(b - b'0');
                value = value.and_then(|v| v.checked_mul(10)).and_then(|v| {
                    if negative {
                        v.checked_sub(d)
                    } else {
                        v.checked_add(d)
                    }
                });
            }
            _ => return None,
        }
    }
    Some(value)
}

/// Python's `repr()` of a command-line string.
fn repr(s: &OsStr) -> String {
    kaa_repr::repr_code_points(&os::decode_fs(s))
}

fn repr_bytes(b: &[u8]) -> String {
    repr(OsStr::from_bytes(b))
}

/// `shutil.get_terminal_size().columns`: `$COLUMNS` when it is a positive
/// int, else the terminal's width, else 80. kaa cannot ask the terminal
/// (that needs an ioctl), so a terminal without `$COLUMNS` counts as 80.
fn terminal_width() -> i64 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| parse_python_int(&c))
        .flatten()
        .filter(|&c| c > 0)
        .unwrap_or(80)
}

/// `HelpFormatter` for one parser at one width.
struct Formatter {
    /// `width` after `-= 2`.
    width: i64,
    max_help_position: i64,
}

impl Formatter {
    fn new(columns: i64) -> Formatter {
        let width = columns.saturating_sub(2);
        Formatter {
            width,
            max_help_position: 24.min((width - 20).max(4)),
        }
    }

    /// `_format_usage` (with the trailing blank line).
    fn usage(&self, parser: &Parser) -> String {
        let prefix = "usage: ";
        let prog = parser.prog.as_str();
        let optionals: Vec<String> = parser
            .arguments
            .iter()
            .filter(|a| !a.is_positional())
            .flat_map(Argument::usage_parts)
            .collect();
        let positionals: Vec<String> = parser
            .arguments
            .iter()
            .filter(|a| a.is_positional())
            .flat_map(Argument::usage_parts)
            .collect();
        let action_usage = optionals
            .iter()
            .chain(positionals.iter())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        let mut usage = [prog.to_string(), action_usage]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        // Wrap when too long for the text width (the current indent is 0).
        let text_width = self.width;
        if len(prefix) + len(&usage) > text_width {
            let get_lines = |parts: &[String], indent: &str, prefix: Option<&str>| -> Vec<String> {
                let mut lines = Vec::new();
                let mut line: Vec<&str> = Vec::new();
                let mut line_len = match prefix {
                    Some(p) => len(p) - 1,
                    None => len(indent) - 1,
                };
                for part in parts {
                    if line_len + 1 + len(part) > text_width && !line.is_empty() {
                        lines.push(format!("{indent}{}", line.join(" ")));
                        line.clear();
                        line_len = len(indent) - 1;
                    }
                    line.push(part);
                    line_len += len(part) + 1;
                }
                if !line.is_empty() {
                    lines.push(format!("{indent}{}", line.join(" ")));
                }
                if prefix.is_some() {
                    if let Some(first) = lines.first_mut() {
                        *first = first[indent.len()..].to_string();
                    }
                }
                lines
            };
            let lines: Vec<String> = if (len(prefix) + len(prog)) as f64 <= 0.75 * text_width as f64
            {
                // A short prog: the parts follow it, aligned after it.
                let indent = " ".repeat(prefix.len() + prog.len() + 1);
                let with_prog = |parts: &[String]| {
                    std::iter::once(prog.to_string())
                        .chain(parts.iter().cloned())
                        .collect::<Vec<_>>()
                };
                if !optionals.is_empty() {
                    let mut lines = get_lines(&with_prog(&optionals), &indent, Some(prefix));
                    lines.extend(get_lines(&positionals, &indent, None));
                    lines
                } else if !positionals.is_empty() {
                    get_lines(&with_prog(&positionals), &indent, Some(prefix))
                } else {
                    vec![prog.to_string()]
                }
            } else {
                // A long prog goes on a line of its own.
                let indent = " ".repeat(prefix.len());
                let all: Vec<String> = optionals
                    .iter()
                    .chain(positionals.iter())
                    .cloned()
                    .collect();
                let mut lines = get_lines(&all, &indent, None);
                if lines.len() > 1 {
                    lines = get_lines(&optionals, &indent, None);
                    lines.extend(get_lines(&positionals, &indent, None));
                }
                std::iter::once(prog.to_string()).chain(lines).collect()
            };
            usage = lines.join("\n");
        }
        format!("{prefix}{usage}\n\n")
    }

    /// `format_help`: usage, then the "positional arguments" and "options"
    /// sections.
    fn help(&self, parser: &Parser) -> String {
        // `add_argument` tracks the longest invocation plus the section
        // indent (2).
        let indent = 2;
        let action_max_length = parser
            .arguments
            .iter()
            .map(|a| len(&a.invocation()) + indent)
            .max()
            .unwrap_or(0);
        let mut out = self.usage(parser);
        if let Some(description) = parser.description {
            // `_format_text`: filled to the width, then a blank line.
            out.push_str(&wrap(description, self.width).join("\n"));
            out.push_str("\n\n");
        }
        let sections: [(&str, bool); 2] = [("positional arguments", true), ("options", false)];
        for (title, positional) in sections {
            let items: String = parser
                .arguments
                .iter()
                .filter(|a| a.is_positional() == positional)
                .map(|a| self.action(a, indent, action_max_length))
                .collect();
            if items.is_empty() {
                continue;
            }
            out.push_str(&format!("\n{title}:\n{items}\n"));
        }
        // `format_help` squeezes blank lines and strips surrounding newlines.
        while out.contains("\n\n\n") {
            out = out.replace("\n\n\n", "\n\n");
        }
        format!("{}\n", out.trim_matches('\n'))
    }

    /// `_format_action`: the invocation and its wrapped help.
    fn action(&self, argument: &Argument, indent: i64, action_max_length: i64) -> String {
        let help_position = (action_max_length + 2).min(self.max_help_position);
        let help_width = (self.width - help_position).max(11);
        let action_width = help_position - indent - 2;
        let header = argument.invocation();
        let pad = |n: i64| " ".repeat(usize::try_from(n).unwrap_or(0));
        let mut out = String::new();
        if argument.help.is_empty() {
            // No help: the invocation alone on its line.
            out.push_str(&format!("{}{header}\n", pad(indent)));
            return out;
        }
        // A short invocation is padded and followed by the help; a long one
        // gets a line of its own.
        let indent_first = if len(&header) <= action_width {
            let fill = action_width - len(&header);
            out.push_str(&format!("{}{header}{}  ", pad(indent), pad(fill)));
            0
        } else {
            out.push_str(&format!("{}{header}\n", pad(indent)));
            help_position
        };
        let lines = wrap(argument.help, help_width);
        for (i, line) in lines.iter().enumerate() {
            let lead = if i == 0 { indent_first } else { help_position };
            out.push_str(&format!("{}{line}\n", pad(lead)));
        }
        out
    }
}

/// A word split after each hyphen where `wordsep_re` may break it: the
/// hyphen follows two letters (or `letter-letter`) and precedes a letter,
/// an optional hyphen and a letter (a letter is `[^\d\W]`).
fn split_hyphenated(word: &str) -> Vec<String> {
    let w: Vec<char> = word.chars().collect();
    let letter = |i: usize| w.get(i).is_some_and(|&c| c == '_' || c.is_alphabetic());
    let mut pieces = Vec::new();
    let mut start = 0;
    for i in 1..w.len() {
        if w[i] != '-' || i == start {
            continue;
        }
        let before = (i >= 2 && letter(i - 2) && letter(i - 1))
            || (i >= 3 && letter(i - 3) && w[i - 2] == '-' && letter(i - 1));
        let after =
            letter(i + 1) && (letter(i + 2) || (w.get(i + 2) == Some(&'-') && letter(i + 3)));
        if before && after {
            pieces.push(w[start..=i].iter().collect());
            start = i + 1;
        }
    }
    pieces.push(w[start..].iter().collect());
    pieces
}

/// Length in characters, as Python's `len()` of a str.
fn len(s: &str) -> i64 {
    s.chars().count() as i64
}

/// `textwrap.wrap(text, width)` with argparse's whitespace normalisation.
/// Words are split at whitespace and after the hyphens of hyphenated words
/// (TextWrapper's `wordsep_re`; its em-dash rule, for `--` between words,
/// is not needed by any help text here).
fn wrap(text: &str, width: i64) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    // Chunks alternate words (or their hyphenated pieces) and single
    // spaces, as TextWrapper's are.
    let mut chunks: Vec<String> = Vec::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            chunks.push(" ".to_string());
        }
        chunks.extend(split_hyphenated(word));
    }
    chunks.reverse();
    let mut lines: Vec<String> = Vec::new();
    while !chunks.is_empty() {
        let mut line: Vec<String> = Vec::new();
        let mut line_len = 0;
        if chunks.last().is_some_and(|c| c.trim().is_empty()) && !lines.is_empty() {
            chunks.pop();
        }
        while let Some(chunk) = chunks.last() {
            if line_len + len(chunk) <= width {
                line_len += len(chunk);
                line.push(chunks.pop().unwrap_or_default());
            } else {
                break;
            }
        }
        if chunks.last().is_some_and(|c| len(c) > width) {
            // `_handle_long_word` with break_long_words=True.
            let space_left = if width < 1 { 1 } else { width - line_len };
            if let Some(chunk) = chunks.pop() {
                let cut: String = chunk.chars().take(space_left.max(0) as usize).collect();
                let rest: String = chunk.chars().skip(space_left.max(0) as usize).collect();
                line.push(cut);
                chunks.push(rest);
            }
        }
        if line.last().is_some_and(|c| c.trim().is_empty()) {
            line.pop();
        }
        if !line.is_empty() {
            lines.push(line.concat());
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_int() {
        assert_eq!(parse_python_int(" 12 "), Some(Some(12)));
        assert_eq!(parse_python_int("-1_000"), Some(Some(-1000)));
        assert_eq!(parse_python_int("+0"), Some(Some(0)));
        assert_eq!(parse_python_int("1__0"), None);
        assert_eq!(parse_python_int("_1"), None);
        assert_eq!(parse_python_int("1_"), None);
        assert_eq!(parse_python_int(""), None);
        assert_eq!(parse_python_int("0x10"), None);
        assert_eq!(parse_python_int("99999999999999999999"), Some(None));
    }

    #[test]
    fn negative_numbers() {
        assert!(looks_like_negative_number(b"-2"));
        assert!(looks_like_negative_number(b"-.5"));
        assert!(looks_like_negative_number(b"-1.5"));
        assert!(!looks_like_negative_number(b"-1."));
        assert!(!looks_like_negative_number(b"-x"));
        assert!(!looks_like_negative_number(b"-"));
    }

    #[test]
    fn positional_patterns() {
        let opt = [Nargs::Optional];
        assert_eq!(match_sequence(&opt, b""), Some(vec![0]));
        assert_eq!(match_sequence(&opt, b"AO"), Some(vec![1]));
        assert_eq!(match_sequence(&opt, b"A-A"), Some(vec![2]));
        assert_eq!(match_sequence(&opt, b"-AA"), Some(vec![2]));
        assert_eq!(match_sequence(&[Nargs::One], b"O"), None);
        assert_eq!(
            match_sequence(&[Nargs::One, Nargs::Optional], b"AA"),
            Some(vec![1, 1])
        );
    }

    #[test]
    fn wrapping() {
        assert_eq!(
            wrap(
                "include attributes such as line numbers and column offsets",
                30
            ),
            vec![
                "include attributes such as",
                "line numbers and column",
                "offsets"
            ]
        );
        assert_eq!(wrap("abcdefghijklmno", 11), vec!["abcdefghijk", "lmno"]);
    }
}
