def f(a):
    del a
    del obj.attr, obj[idx]
    first, *rest = seq
    [p, q] = seq
    (r, [s, *t]) = seq
    for (i, j) in pairs:
        pass
