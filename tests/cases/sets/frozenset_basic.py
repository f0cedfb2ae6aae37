f = frozenset([3, 1, 2, 3])
g = frozenset('abc') if False else frozenset([10, 1])
print(f, len(f), 2 in f, f | g, f & g, f - g, f ^ g, type(f | g).__name__, type({1} | f).__name__, type(f | {1}).__name__)
d = {f: 'frozen'}
print(d[frozenset({1, 2, 3})], hash(f) == hash(frozenset([1, 2, 3])), hash(frozenset()))
print({frozenset({1}), frozenset({1}), frozenset({2})} == {frozenset({1}), frozenset({2})})
print(frozenset([1, 2]) == {1, 2}, frozenset(range(5)), sorted(frozenset([5, -1, 3])))
print(f.union([9]), f.copy() == f, f.issubset({1, 2, 3, 4}))
print(hash(frozenset({1, 2})), hash(frozenset({(1, 2)})), hash(frozenset(range(10))))
