# Subclasses of built-ins that override a special method and call the
# base's through super() or the type (the built-in behaviour runs).
class LoudDict(dict):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.log = []
    def __setitem__(self, key, value):
        self.log.append(key)
        super().__setitem__(key, value)
    def __getitem__(self, key):
        return dict.__getitem__(self, key) * 10
    def __missing__(self, key):
        return -1
    def __delitem__(self, key):
        self.log.append('del ' + key)
        super().__delitem__(key)
    def __contains__(self, key):
        return super().__contains__(key.lower())
    def __len__(self):
        return super().__len__() + 100
    def __repr__(self):
        return 'LoudDict' + super().__repr__()

d = LoudDict(a=1)
d['b'] = 2
print(d['a'], d['b'], d['zz'], 'A' in d, len(d), d, d.log)
del d['a']
print(d, d.log, dict(d), list(d), d.get('b'))

class Stack(list):
    def __init__(self, items=()):
        super().__init__(items)
    def push(self, x):
        self.append(x)
    def __iter__(self):
        return reversed(list(super().__iter__()))
    def __getitem__(self, i):
        return super().__getitem__(-1 - i)
    def __setitem__(self, i, v):
        super().__setitem__(i, v * 2)
    def __iadd__(self, other):
        return super().__iadd__([x + 1 for x in other])
    def __eq__(self, other):
        r = super().__eq__(other)
        return other == 'stack' if r is NotImplemented else r
    __hash__ = None

s = Stack([1, 2])
s.push(3)
s[0] = 5
s += [7]
print(list(s), s[0], s == 'stack', s == [10, 2, 3, 8], len(s), type(s).__name__)
print(list.__repr__(s), list.__len__(s), list.__getitem__(s, 0))

class Upper(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
    def __add__(self, other):
        return Upper(super().__add__(other))
    def __len__(self):
        return super().__len__() * 2
    def __str__(self):
        return 'U:' + super().__str__()
    def __getitem__(self, i):
        return super().__getitem__(i).lower()

u = Upper('ab')
print(repr(u), str(u), len(u), u + 'c', type(u + 'c').__name__, u[0], u == 'AB', hash(u) == hash('AB'))

class Money(int):
    def __new__(cls, cents):
        return super().__new__(cls, round(cents))
    def __add__(self, other):
        return Money(super().__add__(other))
    def __radd__(self, other):
        return Money(super().__radd__(other))
    def __repr__(self):
        return f'Money({int.__repr__(self)})'
    def __eq__(self, other):
        return super().__eq__(other)
    def __hash__(self):
        return super().__hash__()

m = Money(12.6)
print(m, m + 1, 1 + m, sum([Money(1), Money(2)]), m == 13, {m: 'x'}[m], int(m) * 2)

class Cset(set):
    def __init__(self, it=()):
        super().__init__(x for x in it if x)
    def __or__(self, other):
        return Cset(super().__or__(other))
    def __contains__(self, x):
        return super().__contains__(abs(x))

cs = Cset([0, 1, 2])
print(sorted(cs), sorted(cs | {3}), type(cs | {3}).__name__, -1 in cs, 5 in cs)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def __getitem__(self, i):
        return super().__getitem__(i) * 2
    def __repr__(self):
        return 'Pair' + super().__repr__()
p = Pair(1, 2)
print(p, p[0], p[1], len(p), p + (3,), tuple(p))
