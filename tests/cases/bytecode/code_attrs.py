# Code objects: every co_* attribute, co_lines(), co_positions(), replace(),
# equality and hash, repr, type name, compile().


def mask(s):
    # Replaces each 0x... address by 0xADDR (no regular expressions).
    out = []
    i = 0
    while True:
        j = s.find("0x", i)
        if j < 0:
            out.append(s[i:])
            return "".join(out)
        out.append(s[i:j] + "0xADDR")
        k = j + 2
        while k < len(s) and s[k] in "0123456789abcdef":
            k += 1
        i = k


def outer(a, b=1, /, c=2, *args, d, e=3, **kw):
    x = a + b
    def inner(y):
        return x + y
    try:
        z = [i * 2 for i in range(c)]
    except ValueError:
        z = None
    return inner, z


async def coro(p):
    return p


def gen():
    yield 1


co = outer.__code__
for name in ["co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
             "co_nlocals", "co_stacksize", "co_flags", "co_name",
             "co_qualname", "co_firstlineno", "co_names", "co_varnames",
             "co_cellvars", "co_freevars", "co_code", "co_linetable",
             "co_exceptiontable", "co_lnotab"]:
    print(name, getattr(co, name))
print(co.co_filename.endswith("code_attrs.py"))
print([mask(repr(c)).replace(co.co_filename, "FILE") if type(c).__name__ == "code" else c
       for c in co.co_consts])
inner_code = [c for c in co.co_consts if type(c).__name__ == "code"][0]
print(inner_code.co_name, inner_code.co_qualname, inner_code.co_freevars, inner_code.co_flags)
print(list(co.co_lines()))
print(list(co.co_positions())[:12])
print(len(list(co.co_positions())) == len(co.co_code) // 2)
print(coro.__code__.co_flags, gen.__code__.co_flags)
print(type(co).__name__, type(co) is type(gen.__code__))
print(mask(repr(co)).replace(co.co_filename, "FILE"))

# Equality and hash compare the fields, not the identity.
print(co == outer.__code__, hash(co) == hash(outer.__code__))
print(co == gen.__code__, co != gen.__code__)
r = co.replace()
print(r == co, hash(r) == hash(co))
r2 = co.replace(co_name="renamed", co_firstlineno=99)
print(r2.co_name, r2.co_firstlineno, r2 == co, r2.co_qualname)
r3 = gen.__code__.replace(co_qualname="other")
print(r3.co_qualname, r3 == gen.__code__)
r4 = co.replace(co_filename="elsewhere.py")
print(r4.co_filename, r4 == co)

# replace() keeps the code runnable.
k = (lambda: 1).__code__
print(eval(k.replace(co_consts=(None, 42))) if len(k.co_consts) > 1 else eval(k.replace(co_consts=(42,))))

# compile() returns code objects.
src = "total = 0\nfor i in range(4):\n    total += i\n"
c = compile(src, "snippet.py", "exec")
print(type(c).__name__, c.co_name, c.co_filename, c.co_names, c.co_firstlineno)
print(list(c.co_lines()))
ns = {}
exec(c, ns)
print(ns["total"])
e = compile("x * 2", "expr.py", "eval")
print(e.co_names, e.co_consts, eval(e, {"x": 21}))
print(compile("pass", "a.py", "exec") == compile("pass", "b.py", "exec"))
print(compile("1", "a.py", "eval") == compile("2", "a.py", "eval"))

# co_lnotab splits big deltas as CPython does (255 bytes, 127/-128 lines).
gap = compile("x = 1\n" + "\n" * 300 + "y = [" + "x, " * 200 + "]\nz = (\n1)\n", "gap.py", "exec")
print(gap.co_lnotab.hex())
back = compile("a = (1,\n2,\n3)\nif a:\n    b = [i\n for i in a]\n", "back.py", "exec")
print(back.co_lnotab.hex())
