def f(x):
    if x < 0:
        raise ValueError("negative: %d" % x)
    return x

try:
    f(-1)
except ValueError as e:
    print("caught", e, repr(e), e.args)

try:
    1 / 0
except ZeroDivisionError as e:
    print(type(e).__name__, e)
finally:
    print("finally")

def unpack1():
    a, b = [1]
def unpack3():
    a, b = [1, 2, 3]
def unbound():
    print(zz)
    zz = 1
five = 5
for fn in [lambda: [][1], lambda: {}['k'], lambda: undefined_name, lambda: 'a' + 1,
           lambda: None.x, lambda: int('x'), lambda: 1 % 0, lambda: (1).foo,
           lambda: [1] < 'a', lambda: len(5), lambda: five(), lambda: five[0],
           lambda: iter(5), unpack1, unpack3, lambda: {}[[]], unbound,
           lambda: (1,)[5], lambda: "abc"[10], lambda: [1, 2].remove(3),
           lambda: 2 ** -1 + 1.0 / 0, lambda: int("12", 1), lambda: -five ** 0.5 ** "x"]:
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)

class MyError(Exception):
    pass

class Other(MyError):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code

try:
    raise Other(5)
except MyError as e:
    print("MyError", e, e.code, isinstance(e, Exception))

try:
    try:
        raise KeyError("k")
    except KeyError:
        raise RuntimeError("during")
except RuntimeError as e:
    print(repr(e.__context__), e.__cause__)

try:
    raise ValueError("a") from TypeError("b")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)

def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")

for v in gen():
    print(v)

try:
    assert 1 == 2, "math broke"
except AssertionError as e:
    print("assert", e)

def nested():
    try:
        return "try"
    finally:
        print("in finally")
print(nested())

with_result = []
class CM:
    def __enter__(self):
        with_result.append("enter")
        return self
    def __exit__(self, t, v, tb):
        with_result.append(("exit", t.__name__ if t else None))
        return True
with CM() as cm:
    raise ValueError("swallowed")
print(with_result)

def deep(n):
    return deep(n + 1)
try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)

def outer():
    inner()
def inner():
    raise TypeError("from inner")
outer()
