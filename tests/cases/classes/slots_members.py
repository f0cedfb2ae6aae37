# __slots__: no __dict__, member descriptors, inheritance, __dict__ slot.
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x):
        self.x = x

p = P(1)
print(p.x, P.x, type(P.x).__name__, hasattr(p, '__dict__'), '__dict__' in dir(p))
try:
    p.y
except AttributeError as e:
    print('AttributeError:', e)
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
p.y = 2
del p.y
try:
    del p.y
except AttributeError as e:
    print('AttributeError:', e)
print(P.x.__get__(p), P.__slots__)
P.x.__set__(p, 10)
print(p.x)

class Q(P):
    __slots__ = ('z',)
q = Q(5)
q.z = 6
q.y = 7
print(q.x, q.y, q.z, hasattr(q, '__dict__'))

class WithDict(P):
    pass
w = WithDict(1)
w.anything = 2
print(w.x, w.__dict__, hasattr(w, '__dict__'))

class Both:
    __slots__ = ('a', '__dict__')
b = Both()
b.a = 1
b.other = 2
print(b.a, b.__dict__)

class One:
    __slots__ = 'only'
o = One()
o.only = 'yes'
print(o.only, One.__slots__)

try:
    class Bad:
        __slots__ = ('x',)
        x = 1
except ValueError as e:
    print('ValueError:', e)

class Empty:
    __slots__ = ()
try:
    Empty().a = 1
except AttributeError as e:
    print('AttributeError:', e)
try:
    vars(Empty())
except TypeError as e:
    print('TypeError:', e)
try:
    P.x.__get__(Empty())
except TypeError as e:
    print('TypeError:', e)
