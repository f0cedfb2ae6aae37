d = {'b': 2, 'a': 1}
d['c'] = 3
d['b'] = 20
print(d, len(d), d['a'], d.get('z'), d.get('z', 0), 'a' in d, 'z' not in d)
del d['a']
d['a'] = 100
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.pop('b'), d.pop('zz', 'dflt'), d)
print(d.setdefault('c', 0), d.setdefault('n', []), d)
d['n'].append(1)
print(d, d.popitem(), d)
d.update({'x': 1}, y=2)
d.update([('z', 3)])
print(d)
e = d.copy()
e['x'] = 'changed'
print(d['x'], e['x'], d == e, d == d.copy())
d.clear()
print(d, len(d), bool(d))
print(dict(), dict(a=1, b=2), dict([(1, 2), (3, 4)]), dict({'k': 'v'}, k2='v2'), dict(zip('abc', range(3))))
print(dict.fromkeys('abc'), dict.fromkeys([1, 2], 0), {}.fromkeys(range(3), 'x'))
