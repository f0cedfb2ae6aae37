# A metaclass __call__ controls instance creation.
class Singleton(type):
    _instances = {}
    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]

class Config(metaclass=Singleton):
    def __init__(self, value=0):
        print('init Config', value)
        self.value = value

a = Config(1)
b = Config(2)
print(a is b, a.value, b.value)

class Counting(type):
    def __call__(cls, *args, **kwargs):
        obj = super().__call__(*args, **kwargs)
        cls.made = getattr(cls, 'made', 0) + 1
        return obj

class Widget(metaclass=Counting):
    def __init__(self, name):
        self.name = name

ws = [Widget(n) for n in 'abc']
print(Widget.made, [w.name for w in ws])

class Tagged(type):
    def __repr__(cls):
        return f'<Tagged {cls.__name__}>'
    def __len__(cls):
        return 99
    def __getitem__(cls, key):
        return f'{cls.__name__}[{key}]'
    def __iter__(cls):
        return iter([1, 2, 3])
    def describe(cls):
        return 'class ' + cls.__name__

class T(metaclass=Tagged):
    pass

print(repr(T), T, len(T), T[5], list(T), T.describe())
print(str(T), f'{T}', [T])
try:
    T().describe()
except AttributeError as e:
    print('AttributeError:', e)
