#!/usr/bin/env python3
"""Generate crates/kaa-parser/src/string/samples.rs: string atoms and what
CPython 3.11 makes of them.

Run with CPython 3.11: `python3 tools/gen_string_samples.py`. For each
source below, the STRING tokens of its last `strings` atom (byte offsets and
positions from the tokenize module, columns converted to UTF-8 bytes), the
token after them as the C tokenizer makes it, and either
`ast.dump(node, include_attributes=True)` of the atom's node or the
SyntaxError's (msg, lineno, offset, end_lineno, end_offset, text).

Field expressions are replaced by `Name(id='e')` with their location, which
is what the tests' stub sub-parser returns (the span of the field's text
without surrounding whitespace, shifted as the callback says): so fields must
not be parenthesised at their edges.
"""
import ast
import io
import os
import sys
import tokenize

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "kaa-parser", "src", "string", "samples.rs")

SOURCES = [
    # Plain strings and prefixes.
    "'abc'", '"a\'b"', "'''multi\nline'''", '"""a\n\nb"""', "r'\\n'", "R'\\x'", "u'x'", "U'x'",
    "b'abc'", "rb'\\x'", "Br'\\d'", "BR'a'", "x = 'a' 'b'", "x = 'a' u'b'", "u'a' 'b'", "'' ''", "''",
    "x = ''''''", "'é'", "'\\xe9'", "'\\u00e9'", "'\\U0001F600'", "'\\N{BULLET}'", "'\\N{bullet}'",
    "'\\ud800'", "'\\ud83d' '\\ude00'", "'a\\udfffb'", "'\\777'", "'\\0'", "'\\1234'", "'\\d'", "'\\8'",
    "'\\\\'", "'\\''", '"\\""', "'a\\\nb'", "b'\\777'", "b'\\8'", "b'\\x41\\101\\a\\b\\f\\n\\r\\t\\v\\\\\\'\\\"\\q'",
    "'\\a\\b\\f\\n\\r\\t\\v'", "'é\\n€'", "'\\é'", "'😀'", "'\\N{LATIN SMALL LETTER A}\\N{EM DASH}'",
    "'\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E00}'", "'\\u1234\\U00012345\\x7f'",
    "b'a' b'b' rb'\\c'", "x = ('a'\n     'b'  # comment\n     'c')", "x = (u'a'\n'b')",
    "'\\N{BEL}\\N{ALERT}\\N{NULL}'",
    # Strings not at column 0 and on later lines.
    "if x:\n    y = 'abc' \"def\"", "x = 1\nz = 'é' 'ü'",
    # Errors in plain strings.
    "x = '\\x1' + 1", "x = '\\x1'   'a' + 1", "x = b'\\x1' + 1", "x = b'ä' + 1", "x = 'a' b'b' + 1",
    "x = b'a' 'b'", "x = '\\N{foo}' + 1", "x = '\\x1'", "x = '\\x1'  # c\n", "x = '\\x1'  ",
    "x = '\\x1' \\\n  + 1", "x = 'é\\x1'", "x = '\\xé'", "x = '\\u12'", "x = '\\U1234567'",
    "x = '\\U00110000'", "x = '\\N'", "x = '\\N{'", "x = '\\N{}'", "x = '\\Nx'", "x = '\\N{é}'",
    "x = 'ab\\N{LATIN SMALL LETTER A'", "x = '€€\\N{xyz}'", "x = b'\\x'", "x = b'ab\\xg0'",
    "x = b'''\nä'''", "x = 'a' f'{x}' b'c'", "x = b'a' f'{x}'", "x = '\\N{hangul syllable ga}'",
    "x = '\\N{TANGUT IDEOGRAPH-17000}'", "x = '\\N{EM}'", "x = '\\x4ä'",
    # f-strings.
    "f''", "f'abc'", "f'{x}'", "x = f'ab{a}c'", "f'{x!r}'", "f'{x!s}'", "f'{x!a}'", "f'{x:>10}'",
    "f'{x:}'", "f'{x:a{y}b{z}c}'", "f'{x!r:>{w}}'", "f'{x=}'", "f'{x = !s:3}'", "f'{x=:>5}'",
    "f'{x=!a}'", "f\"a\" \"b\"", "'' f''", "f'{x}' u'y'", "u'a' f'{x}b'", "f'{{}}'", "f'{{{x}}}'",
    "f'a{{b{x}c}}d'", "f'\\{x}'", "f'\\N{DIGIT ONE}{x}'", "f'{x}\\N{DIGIT ONE}'", "rf'\\{x}'",
    "fr'\\n{x}\\n'", "F'{x}'", "Rf'{x}'", "f'{ x }'", "f'{x }'", "f'{  x}'", "f'é{x}'", "f'€{x}€{y}'",
    "x = f'''\n{a}\n'''", "x = f'''abc\n  {a} {b}\n    {c}'''", "x = f'''{\na}'''", "x = f'''{\n   a\n}'''",
    "x = f'''a{\n  b}c'''", "x = f'''a\n{  \n  b}c'''", "if 1:\n    x = (f'{a}'\n         f'''{b}\n{c}''')",
    "x = f'{a}' f'{b}' 'c' f'{d}'", "x = ('a' f'{b}'\n     'c')", "f'{x:{y}}'", "f'{x:{y}.{z}f}'",
    "f'{x:{{}}>10}'", "f'{x:\\N{DIGIT ONE}}'", "f'{x!r:{y!r:}}'", "f'{x:}}'", "f'{x:a}}'",
    "f'\\x41{x}\\u0042'", "f'\\ud800{x}'", "f'{x}\\ud800'", "u'\\ud800' f'{x}'", "f'{x}' '\\ud800'",
    "f'''\\\n{x}'''", "x = f'a\\\n{b}'", "f'''{x:\n}'''", "f\"{x!r}\" f'{y!s:{z}}'", "f'{x}{y}'",
    "f'{x:{y}}{z}'", "x = 2; f'{x:{y}{z}}'", "f'{x:a{y}}'", "f'{x:{y}a}'", "f'{x==y}'",
    "f'{x!=y}'", "f'{x<y}'", "f'{x>y}'", "f'{x<=y}'", "f'{x>=y}'", "f'{x!r=}'",
    # f-string errors.
    "x = f'{!r}' + 1", "x = f'{a!x}' + 1", "x = f'}' + 1", "x = f'{x!}'", "x = f'{x!r'",
    "x = f'{x:{y:{z}}}'", "x = f'{a[}'", "x = f'{a)}'", "x = f'{a(]}'", "x = f'{\"a}'", "x = f'{#}'",
    "x = f'{a\\n}'", "x = f'{a}}'", "x = f'{a'", "x = f'{'", "x = f'}}{'", "x = f'{a='", "x = f'{a:'",
    "x = f'{a!'", "x = f'{a:{b}'", "x = f'{ }'", "x = f'{}'", "x = f'{=}'", "x = f'{:}'",
    "x = f'\\x1{a}'", "x = f'{a}\\x1'", "x = f'{a!r=}'", "x=1\nx = f'''a\n{b \n!x}'''",
    "x = f'{a:{b!x}}'", "x = f'{a:}}b'", "x = f'{a!r:}}'", "x = f'a}b'", "x = f'\\}'", "x = f'{a}b}'",
    "x = f'{a:{b:}}'", "x = f'{\"\"\"a}'", "x = f'{a!rr}'", "x = f'{a!r }'", "x = f'{a!=}'",
    "x = f'{a:{b=}}'", "x = f'{\\'a\\'}'", "x = f'{a:{#}}'", "x = 'a' f'{' + 1",
    "x = f'{" + "(" * 200 + "}'", "x = f'{" + "(" * 201 + "}'",
]


# Pieces of random f-string bodies (the fields are plain names).
PIECES = ["a", "é", "€", "😀", " ", "{x}", "{ x }", "{{", "}}", "{x!r}", "{x!s:>{y}}", "{x=}", "{x = !a}",
          "{x:{y}.{z}}", "\\n", "\\x41", "\\N{DIGIT ONE}", "{", "}", "!", ":", "=", "\\{", "\\}",
          "{x:{y:{z}}}", "\\x4", "\\N{nope}", "{x:a}", "{x:}", "{x!z}", "{x!}", "{}", "{ }", "{!r}",
          "{x#}", "{x[}", "{x(]}", "{x)}", "{'a'}", "{\"a}", "\\u00e9", "\\ud800", "\\777", "\\q",
          "{x\n}", "\n", "{\nx}", "{x\n:>3}", "{x:\n}"]


# Errors of the string code (others, e.g. from the tokenizer, are skipped).
KNOWN_ERRORS = ("(unicode error)", "(value error)", "f-string", "cannot mix", "bytes can only")


def random_sources(n, seed=311):
    import random
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        parts = []
        for _ in range(rng.randrange(1, 4)):
            prefix = rng.choice(["f", "f", "f", "rf", "F", "", "u", "r", "b"])
            triple = rng.random() < 0.4
            q = rng.choice(["'", '"'])
            body = "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 6)))
            if not triple:
                body = body.replace("\n", "")
            if "b" in prefix:
                body = body.replace("é", "e").replace("€", "E").replace("😀", "D")
            qq = q * 3 if triple else q
            if q in body:
                continue
            parts.append(prefix + qq + body + qq)
        if not parts:
            continue
        sep = rng.choice([" ", "\n    ", " "])
        lead = rng.choice(["x = ", "x = (", "    ", "print(1, ", "y = 'é' + "])
        src = lead + sep.join(parts)
        if lead.endswith("("):
            src += ")"
        if lead == "    ":
            src = "if 1:\n" + src
        if "(" not in lead and "\n" in sep:
            continue
        try:
            toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
        except (tokenize.TokenError, SyntaxError, IndentationError):
            continue
        if any(t.type == tokenize.ERRORTOKEN for t in toks):
            continue
        out.append(src)
    return out


def byte_col(line, col):
    return len(line[:col].encode("utf-8"))


def c_next_token(toks, i, lines):
    """The token after index i as the C tokenizer makes it: (row, col,
    end_row, end_col), byte columns. A NEWLINE starts at a comment before it
    and ends at the newline."""
    comment = None
    j = i + 1
    while j < len(toks):
        t = toks[j]
        if t.type == tokenize.COMMENT:
            comment = t
        elif t.type == tokenize.NL:
            comment = None
        else:
            break
        j += 1
    t = toks[j]
    row, col = t.start
    erow, ecol = t.end
    line = lines[row - 1] if row - 1 < len(lines) else ""
    if t.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
        nl_col = byte_col(line, col)
        start_col = nl_col
        if comment is not None and comment.start[0] == row:
            start_col = byte_col(line, comment.start[1])
        return (row, start_col, row, nl_col)
    return (row, byte_col(line, col), erow, byte_col(lines[erow - 1], ecol))


def strings_run(src):
    """The last `strings` atom of src (STRING tokens, byte positions) and the
    token after it."""
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    line_offsets = [0]
    for l in src.splitlines(keepends=True):
        line_offsets.append(line_offsets[-1] + len(l.encode("utf-8")))
    lines = src.splitlines(keepends=True)
    runs = []
    run = []
    last_i = None
    for i, t in enumerate(toks):
        if t.type == tokenize.STRING:
            (sr, sc), (er, ec) = t.start, t.end
            bsc = byte_col(lines[sr - 1], sc)
            bec = byte_col(lines[er - 1], ec)
            start = line_offsets[sr - 1] + bsc
            end = line_offsets[er - 1] + bec
            run.append((start, end, sr, bsc, er, bec))
            last_i = i
        elif run and t.type in (tokenize.NL, tokenize.COMMENT):
            continue
        elif run:
            runs.append((run, last_i))
            run = []
    run, last_i = runs[-1]
    nxt = c_next_token(toks, last_i, lines)
    nr, nc, ner, nec = nxt
    nstart = min(line_offsets[nr - 1] + nc, len(src.encode()))
    nend = min(line_offsets[ner - 1] + nec, len(src.encode()))
    return run, (nstart, nend, nr, nc, ner, nec)


def rust_str(s):
    out = []
    for ch in s:
        c = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif 0x20 <= c < 0x7F:
            out.append(ch)
        elif ch == "\n":
            out.append("\\n")
        else:
            out.append("\\u{%x}" % c)
    return '"' + "".join(out) + '"'


def stub_fields(node):
    """Replaces each field's expression by Name('e') with its location: what
    the tests' stub sub-parser returns (it cannot parse)."""
    for n in ast.walk(node):
        if isinstance(n, ast.FormattedValue):
            v = n.value
            n.value = ast.Name(id="e", ctx=ast.Load(), lineno=v.lineno, col_offset=v.col_offset,
                               end_lineno=v.end_lineno, end_col_offset=v.end_col_offset)


def rustfmt(path):
    """Formats the generated file as `cargo fmt` would (if rustfmt is here)."""
    import shutil
    import subprocess
    if shutil.which("rustfmt"):
        subprocess.run(["rustfmt", "--edition", "2021", path], check=True)


def main():
    if sys.version_info[:2] != (3, 11):
        sys.exit("run this with CPython 3.11")
    out = ["//! GENERATED by tools/gen_string_samples.py from CPython %s: do not edit." % sys.version.split()[0],
           "",
           "use super::tests::{Expect, Sample};",
           "",
           "/// String atoms and CPython's answers.",
           "pub static SAMPLES: &[Sample] = &["]
    skipped = 0
    for src in SOURCES + random_sources(500):
        try:
            run, nxt = strings_run(src)
        except Exception:
            skipped += 1
            continue
        try:
            tree = compile(src, "<s>", "exec", ast.PyCF_ONLY_AST)
            first = run[0]
            node = None
            for n in ast.walk(tree):
                if isinstance(n, (ast.Constant, ast.JoinedStr)) and (n.lineno, n.col_offset) == (first[2], first[3]):
                    node = n
                    break
            assert node is not None, src
            stub_fields(node)
            expect = "Expect::Ok(%s)" % rust_str(ast.dump(node, include_attributes=True))
        except SyntaxError as e:
            if not e.msg.startswith(KNOWN_ERRORS):
                skipped += 1
                continue
            expect = "Expect::Err(%s, %d, %d, %d, %d, %s)" % (
                rust_str(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset, rust_str(e.text))
        toks = ", ".join("(%d, %d, %d, %d, %d, %d)" % t for t in run)
        out.append("    Sample {")
        out.append("        src: %s," % rust_str(src))
        out.append("        tokens: &[%s]," % toks)
        out.append("        next: (%d, %d, %d, %d, %d, %d)," % nxt)
        out.append("        expect: %s," % expect)
        out.append("    },")
    out += ["];", ""]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(out))
    rustfmt(OUT)
    print("wrote", os.path.normpath(OUT), len(SOURCES) + 500 - skipped, "samples")


if __name__ == "__main__":
    main()
