d = {}
print(d.get('a'), d.get('a', 1), d.setdefault('a', []), d)
d['a'].append(1)
d.setdefault('a', []).append(2)
print(d, d.pop('a'), d, d.pop('a', None))
d = dict.fromkeys('xyz', 0)
for ch in 'xxyzzzq':
    d[ch] = d.get(ch, 0) + 1
print(d, d.popitem(), d.popitem(), d)
e = {1: 'a'}
print(e.setdefault(2), e, e.get(2, 'ignored'))
print({}.get([1], 'default') if False else 'skip')
try:
    {}.get([1])
except TypeError as ex:
    print('TypeError:', ex)
