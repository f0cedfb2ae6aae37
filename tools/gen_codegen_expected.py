#!/usr/bin/env python3
"""Expected code objects for kaa's code generator tests.

For every fixture crates/kaa-compiler/tests/codegen/NAME.py this writes
NAME.marshal: marshal.dumps(compile(source, "NAME.py", mode,
dont_inherit=True)) as CPython 3.11 makes it. The mode is "exec", or
"eval" / "single" for names ending in "_eval" / "_single". When that
compile() warns (the parser's and the compiler's SyntaxWarnings), it also
writes NAME.warnings: one "LINENO: CATEGORY: MESSAGE" line per warning, in
order (a fixture without the file must not warn).

Run with CPython 3.11 (the reference):
    python3 tools/gen_codegen_expected.py

With --stdlib OUTDIR it instead compiles every .py file of the running
Python's standard library and writes OUTDIR/<relative path>.marshal plus
OUTDIR/files.txt (one relative path per line), the expectations of the
ignored `stdlib_identical_percentage` test.
"""
import marshal
import pathlib
import sys
import warnings

assert sys.version_info[:2] == (3, 11), "run with CPython 3.11"

HERE = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = HERE / "crates" / "kaa-compiler" / "tests" / "codegen"


def mode_of(stem):
    if stem.endswith("_eval"):
        return "eval"
    if stem.endswith("_single"):
        return "single"
    return "exec"


def stdlib(outdir):
    import sysconfig
    root = pathlib.Path(sysconfig.get_paths()["stdlib"])
    out = pathlib.Path(outdir)
    listed = []
    for src in sorted(root.rglob("*.py")):
        rel = src.relative_to(root)
        if "site-packages" in rel.parts:
            continue
        try:
            data = src.read_bytes()
            code = compile(data, str(src), "exec", dont_inherit=True)
        except (SyntaxError, ValueError):
            continue
        dest = out / (str(rel) + ".marshal")
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(marshal.dumps(code))
        listed.append(str(rel))
    (out / "files.txt").write_text("".join(p + "\n" for p in listed))
    (out / "root.txt").write_text(str(root))
    print(f"wrote {len(listed)} stdlib code objects to {out}")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--stdlib":
        stdlib(sys.argv[2])
        return
    count = 0
    for src in sorted(FIXTURES.glob("*.py")):
        text = src.read_text(encoding="utf-8")
        with warnings.catch_warnings(record=True) as caught:
            # compile() passes no registry: every warning is reported.
            warnings.simplefilter("default")
            code = compile(text, src.name, mode_of(src.stem), dont_inherit=True)
        src.with_suffix(".marshal").write_bytes(marshal.dumps(code))
        listed = src.with_suffix(".warnings")
        if caught:
            listed.write_text("".join(
                f"{w.lineno}: {w.category.__name__}: {w.message}\n" for w in caught))
        elif listed.exists():
            listed.unlink()
        count += 1
    print(f"wrote {count} expected code objects")


if __name__ == "__main__":
    main()
