print({3, 1, 2}, {100, 5, 37, 1000, 2}, {-1, -5, 8, 0}, {2 ** 40, 7, 2 ** 64})
s = set()
for i in [33, 1, 17, 65, 9, 129, 257]:
    s.add(i)
print(s)
print(set(range(20)), set(range(40, 0, -3)))
print({x * 7 % 31 for x in range(31)})
t = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
t.discard(5)
t.add(50)
t.add(-3)
print(t)
print({(1, 2), (3, 4), (0, 0)}, {1.5, 2.5, 0.5}, {True, 2, 3})
big = set(range(0, 1000, 37))
print(big)
big2 = {i * i for i in range(30)}
print(big2)
print(frozenset({8, 9, 1}), frozenset(), set(), {-2 ** 62, 2 ** 62})
