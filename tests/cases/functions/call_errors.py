def f(a, b):
    return a + b
def g(a, b=1, *, c):
    pass
def h():
    pass
class C:
    def m(self, x):
        return x
    @staticmethod
    def s(y):
        return y
    @classmethod
    def cm(cls, z):
        return z
tests = [
    lambda: f(1), lambda: f(1, 2, 3), lambda: f(1, b=2, a=3), lambda: f(c=1), lambda: f(1, 2, c=3),
    lambda: g(1), lambda: g(1, 2, 3), lambda: g(c=1), lambda: h(1), lambda: h(x=1),
    lambda: C().m(), lambda: C().m(1, 2), lambda: C.m(1), lambda: C.s(), lambda: C.cm(), lambda: C().m(y=1),
    lambda: len(), lambda: len(1, 2), lambda: len(1), lambda: abs(), lambda: print(sep=1), lambda: sorted([1], 1),
    lambda: int('1', 2, 3), lambda: (lambda x: x)(), lambda: divmod(1), lambda: isinstance(1), lambda: f(*None),
    lambda: 'abc'.split(1), lambda: [].append(), lambda: {}.get(), lambda: max(), lambda: min([]),
]
for t in tests:
    try:
        t()
    except TypeError as e:
        print('TypeError:', e)
    except ValueError as e:
        print('ValueError:', e)
