f = lambda a, b=B, *c, d, e=E, **g: a + b + unknown
def outer():
    v = 1
    return lambda: lambda w=v: v + w
k = lambda: (lambda: 1)
