# random's argument errors and edge cases, as CPython reports them.
import random

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

r = random.Random(12)
show(r.randrange, 0)
show(r.randrange, -3)
show(r.randrange, 5, 5)
show(r.randrange, 5, 2)
show(r.randrange, 0, 10, 0)
show(r.randrange, 10, 0, -3)
show(r.randrange, 10, 0, 3)
show(r.randrange, 10, step=2)
show(r.randrange, 10, None)
show(r.randint, 3, 1)
show(r.randint, 3, 3)
show(r.choice, [])
show(r.choice, "")
show(r.choice, (7,))
show(r.sample, {1, 2, 3}, 2)
show(r.sample, range(5), 6)
show(r.sample, range(5), -1)
show(r.sample, "abc", 2, counts=[1, 2])
show(r.sample, "abc", 2, counts=[0, 0, 0])
show(r.sample, "abc", 2, counts=[1.0, 2, 3])
show(r.choices, "abc", 3)
show(r.choices, "abc", [1, 2])
show(r.choices, "abc", [0, 0, 0])
show(r.choices, "abc", [1, 2, float("inf")])
show(r.choices, "abc", [1, 2, 3], cum_weights=[1, 2, 3])
show(r.choices, [], k=0)
show(r.getrandbits, -1)
show(r.getrandbits, 1.5)
show(r.gammavariate, 0, 1)
show(r.gammavariate, 1, -1)
show(r.seed, [1, 2])
show(r.seed, {})
show(r.setstate, (3, (1, 2), None))
show(r.setstate, (9, (), None))
show(r.setstate, (3, [0] * 625, None))
st = list(r.getstate()[1]); st[-1] = 700
show(r.setstate, (3, tuple(st), None))
st[-1] = 624; st[0] = -1
show(r.setstate, (3, tuple(st), None))
st[0] = 2 ** 40 + 5
show(r.setstate, (3, tuple(st), None))
print(r.getstate()[1][0], r.random())
show(r.triangular, 1, 1)
show(r.triangular, 2, 4, 4)
show(r.expovariate, 0)
show(r.randbytes, 0)
show(r.randbytes, -1)
show(random.SystemRandom().getstate)
print(type(random.SystemRandom().random()), len(random.SystemRandom().randbytes(5)))
print(0 <= random.SystemRandom().randrange(10) < 10, random.SystemRandom().getrandbits(0))
# version-2 states: words reduced mod 2**32
r.seed(3)
s = r.getstate()
r2 = random.Random()
r2.setstate((2, tuple(x + 2 ** 32 for x in s[1][:-1]) + (s[1][-1],), None))
print(r.random() == r2.random())
# A subclass with its own random() draws through random() only.
class MyRandom(random.Random):
    def random(self):
        self.n = getattr(self, "n", 0) + 1
        return (self.n * 0.37) % 1.0
m = MyRandom(1)
print([m.randrange(10) for _ in range(8)], m.choice("abcdef"))
class Bits(random.Random):
    def getrandbits(self, k):
        return 1 if k else 0
print(Bits().randrange(3), Bits().randint(0, 1))
print(sorted(random.__all__) == sorted(n for n in random.__all__ if hasattr(random, n)))
