#!/usr/bin/env python3
"""Regenerates the kaa-vm dev harness fixtures: for every
crates/kaa-vm/tests/programs/*.py, the CPython 3.11 code object
(NAME.marshal), and what python3 prints when running it: stdout
(NAME.out), stderr (NAME.err) and the exit status (NAME.status).

Run from anywhere: python3 tools/gen_vm_programs.py
"""
import marshal
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
CRATE = ROOT / "crates" / "kaa-vm"
PROGRAMS = CRATE / "tests" / "programs"


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("needs CPython 3.11")
    for py in sorted(PROGRAMS.glob("*.py")):
        rel = py.relative_to(CRATE).as_posix()
        src = py.read_text(encoding="utf-8")
        code = compile(src, rel, "exec")
        py.with_suffix(".marshal").write_bytes(marshal.dumps(code))
        r = subprocess.run([sys.executable, rel], cwd=CRATE, capture_output=True)
        py.with_suffix(".out").write_bytes(r.stdout)
        # python3 shows the main script's absolute path; the harness runs
        # it by its path relative to the crate.
        err = r.stderr.replace((str(CRATE) + "/").encode(), b"")
        py.with_suffix(".err").write_bytes(err)
        py.with_suffix(".status").write_text(f"{r.returncode}\n")


if __name__ == "__main__":
    main()
