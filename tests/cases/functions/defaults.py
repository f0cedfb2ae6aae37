def f(a, b=2, c='three'):
    return a, b, c
print(f(1), f(1, 20), f(1, c=3), f(a=0, c=None), f(*[7, 8]), f(**{'a': 'x'}))
def acc(x, bucket=[]):
    bucket.append(x)
    return bucket
print(acc(1), acc(2), acc(3, []), acc(4))
def g(a, b=None):
    if b is None:
        b = []
    b.append(a)
    return b
print(g(1), g(2))
n = 10
def h(x=n):
    return x
n = 20
print(h(), h.__defaults__, f.__defaults__, f.__name__, f.__qualname__)
def k(*, key='d', **rest):
    return key, rest
print(k(), k(key=1, other=2), k.__kwdefaults__)
def compute(a, b=len('abc'), c=[i * 2 for i in range(3)]):
    return a + b, c
print(compute(1))
