# itertools: subclasses, consumption order, laziness and shared state.
import itertools as it

class MyCount(it.count):
    pass
c = MyCount(3, 2)
print(next(c), next(c), isinstance(c, it.count))
class MyChain(it.chain):
    def extra(self):
        return "extra"
m = MyChain("ab", "c")
print(list(m), m.extra())
# islice consumes exactly what it needs.
src = iter(range(20))
s = it.islice(src, 1, 10, 3)
print(next(s), next(src), list(s), next(src))
s = it.islice(range(10), 3, 3)
print(list(s), list(it.islice(range(10), 8, None, 5)), list(it.islice([], 5)))
s = it.islice(iter([1, 2, 3]), 5)
print(list(s), list(s))
print(list(it.islice(it.count(), 2, 20, 7)), list(it.islice("abcdefgh", 1, 6, 2)))
print(list(it.islice(range(10), 2 ** 62)))
# chain pulls iterables lazily.
def gen(tag, n):
    print("start", tag)
    yield from range(n)
ch = it.chain.from_iterable(gen(t, 2) for t in "xy")
print(next(ch))
print(list(ch))
ch = it.chain([1], [2])
print(next(ch), list(ch), list(ch))
# count with floats, big ints, negative steps, complex.
c = it.count(2 ** 63 - 2)
print(next(c), next(c), next(c), repr(c))
c = it.count(0.1, 0.1)
print([next(c) for _ in range(4)], repr(c))
c = it.count(1j, 1 + 1j)
print(next(c), next(c), repr(c))
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, other):
        return Num(self.v + other.v)
    def __float__(self):
        return float(self.v)
    def __repr__(self):
        return "Num(%r)" % self.v
c = it.count(Num(1), Num(10))
print(next(c), next(c), repr(c))
r = it.repeat("x", 2)
print(next(r), r.__length_hint__(), next(r), r.__length_hint__(), list(r))
try:
    it.repeat(1).__length_hint__()
except TypeError as e:
    print("TypeError:", e)
# groupby drives one shared iterator.
data = [("a", 1), ("a", 2), ("b", 3), ("a", 4)]
for k, g in it.groupby(data, key=lambda p: p[0]):
    print(k, [v for _, v in g])
print([(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))])
# tee buffers for the slower copy.
a, b = it.tee(x * x for x in range(6))
print(list(it.islice(a, 3)), list(b), list(a))
print(type(a).__name__, type(a) is type(b))
# zip_longest stops when all are exhausted; fillvalue.
print(list(it.zip_longest("ab", range(4), fillvalue=None)))
print(list(it.starmap(lambda *a: sum(a), [(), (1,), (1, 2, 3)])))
print(list(it.accumulate([1, 2, 3], lambda a, b: a * 10 + b, initial=9)))
print(list(it.compress(range(10), it.cycle([1, 0, 0]))))
print(list(it.takewhile(str.isupper, "ABcD")), list(it.dropwhile(str.isupper, "ABcD")))
print(list(it.pairwise(it.islice(it.count(), 5))))
print(sum(1 for _ in it.product("abc", repeat=4)), sum(1 for _ in it.combinations_with_replacement(range(5), 3)))
print(list(it.permutations("abcd", 2))[-3:], list(it.combinations(range(6), 5))[:2])
# Subclasses whose __init__ does not call the base's still work (the
# state is made in __new__, as CPython's types make it).
class Tagged(it.count):
    def __init__(self, start, tag):
        self.tag = "tag"
t = Tagged(5, 2)
print(next(t), next(t), t.tag)
class Rep(it.repeat):
    def __init__(self, *args):
        pass
print(list(Rep("q", 3)))
class P(it.product):
    def __init__(self, *a, **k):
        pass
print(list(P("ab", repeat=2)))
