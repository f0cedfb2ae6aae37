#!/usr/bin/env python3
"""Dump CPython 3.11's symbol tables, for kaa's symbol table tests.

    python3 tools/gen_symtable_expected.py            # rewrite the .expected files
    python3 tools/gen_symtable_expected.py --check    # list differences, write nothing
    python3 tools/gen_symtable_expected.py --stream [DIR|FILE...]
        # dump every .py file under DIR (default: this python's stdlib) to
        # stdout, each after a line "=== PATH" (what the ignored stdlib test
        # of crates/kaa-compiler/tests/symtable.rs reads)

Corpus: crates/kaa-compiler/tests/symtable/X.py -> X.expected, the dump of
`symtable.symtable(source_bytes, path, mode)` (mode "exec", or the one named by
a first line "# symtable-mode: MODE"). The dump, which
crates/kaa-compiler/tests/symtable.rs reproduces from kaa's table:

    {type} {name} line={lineno} optimized={0|1} nested={0|1} children={n} varnames={a,b}
      sym {name} flags={DEF_LOCAL|USE|...} scope={LOCAL|...|-} [{predicates}]
      {child tables, indented}

Symbols are in table order, except that the free variables the analysis adds
to a block (flags 0: CPython adds them in hash-randomised set order) come
last, sorted. The predicates are the `symtable.Symbol.is_*` methods that are
true. A SyntaxError (from the future statements or the symbol table) is

    error {Class}: {msg} @ {lineno}:{offset}-{end_lineno}:{end_offset} text={text!r}

When the source also compiles, "code" lines follow for each function and
class scope matched to its code object (by name and line, or by a unique
name), with what CPython's compiler took from the symbol table:

    code {path} flags={co_flags & 0x3ff:#x} cellvars={..} freevars={..} params={..}

where {path} is the child indices from the module, e.g. "0.2".
"""

import os
import sys
import symtable
import types
import warnings

ROOT = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
CASES = os.path.join(ROOT, "crates", "kaa-compiler", "tests", "symtable")

SCOPE_OFF = symtable.SCOPE_OFF
SCOPE_MASK = symtable.SCOPE_MASK
FLAG_NAMES = [
    "DEF_GLOBAL", "DEF_LOCAL", "DEF_PARAM", "DEF_NONLOCAL", "USE", "DEF_FREE",
    "DEF_FREE_CLASS", "DEF_IMPORT", "DEF_ANNOT", "DEF_COMP_ITER",
]
SCOPE_NAMES = {0: "-", 1: "LOCAL", 2: "GLOBAL_EXPLICIT", 3: "GLOBAL_IMPLICIT", 4: "FREE", 5: "CELL"}
PREDICATES = [
    "referenced", "imported", "parameter", "global", "declared_global", "local",
    "annotated", "free", "assigned", "namespace", "nonlocal",
]
CODE_FLAGS_MASK = 0x3FF
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8


def flag_names(flags):
    names = [n for bit, n in enumerate(FLAG_NAMES) if flags & (1 << bit)]
    return "|".join(names) if names else "0"


def dump_table(table, out, depth=0):
    ind = "  " * depth
    raw = table._table
    out.append(
        f"{ind}{table.get_type()} {table.get_name()} line={table.get_lineno()} "
        f"optimized={int(table.is_optimized())} nested={int(table.is_nested())} "
        f"children={len(raw.children)} varnames={','.join(raw.varnames)}"
    )
    items = list(raw.symbols.items())
    low = (1 << SCOPE_OFF) - 1
    ordered = [i for i in items if i[1] & low] + sorted(i for i in items if not i[1] & low)
    for name, flags in ordered:
        sym = table.lookup(name)
        preds = " ".join(p for p in PREDICATES if getattr(sym, "is_" + p)())
        scope = SCOPE_NAMES.get((flags >> SCOPE_OFF) & SCOPE_MASK, "?")
        out.append(f"{ind}  sym {name} flags={flag_names(flags & low)} scope={scope} [{preds}]")
    for child in table.get_children():
        dump_table(child, out, depth + 1)


def code_name(table):
    name = table.get_name()
    if table.get_type() == "function" and name in ("lambda", "genexpr", "listcomp", "setcomp", "dictcomp"):
        return f"<{name}>"
    return name


def dump_code(table, code, path, out):
    """Code lines for `table`'s children, matched to `code`'s code constants."""
    consts = [c for c in code.co_consts if isinstance(c, types.CodeType)]
    children = table.get_children()
    used = set()
    names = [code_name(c) for c in children]
    keys = [(n, c.get_lineno()) for n, c in zip(names, children)]
    for index, child in enumerate(children):
        # A match must be unambiguous on both sides (an annotation's scope
        # may have no code object: local annotations are not compiled).
        name, line = keys[index]
        cands = [i for i, c in enumerate(consts) if c.co_name == name and c.co_firstlineno == line]
        if len(cands) != 1 or keys.count(keys[index]) != 1:
            same = [i for i, c in enumerate(consts) if c.co_name == name]
            cands = same if len(same) == 1 and names.count(name) == 1 else []
        if cands and cands[0] in used:
            cands = []
        if not cands:
            continue
        used.add(cands[0])
        co = consts[cands[0]]
        child_path = f"{path}.{index}" if path else str(index)
        nparams = co.co_argcount + co.co_kwonlyargcount
        nparams += bool(co.co_flags & CO_VARARGS) + bool(co.co_flags & CO_VARKEYWORDS)
        out.append(
            f"code {child_path} flags={co.co_flags & CODE_FLAGS_MASK:#x} "
            f"cellvars={','.join(co.co_cellvars)} freevars={','.join(co.co_freevars)} "
            f"params={','.join(co.co_varnames[:nparams])}"
        )
        dump_code(child, co, child_path, out)


def format_error(e):
    if isinstance(e, SyntaxError):
        return (f"error {type(e).__name__}: {e.msg} @ {e.lineno}:{e.offset}-"
                f"{e.end_lineno}:{e.end_offset} text={e.text!r}")
    return f"error {type(e).__name__}: {e}"


def mode_of(src):
    first = src.split(b"\n", 1)[0]
    prefix = b"# symtable-mode: "
    return first[len(prefix):].strip().decode() if first.startswith(prefix) else "exec"


def dump_source(src, path):
    mode = mode_of(src)
    out = []
    try:
        table = symtable.symtable(src, path, mode)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as e:
        return format_error(e) + "\n"
    dump_table(table, out)
    try:
        code = compile(src, path, mode, dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        code = None
    if code is not None:
        dump_code(table, code, "", out)
    return "\n".join(out) + "\n"


def corpus():
    for name in sorted(os.listdir(CASES)):
        if name.endswith(".py"):
            yield os.path.join(CASES, name)


def regenerate(check):
    changed = 0
    for path in corpus():
        with open(path, "rb") as f:
            src = f.read()
        text = dump_source(src, path)
        exp = path[:-3] + ".expected"
        old = open(exp, encoding="utf-8").read() if os.path.exists(exp) else None
        if old != text:
            changed += 1
            print(("differs: " if check else "wrote: ") + os.path.relpath(exp, ROOT))
            if not check:
                with open(exp, "w", encoding="utf-8") as f:
                    f.write(text)
    return changed


def stream(args):
    if not args:
        import sysconfig
        args = [sysconfig.get_path("stdlib")]
    paths = []
    for arg in args:
        if os.path.isdir(arg):
            for dirpath, dirnames, filenames in os.walk(arg):
                dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
                paths.extend(os.path.join(dirpath, f) for f in sorted(filenames) if f.endswith(".py"))
        else:
            paths.append(arg)
    out = sys.stdout
    for path in paths:
        with open(path, "rb") as f:
            src = f.read()
        out.write(f"=== {path}\n")
        out.write(dump_source(src, path))
    out.flush()


def main():
    # compile() warns about some stdlib test files ("is" with a literal).
    warnings.simplefilter("ignore")
    args = sys.argv[1:]
    if args[:1] == ["--stream"]:
        stream(args[1:])
        return 0
    check = args == ["--check"]
    changed = regenerate(check)
    return 1 if check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
