class Tracked:
    def __new__(cls, *args):
        print('__new__', cls.__name__, args)
        obj = super().__new__(cls)
        return obj
    def __init__(self, v):
        print('__init__', v)
        self.v = v
t = Tracked(5)
print(t.v)
class Single:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Single() is Single())
class NotSelf:
    def __new__(cls):
        return 42
    def __init__(self):
        print('never called')
print(NotSelf())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print('TypeError:', e)
try:
    object(1)
except TypeError as e:
    print('TypeError:', e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print('TypeError:', e)
