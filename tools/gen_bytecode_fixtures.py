#!/usr/bin/env python3
"""Generates kaa-bytecode's test fixtures with CPython 3.11.

    python3 tools/gen_bytecode_fixtures.py            # rewrite the fixtures
    python3 tools/gen_bytecode_fixtures.py --stdlib DIR [LIMIT]
                                                      # stdlib corpus (for the
                                                      # ignored Rust test)

For every program in crates/kaa-bytecode/tests/fixtures/programs/*.py
(compiled in 'exec' mode, or the mode a first line `# mode: eval|single`
names), writes to tests/fixtures/expected/:

  NAME.marshal     marshal.dumps(code), as py_compile writes it into a .pyc
  NAME.dis         dis.dis(code), for the code object marshal reads back
  NAME.caches.dis  dis.dis(code, show_caches=True)
  NAME.info        dis.code_info() of every code object, in dis order
  NAME.lines       co_lines(), co_positions(), the exception table and
                   dis.findlinestarts() of every code object

and, across programs:

  stack_effect.txt    dis.stack_effect for every opcode, many opargs, jumps
  linetable_fuzz.txt  co_lines()/co_positions() of random location tables
  marshal_fuzz.txt    marshal.loads outcomes of mutated fixture bytes

Addresses in code object reprs are replaced by 0xADDR. The programs named
gen_*.py are written by this script (large code: EXTENDED_ARG, lines past
1000, offsets past 10000).
"""
import dis
import io
import marshal
import os
import random
import re
import resource
import struct
import sys

if sys.version_info[:2] != (3, 11):
    sys.exit("gen_bytecode_fixtures.py needs CPython 3.11")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXTURES = os.path.join(ROOT, "crates", "kaa-bytecode", "tests", "fixtures")
PROGRAMS = os.path.join(FIXTURES, "programs")
EXPECTED = os.path.join(FIXTURES, "expected")

ADDR = re.compile(r" at 0x[0-9a-f]+")


def mask(text):
    return ADDR.sub(" at 0xADDR", text)


def generated_programs():
    """Large programs, written out so the Rust tests can see the sources."""
    progs = {}
    # 300 constants and names: EXTENDED_ARG on LOAD_CONST/LOAD_NAME/STORE_NAME.
    lines = [f"v{i} = {i * 1000 + 7}" for i in range(300)]
    lines.append("total = " + " + ".join(f"v{i}" for i in range(0, 300, 7)))
    progs["gen_many_consts.py"] = "\n".join(lines) + "\n"
    # A long if/else chain: forward jumps beyond 255 code units.
    body = ["def chain(x):", "    if x:"]
    body += [f"        x = x * {i} + {i}" for i in range(150)]
    body += ["    else:", "        x = -x", "    while x > 0:"]
    body += [f"        x -= {i}" for i in range(1, 150)]
    body += ["    return x"]
    progs["gen_long_jumps.py"] = "\n".join(body) + "\n"
    # Code past line 1000 and past byte offset 10000.
    text = "\n" * 1200 + "def late(a):\n"
    text += "".join(f"    a = a + {i} * a - {i}\n" for i in range(520))
    text += "    return a\n"
    progs["gen_large.py"] = text
    return progs


def mode_of(source):
    m = re.match(r"# mode: (\w+)", source)
    return m.group(1) if m else "exec"


def code_objects(co):
    """The code object and its nested ones, in dis.dis order."""
    yield co
    for c in co.co_consts:
        if hasattr(c, "co_code"):
            yield from code_objects(c)


def opt(v):
    return "None" if v is None else str(v)


def lines_listing(co):
    out = []
    for c in code_objects(co):
        out.append(f"code {c.co_qualname} {c.co_firstlineno}")
        out.append("lines")
        for start, end, line in c.co_lines():
            out.append(f"{start} {end} {opt(line)}")
        out.append("positions")
        for p in c.co_positions():
            out.append(" ".join(opt(v) for v in p))
        out.append("exceptions")
        for e in dis._parse_exception_table(c):
            out.append(f"{e.start} {e.end} {e.target} {e.depth} {int(e.lasti)}")
        out.append("linestarts")
        for offset, line in dis.findlinestarts(c):
            out.append(f"{offset} {line}")
    return "\n".join(out) + "\n"


def dis_text(co, **kw):
    buf = io.StringIO()
    dis.dis(co, file=buf, **kw)
    return mask(buf.getvalue())


def write(path, data):
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)


def compile_program(name, source):
    """(code, marshal bytes): the code object as a .pyc gives it back.

    py_compile holds the code object in a variable while it marshals it,
    which makes the top-level object FLAG_REF'd; so do we. The code object
    returned is the one marshal reads back, as kaa sees it: its frozensets
    were built in marshal order, which decides their repr order.
    """
    code = compile(source, name, mode_of(source))
    data = marshal.dumps(code)
    return marshal.loads(data), data


def stack_effects():
    args = list(range(0, 21)) + [31, 255, 256, 257, 1000, 65535, 65536,
                                 2**24, 2**30 + 3, 2**31 - 1, -1, -5, -2**31]
    out = ["args " + " ".join(map(str, args))]
    for op, name in enumerate(dis._all_opname):
        if name.startswith("<"):
            continue
        base = dis.deoptmap.get(name, name)
        has_arg = dis.opmap[base] >= dis.HAVE_ARGUMENT
        for jump in (None, True, False):
            row = []
            for a in (args if has_arg else [None]):
                try:
                    row.append(str(dis.stack_effect(op, a, jump=jump)))
                except ValueError:
                    row.append("E")
            out.append(f"{op} {jump}: " + " ".join(row))
    return "\n".join(out) + "\n"


def varint(value):
    out = []
    while value >= 64:
        out.append(0x40 | (value & 63))
        value >>= 6
    out.append(value)
    return out


def svarint(value):
    return varint((-value << 1) | 1 if value < 0 else value << 1)


def random_table(rng):
    table = []
    for _ in range(rng.randint(1, 30)):
        length = rng.randint(1, 8)
        code = rng.choice([0, 3, 9, 10, 11, 12, 13, 13, 14, 14, 14, 15])
        table.append(0x80 | (code << 3) | (length - 1))
        big = rng.random() < 0.2
        if code == 15:
            pass
        elif code == 14:
            table += svarint(rng.randint(-100000, 100000) if big else rng.randint(-20, 20))
            table += varint(rng.randint(0, 5000) if big else rng.randint(0, 5))
            table += varint(rng.randint(0, 300))
            table += varint(rng.randint(0, 300))
        elif code == 13:
            table += svarint(rng.randint(-100000, 100000) if big else rng.randint(-10, 10))
        elif code >= 10:
            table += [rng.randint(0, 127), rng.randint(0, 127)]
        else:
            table.append(rng.randint(0, 127))
    return bytes(table)


def with_firstlineno(code, first):
    """`code` with any co_firstlineno (code.replace refuses values < 1)."""
    marker = 12345
    data = marshal.dumps(code.replace(co_firstlineno=marker))
    i = data.index(struct.pack("<i", marker))
    return marshal.loads(data[:i] + struct.pack("<i", first) + data[i + 4:])


def linetable_fuzz():
    rng = random.Random(311)
    base = compile("x = 1", "lt", "exec")
    out = []
    for _ in range(400):
        table = random_table(rng)
        first = rng.choice([1, 2, 100, 5000, 0, -1, -3, -50, 2**31 - 10])
        code = with_firstlineno(base.replace(co_linetable=table), first)
        out.append(f"case {first} {table.hex()}")
        out.append("lines " + " ".join(f"{s},{e},{opt(l)}" for s, e, l in code.co_lines()))
        out.append("positions " + " ".join(",".join(opt(v) for v in p) for p in code.co_positions()))
    return "\n".join(out) + "\n"


INTERESTING = [0, 1, 2, 255, 256, 0x7FFFFFFF, -1, -2, -0x80000000, 3, 1000]
TYPE_CODES = b"0NFTS.iIfgxylstr([{cuaAzZ)<>?" + bytes([0x80 | c for c in b"cz)sri"])


def mutate(rng, data):
    ops = []
    buf = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        kind = rng.random()
        if kind < 0.35 and buf:
            pos = rng.randrange(len(buf))
            val = rng.randrange(256)
            ops.append(f"s{pos}={val}")
            buf[pos] = val
        elif kind < 0.6 and buf:
            pos = rng.randrange(len(buf))
            val = rng.choice(TYPE_CODES)
            ops.append(f"s{pos}={val}")
            buf[pos] = val
        elif kind < 0.8 and len(buf) >= 4:
            pos = rng.randrange(len(buf) - 3)
            raw = struct.pack("<i", rng.choice(INTERESTING))
            for k, b in enumerate(raw):
                ops.append(f"s{pos + k}={b}")
                buf[pos + k] = b
        elif kind < 0.9:
            n = rng.randrange(len(buf) + 1)
            ops.append(f"t{n}")
            del buf[n:]
        else:
            pos = rng.randrange(len(buf) + 1)
            val = rng.choice(TYPE_CODES)
            ops.append(f"i{pos}={val}")
            buf.insert(pos, val)
    return ops, bytes(buf)


def marshal_fuzz(blobs):
    # Mutated length fields can ask for gigabytes: cap this process's
    # memory so such cases fail fast (they are left out: kaa never
    # allocates from a length field, so it reports the short data instead).
    limit = 3 << 30
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    rng = random.Random(37596)
    out = []
    small = sorted(n for n, b in blobs.items() if len(b) < 6000)
    for name in small:
        for _ in range(60):
            ops, data = mutate(rng, blobs[name])
            try:
                value = marshal.loads(data)
                result = "ok " + type(value).__name__
            except MemoryError:
                continue
            except Exception as e:  # noqa: BLE001 - recording CPython's answer
                result = f"{type(e).__name__}: {e}"
            if "\n" in result:
                continue
            out.append(f"{name} {','.join(ops)} | {result}")
    return "\n".join(out) + "\n"


def stdlib(outdir, limit):
    """Every stdlib module compiled by python3: NAME.marshal and NAME.dis."""
    libdir = os.path.dirname(os.__file__)
    os.makedirs(outdir, exist_ok=True)
    n = 0
    manifest = []
    for dirpath, dirnames, filenames in os.walk(libdir):
        dirnames[:] = sorted(d for d in dirnames if d not in ("site-packages", "__pycache__"))
        for fn in sorted(filenames):
            if not fn.endswith(".py"):
                continue
            path = os.path.join(dirpath, fn)
            try:
                with open(path, "rb") as f:
                    source = f.read()
                code = compile(source, path, "exec")
            except (SyntaxError, ValueError):
                continue
            data = marshal.dumps(code)
            key = f"{n:05d}"
            write(os.path.join(outdir, key + ".marshal"), data)
            write(os.path.join(outdir, key + ".dis"), dis_text(marshal.loads(data)))
            manifest.append(f"{key} {os.path.relpath(path, libdir)}")
            n += 1
            if limit and n >= limit:
                break
        if limit and n >= limit:
            break
    write(os.path.join(outdir, "MANIFEST"), "\n".join(manifest) + "\n")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--stdlib":
        stdlib(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
        return
    os.makedirs(EXPECTED, exist_ok=True)
    for name, source in generated_programs().items():
        write(os.path.join(PROGRAMS, name), source)
    blobs = {}
    for fn in sorted(os.listdir(PROGRAMS)):
        if not fn.endswith(".py"):
            continue
        stem = fn[:-3]
        with open(os.path.join(PROGRAMS, fn), encoding="utf-8") as f:
            source = f.read()
        code, data = compile_program(fn, source)
        blobs[stem] = data
        base = os.path.join(EXPECTED, stem)
        write(base + ".marshal", data)
        write(base + ".dis", dis_text(code))
        if not stem.startswith("gen_"):
            write(base + ".caches.dis", dis_text(code, show_caches=True))
        write(base + ".info", "\n\n".join(mask(dis.code_info(c)) for c in code_objects(code)) + "\n")
        write(base + ".lines", lines_listing(code))
    write(os.path.join(FIXTURES, "stack_effect.txt"), stack_effects())
    write(os.path.join(FIXTURES, "linetable_fuzz.txt"), linetable_fuzz())
    write(os.path.join(FIXTURES, "marshal_fuzz.txt"), marshal_fuzz(blobs))


if __name__ == "__main__":
    main()
