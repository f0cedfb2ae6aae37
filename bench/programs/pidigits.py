# Digits of pi with big integers (the spigot algorithm).
def pidigits(n):
    digits = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(digits) < n:
        if 4 * q + r - t < m * t:
            digits.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return digits
d = pidigits(2500)
print(''.join(map(str, d[:50])), sum(d), len(d))
