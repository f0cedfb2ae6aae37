class Multiplier:
    def __init__(self, k):
        self.k = k
    def __call__(self, x, *rest):
        return x * self.k + sum(rest)
double = Multiplier(2)
print(double(5), double(5, 1, 1), list(map(double, [1, 2])), callable(double))
class Fn:
    calls = 0
    def __call__(self):
        Fn.calls += 1
        return Fn.calls
f = Fn()
print(f(), f(), f())
try:
    Multiplier(1)()
except TypeError as e:
    print('TypeError:', e)
