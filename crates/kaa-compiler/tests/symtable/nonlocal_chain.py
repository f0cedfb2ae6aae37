def a():
    v = 0
    def b():
        nonlocal v
        def c():
            nonlocal v
            v += 1
        return c
    return b
