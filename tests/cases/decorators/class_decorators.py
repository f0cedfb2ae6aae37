def add_repr(cls):
    def __repr__(self):
        fields = ', '.join(f'{k}={v!r}' for k, v in vars(self).items())
        return f'{cls.__name__}({fields})'
    cls.__repr__ = __repr__
    return cls
@add_repr
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
print(Point(1, 'y'), [Point(0, 0)])
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v):
        self.v = v
c1 = Config(1)
c2 = Config(2)
print(c1 is c2, c1.v)
class Counter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)
@Counter
def square(x):
    return x * x
print(square(3), square(4), square.calls)
class Plugin:
    registry = {}
    @classmethod
    def register(cls, name):
        def deco(c):
            cls.registry[name] = c
            return c
        return deco
@Plugin.register('json')
class JsonPlugin:
    pass
print(sorted(Plugin.registry), Plugin.registry['json'].__name__)
