class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        cls.created_by = mcls.__name__
        return cls
    def __call__(cls, *a, **k):
        obj = super().__call__(*a, **k)
        obj.via_meta = True
        return obj
class Base(metaclass=Registry):
    def __init__(self, v=0):
        self.v = v
class Child(Base):
    pass
c = Child(5)
print(Registry.classes, Child.created_by, c.v, c.via_meta, type(Child).__name__, isinstance(Child, Registry))
