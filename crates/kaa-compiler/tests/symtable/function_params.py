def f(p0, p1=D1, /, a1=D2, *args, k1, k2=KD, **kwargs):
    return p0, p1, a1, args, k1, k2, kwargs, local_name

def g(a: A, b: "B" = 1, *c: C, d: D, **e: E) -> R:
    pass

def h(*, only):
    pass
