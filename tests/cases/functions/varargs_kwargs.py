def f(*args, **kwargs):
    return args, kwargs
print(f(), f(1, 2), f(a=1), f(1, *(2, 3), b=4, **{'c': 5}))
def g(a, b, *rest, flag=False, **opts):
    return a, b, rest, flag, sorted(opts.items())
print(g(1, 2), g(1, 2, 3, 4, flag=True, z=26, y=25))
def total(*nums):
    s = 0
    for x in nums:
        s += x
    return s
print(total(), total(1), total(*range(101)))
def show(**kw):
    return ' '.join(f'{k}={v}' for k, v in kw.items())
print(show(b=2, a=1, c=3), show(**{'x': 'y'}))
def passthru(*a, **k):
    return f(*a, **k)
print(passthru(9, q=1))
print(type(f()[0]).__name__, type(f()[1]).__name__)
def fwd(first, *args, sep=',', **kw):
    return sep.join(map(str, (first,) + args)) + str(kw)
print(fwd(1, 2, 3, sep='-'), fwd('x', end='!'))
