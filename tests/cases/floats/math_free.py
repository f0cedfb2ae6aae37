def sqrt(x):
    g = x / 2 or 1.0
    for _ in range(40):
        g = (g + x / g) / 2
    return g
def exp(x):
    term, total = 1.0, 1.0
    for n in range(1, 60):
        term *= x / n
        total += term
    return total
def sin(x):
    term, total = x, x
    for n in range(1, 30):
        term *= -x * x / ((2 * n) * (2 * n + 1))
        total += term
    return total
for v in [2.0, 10.0, 0.25, 1e10]:
    print(v, sqrt(v))
for v in [0.0, 1.0, -1.0, 5.5]:
    print(v, exp(v))
for v in [0.0, 0.5, 1.0, 3.141592653589793]:
    print(v, round(sin(v), 12))
