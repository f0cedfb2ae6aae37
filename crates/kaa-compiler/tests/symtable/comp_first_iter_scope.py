def f(n):
    def g():
        return [x for x in range(n) if x < limit for y in range(x)]
    limit = 3
    return g
