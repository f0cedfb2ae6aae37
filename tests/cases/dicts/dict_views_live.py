d = {'a': 1, 'b': 2}
keys = d.keys()
vals = d.values()
items = d.items()
d['c'] = 3
del d['a']
print(list(keys), list(vals), list(items), len(keys))
print('c' in keys, 3 in vals, ('b', 2) in items, ('b', 3) in items)
print(keys == {'b', 'c'}, keys - {'b'}, keys & {'c', 'z'}, sorted(keys | {'q'}), keys ^ {'b', 'z'} == {'c', 'z'})
it = iter(keys)
print(next(it))
d['zz'] = 0
try:
    next(it)
except RuntimeError as e:
    print('RuntimeError:', e)
print(reversed(keys).__class__.__name__, list(reversed(items)))
