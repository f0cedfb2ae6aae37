# The richer object model: super() chains through a diamond, properties
# with setters, classmethods and staticmethods, __slots__, class
# attributes shared through instances, operator and container dunders,
# __eq__/__hash__ for dict keys, __repr__, isinstance.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        Shape.count += 1

    def area(self):
        return 0

    def describe(self):
        return "%s:%d" % (self.name, self.area())

    @classmethod
    def unit(cls):
        return cls(1)

    @staticmethod
    def scale_of(k):
        return k * 2


class Rect(Shape):
    def __init__(self, w, h=None):
        super().__init__("rect")
        self._w = w
        self._h = w if h is None else h

    @property
    def width(self):
        return self._w

    @width.setter
    def width(self, value):
        self._w = value if value > 0 else 1

    def area(self):
        return self._w * self._h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"


class Mixin:
    def describe(self):
        return "mixin+" + super().describe()


class Fancy(Mixin, Square):
    pass


class Vec2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec2(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec2(self.x * k, self.y * k)

    def __eq__(self, other):
        return isinstance(other, Vec2) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return hash((self.x, self.y))

    def __len__(self):
        return 2

    def __getitem__(self, i):
        return self.x if i == 0 else self.y

    def __repr__(self):
        return "Vec2(%r, %r)" % (self.x, self.y)


def run(n):
    total = 0
    shapes = [Rect(3, 4), Square(5), Fancy(2), Rect.unit(), Square.unit()]
    seen = {}
    v = Vec2(0, 0)
    for i in range(n):
        s = shapes[i % 5]
        total += len(s.describe()) + s.area() + Shape.scale_of(i & 7)
        if isinstance(s, Rect):
            s.width = (i % 9) - 2
            total += s.width
        v = v + Vec2(1, i & 3) * 2
        if i % 50 == 0:
            key = Vec2(i % 7, i % 11)
            seen[key] = seen.get(key, 0) + 1
            total += len(key) + key[1]
    total += len(seen) + len(repr(v)) + Shape.count
    return total


print(run(180000), Fancy(3).describe(), Fancy.__mro__[1].__name__)
