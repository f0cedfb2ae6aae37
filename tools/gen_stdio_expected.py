#!/usr/bin/env python3
"""Record how CPython 3.11 reports a standard output that cannot be written.

    python3 tools/gen_stdio_expected.py

Runs each program below with stdout redirected to /dev/full (every write
fails with ENOSPC), buffered and unbuffered (PYTHONUNBUFFERED=1), and writes
crates/kaa/tests/data/stdio_dev_full.txt, which crates/kaa/tests/stdio.rs
checks kaa against. Blocks of that file:

    === unbuffered=N
    <the -c program, one line>
    --- status S
    <stderr>
"""

import os
import subprocess
import sys

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
OUT = os.path.join(ROOT, "crates", "kaa", "tests", "data", "stdio_dev_full.txt")

PROGRAMS = [
    "print(1)",
    "print(1, flush=True)",
    'import sys; sys.stdout.write("a\\n"); sys.stdout.flush()',
    "print(1); 1/0",
    "print('x' * 10000)",
    "try:\n print(1, flush=True)\nexcept OSError as e: print(type(e).__name__, e.errno, file=__import__('sys').stderr)",
]


def main():
    blocks = []
    for unbuffered in (0, 1):
        for program in PROGRAMS:
            env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
            if unbuffered:
                env["PYTHONUNBUFFERED"] = "1"
            with open("/dev/full", "wb") as full:
                r = subprocess.run(
                    [sys.executable, "-c", program],
                    stdout=full,
                    stderr=subprocess.PIPE,
                    env=env,
                )
            encoded = program.replace("\\", "\\\\").replace("\n", "\\n")
            blocks.append(
                f"=== unbuffered={unbuffered}\n{encoded}\n--- status {r.returncode}\n"
                + r.stderr.decode()
            )
    with open(OUT, "w") as f:
        f.write("".join(blocks))


if __name__ == "__main__":
    main()
