# Float math on objects: points built from sin/cos (own Taylor series, no
# math import), normalised with ** 0.5, then reduced to a maximum.
PI = 3.141592653589793


def sin(x):
    # Reduce to [-pi, pi], then a Taylor series.
    x = x % (2 * PI)
    if x > PI:
        x -= 2 * PI
    term = x
    total = x
    x2 = x * x
    n = 1
    while n < 23:
        term = -term * x2 / ((n + 1) * (n + 2))
        total += term
        n += 2
    return total


def cos(x):
    return sin(x + PI / 2)


class Point:
    def __init__(self, i):
        self.x = x = sin(i)
        self.y = cos(i) * 3
        self.z = (x * x) / 2

    def normalize(self):
        norm = (self.x * self.x + self.y * self.y + self.z * self.z) ** 0.5
        self.x /= norm
        self.y /= norm
        self.z /= norm

    def maximize(self, other):
        self.x = self.x if self.x > other.x else other.x
        self.y = self.y if self.y > other.y else other.y
        self.z = self.z if self.z > other.z else other.z
        return self


def run(n):
    points = [Point(i) for i in range(n)]
    for p in points:
        p.normalize()
    best = points[0]
    for p in points[1:]:
        best = best.maximize(p)
    return best


checksum = 0
for rep in range(12):
    b = run(10000 + rep)
    checksum += int(b.x * 1e9) + int(b.y * 1e9) + int(b.z * 1e9)
print(checksum, repr(sin(1.0)), repr(cos(2.0)))
