#!/usr/bin/env python3
"""Regenerate every golden expected file from CPython 3.11.

    python3 tools/regen_expected.py           # rewrite what changed
    python3 tools/regen_expected.py --check   # list differences, write nothing

Run from anywhere; paths are resolved from the repository root, and python3
is run from the root with RELATIVE paths, exactly as the golden test
(crates/kaa/tests/golden.rs) runs kaa. The kinds of case:

tests/syntax/<area>/X.py   a program with one syntax error.
    X.expected: "status N" on the first line, then python3's stderr for
    `python3 tests/syntax/<area>/X.py`. CPython prints the script's absolute
    path; the repository root in it is written as $ROOT.

tests/ast/<area>/X.py      a valid program.
    X.ast: stdout of `python3 -m ast -a --no-type-comments X.py`. A first
    line `# ast-args: ARGS` replaces `-a --no-type-comments` (split on
    whitespace), e.g. `# ast-args: --mode eval -i 0`.

tests/cli/X.args           a whole command line, one argument per line
    (after `#env NAME=VALUE` lines). Optional X.stdin is fed to stdin
    (else it is empty). X.status, X.stdout, X.stderr hold the outcome (an
    empty stream's file is omitted). python3 runs with argv[0] = "kaa"; a
    command line starting `-m MODULE` for a module kaa implements natively
    (ast, dis, py_compile, compileall) runs that module's main() as
    `python3 -m MODULE` would, with its argparse prog set to
    "kaa -m MODULE", and a traceback's frames are removed (kaa prints no
    frames: docs/differences.md).

crates/kaa/tests/data/syntax_error_display.txt
    python3's printing of SyntaxError objects with chosen fields (the unit
    test of crates/kaa/src/syntax_error.rs).
"""

import concurrent.futures
import itertools
import os
import re
import subprocess
import sys

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PYTHON = sys.executable

# Runs MODULE's main() as `kaa -m MODULE` would: same parser, prog renamed,
# and the exit status `python3 -m MODULE` gives.
NATIVE_MAIN = r"""
import argparse, importlib, sys
_name = sys.argv.pop(1)
_init = argparse.ArgumentParser.__init__
def _renamed(self, *args, **kwargs):
    kwargs["prog"] = "kaa -m " + _name
    _init(self, *args, **kwargs)
argparse.ArgumentParser.__init__ = _renamed
sys.argv[0] = _name
_module = importlib.import_module(_name)
if _name == "compileall":
    sys.exit(int(not _module.main()))
_module.main()
"""

# The modules `kaa -m` runs natively.
NATIVE_MODULES = ("ast", "dis", "py_compile", "compileall")

FRAME_RE = re.compile(r'  File ".*", line \d+, in .*')


def child_env(extra=None):
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
    }
    if extra:
        env.update(extra)
    return env


def run(args, stdin=b"", env=None, argv0=None):
    cmd = [argv0 or PYTHON] + args
    return subprocess.run(
        cmd,
        executable=PYTHON,
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=child_env(env),
        timeout=60,
    )


def strip_traceback(stderr):
    """Removes a traceback's header and frames, keeping the exception."""
    lines = stderr.split(b"\n")
    if not lines or lines[0] != b"Traceback (most recent call last):":
        return stderr
    i = 1
    while i < len(lines):
        line = lines[i].decode("utf-8", "replace")
        if FRAME_RE.fullmatch(line) or line.startswith("    "):
            i += 1
        else:
            break
    return b"\n".join(lines[i:])


def normalise_root(data):
    return data.replace(ROOT.encode() + b"/", b"$ROOT/")


def cases(kind, suffix):
    base = os.path.join(ROOT, "tests", kind)
    found = []
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for name in sorted(filenames):
            if name.endswith(suffix):
                found.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    return found


def ast_args(path):
    with open(os.path.join(ROOT, path), "rb") as f:
        first = f.readline()
    prefix = b"# ast-args:"
    if first.startswith(prefix):
        return first[len(prefix):].decode().split()
    return ["-a", "--no-type-comments"]


class Writer:
    def __init__(self, check):
        self.check = check
        self.changed = []
        self.wanted = set()

    def put(self, rel, data):
        """Records that file `rel` should hold `data` (None: not exist)."""
        self.wanted.add(rel)
        path = os.path.join(ROOT, rel)
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old == data:
            return
        self.changed.append(rel)
        if self.check:
            return
        if data is None:
            os.remove(path)
        else:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)


def run_all(jobs):
    """Runs `run(*args)` for each job in parallel; results in order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda job: run(*job), jobs))


def regen_syntax(w, errors):
    paths = cases("syntax", ".py")
    for path, r in zip(paths, run_all([([path],) for path in paths])):
        if r.returncode == 0:
            errors.append(f"{path}: python3 ran it without a SyntaxError")
            continue
        if r.stdout:
            errors.append(f"{path}: python3 printed to stdout")
        data = b"status %d\n" % r.returncode + normalise_root(r.stderr)
        w.put(path[:-3] + ".expected", data)


def regen_ast(w, errors):
    paths = cases("ast", ".py")
    jobs = [(["-m", "ast", *ast_args(path), path],) for path in paths]
    for path, r in zip(paths, run_all(jobs)):
        if r.returncode != 0:
            errors.append(f"{path}: python3 -m ast failed:\n{r.stderr.decode()}")
            continue
        w.put(path[:-3] + ".ast", r.stdout)


def read_args(path):
    env = {}
    args = []
    with open(os.path.join(ROOT, path), "rb") as f:
        lines = f.read().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for line in lines:
        if not args and line.startswith(b"#env "):
            name, _, value = line[5:].decode().partition("=")
            env[name] = value
        else:
            args.append(os.fsdecode(line))
    return args, env


def regen_cli(w, errors):
    for path in cases("cli", ".args"):
        args, env = read_args(path)
        stem = path[: -len(".args")]
        stdin = b""
        if os.path.exists(os.path.join(ROOT, stem + ".stdin")):
            with open(os.path.join(ROOT, stem + ".stdin"), "rb") as f:
                stdin = f.read()
        if len(args) >= 2 and args[0] == "-m" and args[1] in NATIVE_MODULES:
            r = run(["-c", NATIVE_MAIN, args[1], *args[2:]], stdin=stdin, env=env)
            stderr = strip_traceback(r.stderr)
        else:
            r = run(args, stdin=stdin, env=env, argv0="kaa")
            stderr = r.stderr
        w.put(stem + ".status", b"%d\n" % r.returncode)
        w.put(stem + ".stdout", normalise_root(r.stdout) or None)
        w.put(stem + ".stderr", normalise_root(stderr) or None)


# Fields of SyntaxError objects whose printing the unit test checks.
DISPLAY_TEXTS = [
    "x = (1 +\n", "   foo(a b)\n", "\tx = 1 2\n", "\t \f  y", "abc\ndef\n",
    "a\nb\nc", "", "\n", "\u00e9 = (1,\n", "  \u00e9\u00e9 x\n", "x\0y\n",
    "  a\n  b\n", "x\ty = 5\n", "print 'hello'\n", None,
]


def display_cases():
    classes = ["SyntaxError", "IndentationError", "TabError"]
    offsets = [None, -1, 0, 1, 4, 9, 20]
    end_offsets = [None, 0, 1, 3, 7, 30]
    for i, (text, offset, end_offset) in enumerate(
        itertools.product(DISPLAY_TEXTS, offsets, end_offsets)
    ):
        cls = classes[i % 3]
        lineno = 1 + i % 3
        end_lineno = [None, lineno, lineno + 1, lineno - 1][i % 4]
        yield cls, lineno, offset, text, end_lineno, end_offset


def escape(s):
    return (
        s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
        .replace("\f", "\\f").replace("\0", "\\0")
    )


def regen_display(w, errors):
    # One python3 run prints every case, separated by a marker line.
    program = ["import sys"]
    all_cases = list(display_cases())
    for case in all_cases:
        cls, lineno, offset, text, end_lineno, end_offset = case
        program.append(
            "try:\n"
            f"    raise {cls}('m', ('f', {lineno!r}, {offset!r}, {text!r}, "
            f"{end_lineno!r}, {end_offset!r}))\n"
            "except BaseException as e:\n"
            "    e.__traceback__ = None\n"
            "    sys.__excepthook__(type(e), e, None)\n"
            "    print('=====', file=sys.stderr)\n"
        )
    r = run(["-"], stdin="\n".join(program).encode())
    outputs = r.stderr.decode("utf-8").split("=====\n")
    outputs.pop()
    if len(outputs) != len(all_cases):
        errors.append("syntax_error_display: output count mismatch")
        return
    parts = []
    for (cls, lineno, offset, text, end_lineno, end_offset), out in zip(all_cases, outputs):
        fields = [cls, str(lineno), str(offset), "None" if text is None else escape(text),
                  str(end_lineno), str(end_offset)]
        parts.append("\t".join(fields) + "\n-----\n" + escape(out) + "\n=====\n")
    w.put("crates/kaa/tests/data/syntax_error_display.txt", "".join(parts).encode())


def main():
    check = "--check" in sys.argv[1:]
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"regen_expected.py needs CPython 3.11, not {sys.version.split()[0]}")
    w = Writer(check)
    errors = []
    regen_syntax(w, errors)
    regen_ast(w, errors)
    regen_cli(w, errors)
    regen_display(w, errors)
    # Expected files whose case is gone.
    for kind, suffixes in (("syntax", (".expected",)), ("ast", (".ast",)),
                           ("cli", (".status", ".stdout", ".stderr"))):
        for suffix in suffixes:
            for rel in cases(kind, suffix):
                if rel not in w.wanted:
                    w.put(rel, None)
    for rel in w.changed:
        print(("differs: " if check else "updated: ") + rel)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    if errors or (check and w.changed):
        sys.exit(1)


if __name__ == "__main__":
    main()
