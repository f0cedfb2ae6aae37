t = tuple(range(10))
print(t[2:8:2], t[::-1][:3], t[-1], t.index(5), t.count(3), 3 in t, len(t))
a, *b, c = t
print(a, b[:2], c, type(b).__name__)
nested = ((1, 2), (3, (4, 5)))
((p, q), (r, (s, u))) = nested
print(p, q, r, s, u)
print(tuple(reversed(t))[:3], sorted(t, reverse=True)[:3], max(t), min(t), sum(t))
print((1, 2) + (3,), (1,) * 3, tuple('abc') + tuple([1]), () + (), (None,) * 2)
print(tuple(x for x in t if x % 3 == 0), tuple(map(str, (1, 2))), tuple({1: 'a'}))
print(divmod(17, 5), type(divmod(1, 1)).__name__, tuple(enumerate('ab')))
