"""Regenerates the expectation tables in tests.rs (between the GENERATED
markers) from CPython: errors from 3.11's compile(), token streams from the C
tokenizer (3.12's _tokenize.TokenizerIter without extra tokens, identical to
3.11's for sources without f-strings; f-string tokens are merged back into one
STRING as 3.11 has it).

    python3 tools/gen_tokenizer_tests.py [python3.11] [python3.12]
"""
import json, os, subprocess, sys, tempfile
P311 = sys.argv[1] if len(sys.argv) > 1 else '/root/.pyenv/versions/3.11.7/bin/python3'
P312 = sys.argv[2] if len(sys.argv) > 2 else '/root/.pyenv/versions/3.12.1/bin/python3'
TOKEN_CASES = [ "x = f'a{b!r:>{w}}c' + rf\"d{e}\"\n", "f'''a\n{b}\n'''\n",
 "x = 1\n", "x = 1", "", "\n\n", "# only a comment", "if x:\n    y = 2\nz = 3\n", "if x:\n    if y:\n        pass\n", "if x:\n    if y:\n        pass",
 "def f(a, b=1, *c, **d) -> int:\n    return a\n", "x = (1,\n     2)\n", "x = [\n  1,\n  2,\n]\n", "x = 1 + \\\n    2\n", "s = '''a\nb'''\n",
 "s = 'a\\\nb'\n", "s = rb'x' Rb\"y\" BR'z' u'w' U\"v\" f'a' F\"b\" fr'c' Rf'd' r'e'\n", "x = ub'a'\n", "x = 0x_1F + 0o17 + 0b1_0 + 1_000 + 1.5e-3 + .5 + 5. + 1e10 + 3j + 1.5J + 0 + 00 + 0_0 + 09.5 + 0e1 + 0j\n",
 "a //= b; a **= 2; a >>= 1; a <<= 1; a @= m; a -> b; a := 1; a != b; a <> b; ...; a.b\n", "x = 1 # comment\n", "if x:\n  # comment\n\n  y\n",
 "if x:\n\ty\n\tz\n", "\x0cx = 1\n", "if x:\n \x0c   y\n", "x = $ ? ! `\n", "x = 1if y else 2\n", "x = 0x1for\n", "print(1 and 2, 1or 2, 1in x, 1is x, 1not in x)\n",
 "class C:\n    def m(self):\n        pass\n\n\nx = 1\n", "if x:\n  y\n\\\n  z\n", "x=1\n\\\n    y = 2\n", "match x:\n    case _:\n        pass\n",
 "async def f():\n    await x\n", "x = {'a': [1, (2, 3)]}\n", "x = 1;\n", "@dec\ndef f(): pass\n", "x = '''\n\n'''\n", "x = \"\"\"a\\\"\"\"\"\n", "x = 'a' 'b'\\\n  'c'\n",
 "if 1:\n    x = (\n  1)\n    y\n", "x = 1  \\\n  # c\n", "  # indented comment\nx\n",
]
ERROR_CASES = [
 "x = \"abc\n", "x = \"abc", "x = '''abc\n\n", "x = rb'abc", "x = '''a\nb\n", "x = 'abc\\", "x = f'abc", "s = 'é\n", "s = \"\"\"é\n\n\n",
 "0x", "0xg", "0x_", "0b12", "0b", "0b_", "0b1_", "0b1_2", "0o8", "0o", "0o1_8", "0o19", "012", "0012", "0_1", "é = 012", "1_", "1__0", "1e", "1e+", "1e-x", "1.e", "1.__class__", "1.5_",
 "1.2j_", "1jx", "1e5x", "1andy", "0_", "1_000_", "0b1for_", "1_if", "x = 1if_ else 2",
 "x = $é€", "a€", "€", "_€", "a\u00a0b", "\u00a0", "a\u200bb", "x\u200dy", "\u0660", "a\U0001f600", "ab\u0378", "x = \u2028",
 "\x01", "\x7f", "x = \x0b", "x = 1\x1b",
 "(]", "(\n]", "[\n\n}", ")", "x = ]", "x = (1, 2))", "{)",
 "x = " + "(" * 201, "x = " + "(" * 200 + "\n" + "]",
 "x = 1 \\ y", "x=1\n\\ y", "x = 1 + \\\n  2 + \\ 3", "x = 1 + \\\n  2 + \\ 3\n\n", '"""a\nb""" + \\ 3', "\"é\" + \\ y", "x=1\n  \\ y",
 "x = 1 + \\\n", "x = 1 + \\", "x = 1 + \\\n 2 + \\\n", "x=1\n\\", "if x:\n  y\n\\",
 "(1 + \\", "(1,\n", "(1,\n2", "x = (1,\n  [2,\n", "x = {\n 'a': [\n", "é = (\n", "f(é,\n  1,", "x = (1 +\n  2 +",
 "if x:\n  y\n z", "if x:\n    y\n  z\n", "if x:\n    y = 1\n  \\\n    z = 2\n", "if x:\n  é = 1\n é = 2\n",
 "if x:\n\ty\n        z", "if x:\n        y\n\tz", "if x:\n  y\n\tz", "if x:\n\tif y:\n\t\tz\n  \tw\n", "if x:\n \ty\n\t z\n",
 "".join(" " * i + "if x:\n" for i in range(100)) + " " * 100 + "pass\n",
 "x = 1\n  \\\ny = 2\n", "x=1\n\\\n    y = 2",
]
EVAL_ERROR_CASES = ["\"abc", "(1,", "1 + \\", "1 \\ 2", "(1,\n2", "0x", "1 + (", "[\n1,\n"]
def rust_str(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '\\': out.append('\\\\')
        elif ch == '"': out.append('\\"')
        elif ch == '\n': out.append('\\n')
        elif ch == '\t': out.append('\\t')
        elif 0x20 <= o < 0x7f: out.append(ch)
        else: out.append('\\u{%x}' % o)
    out.append('"')
    return ''.join(out)
REF311 = r'''
import sys, json, warnings
warnings.simplefilter("ignore")
out = []
for c, mode in json.load(open(sys.argv[1])):
    try:
        compile(c, '<s>', mode); out.append(None)
    except SyntaxError as e:
        out.append([type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, e.text])
print(json.dumps(out))
'''
REF312 = r'''
import sys, json, io, _tokenize, token
out = []
for c in json.load(open(sys.argv[1])):
    toks = []
    depth = 0
    for t in _tokenize.TokenizerIter(io.StringIO(c).readline, extra_tokens=False):
        typ, s, (l, col), (el, ec), line = t
        name = token.tok_name[typ]
        if name == 'EXCLAMATION': name = 'OP'
        # 3.11 has no f-string tokens: the whole literal is one STRING.
        if name == 'FSTRING_START':
            if depth == 0: start = (l, col)
            depth += 1; continue
        if name == 'FSTRING_END':
            depth -= 1
            if depth == 0: toks.append(f"STRING {start[0]},{start[1]}-{el},{ec}")
            continue
        if depth: continue
        toks.append(f"{name} {l},{col}-{el},{ec}")
    out.append(toks)
print(json.dumps(out))
'''
TMP = tempfile.mkdtemp()
def run(script, payload, py):
    data, prog = os.path.join(TMP, 'in.json'), os.path.join(TMP, 'ref.py')
    open(data, 'w').write(json.dumps(payload))
    open(prog, 'w').write(script)
    return json.loads(subprocess.run([py, prog, data], capture_output=True, text=True, check=True).stdout)
out = []
print = lambda *a: out.append(' '.join(map(str, a)))
toks = run(REF312, TOKEN_CASES, P312)
TOKMSG = ("invalid", "leading zeros", "unterminated", "unmatched", "closing parenthesis", "too many", "unexpected EOF", "unindent", "inconsistent", "unexpected character", "' was never closed", "source code")
errs = run(REF311, [(c, 'exec') for c in ERROR_CASES] + [(c, 'eval') for c in EVAL_ERROR_CASES], P311)
print('/// (source, the C tokenizer\'s tokens: `KIND line,col-line,col`).')
print('#[rustfmt::skip]')
print('const TOKEN_CASES: &[(&str, &str)] = &[')
for c, t in zip(TOKEN_CASES, toks):
    # empty source: the readline tokenizer of 3.12 sees no line; compile() appends one.
    if c == '' or c.strip('\n') == '': t = [x.replace(' 0,-1-0,-1', ' 1,-1-1,-1') for x in t]
    print('    (%s, %s),' % (rust_str(c), rust_str('\n'.join(t) + '\n')))
print('];')
print()
print('/// (exec mode?, source, CPython\'s SyntaxError: kind, msg, lineno, offset,')
print('/// end_lineno, end_offset, text).')
print('#[rustfmt::skip]')
print('const ERROR_CASES: &[ErrorCase] = &[')
for (c, mode), e in zip([(c, 'exec') for c in ERROR_CASES] + [(c, 'eval') for c in EVAL_ERROR_CASES], errs):
    if e is None or not (e[1].startswith(TOKMSG) or e[1].endswith("' was never closed")) or e[1] == 'invalid syntax': sys.stderr.write('skipped, not a tokenizer error: %r %r\n' % (c, e)); continue
    print('    (%s, %s, %s, %s, %d, %d, %d, %d, %s),' % ('true' if mode == 'exec' else 'false', rust_str(c), rust_str(e[0]), rust_str(e[1]), e[2], e[3], e[4], e[5], rust_str(e[6])))
print('];')

here = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'crates', 'kaa-parser', 'src', 'tokenizer', 'tests.rs')
src = open(here).read()
begin = src.index('// BEGIN GENERATED (tools/gen_tokenizer_tests.py)\n') + len('// BEGIN GENERATED (tools/gen_tokenizer_tests.py)\n')
end = src.index('// END GENERATED')
open(here, 'w').write(src[:begin] + '\n'.join(out) + '\n' + src[end:])
