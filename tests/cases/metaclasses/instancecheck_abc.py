# An abc-like metaclass: abstract methods recorded at class creation,
# instantiation refused, virtual subclasses via register().
class ABCMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        abstract = {k for k, v in ns.items() if getattr(v, '__isabstract__', False)}
        for b in bases:
            for k in getattr(b, '__abstract__', ()):
                if getattr(getattr(cls, k), '__isabstract__', False):
                    abstract.add(k)
        cls.__abstract__ = frozenset(abstract)
        cls._registry = []
        return cls
    def __call__(cls, *args, **kwargs):
        if cls.__abstract__:
            names = ', '.join(sorted(cls.__abstract__))
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract methods {names}")
        return super().__call__(*args, **kwargs)
    def register(cls, sub):
        cls._registry.append(sub)
        return sub
    def __instancecheck__(cls, inst):
        return cls.__subclasscheck__(type(inst))
    def __subclasscheck__(cls, sub):
        if any(sub is r or issubclass(sub, r) for r in cls._registry):
            return True
        return cls in getattr(sub, '__mro__', ())

def abstract(f):
    f.__isabstract__ = True
    return f

class Shape(metaclass=ABCMeta):
    @abstract
    def area(self):
        pass
    @abstract
    def name(self):
        pass

class Square(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2

class Full(Square):
    def name(self):
        return 'square'

for cls in (Shape, Square):
    try:
        cls()
    except TypeError as e:
        print('TypeError:', e)
f = Full(3)
print(f.area(), f.name(), isinstance(f, Shape), issubclass(Full, Shape))

@Shape.register
class Circle:
    pass

print(isinstance(Circle(), Shape), issubclass(Circle, Shape), isinstance(3, Shape), issubclass(int, Shape))
print(isinstance(f, (int, Shape)), issubclass(bool, (str, Shape)))

class Even(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
class EvenNumber(metaclass=Even):
    pass
print([isinstance(x, EvenNumber) for x in (0, 1, 2, 'a')], isinstance(4, (str, EvenNumber)))
