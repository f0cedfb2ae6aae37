def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def lcm(a, b):
    return a // gcd(a, b) * b
pairs = [(12, 18), (17, 5), (0, 9), (2 ** 40, 6 ** 20), (-12, 18), (10 ** 30, 10 ** 20 + 5)]
for a, b in pairs:
    print(a, b, gcd(a, b), lcm(a, b) if a and b else 0)
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
for n in [0, 1, 2, 15, 16, 17, 10 ** 20, 2 ** 101]:
    print(n, isqrt(n) if n else 0)
primes = [p for p in range(2, 120) if all(p % d for d in range(2, p))]
print(primes)
print(sum(primes), len(primes))
