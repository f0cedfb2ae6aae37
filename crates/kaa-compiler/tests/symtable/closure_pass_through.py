def a():
    x = 1
    y = 2
    def b():
        def c():
            return x + y
        return c
    return b
