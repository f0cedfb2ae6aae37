#!/usr/bin/env python3
"""Parser throughput: kaa's parser against CPython's ast.parse, same files.

    python3 bench/parse.py                # the stdlib (without site-packages)
    python3 bench/parse.py -n 5 DIR FILE  # chosen files/directories

Source bytes are read beforehand; files CPython cannot parse are left out of
both measurements. CPython is timed in this process, `ast.parse(source_bytes,
filename)` per file, with the garbage collector off (as `timeit` does); kaa
is timed by the `parse_bench` example (built here with `cargo build
--release`), which calls `kaa_parser::parse_bytes` in-process. Both report
the best of N rounds over all files, in MB/s (10^6 bytes of source per
second), and the ratio kaa / CPython. The goal is a ratio of at least 2.
"""

import argparse
import ast
import gc
import os
import subprocess
import sys
import sysconfig
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def py_files(paths):
    """The .py files named by paths (files, or directories walked), sorted."""
    out = []
    for path in paths:
        if os.path.isdir(path):
            for dirpath, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if d != "site-packages")
                out.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
        else:
            out.append(path)
    return out


def time_cpython(sources, rounds):
    """Best and mean seconds for ast.parse over all sources."""
    times = []
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        for _ in range(rounds):
            start = time.perf_counter()
            for path, source in sources:
                ast.parse(source, path)
            times.append(time.perf_counter() - start)
    finally:
        if gc_was_on:
            gc.enable()
    return min(times), sum(times) / len(times)


def build_bench():
    """Builds the parse_bench example in release mode; returns its path."""
    subprocess.run(
        ["cargo", "build", "--release", "--quiet", "-p", "kaa-parser", "--example", "parse_bench"],
        cwd=REPO,
        check=True,
    )
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    return os.path.join(target, "release", "examples", "parse_bench")


def time_kaa(binary, paths, rounds):
    """Runs parse_bench on paths: its `result` fields as a dict."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write("\n".join(paths) + "\n")
        listing = f.name
    try:
        proc = subprocess.run(
            [binary, "-n", str(rounds), "--list", listing],
            capture_output=True,
            text=True,
            check=True,
        )
    finally:
        os.unlink(listing)
    fields = {}
    for line in proc.stdout.splitlines():
        if line.startswith("result "):
            fields = dict(item.split("=", 1) for item in line.split()[1:])
    if not fields:
        sys.exit("bench/parse.py: no result line from parse_bench:\n" + proc.stdout + proc.stderr)
    fields["stderr"] = proc.stderr
    return fields


def main():
    """Command line entry point."""
    stdlib = sysconfig.get_paths()["stdlib"]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("paths", nargs="*", default=[stdlib], help="files or directories (default: the stdlib)")
    parser.add_argument("-n", "--rounds", type=int, default=3, help="rounds; the best counts (default: %(default)s)")
    parser.add_argument("--bench", default=None, help="a prebuilt parse_bench binary (default: build it)")
    args = parser.parse_args()

    sources = []
    rejected = 0
    for path in py_files(args.paths):
        with open(path, "rb") as f:
            source = f.read()
        try:
            ast.parse(source, path)
        except (SyntaxError, ValueError, MemoryError, RecursionError):
            rejected += 1
            continue
        sources.append((path, source))
    if not sources:
        sys.exit("bench/parse.py: no parseable files")
    total = sum(len(s) for _, s in sources)

    binary = args.bench or build_bench()
    kaa = time_kaa(binary, [p for p, _ in sources], args.rounds)
    cpy_best, cpy_mean = time_cpython(sources, args.rounds)

    cpy_mbps = total / cpy_best / 1e6
    kaa_mbps = float(kaa["mb_per_s"])
    print(
        "files: %d (%.1f MB; %d left out: CPython cannot parse them); best of %d rounds"
        % (len(sources), total / 1e6, rejected, args.rounds)
    )
    print("CPython %s ast.parse: %8.2f MB/s  (%.3fs)" % (sys.version.split()[0], cpy_mbps, cpy_best))
    print("kaa parse_bytes:        %8.2f MB/s  (%.3fs)" % (kaa_mbps, float(kaa["best_s"])))
    print("ratio kaa / CPython: %.2fx" % (kaa_mbps / cpy_mbps))
    if kaa.get("err", "0") != "0":
        print(
            "warning: kaa rejected %s of these files (errors can be faster or slower than parses); "
            "see tools/compare_stdlib.py" % kaa["err"]
        )


if __name__ == "__main__":
    main()
