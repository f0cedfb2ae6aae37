a, b = 1, 2
a, b = b, a
print(a, b)
x, (y, z) = 1, (2, 3)
print(x, y, z)
[p, q], r = 'ab', 'c'
print(p, q, r)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'hello'
print(init, last)
h, *mid, t = range(6)
print(h, mid, t)
a, *b, c = 1, 2
print(a, b, c)
(a, b), *c = [(1, 2), 3, 4]
print(a, b, c)
for i, (k, v) in enumerate({'x': 1, 'y': 2}.items()):
    print(i, k, v)
for a, *b in [(1, 2, 3), (4,)]:
    print(a, b)
i = j = k = 7
print(i, j, k)
l = [0, 0, 0]
i, l[i] = 1, 'set'
print(i, l)
for bad in [lambda: exec('a, b = 1, 2, 3'), lambda: exec('a, b, c = 1, 2'), lambda: exec('a, b = 1'), lambda: exec('a, *b, c = [1]')]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
a, b = 'xy'
c, d = {'k1': 1, 'k2': 2}
print(a, b, c, d)
