class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)), [x for x in Countdown(3)], sum(Countdown(4)))
class Repeat:
    def __init__(self, v, k):
        self.v, self.k = v, k
    def __iter__(self):
        for _ in range(self.k):
            yield self.v
print(list(Repeat('z', 3)), ''.join(Repeat('ab', 2)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, 'done'))
calls = iter(lambda: calls_list.pop(), 0)
calls_list = [0, 3, 2, 1]
print(list(calls))
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 1.5
print(list(Seq()), list(iter(Seq())), 3.0 in Seq())
for bad in [5, None, 1.5]:
    try:
        iter(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    next([1])
except TypeError as e:
    print('TypeError:', e)
d = {'a': 1}
di = iter(d)
print(next(di), type(di).__name__, type(iter([])).__name__, type(iter('')).__name__, type(iter(range(1))).__name__)
