# dis.dis over functions, methods, classes, source strings and code
# objects, with file=, depth= and show_caches=.
import dis


def mask(s):
    s = s.replace(mask.__code__.co_filename, "FILE")
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


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


def show(title, x, **kwargs):
    print("==", title)
    out = Capture()
    dis.dis(x, file=out, **kwargs)
    print(mask("".join(out.parts)), end="")


def loop(n, limit=3):
    total = 0
    for i in range(n):
        if i > limit:
            break
        total += i * 2
    else:
        total = -1
    return total


def nested(a):
    def inner(b):
        return a + b
    return [inner(x) for x in range(a)]


def handler(d):
    try:
        return d["key"]
    except KeyError as e:
        print(f"{e!r:>10}")
        raise ValueError("missing") from e
    finally:
        d.clear()


def gen(items):
    for item in items:
        yield item
    yield from items


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with {self.sides} sides"

    @staticmethod
    def unit():
        return Shape("unit")

    @classmethod
    def make(cls, n):
        s = cls("made")
        s.sides = n
        return s


show("loop", loop)
show("nested", nested)
show("nested depth=0", nested, depth=0)
show("handler", handler)
show("gen", gen)
show("generator object", gen([1]))
show("class", Shape)
show("method", Shape.describe)
show("bound method", Shape("x").describe)
show("code", loop.__code__)
show("expression", "a + b * 2")
show("statements", "x = 1\nif x:\n    print(x)\n")
show("empty dict", "{}")
show("dict call", "dict()")
show("lambda source", "lambda q: q ** 2")
show("caches", loop, show_caches=True)
show("adaptive", loop, adaptive=False)
print("== stdout")
dis.dis("x = [1, 2, 3]")
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError", e)
try:
    dis.dis()
except RuntimeError as e:
    print("RuntimeError", e)

# A module: each function and class in it, sorted by name.
from pycsrc import good
show("module", good)


async def fetch(n):
    await n
    async for x in n:
        pass


show("coroutine function", fetch)
