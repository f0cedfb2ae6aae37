def f(m):
    return [[c for c in row if c != m] for row in m]
flat = [x for sub in [[y for y in range(3)] for _ in range(2)] for x in sub]
