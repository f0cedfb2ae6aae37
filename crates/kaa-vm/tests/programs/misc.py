def f():
    try:
        x = 1
    except Exception:
        print("no")
    else:
        print("else", x)
    finally:
        print("finally")
f()
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("i", i)
        finally:
            print("fin", i)
g()
def h():
    try:
        raise KeyError("a")
    except (TypeError, KeyError) as e:
        print("tuple catch", repr(e))
    try:
        raise IndexError
    except LookupError:
        print("base class catch")
h()
nums = list(range(10))
nums[2:5] = []
del nums[::2]
print(nums)
d = {"x": 1, "y": 2, "z": 3}
del d["y"]
d["y"] = 9
print(d, list(d), [k for k in d])
print("%d%%" % 50, "%05.1f" % 3.14159, "%x" % 255, "%r" % "s", "%-4d|" % 7, "%+d" % 5)
print(f"{'nested ' + f'{1 + 1}'}", f"{3:{'>'}{5}}", f"{[1, 2]!r:>10}")
print(1e22, 1e-7, 123456789.0, 0.000123, 3.0, -1.5e-10, 2.5e+16, float(10**16))
print(12345678901234567890 * 98765432109876543210, -17 // 5, -17 % 5, 2**64 // 3, (2**64) % 1000)
print(10 / 4, 10 // 4.0, 2 ** 0.5, 4 ** -1, 1_000_000, 0b1010, 0o17, 0xFF)
print(True + True, True * 3, -True, 5 > True, [1, 2] * True)
print(sorted([3, 1, 2]) == [1, 2, 3], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd")
print(max([], default=0), min(3, 4, key=lambda v: -v), sorted("bca"), list(range(0)))
words = "the quick brown fox jumps over the lazy dog".split()
count = {}
for w in words:
    count[w] = count.get(w, 0) + 1
print(sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
print(" ".join(w.capitalize() for w in words[:3]), "-".join(map(str, range(5))))
s = set()
for w in words:
    s.add(len(w))
print(sorted(s), len(s))
matrix = [[1, 2, 3], [4, 5, 6]]
print(list(zip(*matrix)), [sum(r) for r in matrix], [[r[i] for r in matrix] for i in range(3)])
a = b = []
a.append(1)
print(a is b, b, [] is [], a == b)
x = [0] * 3
print(x, x.copy() is x)
def kw(a, *, b=2, **rest):
    return a, b, rest
print(kw(1), kw(1, b=3, c=4))
print(list(map(lambda a, b: a + b, [1, 2], [3, 4])), list(filter(lambda v: v % 2, range(6))))
print(list(enumerate(["a", "b"])), dict(zip("ab", range(2))), list(reversed(range(3))))
it = iter(range(3))
print(next(it), list(it), list(it))
g = (x for x in [1])
print(next(g), next(g, "done"))
print(str(b"ab"), len(b"abc"), b"a" + b"b", b"xy"[0])
