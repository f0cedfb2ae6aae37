# Tuple packing and unpacking, swaps, starred unpacking.
def run(n):
    total = 0
    a, b, c = 1, 2, 3
    for i in range(n):
        a, b, c = b, c, a
        x, y = (i, a)
        (p, q), r = (x, y), b
        first, *rest = (p, q, r)
        total += first + q + r + len(rest)
        a, b = b, a
    return total + a + b + c
print(run(700000))
