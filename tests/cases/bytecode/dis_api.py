# The dis module's other entry points: get_instructions, Bytecode,
# code_info, show_code, disassemble, distb, opcode tables, stack_effect,
# findlinestarts, findlabels.
import dis


def mask(s):
    s = s.replace(mask.__code__.co_filename, "FILE")
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


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def text(self):
        return mask("".join(self.parts))


def f(a, b=1, *, c):
    x = a + b
    if x > c:
        return f"{x!r}"
    return [x for _ in "ab"]


def fails(d):
    k = 1
    return d / k - 1 / (k - 1)


for ins in dis.get_instructions(f):
    print(mask(repr(ins)))
first = next(iter(dis.get_instructions(f, first_line=100)))
print(first.opname, first.starts_line, first.positions)
ins = list(dis.get_instructions(f))[3]
print(ins.opname, ins.opcode, ins.arg, ins.argval, ins.argrepr, ins.offset,
      ins.starts_line, ins.is_jump_target, ins.positions.lineno,
      ins.positions.col_offset)
print([i.opname for i in dis.get_instructions("x + 1")])
print(len(list(dis.get_instructions(f, show_caches=True))))
fv = [i for i in dis.get_instructions(f) if i.opname == "FORMAT_VALUE"][0]
print(fv.argval, fv.argrepr)

bc = dis.Bytecode(f)
print(mask(repr(bc)).split(" at ")[0])
print([i.opname for i in bc][:6])
print(bc.first_line, bc.codeobj.co_name)
print(mask(bc.info()))
print(mask(bc.dis()))

print(mask(dis.code_info(f)))
print(mask(dis.code_info("a = 1; b = a")))
out = Capture()
dis.show_code(f, file=out)
print(out.text())

out = Capture()
dis.disassemble(f.__code__, 6, file=out)
print(out.text())

try:
    fails(4)
except ZeroDivisionError as e:
    tb = e.__traceback__.tb_next
    out = Capture()
    dis.distb(tb, file=out)
    print(out.text())
    print(dis.Bytecode.from_traceback(tb).current_offset)

print(dis.opname[:12])
print(dis.opname[90:110])
print(len(dis.opname), len(dis.opmap), dis.opmap["LOAD_CONST"], dis.opmap["CACHE"])
print(sorted(dis.opmap.items())[:10])
print(dis.cmp_op)
print(dis.hasconst, dis.hasname, dis.hasjrel, dis.hasjabs)
print(dis.haslocal, dis.hascompare, dis.hasfree, dis.hasnargs)
print(dis.HAVE_ARGUMENT, dis.EXTENDED_ARG)
print(dis.stack_effect(dis.opmap["LOAD_CONST"], 0))
print(dis.stack_effect(dis.opmap["POP_TOP"]))
print(dis.stack_effect(dis.opmap["FOR_ITER"], 4, jump=True),
      dis.stack_effect(dis.opmap["FOR_ITER"], 4, jump=False))
print(dis.stack_effect(dis.opmap["BUILD_LIST"], 5))
for args in [(dis.opmap["POP_TOP"], 1), (dis.opmap["LOAD_CONST"],), (1000,)]:
    try:
        dis.stack_effect(*args)
    except ValueError as e:
        print("ValueError", e)
print(list(dis.findlinestarts(f.__code__)))
print(dis.findlabels(f.__code__.co_code))
print(dis.pretty_flags(f.__code__.co_flags), dis.pretty_flags(0))
print(dis.UNKNOWN)
print(dis.COMPILER_FLAG_NAMES[32])


def guarded():
    try:
        return 1
    except KeyError:
        return 2


# get_instructions marks jump targets only; Bytecode also marks handlers.
print([(i.offset, i.opname) for i in dis.get_instructions(guarded) if i.is_jump_target])
print([(i.offset, i.opname) for i in dis.Bytecode(guarded) if i.is_jump_target])
print(mask(dis.Bytecode(guarded, first_line=1000).dis()))
print(mask(dis.Bytecode(f, first_line=7, current_offset=8).dis()))
