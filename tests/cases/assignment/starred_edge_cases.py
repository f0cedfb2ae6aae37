*a, = [1, 2, 3]
print(a)
*b, c = 'x'
print(b, c)
d, *e = range(1)
print(d, e)
f, *g, h = [1, 2]
print(f, g, h)
for first, *rest in ['abc', 'de', 'f']:
    print(first, rest)
[*x] = (1, 2)
(*y,) = {3: 'a'}
print(x, y)
try:
    p, *q, r = [1]
except ValueError as err:
    print('ValueError:', err)
head, *_, tail = range(100)
print(head, tail, len(_))
