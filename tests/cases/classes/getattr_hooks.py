# __getattribute__, __getattr__, __setattr__, __delattr__ and the
# AttributeError messages.
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, '_target', target)
        object.__setattr__(self, 'log', [])
    def __getattribute__(self, name):
        log = object.__getattribute__(self, 'log')
        log.append(name)
        if name in ('_target', 'log') or name.startswith('__'):
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, '_target'), name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
    def __delattr__(self, name):
        delattr(self._target, name)

class Target:
    def __init__(self):
        self.a = 1
    def hello(self):
        return 'hello'

t = Target()
p = Proxy(t)
print(p.a, p.hello())
p.b = 2
print(t.b, vars(t))
del p.a
print(hasattr(t, 'a'), p.log)
try:
    p.missing
except AttributeError as e:
    print('AttributeError:', e)

class Lazy:
    def __getattr__(self, name):
        if name.startswith('x'):
            value = name.upper()
            setattr(self, name, value)
            return value
        raise AttributeError(f'no {name}')
lz = Lazy()
print(lz.xy, lz.__dict__, getattr(lz, 'q', 'default'), hasattr(lz, 'q'))
try:
    lz.q
except AttributeError as e:
    print('AttributeError:', e)

class WithProp:
    @property
    def broken(self):
        raise AttributeError('inside the property')
    def __getattr__(self, name):
        return 'fallback for ' + name
print(WithProp().broken)

class Frozen:
    __slots__ = ()
    def __setattr__(self, name, value):
        raise AttributeError(f'{type(self).__name__} is frozen')
try:
    Frozen().x = 1
except AttributeError as e:
    print('AttributeError:', e)

def del_x(o):
    del o.x
def del_real():
    del int.real
for f in [lambda: object().x, lambda: setattr(object(), 'x', 1),
          lambda: setattr(1, 'x', 1), lambda: setattr([], 'append', 1),
          lambda: del_x(object()), lambda: setattr(int, 'x', 1), del_real,
          lambda: type.x, lambda: str.nope]:
    try:
        f()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__ + ':', e)

class Rec:
    pass
r = Rec()
setattr(r, 'with space', 1)
print(getattr(r, 'with space'), r.__dict__)
try:
    setattr(r, 5, 1)
except TypeError as e:
    print('TypeError:', e)
try:
    object.__setattr__(r, 5, 1)
except TypeError as e:
    print('TypeError:', e)
