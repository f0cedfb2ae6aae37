# __prepare__, class keywords, metaclass __new__/__init__ order.
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print('prepare', name, bases, kw)
        ns = {'order': []}
        return ns
    def __new__(mcls, name, bases, ns, **kw):
        print('new', name, sorted(k for k in ns if not k.startswith('__')), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.options = kw
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print('init', name, kw)
        super().__init__(name, bases, ns)

class A(metaclass=Meta, debug=True, level=3):
    x = 1
    def method(self):
        return 'm'

print(A.options, A.order, A().method(), type(A).__name__)

class B(A, level=5):
    y = 2

print(B.options, B.x, B.y, type(B) is Meta, isinstance(B, type))

class Ordered(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        class Recorder(dict):
            def __init__(self):
                super().__init__()
                self.names = []
            def __setitem__(self, key, value):
                if not key.startswith('__'):
                    self.names.append(key)
                super().__setitem__(key, value)
        return Recorder()
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.field_order = ns.names
        return cls

class Point(metaclass=Ordered):
    z = 0
    x = 1
    y = 2
    def norm(self):
        return 0

print(Point.field_order)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 42
try:
    class C(metaclass=BadPrepare):
        pass
except TypeError as e:
    print('TypeError:', e)
