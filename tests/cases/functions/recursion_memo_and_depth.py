def count_ways(n, memo={}):
    if n < 0:
        return 0
    if n == 0:
        return 1
    if n not in memo:
        memo[n] = count_ways(n - 1) + count_ways(n - 2) + count_ways(n - 3)
    return memo[n]
print([count_ways(n) for n in range(15)], count_ways(200))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50), gcd(17, 0))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]), len(power_set(list(range(10)))))
