def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
a = list(range(0, 100, 3))
for x in [-1, 0, 1, 3, 50, 51, 99, 100]:
    i = bsearch(a, x)
    print(x, i, i < len(a) and a[i] == x)
words = sorted(['pear', 'apple', 'fig', 'kiwi', 'banana'])
print(words, bsearch(words, 'fig'), bsearch(words, 'grape'))
def sqrt_int(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
print([sqrt_int(n) for n in [0, 1, 15, 16, 10 ** 12, 2 ** 80]])
