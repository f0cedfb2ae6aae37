#!/usr/bin/env python3
"""Regenerate the expected outcomes of the program corpus from CPython 3.11.

    python3 tools/regen_cases.py             # rewrite what changed
    python3 tools/regen_cases.py --check     # list differences, write nothing
    python3 tools/regen_cases.py FILTER...   # only cases whose path contains
                                             # one of the FILTER substrings

Run from anywhere; python3 (sys.executable, the real binary even when started
through a pyenv shim) runs from the repository root with the RELATIVE path,
`python3 tests/cases/<area>/<name>.py`, exactly as crates/kaa/tests/cases.rs
runs `kaa tests/cases/<area>/<name>.py`. The environment is fixed and the
same for both: only PATH, LANG=C.UTF-8, LC_ALL=C.UTF-8, PYTHONHASHSEED=0
(so sets of strings print in a fixed order), PYTHONDONTWRITEBYTECODE=1 and
PYTHONNOUSERSITE=1 (no user site-packages; an environment variable rather
than `-s`, so that the command line has the same shape as kaa's).
PYTHONIOENCODING is unset. stdin is empty.

tests/cases/<area>/<name>.py   a small deterministic program (subdirectories of
    an area hold modules and packages its cases import; they are not cases).
    <name>.out      its stdout (always written, possibly empty)
    <name>.err      its stderr, only when non-empty (tracebacks print the
                    relative path; an absolute path of the repository root
                    would be written as $ROOT/)
    <name>.status   its exit status and a newline, only when non-zero

tests/cases/<area>/KNOWN_FAILURES lists cases kaa fails for now; it is
maintained by the Rust test (KAA_CASES_WRITE_KNOWN=1), not by this script.

Each case runs twice; a case whose two runs differ (an address, a time,
string hashing left random) is an error, as is one that takes more than
5 s, that python3 cannot finish, that prints nothing at all, or that
makes python3 print a warning (SyntaxWarning, DeprecationWarning...).

Note: CPython 3.11 makes the script's path absolute (__main__.__file__,
code filenames), so tracebacks name "$ROOT/tests/cases/...": kaa must
print the absolute path too; the test normalises it the same way.
"""

import concurrent.futures
import os
import re
import subprocess
import sys
import time

from regen_expected import Writer  # the same file writer and --check logic

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PYTHON = sys.executable
CASES = os.path.join(ROOT, "tests", "cases")
SUFFIXES = (".out", ".err", ".status")
SLOW = 5.0
WARNING_RE = re.compile(rb":\d+: [A-Za-z]*Warning: ")


def child_env():
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONNOUSERSITE": "1",
    }


def run(path):
    """Runs one case twice; (result, seconds, same_both_times)."""
    results = []
    start = time.monotonic()
    for _ in range(2):
        results.append(
            subprocess.run(
                [PYTHON, path],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                cwd=ROOT,
                env=child_env(),
                timeout=60,
            )
        )
    seconds = (time.monotonic() - start) / 2
    a, b = results
    same = (a.stdout, a.stderr, a.returncode) == (b.stdout, b.stderr, b.returncode)
    return a, seconds, same


def normalise_root(data):
    return data.replace(ROOT.encode() + b"/", b"$ROOT/")


def find(suffix):
    """Files tests/cases/<area>/<name><suffix>: only an area's top level
    (subdirectories hold helper modules and packages that cases import)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(CASES):
        dirnames.sort()
        if os.path.dirname(dirpath) != CASES:
            continue
        for name in sorted(filenames):
            if name.endswith(suffix):
                found.append(os.path.relpath(os.path.join(dirpath, name), ROOT))
    return found


def main():
    args = sys.argv[1:]
    check = "--check" in args
    filters = [a for a in args if a != "--check"]
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"regen_cases.py needs CPython 3.11, not {sys.version.split()[0]}")
    paths = [p for p in find(".py") if not filters or any(f in p for f in filters)]
    w = Writer(check)
    errors = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        outcomes = list(pool.map(run, paths))
    counts = {}
    for path, (r, seconds, same) in zip(paths, outcomes):
        area = os.path.basename(os.path.dirname(path))
        counts[area] = counts.get(area, 0) + 1
        if not same:
            errors.append(f"{path}: two runs of python3 differ (not deterministic)")
        if seconds > SLOW:
            errors.append(f"{path}: takes {seconds:.1f} s under python3 (keep cases small)")
        if not r.stdout and not r.stderr:
            errors.append(f"{path}: prints nothing")
        if WARNING_RE.search(r.stderr):
            errors.append(f"{path}: python3 printed a warning (keep them out)")
        stem = path[:-3]
        w.put(stem + ".out", normalise_root(r.stdout))
        w.put(stem + ".err", normalise_root(r.stderr) or None)
        w.put(stem + ".status", b"%d\n" % r.returncode if r.returncode else None)
    if not filters:
        # Expected files whose case is gone.
        for suffix in SUFFIXES:
            for rel in find(suffix):
                if rel not in w.wanted:
                    w.put(rel, None)
    for rel in w.changed:
        print(("differs: " if check else "updated: ") + rel)
    for e in errors:
        print("error: " + e, file=sys.stderr)
    total = sum(counts.values())
    summary = ", ".join(f"{a} {n}" for a, n in sorted(counts.items()))
    print(f"{total} cases ({summary})", file=sys.stderr)
    if errors or (check and w.changed):
        sys.exit(1)


if __name__ == "__main__":
    main()
