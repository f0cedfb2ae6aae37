def f():
    a = b = c = 0
    x.y = z[0] = w = 1
    (aa := 2)
    l[1:2:3] = m
    return locals()
