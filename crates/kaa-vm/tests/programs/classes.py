class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "..."
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
    def __str__(self):
        return self.name

class Dog(Animal):
    def speak(self):
        return "Woof from " + super().speak()

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
    @property
    def norm(self):
        return abs(self.x) + abs(self.y)
    @staticmethod
    def origin():
        return Point(0, 0)
    @classmethod
    def make(cls, v):
        return cls(v, v)

d = Dog("rex")
print(d, repr(d), d.speak(), d.kind, Dog.kind, isinstance(d, Animal), issubclass(Dog, Animal))
p = Point(1, 2) + Point(3, 4)
print(p, p == Point(4, 6), p != Point(4, 6), p.norm, Point.origin(), Point.make(7))
print(sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), {Point(1, 1), Point(1, 1)})
print(Dog.__mro__, Dog.__name__, type(d).__name__, d.__dict__)

class Stack:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def __iter__(self):
        return iter(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def push(self, x):
        self.items.append(x)
        return self

s = Stack().push(1).push(2).push(3)
print(len(s), list(s), s[0], 2 in s, bool(Stack()), [x * 2 for x in s])

class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])

class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)

class WithSlots:
    def __init__(self):
        self.a = 1
w = WithSlots()
w.b = 2
print(vars(w), hasattr(w, "a"), getattr(w, "c", "missing"))
try:
    w.zzz
except AttributeError as e:
    print(e)

class Node:
    def __init__(self, v, nxt=None):
        self.v, self.nxt = v, nxt
    def __iter__(self):
        n = self
        while n:
            yield n.v
            n = n.nxt
print(list(Node(1, Node(2, Node(3)))))
