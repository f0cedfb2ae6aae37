class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, '__dict__'))
try:
    p.z = 3
except AttributeError as e:
    print('AttributeError:', e)
class Q:
    pass
q = Q()
q.anything = 1
q.__dict__['other'] = 2
print(q.anything, q.other, q.__dict__)
print(Q.__dict__['__module__'], '__init__' in P.__dict__, type(Q.__dict__).__name__)
