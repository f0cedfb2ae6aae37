//! `kaa -m compileall`: CPython 3.11's `compileall` module — `main()`,
//! `compile_dir` (the directory walk, its "Listing" lines), `compile_file`
//! (the up-to-date check on the pyc header, "Compiling" and error lines)
//! and `compile_path` — writing pycs through [`crate::py_compile`].
//!
//! `-j N` is accepted and the files are compiled one after another (the
//! output is the same: CPython's workers only print through the parent's
//! order for errors). Without file arguments CPython compiles the
//! directories of `sys.path`; kaa has no installed library directories
//! yet, so its `sys.path` for `-m` is the current directory alone.

use std::ffi::{OsStr, OsString};
use std::io::Read;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::path::{Path, PathBuf};

use kaa_bytecode::pyc::MAGIC_NUMBER;

use crate::argparse::{Action, ArgType, Argument, Nargs, Parser, Value};
use crate::os;
use crate::py_compile::{self, repr_path, CompileError, Invalidation};
use crate::regex::Regex;
use crate::Exit;

/// `sys.getrecursionlimit()`: `compile_dir`'s default depth.
const RECURSION_LIMIT: i64 = 1000;

/// The parser `compileall.main()` builds, named `kaa -m compileall`.
fn parser() -> Parser {
    let mut p = Parser::new("kaa -m compileall");
    p.description = Some("Utilities to support installing Python libraries.");
    p.add(
        Argument::option(&["-l"], "maxlevels", "don't recurse into subdirectories")
            .with_action(Action::StoreConst(Value::Int(Some(0)))),
    );
    p.add(
        Argument::option(
            &["-r"],
            "recursion",
            "control the maximum recursion level. if `-l` and `-r` options are \
             specified, then `-r` takes precedence.",
        )
        .with_type(ArgType::Int),
    );
    p.add(Argument::flag(
        &["-f"],
        "force",
        true,
        "force rebuild even if timestamps are up to date",
    ));
    p.add(
        Argument::option(
            &["-q"],
            "quiet",
            "output only error messages; -qq will suppress the error messages as well.",
        )
        .with_action(Action::Count)
        .with_default(crate::argparse::Default::Value(Value::Int(Some(0)))),
    );
    p.add(Argument::flag(
        &["-b"],
        "legacy",
        true,
        "use legacy (pre-PEP3147) compiled file locations",
    ));
    p.add(
        Argument::option(
            &["-d"],
            "ddir",
            "directory to prepend to file paths for use in compile-time tracebacks \
             and in runtime tracebacks in cases where the source file is unavailable",
        )
        .with_metavar("DESTDIR"),
    );
    p.add(
        Argument::option(
            &["-s"],
            "stripdir",
            "part of path to left-strip from path to source file - for example \
             buildroot. `-d` and `-s` options cannot be specified together.",
        )
        .with_metavar("STRIPDIR"),
    );
    p.add(
        Argument::option(
            &["-p"],
            "prependdir",
            "path to add as prefix to path to source file - for example / to make \
             it absolute when some part is removed by `-s` option. `-d` and `-p` \
             options cannot be specified together.",
        )
        .with_metavar("PREPENDDIR"),
    );
    p.add(
        Argument::option(
            &["-x"],
            "rx",
            "skip files matching the regular expression; the regexp is searched \
             for in the full path of each file considered for compilation",
        )
        .with_metavar("REGEXP"),
    );
    p.add(
        Argument::option(
            &["-i"],
            "flist",
            "add all the files and directories listed in FILE to the list \
             considered for compilation; if \"-\", names are read from stdin",
        )
        .with_metavar("FILE"),
    );
    p.add(
        Argument::positional(
            "compile_dest",
            Nargs::ZeroOrMore,
            "zero or more file and directory names to compile; if no arguments \
             given, defaults to the equivalent of -l sys.path",
        )
        .with_metavar("FILE|DIR"),
    );
    p.add(
        Argument::option(
            &["-j", "--workers"],
            "workers",
            "Run compileall concurrently",
        )
        .with_type(ArgType::Int)
        .with_default(crate::argparse::Default::Value(Value::Int(Some(1)))),
    );
    p.add(
        Argument::option(
            &["--invalidation-mode"],
            "invalidation_mode",
            "set .pyc invalidation mode; defaults to \"checked-hash\" if the \
             SOURCE_DATE_EPOCH environment variable is set, and \"timestamp\" \
             otherwise.",
        )
        .with_choices(&["checked-hash", "timestamp", "unchecked-hash"]),
    );
    p.add(
        Argument::option(
            &["-o"],
            "opt_levels",
            "Optimization levels to run compilation with. Default is -1 which uses \
             the optimization level of the Python interpreter itself (see -O).",
        )
        .with_type(ArgType::Int)
        .with_action(Action::Append),
    );
    p.add(
        Argument::option(
            &["-e"],
            "limit_sl_dest",
            "Ignore symlinks pointing outsite of the DIR",
        )
        .with_metavar("DIR"),
    );
    p.add(Argument::flag(
        &["--hardlink-dupes"],
        "hardlink_dupes",
        true,
        "Hardlink duplicated pyc files",
    ));
    p
}

/// `compile_file`'s settings, shared by every file of a run.
#[derive(Clone)]
struct Settings {
    ddir: Option<OsString>,
    force: bool,
    rx: Option<Regex>,
    quiet: i64,
    legacy: bool,
    /// `-o` levels, sorted and deduplicated (-1: the interpreter's).
    optimize: Vec<i64>,
    invalidation: Invalidation,
    stripdir: Option<OsString>,
    prependdir: Option<OsString>,
    limit_sl_dest: Option<OsString>,
    hardlink_dupes: bool,
    /// The interpreter's `-O` level (what level -1 means).
    interpreter_optimize: u32,
}

/// A run's printed output and whether every file compiled.
struct Run {
    stdout: String,
    success: bool,
}

impl Run {
    fn print(&mut self, line: &str) {
        self.stdout.push_str(line);
        self.stdout.push('\n');
    }
}

/// An exception that ends `main()` with a traceback (kaa prints no frames).
struct Raised(String);

fn str_arg(ns: &crate::argparse::Namespace, dest: &str) -> Option<OsString> {
    match ns.get(dest) {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    }
}

fn int_arg(ns: &crate::argparse::Namespace, dest: &str) -> Option<Option<i64>> {
    match ns.get(dest) {
        Some(Value::Int(n)) => Some(*n),
        _ => None,
    }
}

/// Runs `compileall` as `python -m compileall` does (`main()`, then exit
/// status `int(not success)`); `optimize` is the interpreter's `-O` level.
pub fn main(args: &[OsString], optimize: u32) -> Exit {
    let parser = parser();
    let ns = match parser.parse_args(args) {
        Ok(ns) => ns,
        Err(exit) => return exit,
    };
    let mut compile_dests: Vec<OsString> = match ns.get("compile_dest") {
        Some(Value::List(items)) => items
            .iter()
            .filter_map(|v| match v {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    let rx = match str_arg(&ns, "rx").filter(|r| !r.is_empty()) {
        Some(pattern) => match Regex::new(&os::display(&pattern)) {
            Ok(rx) => Some(rx),
            Err(message) => return Exit::stderr(1, format!("{message}\n")),
        },
        None => None,
    };
    let limit_sl_dest = str_arg(&ns, "limit_sl_dest").filter(|d| !d.is_empty());
    let maxlevels = match (int_arg(&ns, "recursion"), int_arg(&ns, "maxlevels")) {
        (Some(Some(r)), _) => Some(r),
        (Some(None), _) => Some(i64::MAX),
        (None, Some(Some(l))) => Some(l),
        _ => None,
    };
    let opt_levels: Vec<i64> = match ns.get("opt_levels") {
        Some(Value::List(items)) => items
            .iter()
            .map(|v| match v {
                Value::Int(Some(n)) => *n,
                _ => i64::MAX,
            })
            .collect(),
        _ => vec![-1],
    };
    let hardlink_dupes = matches!(ns.get("hardlink_dupes"), Some(Value::Bool(true)));
    if opt_levels.len() == 1 && hardlink_dupes {
        return parser.error(
            "Hardlinking of duplicated bytecode makes sense only for more than one \
             optimization level.",
        );
    }
    let ddir = str_arg(&ns, "ddir");
    let stripdir = str_arg(&ns, "stripdir");
    let prependdir = str_arg(&ns, "prependdir");
    if ddir.is_some() && (stripdir.is_some() || prependdir.is_some()) {
        return parser.error("-d cannot be used in combination with -s or -p");
    }
    let quiet = int_arg(&ns, "quiet").flatten().unwrap_or(i64::MAX);
    let mut run = Run {
        stdout: String::new(),
        success: true,
    };
    if let Some(flist) = str_arg(&ns, "flist") {
        match read_file_list(&flist) {
            Ok(names) => compile_dests.extend(names),
            Err(()) => {
                if quiet < 2 {
                    run.print(&format!("Error reading file list {}", os::display(&flist)));
                }
                return Exit {
                    status: 1,
                    stdout: run.stdout.into_bytes(),
                    stderr: Vec::new(),
                };
            }
        }
    }
    let invalidation = match str_arg(&ns, "invalidation_mode") {
        Some(name) => Invalidation::from_name(name.as_bytes()),
        None => None,
    }
    .unwrap_or_else(Invalidation::from_environment);
    let mut levels = opt_levels;
    levels.sort_unstable();
    levels.dedup();
    let settings = Settings {
        ddir,
        force: matches!(ns.get("force"), Some(Value::Bool(true))),
        rx,
        quiet,
        legacy: matches!(ns.get("legacy"), Some(Value::Bool(true))),
        optimize: levels,
        invalidation,
        stripdir,
        prependdir,
        limit_sl_dest,
        hardlink_dupes,
        interpreter_optimize: optimize,
    };
    let workers = int_arg(&ns, "workers").flatten().unwrap_or(1);
    let result = if compile_dests.is_empty() {
        compile_path(&settings, &mut run)
    } else {
        compile_dests.iter().try_for_each(|dest| {
            if Path::new(dest).is_file() {
                compile_file(dest, &settings, &mut run)
            } else {
                compile_dir(dest, maxlevels, workers, &settings, &mut run)
            }
        })
    };
    match result {
        Ok(()) => Exit {
            status: u8::from(!run.success),
            stdout: run.stdout.into_bytes(),
            stderr: Vec::new(),
        },
        Err(Raised(exception)) => Exit {
            status: 1,
            stdout: run.stdout.into_bytes(),
            stderr: format!("{exception}\n").into_bytes(),
        },
    }
}

/// The names in the `-i` file (or stdin), each line stripped.
fn read_file_list(flist: &OsStr) -> Result<Vec<OsString>, ()> {
    let data = if flist.as_bytes() == b"-" {
        let mut data = Vec::new();
        std::io::stdin().read_to_end(&mut data).map_err(|_| ())?;
        data
    } else {
        os::read_file(Path::new(flist)).map_err(|_| ())?
    };
    Ok(data
        .split_inclusive(|&b| b == b'\n')
        .map(|line| OsString::from_vec(line.trim_ascii().to_vec()))
        .collect())
}

/// `compile_path()`: every directory of `sys.path`, not recursing (see the
/// module documentation for kaa's `sys.path`).
fn compile_path(settings: &Settings, run: &mut Run) -> Result<(), Raised> {
    let cwd = std::env::current_dir()
        .map(PathBuf::into_os_string)
        .unwrap_or_else(|_| OsString::from("."));
    compile_dir(&cwd, Some(0), 1, settings, run)
}

/// `os.path.join(a, b)` on POSIX.
fn join(a: &[u8], b: &[u8]) -> Vec<u8> {
    if b.starts_with(b"/") || a.is_empty() {
        return b.to_vec();
    }
    let mut out = a.to_vec();
    if !out.ends_with(b"/") {
        out.push(b'/');
    }
    out.extend_from_slice(b);
    out
}

/// One directory being listed: its sorted entries and the depth left.
struct Listing {
    dir: Vec<u8>,
    names: Vec<Vec<u8>>,
    next: usize,
    maxlevels: i64,
}

/// `_walk_dir` opening `dir`: prints `Listing` (or `Can't list`).
fn list_dir(dir: &[u8], maxlevels: i64, quiet: i64, run: &mut Run) -> Listing {
    if quiet == 0 {
        run.print(&format!("Listing {}...", repr_path(OsStr::from_bytes(dir))));
    }
    let mut names: Vec<Vec<u8>> = match std::fs::read_dir(OsStr::from_bytes(dir)) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().into_vec())
            .collect(),
        Err(_) => {
            if quiet < 2 {
                run.print(&format!("Can't list {}", repr_path(OsStr::from_bytes(dir))));
            }
            Vec::new()
        }
    };
    // `names.sort()`: str order, by code point.
    names.sort_by_key(|n| os::decode_fs(OsStr::from_bytes(n)));
    Listing {
        dir: dir.to_vec(),
        names,
        next: 0,
        maxlevels,
    }
}

/// `compile_dir()`: walks `dir` (depth-first, sorted, as `_walk_dir`
/// yields) and compiles each file as it is reached.
fn compile_dir(
    dir: &OsStr,
    maxlevels: Option<i64>,
    workers: i64,
    settings: &Settings,
    run: &mut Run,
) -> Result<(), Raised> {
    // `compile_dir` turns -d into -s/-p for the files below `dir`.
    let owned;
    let mut settings = settings;
    if let Some(ddir) = &settings.ddir {
        let mut changed = settings.clone();
        changed.ddir = None;
        changed.stripdir = Some(dir.to_os_string());
        changed.prependdir = Some(ddir.clone());
        owned = changed;
        settings = &owned;
    }
    if workers < 0 {
        return Err(Raised(
            "ValueError: workers must be greater or equal to 0".to_string(),
        ));
    }
    let maxlevels = maxlevels.unwrap_or(RECURSION_LIMIT);
    let mut stack = vec![list_dir(dir.as_bytes(), maxlevels, settings.quiet, run)];
    while let Some(top) = stack.last_mut() {
        let Some(name) = top.names.get(top.next).cloned() else {
            stack.pop();
            continue;
        };
        top.next += 1;
        if name == b"__pycache__" {
            continue;
        }
        let fullname = join(&top.dir, &name);
        let path = Path::new(OsStr::from_bytes(&fullname));
        if !path.is_dir() {
            compile_file(OsStr::from_bytes(&fullname), settings, run)?;
        } else if top.maxlevels > 0
            && name != b"."
            && name != b".."
            && !std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        {
            let levels = top.maxlevels - 1;
            let listing = list_dir(&fullname, levels, settings.quiet, run);
            stack.push(listing);
        }
    }
    Ok(())
}

/// The name compiled into the code of `fullname` (`dfile`): from `-d`,
/// `-s` and `-p`.
fn dfile_for(fullname: &[u8], settings: &Settings) -> Result<Option<Vec<u8>>, Raised> {
    let name = fullname.rsplit(|&b| b == b'/').next().unwrap_or(fullname);
    let mut dfile = settings.ddir.as_ref().map(|d| join(d.as_bytes(), name));
    if let Some(stripdir) = &settings.stripdir {
        let full_parts: Vec<&[u8]> = fullname.split(|&b| b == b'/').collect();
        let strip_parts: Vec<&[u8]> = stripdir.as_bytes().split(|&b| b == b'/').collect();
        let mut parts = full_parts.clone();
        for (spart, opart) in strip_parts.iter().zip(full_parts.iter()) {
            if spart == opart {
                // `list.remove`: the first equal element.
                if let Some(i) = parts.iter().position(|p| p == spart) {
                    parts.remove(i);
                }
            }
        }
        let Some((first, rest)) = parts.split_first() else {
            return Err(Raised(
                "TypeError: join() missing 1 required positional argument: 'a'".to_string(),
            ));
        };
        dfile = Some(rest.iter().fold(first.to_vec(), |acc, p| join(&acc, p)));
    }
    if let Some(prependdir) = &settings.prependdir {
        let base = dfile.unwrap_or_else(|| fullname.to_vec());
        dfile = Some(join(prependdir.as_bytes(), &base));
    }
    Ok(dfile)
}

/// The level `compile()` gets: -1 means the interpreter's.
fn effective_level(level: i64, settings: &Settings) -> Option<u32> {
    if level < 0 {
        return Some(settings.interpreter_optimize);
    }
    u32::try_from(level).ok().filter(|&l| l <= 2)
}

/// `compile_file()`: one file, if it is a `.py` whose pycs are not all up
/// to date (or `-f`).
fn compile_file(fullname: &OsStr, settings: &Settings, run: &mut Run) -> Result<(), Raised> {
    let full = fullname.as_bytes();
    let dfile = dfile_for(full, settings)?;
    if settings.hardlink_dupes && settings.optimize.len() < 2 {
        return Err(Raised(
            "ValueError: Hardlinking of duplicated bytecode makes sense only for more \
             than one optimization level"
                .to_string(),
        ));
    }
    if let Some(rx) = &settings.rx {
        if rx.search(&os::display(fullname)) {
            return Ok(());
        }
    }
    if let Some(limit) = &settings.limit_sl_dest {
        let is_link = std::fs::symlink_metadata(fullname).is_ok_and(|m| m.file_type().is_symlink());
        if is_link && !resolves_inside(fullname, limit) {
            return Ok(());
        }
    }
    if !Path::new(fullname).is_file() {
        return Ok(());
    }
    let mut cfiles: Vec<(i64, PathBuf)> = Vec::new();
    for &level in &settings.optimize {
        let cfile = if settings.legacy {
            let mut c = full.to_vec();
            c.push(b'c');
            PathBuf::from(OsString::from_vec(c))
        } else {
            // `cache_from_source(fullname, optimization=...)`; -1 names the
            // interpreter's level.
            let named = match level {
                l if l < 0 => settings.interpreter_optimize,
                l => u32::try_from(l).unwrap_or(u32::MAX),
            };
            match py_compile::cache_file(fullname, named) {
                Ok(c) => c,
                Err(_) => continue,
            }
        };
        cfiles.push((level, cfile));
    }
    let name = full.rsplit(|&b| b == b'/').next().unwrap_or(full);
    if !name.ends_with(b".py") || name.len() < 3 {
        return Ok(());
    }
    if !settings.force && up_to_date(fullname, &cfiles) {
        return Ok(());
    }
    if settings.quiet == 0 {
        run.print(&format!("Compiling {}...", repr_path(fullname)));
    }
    let dfile = dfile.map(OsString::from_vec);
    let mut previous: Option<&Path> = None;
    for (level, cfile) in &cfiles {
        let Some(optimize) = effective_level(*level, settings) else {
            // `compile()` refuses the level; py_compile wraps the ValueError.
            let msg = "Sorry: ValueError: compile(): invalid optimize value".to_string();
            report_error(fullname, &CompileError::Compile(msg), settings, run);
            return Ok(());
        };
        let result = py_compile::compile(
            fullname,
            Some(cfile),
            dfile.as_deref(),
            optimize,
            settings.invalidation,
        );
        match result {
            Ok(_) => {
                if let (true, Some(prev)) = (settings.hardlink_dupes, previous) {
                    if same_contents(cfile, prev) {
                        let _ = std::fs::remove_file(cfile);
                        if let Err(e) = std::fs::hard_link(prev, cfile) {
                            report_error(
                                fullname,
                                &py_compile::os_error(&e, cfile.as_os_str()),
                                settings,
                                run,
                            );
                            return Ok(());
                        }
                    }
                }
                previous = Some(cfile);
            }
            Err(err) => {
                report_error(fullname, &err, settings, run);
                return Ok(());
            }
        }
    }
    Ok(())
}

/// The failure lines of `compile_file`: `*** ` then the PyCompileError's
/// message, or `CLASS: message` for an OSError.
fn report_error(fullname: &OsStr, err: &CompileError, settings: &Settings, run: &mut Run) {
    run.success = false;
    if settings.quiet >= 2 {
        return;
    }
    if settings.quiet > 0 {
        run.print(&format!("*** Error compiling {}...", repr_path(fullname)));
    } else {
        run.stdout.push_str("*** ");
    }
    match err {
        CompileError::Compile(msg) => run.print(msg),
        CompileError::Os(class, msg) => run.print(&format!("{class}: {msg}")),
    }
}

/// The up-to-date check: every pyc starts with the magic number, flags 0
/// and the source's `int(st_mtime)` (the size is not compared).
fn up_to_date(fullname: &OsStr, cfiles: &[(i64, PathBuf)]) -> bool {
    let Ok(meta) = std::fs::metadata(fullname) else {
        return false;
    };
    let mtime = int_mtime(&meta);
    let mut expect = MAGIC_NUMBER.to_vec();
    expect.extend_from_slice(&0u32.to_le_bytes());
    expect.extend_from_slice(&(mtime as u32).to_le_bytes());
    cfiles.iter().all(|(_, cfile)| {
        let mut head = Vec::with_capacity(12);
        std::fs::File::open(cfile)
            .and_then(|f| f.take(12).read_to_end(&mut head))
            .is_ok()
            && head == expect
    })
}

/// `int(os.stat(path).st_mtime)` (a float of seconds, truncated).
fn int_mtime(meta: &std::fs::Metadata) -> i64 {
    use std::os::unix::fs::MetadataExt;
    (meta.mtime() as f64 + meta.mtime_nsec() as f64 * 1e-9) as i64
}

/// `Path(limit).resolve() in Path(fullname).resolve().parents`.
fn resolves_inside(fullname: &OsStr, limit: &OsStr) -> bool {
    let (Ok(target), Ok(limit)) = (
        std::fs::canonicalize(fullname),
        std::fs::canonicalize(limit),
    ) else {
        return false;
    };
    target.ancestors().skip(1).any(|a| a == limit)
}

/// `filecmp.cmp(a, b, shallow=False)`.
fn same_contents(a: &Path, b: &Path) -> bool {
    match (std::fs::read(a), std::fs::read(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
