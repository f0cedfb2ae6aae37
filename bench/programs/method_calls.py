# Method calls on plain classes only (no super(), no properties, no
# descriptors): bound-method calls, calls through a class hierarchy,
# overriding, methods calling methods, and calls through stored bound
# methods.
class Base:
    def __init__(self, value):
        self.value = value

    def get(self):
        return self.value

    def step(self, k):
        return self.get() + k

    def twice(self, k):
        return self.step(k) + self.step(k + 1)


class Middle(Base):
    def get(self):
        return self.value * 2


class Leaf(Middle):
    def step(self, k):
        return self.get() - k


class Deep1(Leaf):
    pass


class Deep2(Deep1):
    pass


class Deep3(Deep2):
    def extra(self, a, b, c):
        return a + b * c + self.value


class Counter:
    def __init__(self):
        self.n = 0

    def incr(self):
        self.n += 1
        return self

    def add(self, k):
        self.n += k
        return self.n


def run(n):
    objs = [Base(1), Middle(2), Leaf(3), Deep3(4)]
    counter = Counter()
    total = 0
    add = counter.add
    for i in range(n):
        o = objs[i & 3]
        total += o.twice(i & 15)
        total += o.get()
        counter.incr().incr()
        total += add(1)
        if i & 3 == 3:
            total += o.extra(i, 2, 3)
    return total % 1000000007


print(run(400000))
