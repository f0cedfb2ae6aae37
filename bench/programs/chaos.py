# Float geometry in the spirit of the chaos benchmark: an iterated function
# system (affine maps picked by an own LCG) whose points are bent along a
# Catmull-Rom spline, then counted on a grid.
class GVector:
    def __init__(self, x=0.0, y=0.0):
        self.x = x
        self.y = y

    def __add__(self, other):
        return GVector(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return GVector(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return GVector(self.x * k, self.y * k)

    def length(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def linear_combination(self, other, t):
        return GVector(self.x * t + other.x * (1 - t), self.y * t + other.y * (1 - t))


class Spline:
    """A uniform Catmull-Rom spline through the given points."""

    def __init__(self, points):
        self.points = [points[0]] + list(points) + [points[-1]]
        self.segments = len(points) - 1

    def at(self, u):
        # u in [0, 1] across all the segments.
        if u >= 1.0:
            u = 0.999999
        s = u * self.segments
        i = int(s)
        t = s - i
        p0, p1, p2, p3 = self.points[i:i + 4]
        t2 = t * t
        t3 = t2 * t
        a = -0.5 * t3 + t2 - 0.5 * t
        b = 1.5 * t3 - 2.5 * t2 + 1.0
        c = -1.5 * t3 + 2.0 * t2 + 0.5 * t
        d = 0.5 * t3 - 0.5 * t2
        return GVector(p0.x * a + p1.x * b + p2.x * c + p3.x * d,
                       p0.y * a + p1.y * b + p2.y * c + p3.y * d)


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return self.state

    def uniform(self):
        return self.next() / 2147483648.0


class Chaos:
    def __init__(self, maps, weights, spline, size):
        self.maps = maps
        self.cumulative = []
        acc = 0.0
        for w in weights:
            acc += w
            self.cumulative.append(acc)
        self.spline = spline
        self.size = size

    def pick(self, r):
        for i, c in enumerate(self.cumulative):
            if r <= c:
                return self.maps[i]
        return self.maps[-1]

    def transform(self, p, m):
        a, b, c, d, e, f = m
        return GVector(a * p.x + b * p.y + e, c * p.x + d * p.y + f)

    def bend(self, p):
        # Moves x along the spline and uses y as a normal offset.
        u = p.x if 0.0 <= p.x <= 1.0 else abs(p.x) % 1.0
        base = self.spline.at(u)
        ahead = self.spline.at(u + 0.001 if u < 0.998 else u - 0.001)
        tangent = ahead - base
        n = tangent.length()
        if n == 0.0:
            return base
        normal = GVector(-tangent.y / n, tangent.x / n)
        return base + normal * (p.y * 0.3)

    def run(self, steps, rng):
        grid = {}
        p = GVector(0.5, 0.5)
        for _ in range(steps):
            p = self.transform(p, self.pick(rng.uniform() * self.cumulative[-1]))
            q = self.bend(p)
            key = (int(q.x * self.size), int(q.y * self.size))
            grid[key] = grid.get(key, 0) + 1
        return grid


maps = [
    (0.5, 0.0, 0.0, 0.5, 0.0, 0.0),
    (0.5, 0.0, 0.0, 0.5, 0.5, 0.0),
    (0.5, 0.0, 0.0, 0.5, 0.25, 0.5),
    (0.3, -0.2, 0.2, 0.3, 0.4, 0.3),
]
spline = Spline([GVector(0.0, 0.0), GVector(0.3, 0.6), GVector(0.6, 0.2),
                 GVector(0.8, 0.9), GVector(1.0, 0.5)])
game = Chaos(maps, [1.0, 1.0, 1.0, 0.5], spline, 64)
grid = game.run(60000, Rng(42))
cells = sorted(grid.items())
checksum = 0
for (x, y), count in cells:
    checksum = (checksum * 31 + x * 1000 + y * 7 + count) % 1000000007
print(len(cells), max(grid.values()), checksum)
