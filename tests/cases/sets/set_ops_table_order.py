# Sets print in table order: every operation must build its table as
# CPython's setobject.c does (merge copies, resizes up front for dicts,
# dummies left by discards, in-place operators).
s = {1, 9, 17}
s.discard(1)
s.discard(9)
s.add(25)
print(s)
a = set(range(20)); a -= {1, 2, 3}; print(a)
b = set(range(20)); b.difference_update(range(5)); print(b)
c = set(range(20)); c.intersection_update(range(10, 30)); print(c)
d = set(range(10)); d ^= {3, 4, 40, 50}; print(d)
e = set(range(10)); e.symmetric_difference_update([3, 4, 40, 50]); print(e)
print({1, 2, 3} | {100, 200, 3}, {5, 10, 100, 33} & {33, 100, 7})
print(set(range(100)) - set(range(10, 100)))
k = set(range(100)); k -= set(range(10, 100)); print(k, len(k))
print({8, 16, 24}.union([1, 9]), frozenset({3, 11}) | {19})
x = set(); x.update([32, 64, 0]); x.update({96, 128}); print(x)
print({1, 2, 3}.intersection({2, 3, 4}, [3]), set([9, 1, 17]).difference([1], [9]))
print(set({40: 1, 8: 2, 16: 3, 24: 4, 32: 5}), set([40, 8, 16, 24, 32]))
print({100, 5, 37, 1000, 2}, frozenset([100, 5, 37, 1000, 2]), {*[100, 5, 37, 1000, 2]})
print({33, 1, 65}.symmetric_difference([1, 97, 129]), {33, 1, 65} ^ {1, 97, 129})
f = frozenset([5, 13, 21])
print(frozenset(f) is f, f.copy() is f, set(f), f | {29}, f - {13}, f & {21, 5})
t = {0, 8, 16}
t |= {24, 32}
t &= {8, 16, 24, 32, 64}
print(t, t.isdisjoint([1, 2]), t.issubset(range(100)), t.issuperset([8]))
p = set(range(12))
print([p.pop() for _ in range(3)], p)
d = {'k%d' % i: i for i in range(6)}
print(d.keys() - {'k1'}, d.keys() & ['k2', 'k9', 'k3'], d.keys() | ['z'], d.keys() ^ {'k0', 'q'})
print({'k4', 'k5'} & d.keys(), ['k4'] - d.keys() if False else '', d.items() & {('k1', 1), ('k2', 0)})
print(d.keys() == {'k0', 'k1', 'k2', 'k3', 'k4', 'k5'}, d.keys() < set(d) | {'x'}, {'k0'} < d.keys(), d.keys() >= {'k0'})
print(d.keys().isdisjoint(['x', 'y']), d.items().isdisjoint({('k0', 0)}), d.values() == d.values())
s = {0, 8, 16}
s.discard(0); s.discard(8)
s.add(24)
print(s)
s.add(32)
print(s)
s.add(1)
print(s)
t = {0, 8, 16}
t.discard(0); t.discard(8)
t.add(1); t.add(24)
print(t)
