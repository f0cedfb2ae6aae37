def f():
    x = 1
    y = 2
    def g():
        nonlocal x
        x = 3
        def h():
            nonlocal x, y
            y = x
        return h
    return g
