class Vec:
    __slots__ = ('x', 'y')
    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented
    def __radd__(self, o):
        return self if o == 0 else NotImplemented
    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __hash__(self):
        return hash((self.x, self.y))
    def __abs__(self):
        return (self @ self) ** 0.5
    def __repr__(self):
        return f'Vec({self.x}, {self.y})'
vs = [Vec(1, 2), Vec(3, 4), Vec(-1, 0)]
print(sum(vs), sum(vs, Vec()), 2 * vs[0], vs[1] * 3, vs[0] @ vs[1], abs(vs[1]))
print(vs[0] == Vec(1, 2), len({Vec(1, 2), Vec(1, 2)}), Vec(1, 2) in vs, vs.index(Vec(3, 4)))
try:
    vs[0] + 1
except TypeError as e:
    print('TypeError:', e)
