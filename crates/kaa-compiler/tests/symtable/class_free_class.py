def f():
    x = 1
    y = 2
    class C:
        x = 3
        global y
        def g(self):
            return x, y
    return C
