def f(a, b, *c, **d):
    def g():
        return a, c, d
    return g
def h(x):
    x = 2
    return lambda: x
