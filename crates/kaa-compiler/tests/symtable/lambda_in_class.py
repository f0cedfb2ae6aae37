class C:
    base = 1
    f = lambda self, b=base: base + b
    g = [lambda: base for _ in range(2)]
