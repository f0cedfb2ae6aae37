import sys
def deco(fn):
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def hello(name, punct="!"):
    return "hi " + name + punct
print(hello("bob"), hello("al", punct="?"))

class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "Vec(" + ", ".join(map(repr, self.xs)) + ")"
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.xs, o.xs)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return self * -1
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __eq__(self, o):
        return self.xs == o.xs
    def __bool__(self):
        return any(self.xs)
    def __call__(self, k):
        return self.xs[k]
v = Vec(1, 2, 3)
v[0] = 10
print(v + v, v * 2, 3 * v, -v, len(v), v[1], v == Vec(10, 2, 3), bool(Vec(0)), v(2), list(v))

class Temp:
    def __init__(self):
        self._c = 0
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, val):
        if val < -273:
            raise ValueError("too cold")
        self._c = val
t = Temp()
t.c = 25
print(t.c)
try:
    t.c = -300
except ValueError as e:
    print(e)

class Dyn:
    def __getattr__(self, name):
        return name.upper()
print(Dyn().hello)

class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)))

class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), len(ml), isinstance(ml, list))

class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"])

class Err(Exception):
    def __init__(self, code):
        self.code = code
    def __str__(self):
        return f"error code {self.code}"
try:
    raise Err(42)
except Err as e:
    print(e, e.code, e.args)

class Base:
    def __init__(self):
        self.log = ["base"]
class Child(Base):
    def __init__(self):
        super().__init__()
        self.log.append("child")
print(Child().log)

class Shape:
    sides = 0
    def describe(self):
        return f"{type(self).__name__} with {self.sides} sides"
class Tri(Shape):
    sides = 3
print(Tri().describe(), Shape().describe())
print(str(Tri)[:15], Tri.__name__, Tri.__bases__)
print("to stderr", file=sys.stderr)
print(sys.argv[0].endswith("objects.py"))

class Eq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v
print(Eq(1) == Eq(1), Eq(1) != Eq(2), Eq(1) in [Eq(0), Eq(1)])
try:
    {Eq(1)}
except TypeError as e:
    print(e)
o = object()
print(o == o, o != object(), type(o).__name__)
try:
    Vec(1) < Vec(2)
except TypeError as e:
    print(e)
