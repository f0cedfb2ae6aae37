t = (1, 'two', 3.0, None, (5, 6))
print(t, len(t), t[1], t[-1][0], t[1:3], t[::-1], t[::2])
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), (1, 2) + (3,), (0,) * 3, 2 * (1, 2))
print(t.count(None), (1, 2, 1, 1).count(1), (5, 6, 7).index(7), (1, 2, 3).index(2, 1))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), (1, 2) == (1, 2), () < (0,), (1, 'a') < (1, 'b'))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, 2)), hash((-1, 0)), hash(((1, 2), 3)))
print(hash((1.5, 'x' * 0)), hash((True, False, None is None)))
a, b, c = (1, 2, 3)
print(a, b, c)
x = 1, 2
print(x, type(x).__name__, (1) == 1, (1,) == 1)
for f in [lambda: t[10], lambda: t.index(42), lambda: (1,) + [2], lambda: hash(([1],)), lambda: (1, 'a') < ('a', 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    t[0] = 5
except TypeError as e:
    print('TypeError:', e)
print(repr((1,)), repr(((),)), str((1, 'a', [2])), min((4, 2, 8)), sorted((3, 1)))
