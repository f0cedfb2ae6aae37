# The compiler's SyntaxWarnings (compile.c compiler_warn), every one in
# order: a while test and a finally body compiled twice warn twice.
x = 1
if x is 1: pass
if x is 1: pass
while x is 2: x = 3
try:
    pass
finally:
    y = x is 4
assert (x, 1)
assert ()
assert (x, 1), "m"
(1, 2)(3)
[1](2)
f"a{x}"(1)
"abc"()
None()
(x for x in y)()
{1: 2}()
(lambda: 1)()
(1 if x else 2)()
x = (1, 2)[0]
x = {1, 2}[0]
x = [1, 2]["a"]
x = "abc"[1.5]
x = (x, 2)[(1,)]
x = 5[0]
x = True[0]
x = None[0]
x = [x][None]
x = [1, 2][1:2]
x = (lambda: 1)[0]
x = x is -1
x = x is not ()
x = 1 is x
x = x is ... is None
x = x is x is 1 is 2
def f():
    return x is "a"
x is 1 if y else 2
x = not x is 1
if not x is not "a": pass
assert (1, 2)
assert (1,) * 2
x = ...[0]
x = 1.5(2)
x = b"ab"[1.0]
x = [i for i in x][{}]
x = (i for i in x)[0]
x = {1: 2}[()]
x = x[1](2)
x = (1)(2)
x = -1(2)
x = (2 ** 200)[0]
x = __debug__[0]
x = f"{x}"[1, 2]
x = x if 1 is 2 else 3
x = [y is 3 for y in z]
class C:
    z = 1 is z
lambda: 0 is x
x = f"{x is 1}{(1, 2)(3)!r:{x is 'a'}}"
@deco(x is 2)
def g(a=x is 3, *, b=[1][1.5]) -> x is 4:
    async def h():
        return await x is 5
    match x:
        case 1 if x is 6:
            pass
class D(B, metaclass=M, k=x is 7):
    pass
x = lambda a=None is 8: 9 is a
x = (1,)[0] is 1
x = "ab"[0] is not "a"
x = ()[0]
x = [x][-1.0]
for i in x is 10: pass
while (x is 11) and (y is not 12): pass
try:
    pass
except (x is 13):
    pass
finally:
    with a is 14:
        pass
