d = {'a': 1}
d.update({'b': 2})
d.update([('c', 3), ('d', 4)])
d.update(e=5, a=10)
d.update(zip('fg', (6, 7)))
d.update({})
print(d)
class KeysOnly:
    def keys(self):
        return ['x', 'y']
    def __getitem__(self, k):
        return k.upper()
d.update(KeysOnly())
print(d)
print(dict(KeysOnly()), dict([('a', 1)], b=2), dict(dict(a=1)), dict(zip(range(3), 'abc')))
try:
    d.update([('only-one',)])
except ValueError as e:
    print('ValueError:', e)
try:
    d.update(1)
except TypeError as e:
    print('TypeError:', e)
