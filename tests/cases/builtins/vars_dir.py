class C:
    a = 1
    def __init__(self):
        self.x = 10
        self.y = 20
    def method(self):
        pass
obj = C()
print(vars(obj), sorted(vars(obj)), 'method' in dir(obj), 'x' in dir(obj), 'a' in dir(C))
print([n for n in dir(obj) if not n.startswith('__')])
print(sorted(k for k in vars(C) if not k.startswith('__')))
try:
    vars(5)
except TypeError as e:
    print('TypeError:', e)
class Slots:
    __slots__ = ('p',)
try:
    vars(Slots())
except TypeError as e:
    print('TypeError:', e)
class CustomDir:
    def __dir__(self):
        return ['z', 'a', 'm']
print(dir(CustomDir()))
print([n for n in dir([]) if not n.startswith('_')])
print([n for n in dir('') if not n.startswith('_')][:12])
print([n for n in dir({}) if not n.startswith('_')])
