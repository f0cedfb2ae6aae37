#!/usr/bin/env python3
"""Compare `kaa -m ast -a FILE` with CPython's ast.dump over the whole stdlib.

For every .py file under CPython's stdlib directory (all subfolders, including
site-packages), the expected output is computed in this process:

    ast.dump(ast.parse(source_bytes, path, "exec", type_comments=False),
             include_attributes=True, indent=3) + "\\n"

which is exactly what `python3 -m ast -a --no-type-comments FILE` prints (that
command reads the file as raw bytes and calls the same two functions).
Files CPython cannot parse are skipped and counted; with --errors, kaa must fail
on them with the same error block that `python3 -m ast` prints.

kaa runs in parallel worker threads (subprocesses), each with a timeout.
Outcomes are counted separately:
  identical   kaa printed exactly CPython's dump
  mismatch    kaa printed something else (first differing line reported)
  rejected    kaa exited 1 (an error) on a file CPython parses
  crash       kaa exited with another status or was killed by a signal
  timeout     kaa did not finish within --timeout seconds

The failing files, with the first differing line, go to the report file.
Exit status: 0 when every compared file is identical, 1 otherwise.

Run with CPython 3.11: the expected output is whatever this interpreter's
`ast` module produces.
"""

import argparse
import ast
import os
import subprocess
import sys
import sysconfig
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_KAA = os.path.join(REPO, "target", "release", "kaa")
DEFAULT_REPORT = "/tmp/kaa-stdlib-report.txt"
SHOW = 300  # characters of a differing line shown in the report
# Outcomes that are failures, in report order; "error-" ones are on files
# CPython rejects (compared only with --errors).
FAILURES = ["crash", "error-crash", "timeout", "error-timeout", "rejected", "mismatch", "error-different"]
CATEGORIES = FAILURES + ["identical", "skipped", "error-same"]


def stdlib_files(root, substr):
    """All .py files under root, sorted, whose path contains substr."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        for name in filenames:
            if name.endswith(".py"):
                path = os.path.join(dirpath, name)
                if substr is None or substr in path:
                    found.append(path)
    found.sort()
    return found


def expected_dump(path, source):
    """CPython's `-m ast -a --no-type-comments` output, or None if it cannot parse."""
    try:
        tree = ast.parse(source, path, "exec", type_comments=False)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None
    return ast.dump(tree, include_attributes=True, indent=3) + "\n"


def first_difference(expected, got):
    """(1-based line number, expected line, got line) of the first difference."""
    exp_lines = expected.split("\n")
    got_lines = got.split("\n")
    for i, (e, g) in enumerate(zip(exp_lines, got_lines)):
        if e != g:
            return i + 1, e, g
    n = min(len(exp_lines), len(got_lines))
    e = exp_lines[n] if n < len(exp_lines) else "<end of output>"
    g = got_lines[n] if n < len(got_lines) else "<end of output>"
    return n + 1, e, g


def clip(text):
    """A line shortened for the report."""
    text = repr(text)[1:-1]
    return text if len(text) <= SHOW else text[:SHOW] + "..."


def error_block(stderr, path):
    """The SyntaxError part of a traceback: from the last `File "path"` line on.

    For errors without a source position (MemoryError, RecursionError), only
    the final `Kind: message` line.
    """
    lines = stderr.rstrip("\n").split("\n")
    marker = '  File "%s", line ' % path
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].startswith(marker):
            return lines[i:]
    return lines[-1:] if lines and lines[-1] else []


def describe_exit(code):
    """A returncode in words."""
    if code < 0:
        return "killed by signal %d" % -code
    return "exit status %d" % code


class Run:
    """Shared state of one comparison run (counters, report lines)."""

    def __init__(self, args, files):
        self.args = args
        self.files = files
        self.next = 0
        self.lock = threading.Lock()
        self.counts = {k: 0 for k in CATEGORIES}
        self.failures = []  # (path, category, detail lines)
        self.done = 0
        self.start = time.monotonic()

    def take(self):
        """The next file to compare, or None when all are taken."""
        with self.lock:
            if self.next >= len(self.files):
                return None
            path = self.files[self.next]
            self.next += 1
            return path

    def record(self, path, category, detail, seconds):
        """Counts one outcome; remembers failures for the report."""
        with self.lock:
            self.counts[category] += 1
            # With --errors a rejected file is recorded twice (skipped, error-*).
            if not (category == "skipped" and self.args.errors):
                self.done += 1
            if detail is not None:
                self.failures.append((path, category, detail))
            if self.args.verbose and (detail is not None or self.args.verbose > 1):
                print("%-16s %6.2fs %s" % (category, seconds, path), flush=True)
                if detail is not None:
                    for line in detail:
                        print("    " + line, flush=True)
            elif sys.stderr.isatty() and self.done % 100 == 0:
                sys.stderr.write(
                    "\r%d / %d files, %.0fs" % (self.done, len(self.files), time.monotonic() - self.start)
                )
                sys.stderr.flush()

    def run_kaa(self, path):
        """Runs kaa on path: (returncode, stdout bytes, stderr text), None on timeout."""
        try:
            proc = subprocess.run(
                [self.args.kaa, "-m", "ast", "-a", path],
                stdin=subprocess.DEVNULL,
                capture_output=True,
                timeout=self.args.timeout,
            )
        except subprocess.TimeoutExpired:
            return None
        return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "backslashreplace")

    def compare_one(self, path):
        """Compares kaa with CPython on one file and records the outcome."""
        t0 = time.monotonic()
        with open(path, "rb") as f:
            source = f.read()
        expected = expected_dump(path, source)
        if expected is None:
            self.record(path, "skipped", None, 0.0)
            if not self.args.errors:
                return
        # A file CPython rejects gets its outcomes counted under "error-...".
        prefix = "" if expected is not None else "error-"
        result = self.run_kaa(path)
        seconds = time.monotonic() - t0
        if result is None:
            self.record(path, prefix + "timeout", ["no answer within %gs" % self.args.timeout], seconds)
            return
        code, out, err = result
        if code not in (0, 1):
            tail = [x for x in err.rstrip("\n").split("\n")[-3:] if x]
            self.record(path, prefix + "crash", [describe_exit(code)] + tail, seconds)
            return
        if expected is None:
            self.compare_error(path, code, err, seconds)
            return
        if code == 1:
            tail = err.rstrip("\n").split("\n")[-4:]
            self.record(path, "rejected", ["kaa failed:"] + tail, seconds)
            return
        got = out.decode("utf-8", "backslashreplace")
        if got == expected:
            self.record(path, "identical", None, seconds)
            return
        lineno, exp_line, got_line = first_difference(expected, got)
        detail = [
            "line %d:" % lineno,
            "expected: " + clip(exp_line),
            "got:      " + clip(got_line),
        ]
        self.record(path, "mismatch", detail, seconds)

    def compare_error(self, path, code, err, seconds):
        """For a file CPython rejects: kaa must fail with the same error block.

        The reference is the stderr of `python3 -m ast` itself (CPython's C
        traceback printer), from the last `File "path", line N` line on: the
        source line, the carets (offset and end_offset) and `Kind: message`.
        """
        proc = subprocess.run(
            [sys.executable, "-m", "ast", "-a", "--no-type-comments", path],
            stdin=subprocess.DEVNULL,
            capture_output=True,
        )
        want = error_block(proc.stderr.decode("utf-8", "backslashreplace"), path)
        if code == 0:
            detail = ["kaa parsed it; CPython says:"] + ["  " + clip(x) for x in want]
            self.record(path, "error-different", detail, seconds)
            return
        got = error_block(err, path)
        if got == want:
            self.record(path, "error-same", None, seconds)
            return
        detail = ["expected:"] + ["  " + clip(x) for x in want] + ["got:"] + ["  " + clip(x) for x in got]
        self.record(path, "error-different", detail, seconds)

    def worker(self):
        """Compares files until none are left."""
        while True:
            path = self.take()
            if path is None:
                return
            try:
                self.compare_one(path)
            except OSError as e:
                self.record(path, "crash", ["could not run: %s" % e], 0.0)


def write_report(run, report_path):
    """Writes the failing files, grouped by category, to report_path."""
    failures = sorted(run.failures, key=lambda f: (FAILURES.index(f[1]), f[0]))
    with open(report_path, "w", encoding="utf-8") as f:
        f.write("kaa: %s\n" % run.args.kaa)
        f.write("python: %s (%s)\n" % (sys.executable, sys.version.split()[0]))
        f.write(summary_text(run) + "\n\n")
        for path, category, detail in failures:
            f.write("%s: %s\n" % (category, path))
            for line in detail:
                f.write("    %s\n" % line)


def summary_text(run):
    """The summary lines printed at the end."""
    c = run.counts
    compared = sum(c[k] for k in ("identical", "mismatch", "rejected", "crash", "timeout"))
    lines = [
        "identical: %d / %d (skipped: %d)" % (c["identical"], compared, c["skipped"]),
        "mismatch: %d  rejected: %d  crash: %d  timeout: %d"
        % (c["mismatch"], c["rejected"], c["crash"], c["timeout"]),
    ]
    if run.args.errors:
        lines.append(
            "errors: same %d / %d (different: %d  crash: %d  timeout: %d)"
            % (
                c["error-same"],
                c["skipped"],
                c["error-different"],
                c["error-crash"],
                c["error-timeout"],
            )
        )
    lines.append("time: %.0fs" % (time.monotonic() - run.start))
    return "\n".join(lines)


def main():
    """Command line entry point."""
    stdlib = sysconfig.get_paths()["stdlib"]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--kaa", default=DEFAULT_KAA, help="the kaa binary (default: %(default)s)")
    parser.add_argument("--limit", type=int, default=None, help="compare only the first N files")
    parser.add_argument("--filter", default=None, metavar="SUBSTR", help="only paths containing SUBSTR")
    parser.add_argument("--errors", action="store_true", help="also compare errors on files CPython rejects")
    parser.add_argument("--jobs", type=int, default=2, help="parallel kaa processes (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per file (default: %(default)s)")
    parser.add_argument("--report", default=DEFAULT_REPORT, help="report file (default: %(default)s)")
    parser.add_argument("--root", default=stdlib, help="directory to walk (default: the stdlib, %(default)s)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="print each failure (-vv: each file)")
    args = parser.parse_args()

    if sys.version_info[:2] != (3, 11):
        sys.exit("compare_stdlib.py: run it with CPython 3.11 (this is %s)" % sys.version.split()[0])
    if not os.access(args.kaa, os.X_OK):
        sys.exit("compare_stdlib.py: no kaa binary at %s (cargo build --release?)" % args.kaa)
    args.kaa = os.path.abspath(args.kaa)

    files = stdlib_files(args.root, args.filter)
    if args.limit is not None:
        files = files[: args.limit]
    run = Run(args, files)
    threads = [threading.Thread(target=run.worker) for _ in range(max(1, args.jobs))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 40 + "\r")
    write_report(run, args.report)
    print(summary_text(run))
    print("report: %s" % args.report)
    sys.exit(1 if run.failures else 0)


if __name__ == "__main__":
    main()
