class C:
    cls_attr = 'class'
    def __init__(self):
        self.x = 1
c = C()
print(getattr(c, 'x'), getattr(c, 'y', 'default'), getattr(c, 'cls_attr'), hasattr(c, 'x'), hasattr(c, 'nope'))
setattr(c, 'y', 2)
print(c.y, vars(c))
delattr(c, 'x')
print(hasattr(c, 'x'), vars(c))
try:
    getattr(c, 'missing')
except AttributeError as e:
    print('AttributeError:', e)
try:
    getattr(c, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    delattr(c, 'x')
except AttributeError as e:
    print('AttributeError:', e)
print(getattr([], 'append').__name__, getattr(5, 'real'), getattr('s', 'upper')())
class Dyn:
    def __getattr__(self, name):
        return f'dynamic {name}'
print(Dyn().anything, getattr(Dyn(), 'other'), hasattr(Dyn(), 'whatever'))
class Guard:
    def __getattr__(self, name):
        raise AttributeError(name)
print(hasattr(Guard(), 'a'), getattr(Guard(), 'a', 'fallback'))
