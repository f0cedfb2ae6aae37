def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(7))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(str.upper, 1, 'hi'))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(None, [0, 1, '', 'a', None])))
ops = {'add': lambda a, b: a + b, 'sub': lambda a, b: a - b, 'pow': pow}
print({k: f(2, 5) for k, f in ops.items()})
def curry(f):
    return lambda a: lambda b: f(a, b)
print(curry(ops['sub'])(10)(3))
print(sorted(['aa', 'b', 'ccc'], key=lambda s: -len(s)), max([3, -7, 5], key=abs))
funcs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in funcs])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
