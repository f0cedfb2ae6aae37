//! No input may make the parser panic, hang or overflow the Rust stack.
//!
//! * `mutated_sources_never_panic`: thousands of inputs made by mutating real
//!   Python (the repo's `tests/ast/**/*.py` and `tests/syntax/**/*.py`, a fixed
//!   list of CPython stdlib files when a `python3` is around, and a few
//!   built-in snippets) with a deterministic PRNG. Every input goes through
//!   `parse_bytes` in every mode under `catch_unwind`; each panicking input is
//!   saved to `target/no-crash-failures/` and the test fails listing them.
//! * `pathological_inputs`: deep nesting, huge repetitions, long lines and
//!   huge literals, each checked against what CPython 3.11's `ast.parse`
//!   does with the same bytes (the table below; `cargo test -p kaa-parser
//!   --test no_crash -- --ignored` re-checks the table against `python3`).
//!   Each case runs in a child process, so a stack overflow or a hang is
//!   reported for that case and the others still run.
//!
//! Parsing runs on a thread with `PARSER_STACK` bytes of stack, named after
//! what it parses: a parser that does not bound its recursion aborts with
//! "thread '<name>' has overflowed its stack".
//!
//! Knobs (environment): `KAA_NO_CRASH_ITERS` (number of mutated inputs),
//! `KAA_NO_CRASH_SEED`, `KAA_NO_CRASH_STACK` (bytes), `KAA_NO_CRASH_TRACE=1`
//! (write each mutated input to `target/no-crash-failures/current.py` before
//! parsing it, to find the one that overflows the stack).

use std::cell::{Cell, RefCell};
use std::fmt::Write as _;
use std::io::Read;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::sync::{Arc, Mutex, Once};
use std::thread;
use std::time::{Duration, Instant};

use kaa_parser::{parse_bytes, ErrorKind, Mode, SyntaxError};

/// Stack given to the parsing thread. The `kaa` binary runs on a thread
/// with 1 GiB reserved; the parser's depth limits (MAXSTACK-style, 6000
/// rule levels) need about 35 MiB in release and 100 MiB in debug builds at
/// worst (a chain of lambdas with lambda defaults), so these leave room.
const PARSER_STACK: usize = if cfg!(debug_assertions) {
    256 << 20
} else {
    64 << 20
};

/// Mutated inputs per run: the debug profile keeps the test well under a
/// minute; `cargo test --release` runs ten times as many.
const ITERATIONS: usize = if cfg!(debug_assertions) {
    10_000
} else {
    100_000
};

/// A mutated input is cut from a window of at most this many bytes of source.
const WINDOW: usize = 3_000;

/// How long one input may take before it counts as a hang.
const HANG_LIMIT: Duration = Duration::from_secs(if cfg!(debug_assertions) { 30 } else { 10 });

const MODES: [Mode; 4] = [Mode::Exec, Mode::Eval, Mode::Single, Mode::FuncType];

/// Bytes and tokens spliced into sources: delimiters, quotes, prefixes,
/// whitespace, bytes that are invalid UTF-8 or NUL, and keywords.
#[rustfmt::skip]
const INTERESTING: &[&[u8]] = &[
    b"(", b")", b"[", b"]", b"{", b"}", b"\"", b"'", b"'''", b"\"\"\"", b"\\", b"\\\n", b"\t",
    b"\n", b"\r", b"\r\n", b"\x0c", b" ", b"    ", b"#", b"f\"{", b"f'{", b"rf'", b"b'", b"u\"",
    b"{x=}", b"{!r}", b"{:", b"}}", b"{{", b":", b"=", b":=", b"*", b"**", b"->", b",", b".",
    b"...", b"@", b";", b"\xff", b"\x00", b"\xc3", b"\xe2\x80", b"\xef\xbb\xbf", "é".as_bytes(),
    "\u{2028}".as_bytes(), b"\\N{", b"\\x", b"\\u12", b"\\U0011ffff", b"0x", b"1e", b"1_", b"0b2",
    b"j", b"lambda", b"lambda x:", b"if", b"else", b"elif", b"match", b"case", b"_", b"async",
    b"await", b"yield", b"not", b"in", b"is", b"and", b"or", b"def ", b"class ", b"return",
    b"global x", b"nonlocal x", b"del", b"import", b"from", b"try:", b"except*", b"finally:",
    b"with", b"for", b"while", b"break", b"continue", b"pass", b"$", b"?", b"!", b"`",
    b"# coding: latin-1\n", b"# type: ignore",
];

/// Small, varied programs: seeds when the repo's test folders are empty.
const BUILTIN_SEEDS: &[&str] = &[
    "import os, sys as s\nfrom . import a\nfrom ..b import (c, d as e)\n",
    "def f(a, /, b=1, *args, c, d=2, **kw) -> int:\n    '''doc'''\n    return a + b\n",
    "async def g():\n    async with a as b, c:\n        async for x in y:\n            await z\n",
    "class C(B, metaclass=M):\n    x: int = 3\n    @property\n    def p(self): return self.x\n",
    "x = [i * 2 for i in range(10) if i % 2]\ny = {k: v for k, v in d.items()}\nz = {*a, *b}\n",
    "s = f'{a!r:>{width}} {b=} {c:%Y-%m-%d}' 'plain' rb'\\x00'\n",
    "match p:\n    case Point(x=0, y=0) | [1, 2, *rest] if rest:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case _:\n        pass\n",
    "try:\n    pass\nexcept* (A, B) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a[1:2, ::3]\n",
    "while (n := n - 1) > 0:\n    if n & 1: continue\n    elif n ^ 2: break\n    else: yield from g()\n",
    "lambda x, *y, z=1, **w: (x, y, z, w)\nglobal g\nnonlocal h\nassert x, 'msg'\n",
    "with (open(a) as f, open(b) as g):\n    print(*args, sep='', **kw)\n",
    "a = b = c = 1_000_000.5e-3j + 0x_ff + 0o17 + 0b1 - ~+-x ** -y // z @ m\n",
    "if x:\n\tpass\nelse:\n        pass\n",
    "x = '''multi\nline''' \\\n    + \"\\N{BULLET} \\u00e9 \\U0001F600\"\n",
];

/// CPython stdlib files (relative to its stdlib directory) used as seeds when
/// present: a sorted, fixed list covering most of the grammar, odd encodings,
/// and files CPython rejects.
const STDLIB_SEEDS: &[&str] = &[
    "_pydecimal.py",
    "argparse.py",
    "ast.py",
    "asyncio/base_events.py",
    "codecs.py",
    "collections/__init__.py",
    "contextlib.py",
    "copy.py",
    "csv.py",
    "dataclasses.py",
    "difflib.py",
    "dis.py",
    "email/_header_value_parser.py",
    "enum.py",
    "fractions.py",
    "functools.py",
    "http/client.py",
    "inspect.py",
    "ipaddress.py",
    "json/decoder.py",
    "lib2to3/tests/data/bom.py",
    "lib2to3/tests/data/crlf.py",
    "lib2to3/tests/data/different_encoding.py",
    "lib2to3/tests/data/false_encoding.py",
    "lib2to3/tests/data/py2_test_grammar.py",
    "lib2to3/tests/data/py3_test_grammar.py",
    "logging/__init__.py",
    "pathlib.py",
    "pprint.py",
    "pydoc.py",
    "random.py",
    "re/_parser.py",
    "shutil.py",
    "statistics.py",
    "string.py",
    "subprocess.py",
    "test/encoded_modules/module_iso_8859_1.py",
    "test/encoded_modules/module_koi8_r.py",
    "test/test_coroutines.py",
    "test/test_except_star.py",
    "test/test_exception_group.py",
    "test/test_exceptions.py",
    "test/test_fstring.py",
    "test/test_generators.py",
    "test/test_grammar.py",
    "test/test_named_expressions.py",
    "test/test_patma.py",
    "test/test_pep646_syntax.py",
    "test/test_positional_only_arg.py",
    "test/test_source_encoding.py",
    "test/test_string_literals.py",
    "test/test_syntax.py",
    "test/test_tokenize.py",
    "test/test_unicode_identifiers.py",
    "test/test_utf8source.py",
    "test/tokenizedata/bad_coding.py",
    "test/tokenizedata/bad_coding2.py",
    "test/tokenizedata/badsyntax_3131.py",
    "test/tokenizedata/badsyntax_pep3120.py",
    "test/tokenizedata/coding20731.py",
    "textwrap.py",
    "threading.py",
    "tokenize.py",
    "tomllib/_parser.py",
    "typing.py",
    "unittest/case.py",
    "urllib/parse.py",
    "xml/etree/ElementTree.py",
    "zipfile.py",
];

// ---------------------------------------------------------------------------
// Deterministic randomness.

/// xorshift64*: small, fast, and the same sequence on every machine.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1))
    }

    fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `0..n` (0 when n is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
}

// ---------------------------------------------------------------------------
// Running the parser safely.

thread_local! {
    /// Set while a parse runs under `catch_unwind`: the panic hook then only
    /// records the message instead of printing it.
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Installs (once) a panic hook that stays silent on quiet threads.
fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let location = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_default();
                let payload = info.payload();
                let msg = payload
                    .downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| payload.downcast_ref::<String>().cloned())
                    .unwrap_or_else(|| "<non-string panic>".to_string());
                LAST_PANIC.with(|p| *p.borrow_mut() = format!("{msg} at {location}"));
            } else {
                previous(info);
            }
        }));
    });
}

/// What one parse did.
enum Outcome {
    Ok,
    Err(SyntaxError),
    Panic(String),
}

/// Parses (and drops the tree) under `catch_unwind`.
fn parse_caught(source: &[u8], mode: Mode) -> Outcome {
    QUIET.with(|q| q.set(true));
    let result = panic::catch_unwind(AssertUnwindSafe(|| parse_bytes(source, mode).map(drop)));
    QUIET.with(|q| q.set(false));
    match result {
        Ok(Ok(())) => Outcome::Ok,
        Ok(Err(e)) => Outcome::Err(e),
        Err(_) => Outcome::Panic(LAST_PANIC.with(|p| p.borrow().clone())),
    }
}

/// Stack size for parsing threads (`KAA_NO_CRASH_STACK` overrides).
fn parser_stack() -> usize {
    env_usize("KAA_NO_CRASH_STACK").unwrap_or(PARSER_STACK)
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok()?.trim().parse().ok()
}

/// Where failing inputs are saved: `target/no-crash-failures/`.
fn failure_dir() -> PathBuf {
    // CARGO_TARGET_TMPDIR is `<target>/tmp`.
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).join("no-crash-failures")
}

/// Saves an input for reproduction; returns the path.
fn save_failure(source: &[u8], label: &str) -> PathBuf {
    let dir = failure_dir();
    let _ = std::fs::create_dir_all(&dir);
    // FNV-1a names the file after its content.
    let hash = source.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    let path = dir.join(format!("{label}-{hash:016x}.py"));
    let _ = std::fs::write(&path, source);
    path
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Exec => "exec",
        Mode::Eval => "eval",
        Mode::Single => "single",
        Mode::FuncType => "func_type",
    }
}

/// Runs `work` on a named thread with the parser stack, reporting progress
/// through `beat`; fails if a step makes no progress for `limit`.
/// `current` holds a description and the input being parsed, for reporting.
fn run_watched<T: Send + 'static>(
    name: &str,
    limit: Duration,
    work: impl FnOnce(&dyn Fn(), &Mutex<(String, Vec<u8>)>) -> T + Send + 'static,
) -> T {
    install_panic_hook();
    let (tx, rx) = mpsc::channel::<Option<T>>();
    let current = Arc::new(Mutex::new((String::new(), Vec::new())));
    let shared = Arc::clone(&current);
    let spawned = thread::Builder::new()
        .name(name.to_string())
        .stack_size(parser_stack())
        .spawn(move || {
            let beat_tx = tx.clone();
            let beat = move || {
                let _ = beat_tx.send(None);
            };
            let result = work(&beat, &shared);
            let _ = tx.send(Some(result));
        });
    if let Err(e) = spawned {
        panic!("could not spawn the parsing thread: {e}");
    }
    loop {
        match rx.recv_timeout(limit) {
            Ok(Some(result)) => return result,
            Ok(None) => continue,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let (what, input) = current.lock().map(|c| c.clone()).unwrap_or_default();
                let path = save_failure(&input, "hang");
                panic!(
                    "{name}: no progress for {limit:?} on {what}; input saved to {}",
                    path.display()
                );
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("{name}: the parsing thread died (a panic outside catch_unwind?)")
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Seeds and mutations.

/// A seed program: where it came from and its bytes.
struct Seed {
    name: String,
    bytes: Vec<u8>,
    /// Byte offsets of lines that start at column 0 (window starts).
    top_lines: Vec<usize>,
}

impl Seed {
    fn new(name: String, bytes: Vec<u8>) -> Seed {
        let mut top_lines = vec![0];
        for (i, pair) in bytes.windows(2).enumerate() {
            if pair[0] == b'\n' && !matches!(pair[1], b' ' | b'\t' | b'\n' | b'#' | b'\r') {
                top_lines.push(i + 1);
            }
        }
        Seed {
            name,
            bytes,
            top_lines,
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// All `.py` files under `dir`, sorted (none if it does not exist).
fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "py") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// CPython's stdlib directory, from `python3` (None when there is none).
fn stdlib_dir() -> Option<PathBuf> {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sysconfig; print(sysconfig.get_paths()['stdlib'])",
        ])
        .output()
        .ok()?;
    let dir = String::from_utf8(out.stdout).ok()?;
    let dir = PathBuf::from(dir.trim());
    dir.is_dir().then_some(dir)
}

/// The seed programs: built-in snippets, the repo's test inputs, stdlib files.
fn seeds() -> Vec<Seed> {
    let mut seeds: Vec<Seed> = BUILTIN_SEEDS
        .iter()
        .enumerate()
        .map(|(i, s)| Seed::new(format!("builtin #{i}"), s.as_bytes().to_vec()))
        .collect();
    let root = repo_root();
    for sub in ["tests/ast", "tests/syntax"] {
        for path in py_files(&root.join(sub)) {
            if let Ok(bytes) = std::fs::read(&path) {
                seeds.push(Seed::new(path.display().to_string(), bytes));
            }
        }
    }
    if let Some(stdlib) = stdlib_dir() {
        for rel in STDLIB_SEEDS {
            if let Ok(bytes) = std::fs::read(stdlib.join(rel)) {
                seeds.push(Seed::new(format!("stdlib {rel}"), bytes));
            }
        }
    }
    seeds
}

/// A window of whole lines, starting at a top-level line, of about WINDOW bytes.
fn window(rng: &mut XorShift, seed: &Seed) -> Vec<u8> {
    let bytes = &seed.bytes;
    if bytes.len() <= WINDOW {
        return bytes.clone();
    }
    let start = seed.top_lines[rng.below(seed.top_lines.len())];
    let want = 1 + rng.below(WINDOW);
    let mut end = (start + want).min(bytes.len());
    while end < bytes.len() && bytes[end - 1] != b'\n' {
        end += 1;
    }
    bytes[start..end].to_vec()
}

/// Applies one random edit.
fn mutate(rng: &mut XorShift, input: &mut Vec<u8>) {
    let len = input.len();
    match rng.below(8) {
        // Delete a short range.
        0 | 1 if len > 0 => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(16));
            input.drain(start..start + n);
        }
        // Duplicate a range somewhere else.
        2 if len > 0 => {
            let start = rng.below(len);
            let n = 1 + rng.below((len - start).min(64));
            let piece = input[start..start + n].to_vec();
            let at = rng.below(len + 1);
            input.splice(at..at, piece);
        }
        // Swap two bytes.
        3 if len > 1 => {
            let a = rng.below(len);
            let b = rng.below(len);
            input.swap(a, b);
        }
        // Overwrite a byte with a random one.
        4 if len > 0 => {
            let at = rng.below(len);
            input[at] = rng.next_u64() as u8;
        }
        // Truncate.
        5 if len > 0 => {
            input.truncate(rng.below(len));
        }
        // Insert an interesting token.
        _ => {
            let token = INTERESTING[rng.below(INTERESTING.len())];
            let at = rng.below(len + 1);
            input.splice(at..at, token.iter().copied());
        }
    }
}

/// What the mutation run saw.
#[derive(Default)]
struct Tally {
    inputs: usize,
    bytes: usize,
    /// Per mode (in `MODES` order): parses that gave `Ok`, and `Err`.
    ok: [usize; 4],
    err: [usize; 4],
    panics: Vec<String>,
}

impl Tally {
    /// Parses `input` in every mode, counting outcomes and recording panics.
    fn check_all_modes(&mut self, input: &[u8], what: &str) {
        self.inputs += 1;
        self.bytes += input.len();
        for (i, mode) in MODES.into_iter().enumerate() {
            match parse_caught(input, mode) {
                Outcome::Ok => self.ok[i] += 1,
                Outcome::Err(_) => self.err[i] += 1,
                Outcome::Panic(msg) => {
                    let path = save_failure(input, &format!("panic-{}", mode_name(mode)));
                    self.panics.push(format!(
                        "{what} ({}): {msg}\n    saved: {}",
                        mode_name(mode),
                        path.display()
                    ));
                }
            }
        }
    }

    /// One line of counts (shown with `--nocapture`).
    fn summary(&self, seeds: usize) -> String {
        let mut line = format!(
            "{} inputs ({} bytes) from {seeds} seeds; ok/err:",
            self.inputs, self.bytes
        );
        for (i, mode) in MODES.into_iter().enumerate() {
            let _ = write!(line, " {} {}/{}", mode_name(mode), self.ok[i], self.err[i]);
        }
        let _ = write!(line, "; panics: {}", self.panics.len());
        line
    }
}

#[test]
fn mutated_sources_never_panic() {
    let iterations = env_usize("KAA_NO_CRASH_ITERS").unwrap_or(ITERATIONS);
    let seed = env_usize("KAA_NO_CRASH_SEED").unwrap_or(0x5eed_1e55) as u64;
    let trace = std::env::var_os("KAA_NO_CRASH_TRACE").is_some();
    let (tally, seed_count) = run_watched("mutated sources", HANG_LIMIT, move |beat, current| {
        let seeds = seeds();
        let mut tally = Tally::default();
        let mut rng = XorShift::new(seed);
        let note = |what: &str, input: &[u8]| {
            beat();
            if let Ok(mut c) = current.lock() {
                c.0.clear();
                c.0.push_str(what);
                c.1.clear();
                c.1.extend_from_slice(input);
            }
            if trace {
                let _ = std::fs::create_dir_all(failure_dir());
                let _ = std::fs::write(failure_dir().join("current.py"), input);
            }
        };
        // Every seed whole, unmutated, then mutants round-robin over the seeds.
        for s in &seeds {
            note(&s.name, &s.bytes);
            tally.check_all_modes(&s.bytes, &s.name);
        }
        for i in 0..iterations {
            let s = &seeds[i % seeds.len()];
            let mut input = window(&mut rng, s);
            for _ in 0..1 + rng.below(4) {
                mutate(&mut rng, &mut input);
            }
            let what = format!("mutant #{i} of {}", s.name);
            note(&what, &input);
            tally.check_all_modes(&input, &what);
        }
        (tally, seeds.len())
    });
    eprintln!("{}", tally.summary(seed_count));
    assert!(
        tally.panics.is_empty(),
        "{} of {} inputs made the parser panic:\n{}",
        tally.panics.len(),
        tally.inputs,
        tally.panics.join("\n")
    );
}

// ---------------------------------------------------------------------------
// Pathological inputs.

/// What CPython 3.11's `ast.parse` does with a case's bytes.
#[derive(Clone, Copy, Debug)]
enum Expect {
    /// Parses.
    Ok,
    /// Raises `kind`; `msg` when given must match exactly, and so must
    /// `(lineno, offset)` when given.
    Err {
        kind: ErrorKind,
        msg: Option<&'static str>,
        pos: Option<(u32, u32)>,
    },
}

const fn syntax(msg: &'static str, lineno: u32, offset: u32) -> Expect {
    Expect::Err {
        kind: ErrorKind::SyntaxError,
        msg: Some(msg),
        pos: Some((lineno, offset)),
    }
}

/// CPython's AST-construction depth limit (ast2obj), as `ast.parse` words it.
const AST_RECURSION: Expect = Expect::Err {
    kind: ErrorKind::RecursionError,
    msg: Some("maximum recursion depth exceeded during ast construction"),
    pos: None,
};

/// The same limit when the tree is compiled (`python3 FILE`): `parse_bytes`
/// serves both `ast.parse` and the compiler, so either wording passes.
const COMPILE_RECURSION_MSG: &str = "maximum recursion depth exceeded during compilation";

/// The PEG parser's stack limit (MAXSTACK = 6000 rule levels): a bare
/// `MemoryError`, with no message, in CPython 3.11 (the "Parser stack
/// overflowed" message is 3.12's).
const PARSER_STACK_FULL: Expect = Expect::Err {
    kind: ErrorKind::MemoryError,
    msg: Some(""),
    pos: None,
};

/// CPython's int_max_str_digits check on a 100000-digit decimal literal.
const MANY_DIGITS: &str = "Exceeds the limit (4300 digits) for integer string conversion: value has \
                           100000 digits; use sys.set_int_max_str_digits() to increase the limit - \
                           Consider hexadecimal for huge integer literals to avoid decimal conversion \
                           limits.";

/// `s` repeated `n` times.
fn rep(s: &str, n: usize) -> String {
    s.repeat(n)
}

/// `n` nested blocks, each `header` one space deeper than the last.
fn nested_blocks(header: &str, n: usize) -> String {
    let mut s = String::new();
    for i in 0..n {
        let _ = writeln!(s, "{}{header}", " ".repeat(i));
    }
    s + &" ".repeat(n) + "pass\n"
}

/// The pathological cases and CPython 3.11's answers (verified against
/// `python3` by `pathological_table_matches_cpython`).
fn pathological_cases() -> Vec<(&'static str, Vec<u8>, Expect)> {
    use ErrorKind::*;
    let nested = "too many nested parentheses";
    let cases: Vec<(&'static str, String, Expect)> = vec![
        // The tokenizer allows 200 open brackets (MAXLEVEL).
        (
            "parens_100k",
            rep("(", 100_000) + &rep(")", 100_000),
            syntax(nested, 1, 201),
        ),
        (
            "parens_200",
            rep("(", 200) + "1" + &rep(")", 200),
            Expect::Ok,
        ),
        (
            "parens_201",
            rep("(", 201) + "1" + &rep(")", 201),
            syntax(nested, 1, 201),
        ),
        (
            "brackets_10k_unclosed",
            rep("[", 10_000),
            syntax(nested, 1, 201),
        ),
        (
            "mixed_brackets_3k",
            rep("[{(", 1_000),
            syntax(nested, 1, 201),
        ),
        (
            "dict_nest_200",
            rep("{1:", 200) + "1" + &rep("}", 200),
            Expect::Ok,
        ),
        (
            "genexp_nest_100k",
            rep("(x for x in ", 100_000),
            syntax(nested, 1, 2401),
        ),
        (
            "match_nest_100k",
            "match x:\n case ".to_string() + &rep("[", 100_000) + "\n",
            syntax(nested, 2, 207),
        ),
        (
            "match_nest_150",
            "match x:\n case ".to_string() + &rep("[", 150) + "a" + &rep("]", 150) + ": pass\n",
            Expect::Ok,
        ),
        // Right-recursive rules: the parser's stack limit.
        ("minus_100k", rep("-", 100_000) + "1", PARSER_STACK_FULL),
        ("minus_1000", rep("-", 1_000) + "1", Expect::Ok),
        ("not_50k", rep("not ", 50_000) + "x", PARSER_STACK_FULL),
        ("not_1000", rep("not ", 1_000) + "x", Expect::Ok),
        ("tilde_100k", rep("~", 100_000) + "x", PARSER_STACK_FULL),
        (
            "unary_mix_100k",
            rep("-+~", 33_333) + "1",
            PARSER_STACK_FULL,
        ),
        (
            "pow_100k",
            "2".to_string() + &rep("**2", 100_000),
            PARSER_STACK_FULL,
        ),
        (
            "lambda_100k",
            rep("lambda: ", 100_000) + "1",
            PARSER_STACK_FULL,
        ),
        ("lambda_1000", rep("lambda: ", 1_000) + "1", Expect::Ok),
        (
            "lambda_default_10k",
            rep("lambda x=", 10_000) + "1" + &rep(": x", 10_000),
            PARSER_STACK_FULL,
        ),
        (
            "ifexp_100k",
            rep("1 if x else ", 100_000) + "1",
            PARSER_STACK_FULL,
        ),
        (
            "elif_100k",
            "if x: pass\n".to_string() + &rep("elif x: pass\n", 100_000),
            PARSER_STACK_FULL,
        ),
        (
            "fstring_minus_100k",
            "f'{".to_string() + &rep("-", 100_000) + "1}'",
            PARSER_STACK_FULL,
        ),
        // Left-recursive rules loop in the parser; the deep tree is refused
        // when CPython converts it to Python objects.
        (
            "attr_100k",
            "a".to_string() + &rep(".b", 100_000),
            AST_RECURSION,
        ),
        ("attr_1000", "a".to_string() + &rep(".b", 1_000), Expect::Ok),
        (
            "call_100k",
            "f".to_string() + &rep("()", 100_000),
            AST_RECURSION,
        ),
        (
            "subscript_100k",
            "a".to_string() + &rep("[0]", 100_000),
            AST_RECURSION,
        ),
        (
            "plus_100k",
            "1".to_string() + &rep("+1", 100_000),
            AST_RECURSION,
        ),
        ("plus_1000", "1".to_string() + &rep("+1", 1_000), Expect::Ok),
        (
            "backslash_plus_100k",
            "x = 1".to_string() + &rep(" \\\n+ 1", 100_000) + "\n",
            AST_RECURSION,
        ),
        // Flat but long.
        (
            "and_chain_100k",
            "x".to_string() + &rep(" and x", 100_000),
            Expect::Ok,
        ),
        (
            "compare_chain_100k",
            "x".to_string() + &rep(" < x", 100_000),
            Expect::Ok,
        ),
        (
            "tuple_100k",
            "x = ".to_string() + &vec!["1"; 100_000].join(","),
            Expect::Ok,
        ),
        (
            "list_100k",
            "x = [".to_string() + &rep("1,", 100_000) + "]",
            Expect::Ok,
        ),
        (
            "args_100k",
            "f(".to_string() + &rep("a,", 100_000) + ")",
            Expect::Ok,
        ),
        (
            "params_100k",
            "def f(".to_string() + &vec!["a"; 100_000].join(",") + "): pass\n",
            Expect::Ok,
        ),
        (
            "with_items_100k",
            "with ".to_string() + &vec!["a"; 100_000].join(", ") + ": pass\n",
            Expect::Ok,
        ),
        (
            "match_or_100k",
            "match x:\n case ".to_string() + &vec!["1"; 100_000].join("|") + ": pass\n",
            Expect::Ok,
        ),
        (
            "global_100k",
            "global ".to_string() + &vec!["a"; 100_000].join(",") + "\n",
            Expect::Ok,
        ),
        (
            "import_dots_100k",
            "from ".to_string() + &rep(".", 100_000) + " import a\n",
            Expect::Ok,
        ),
        (
            "chained_assign_100k",
            "b = ".to_string() + &rep("c = ", 100_000) + "1\n",
            Expect::Ok,
        ),
        ("semicolons_100k", rep("x=1;", 100_000) + "\n", Expect::Ok),
        (
            "decorators_100k",
            rep("@d\n", 100_000) + "def f(): pass\n",
            Expect::Ok,
        ),
        (
            "string_concat_100k",
            "x = ".to_string() + &rep("'a' ", 100_000),
            Expect::Ok,
        ),
        (
            "fstring_concat_10k",
            "x = ".to_string() + &rep("f'{a}' ", 10_000),
            Expect::Ok,
        ),
        (
            "fstring_fields_100k",
            "x = f'".to_string() + &rep("{a}", 100_000) + "'",
            Expect::Ok,
        ),
        ("lines_200k", rep("x = 1\n", 200_000), Expect::Ok),
        ("blank_lines_200k", rep("\n", 200_000) + "x\n", Expect::Ok),
        ("comments_200k", rep("# c\n", 200_000), Expect::Ok),
        (
            "long_string_1m",
            "x = '".to_string() + &rep("a", 1_000_000) + "'\n",
            Expect::Ok,
        ),
        ("long_name_100k", rep("a", 100_000) + " = 1\n", Expect::Ok),
        (
            "unterminated_triple_200k",
            "'''".to_string() + &rep("a\n", 200_000),
            syntax(
                "unterminated triple-quoted string literal (detected at line 200000)",
                1,
                1,
            ),
        ),
        // Numbers.
        ("int_4300", rep("1", 4_300), Expect::Ok),
        (
            "int_100k",
            rep("1", 100_000),
            Expect::Err {
                kind: SyntaxError,
                msg: Some(MANY_DIGITS),
                pos: None,
            },
        ),
        (
            "hex_100k",
            "0x".to_string() + &rep("f", 100_000),
            Expect::Ok,
        ),
        (
            "float_100k",
            "1.".to_string() + &rep("5", 100_000),
            Expect::Ok,
        ),
        (
            "float_huge_exponent",
            "1e999999999999".to_string(),
            Expect::Ok,
        ),
        ("imaginary_100k", rep("1", 100_000) + "j", Expect::Ok),
        // Blocks: the tokenizer allows 100 indentation levels (MAXINDENT).
        (
            "indent_100",
            nested_blocks("if x:", 100),
            Expect::Err {
                kind: IndentationError,
                msg: Some("too many levels of indentation"),
                pos: Some((101, 1)),
            },
        ),
        ("indent_99", nested_blocks("if x:", 99), Expect::Ok),
        ("class_nest_90", nested_blocks("class C:", 90), Expect::Ok),
        // f-strings.
        (
            "fstring_spec_nest3",
            "f'{x:{y:{z}}}'".to_string(),
            syntax("f-string: expressions nested too deeply", 1, 15),
        ),
        ("fstring_spec_nest2", "f'{x:{y}}'".to_string(), Expect::Ok),
        (
            "fstring_quotes_4",
            "f'''{f\"\"\"{f'{f\"{1}\"}'}\"\"\"}'''".to_string(),
            Expect::Ok,
        ),
        (
            "fstring_parens_100k",
            "f'{".to_string() + &rep("(", 100_000) + "1" + &rep(")", 100_000) + "}'",
            syntax("f-string: too many nested parenthesis", 1, 200_007),
        ),
        (
            "fstring_parens_190",
            "f'{".to_string() + &rep("(", 190) + "1" + &rep(")", 190) + "}'",
            Expect::Ok,
        ),
        (
            "fstring_open_100k",
            rep("f'{", 100_000),
            syntax(nested, 1, 1206),
        ),
        // Odds and ends.
        (
            "walrus_150",
            rep("(x := ", 150) + "1" + &rep(")", 150),
            Expect::Ok,
        ),
        (
            "yield_150",
            "def f():\n x = ".to_string() + &rep("(yield ", 150) + "1" + &rep(")", 150) + "\n",
            Expect::Ok,
        ),
        (
            "kwarg_150",
            "f(".to_string() + &rep("a=f(", 150) + &rep(")", 150) + ")",
            Expect::Ok,
        ),
        (
            "await_100k",
            rep("await ", 100_000) + "x",
            syntax("invalid syntax", 1, 7),
        ),
        (
            "star_100k",
            rep("*", 100_000) + "x",
            syntax("invalid syntax", 1, 1),
        ),
        (
            "colons_100k",
            "a[".to_string() + &rep(":", 100_000) + "]",
            syntax("invalid syntax", 1, 5),
        ),
        (
            "dots_100k",
            rep(".", 100_000),
            syntax("invalid syntax", 1, 4),
        ),
        (
            "tabs_spaces",
            "if x:\n\tif y:\n        pass\n".to_string(),
            Expect::Err {
                kind: TabError,
                msg: Some("inconsistent use of tabs and spaces in indentation"),
                pos: Some((3, 1)),
            },
        ),
        (
            "nul_byte",
            "x = 1\0\n".to_string(),
            Expect::Err {
                kind: SyntaxError,
                msg: Some("source code string cannot contain null bytes"),
                pos: None,
            },
        ),
    ];
    let mut all: Vec<(&'static str, Vec<u8>, Expect)> = cases
        .into_iter()
        .map(|(n, s, e)| (n, s.into_bytes(), e))
        .collect();
    // Byte-level cases.
    all.push((
        "invalid_utf8",
        b"x = '\xff\xfe'\n".to_vec(),
        Expect::Err {
            kind: SyntaxError,
            msg: Some("(unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
            pos: Some((1, 9)),
        },
    ));
    all.push(("bom_only", b"\xef\xbb\xbf".to_vec(), Expect::Ok));
    all.push((
        "unknown_encoding",
        b"# coding: nonsense\nx\n".to_vec(),
        Expect::Err {
            kind: SyntaxError,
            msg: Some("unknown encoding: nonsense"),
            pos: None,
        },
    ));
    all
}

/// How a parse result differs from the expectation (None if it matches).
fn judge(outcome: &Outcome, expect: Expect) -> Option<String> {
    match (outcome, expect) {
        (Outcome::Panic(msg), _) => Some(format!("panicked: {msg}")),
        (Outcome::Ok, Expect::Ok) => None,
        (Outcome::Err(e), Expect::Ok) => Some(format!("CPython parses it; kaa: {e}")),
        (Outcome::Ok, Expect::Err { kind, .. }) => {
            Some(format!("CPython raises {}; kaa parsed it", kind.name()))
        }
        (Outcome::Err(e), Expect::Err { kind, msg, pos }) => {
            let msg_ok = msg.is_none_or(|m| {
                m == e.msg || (kind == ErrorKind::RecursionError && e.msg == COMPILE_RECURSION_MSG)
            });
            let pos_ok = pos.is_none_or(|p| p == (e.lineno, e.offset));
            if e.kind == kind && msg_ok && pos_ok {
                None
            } else {
                Some(format!(
                    "expected {} {:?} at {:?}; kaa: {} {:?} at {:?}",
                    kind.name(),
                    msg.unwrap_or("<any message>"),
                    pos,
                    e.kind.name(),
                    e.msg,
                    (e.lineno, e.offset)
                ))
            }
        }
    }
}

/// Environment variable naming the case a child process runs.
const CASE_ENV: &str = "KAA_NO_CRASH_CASE";

/// Each case runs in a child process (this test binary, running
/// `pathological_case_child`), so that a stack overflow or a hang in one
/// case is reported as such and the other cases still run.
#[test]
fn pathological_inputs() {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => panic!("cannot find the test binary: {e}"),
    };
    let mut failures = Vec::new();
    for (name, source, _) in pathological_cases() {
        let problems = run_case_child(&exe, name);
        if !problems.is_empty() {
            let path = save_failure(&source, &format!("pathological-{name}"));
            failures.push(format!(
                "{name} (saved: {}):\n    {}",
                path.display(),
                problems.join("\n    ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} pathological inputs went wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs one case in a child process; returns its problems (none when fine).
fn run_case_child(exe: &Path, name: &str) -> Vec<String> {
    let child = Command::new(exe)
        .args([
            "pathological_case_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CASE_ENV, name)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(c) => c,
        Err(e) => return vec![format!("cannot run the child process: {e}")],
    };
    // Read both pipes on threads so a chatty child cannot block.
    let out = child.stdout.take().map(read_on_thread);
    let err = child.stderr.take().map(read_on_thread);
    let limit = HANG_LIMIT;
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            Ok(None) => thread::sleep(Duration::from_millis(5)),
            Err(e) => return vec![format!("waiting for the child process failed: {e}")],
        }
    };
    let stdout = out.and_then(|h| h.join().ok()).unwrap_or_default();
    let stderr = err.and_then(|h| h.join().ok()).unwrap_or_default();
    // The harness prints "test pathological_case_child ... " before the
    // child's first line: markers are searched for anywhere in a line.
    let marker = "CASE-PROBLEM ";
    let mut problems: Vec<String> = stdout
        .lines()
        .filter_map(|l| l.find(marker).map(|i| l[i + marker.len()..].to_string()))
        .collect();
    let finished = stdout.contains("CASE-DONE");
    match status {
        None => problems.push(format!("no answer within {limit:?} (killed)")),
        Some(_) if finished => {}
        Some(status) => {
            let overflow = stderr
                .lines()
                .find(|l| l.contains("has overflowed its stack"));
            problems.push(match overflow {
                Some(line) => line.trim().to_string(),
                None => format!(
                    "the child process died ({status}): {}",
                    stderr.lines().rev().take(3).collect::<Vec<_>>().join(" | ")
                ),
            });
        }
    }
    problems
}

/// Collects a pipe's contents on a thread.
fn read_on_thread(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<String> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        String::from_utf8_lossy(&bytes).into_owned()
    })
}

/// The child side of `pathological_inputs`: does nothing unless
/// `KAA_NO_CRASH_CASE` names a case; then parses it in every mode on a
/// thread with the parser stack and prints `CASE-PROBLEM ...` lines and
/// `CASE-DONE`.
#[test]
fn pathological_case_child() {
    let Ok(wanted) = std::env::var(CASE_ENV) else {
        return;
    };
    let Some((name, source, expect)) = pathological_cases()
        .into_iter()
        .find(|(n, _, _)| *n == wanted)
    else {
        println!("CASE-PROBLEM no case named {wanted:?}");
        println!("CASE-DONE");
        return;
    };
    install_panic_hook();
    // The thread is named after the case: a stack overflow aborts with
    // "thread 'pathological <name>' has overflowed its stack".
    let worker = thread::Builder::new()
        .name(format!("pathological {name}"))
        .stack_size(parser_stack())
        .spawn(move || {
            for mode in MODES {
                let outcome = parse_caught(&source, mode);
                // Only `exec` has a recorded CPython answer; the other modes
                // must merely not crash.
                let problem = if mode == Mode::Exec {
                    judge(&outcome, expect)
                } else if let Outcome::Panic(msg) = &outcome {
                    Some(format!("panicked: {msg}"))
                } else {
                    None
                };
                if let Some(p) = problem {
                    println!("CASE-PROBLEM {}: {p}", mode_name(mode));
                }
            }
        });
    match worker.map(|w| w.join()) {
        Ok(Ok(())) => println!("CASE-DONE"),
        Ok(Err(_)) => println!("CASE-PROBLEM the parsing thread panicked outside catch_unwind"),
        Err(e) => println!("CASE-PROBLEM could not spawn the parsing thread: {e}"),
    }
}

/// Re-derives the table above from `python3` (CPython 3.11): run with
/// `cargo test -p kaa-parser --test no_crash -- --ignored`.
#[test]
#[ignore = "needs python3 (CPython 3.11); checks the expectation table itself"]
fn pathological_table_matches_cpython() {
    const SCRIPT: &str = r#"
import ast, sys
with open(sys.argv[1], 'rb') as f:
    src = f.read()
try:
    ast.parse(src, '<case>')
    print('Ok')
except BaseException as e:
    msg = str(e.args[0]) if e.args else ''
    line = getattr(e, 'lineno', None)
    off = getattr(e, 'offset', None)
    print(type(e).__name__, msg, line, off, sep='\x1f')
"#;
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-crash-cases");
    let _ = std::fs::create_dir_all(&dir);
    let mut wrong = Vec::new();
    for (name, source, expect) in pathological_cases() {
        let path = dir.join(format!("{name}.py"));
        std::fs::write(&path, &source).expect("write case file");
        let out = Command::new("python3")
            .args(["-c", SCRIPT])
            .arg(&path)
            .output()
            .expect("run python3");
        let got = String::from_utf8_lossy(&out.stdout).trim_end().to_string();
        let want = match expect {
            Expect::Ok => "Ok".to_string(),
            Expect::Err { kind, msg, pos } => {
                let fields: Vec<&str> = got.split('\x1f').collect();
                let msg = msg.map_or(
                    fields.get(1).copied().unwrap_or("").to_string(),
                    str::to_string,
                );
                let (line, off) = match pos {
                    Some((l, o)) => (l.to_string(), o.to_string()),
                    None => (
                        fields.get(2).copied().unwrap_or("").to_string(),
                        fields.get(3).copied().unwrap_or("").to_string(),
                    ),
                };
                format!("{}\x1f{msg}\x1f{line}\x1f{off}", kind.name())
            }
        };
        if got != want {
            wrong.push(format!("{name}: table says {want:?}, python3 says {got:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
