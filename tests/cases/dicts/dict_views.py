d = {'a': 1, 'b': 2, 'c': 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i)
d['d'] = 4
print(len(k), list(v), ('d', 4) in i, 'a' in k, 2 in v)
print(k & {'a', 'z'}, k | {'z'} == {'a', 'b', 'c', 'd', 'z'}, k - {'a'} == {'b', 'c', 'd'}, k ^ {'a', 'q'} == {'b', 'c', 'd', 'q'})
print(i & {('a', 1), ('b', 9)}, k == {'a', 'b', 'c', 'd'}, k.isdisjoint({'x'}), sorted(k))
print(list(k)[::-1], [x for x in v if x % 2], dict(i))
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(repr({}.keys()), repr({1: 2}.items()), {1: [2]}.values())
print(list(d.keys() - ['a', 'b']), sorted(d.keys() | ['zz']))
print(v == v, d.values() == d.values())
