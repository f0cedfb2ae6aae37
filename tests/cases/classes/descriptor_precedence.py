# Data descriptors beat the instance __dict__; non-data descriptors lose
# to it; __set_name__ runs at class creation; descriptors on the class.
class Data:
    def __set_name__(self, owner, name):
        print('set_name', owner.__name__, name)
        self.name = name
    def __get__(self, obj, owner=None):
        if obj is None:
            return ('class access', owner.__name__)
        return ('data', obj.__dict__.get('_' + self.name))
    def __set__(self, obj, value):
        obj.__dict__['_' + self.name] = value
    def __delete__(self, obj):
        print('delete', self.name)
        obj.__dict__.pop('_' + self.name, None)

class NonData:
    def __get__(self, obj, owner=None):
        return 'nondata'

class C:
    d = Data()
    n = NonData()

c = C()
c.d = 5
c.__dict__['d'] = 'ignored'
c.__dict__['n'] = 'instance'
print(c.d, c.n, C.d, C.n, sorted(c.__dict__))
del c.d
print(c.d)
del c.n
print(c.n)

class SetOnly:
    def __set__(self, obj, value):
        print('set only', value)
class S:
    s = SetOnly()
x = S()
x.s = 1
print(type(x.s).__name__)
x.__dict__['s'] = 'dict'
print(type(x.s).__name__)

class Validated:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.private = '_' + name
    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.private)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f'{self.private[1:]} must be {self.kind.__name__}')
        setattr(obj, self.private, value)

class Person:
    name = Validated(str)
    age = Validated(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person('ann', 30)
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = 'old'
except TypeError as e:
    print('TypeError:', e)

# Functions are non-data descriptors too.
def f(self):
    return 'f bound to ' + type(self).__name__
class H:
    g = f
h = H()
print(h.g(), H.g(h), f.__get__(h)(), f.__get__(None, H) is f)
h.g = lambda: 'instance attr'
print(h.g())
print(property.__get__(property(lambda s: 42), h), staticmethod(len).__get__(h)('abc'))
bound = classmethod(lambda cls: cls.__name__).__get__(h, H)
print(bound())
