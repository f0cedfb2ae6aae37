# Big-integer multiplication and division: factorials by a product tree
# checked against the naive product, binomials, Fibonacci by fast doubling,
# and decimal digits extracted by divmod in chunks (no str() of huge ints,
# which CPython 3.11 limits to 4300 digits).
def product(lo, hi):
    """The product of the integers in [lo, hi)."""
    if hi - lo <= 8:
        r = 1
        for k in range(lo, hi):
            r *= k
        return r
    mid = (lo + hi) // 2
    return product(lo, mid) * product(mid, hi)


def factorial_naive(n):
    r = 1
    for k in range(2, n + 1):
        r *= k
    return r


def fib_pair(n):
    """(F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    if n & 1:
        return d, c + d
    return c, d


def digit_sum(x):
    total = 0
    chunk = 10 ** 18
    while x:
        x, low = divmod(x, chunk)
        while low:
            low, d = divmod(low, 10)
            total += d
    return total


def trailing_zeros(x):
    count = 0
    while x % 10 == 0:
        x //= 10
        count += 1
    return count


checksum = 0
for n in (1000, 2500, 4000, 5500, 7000):
    f = product(1, n + 1)
    if f != factorial_naive(n):
        raise ValueError("product tree disagrees")
    zeros = trailing_zeros(f)
    checksum += f.bit_length() + digit_sum(f) + zeros
    binom = product(n - 999, n + 1) // product(1, 1000)
    checksum += binom % 1000000007 + binom.bit_length() + digit_sum(binom)
    fa, fb = fib_pair(n * 7)
    checksum += digit_sum(fa) + fa % 998244353 + (fb - fa).bit_length()
    p = pow(3, n) * pow(7, n // 2) - 1
    q, r = divmod(p, product(1, n // 4))
    checksum += q.bit_length() + r % 65537 + digit_sum(q)
print(checksum, f // 10 ** zeros % 10 ** 30, binom % 10 ** 40, -fa // 10 ** 50 % 997)
