# Inline fast paths and what they fall back to: ints that overflow, floats,
# mixed operands, user __eq__/__lt__, list/tuple/dict subscripts, subclasses.
big = 2 ** 62
print(big + big, big * 4, -big - big - big, 7 // -2, -7 % 3, 2 ** 64)
print(1.5 + 2, 0.1 + 0.2, 3 < 3.5, 2.0 == 2, float("nan") == float("nan"))
i = 0
n = 0
while i < 10:
    if i % 3 == 0:
        n += 1
    i += 1
print(n)

class Weird:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print("lt called")
        return self.v < other
    def __bool__(self):
        print("bool called")
        return True
    def __eq__(self, other):
        return NotImplemented
    __hash__ = object.__hash__

w = Weird(3)
if w < 5:
    print("w < 5")
while Weird(1) < 0:
    pass
print(w == w, w != 3, 3 == w)
if Weird(0):
    print("truthy")

lst = [10, 20, 30]
print(lst[0], lst[-1], lst[-3], lst[True])
for bad in (3, -4, 2 ** 70):
    try:
        lst[bad]
    except IndexError as e:
        print("IndexError:", e)
try:
    lst["a"]
except TypeError as e:
    print("TypeError:", e)
t = (1, 2, 3)
print(t[1], t[-1])
try:
    t[5]
except IndexError as e:
    print("IndexError:", e)
lst[-1] = 99
lst[0] = 5
print(lst)
try:
    lst[3] = 0
except IndexError as e:
    print("IndexError:", e)

a = list(range(10))
print(a[2:5], a[::-1], a[8:2:-2], a[::3], a[-3:], a[5:2], a[::-4], a[100:], a[:-100])
print(a[::9223372036854775807], a[::-9223372036854775807], a[1:9:-1])
perm = [0, 1, 2, 3, 4, 5]
k = 3
perm[:k + 1] = perm[k::-1]
print(perm)

class MyList(list):
    def __getitem__(self, i):
        return ("mine", i)
    def __setitem__(self, i, v):
        print("set", i, v)
m = MyList([1, 2, 3])
print(m[0], m[1:2])
m[0] = 7

d = {"a": 1, 2: "b"}
print(d["a"], d[2])
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)

class Defaulting(dict):
    def __missing__(self, k):
        return "default for " + repr(k)
dd = Defaulting(a=1)
print(dd["a"], dd["zz"])

class Key:
    def __init__(self, k):
        self.k = k
    def __hash__(self):
        print("hash", self.k)
        return hash(self.k)
    def __eq__(self, other):
        print("eq", self.k)
        return isinstance(other, Key) and other.k == self.k
kd = {Key(1): "one"}
print(kd[Key(1)])
try:
    kd[Key(2)]
except KeyError:
    print("KeyError for Key(2)")

# Keyword arguments bound by name (interned and non-interned names).
def kw(a, b=2, *, c=3):
    return (a, b, c)
print(kw(1, c=4), kw(b=5, a=6), kw(**{"a": 7, "c": 8}))
name = "".join(["c"])
print(kw(1, **{name: 9}))
try:
    kw(1, d=2)
except TypeError as e:
    print("TypeError:", e)

# Deep recursion through the fast call path still raises RecursionError.
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
