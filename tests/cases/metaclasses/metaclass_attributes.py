# Attribute lookup through metaclasses: properties, methods, data
# descriptors on the metaclass, and class-level __setattr__.
class Meta(type):
    @property
    def table(cls):
        return cls.__name__.lower() + 's'
    def create(cls, **kw):
        obj = cls()
        for k, v in kw.items():
            setattr(obj, k, v)
        return obj
    def __setattr__(cls, name, value):
        print('class setattr', cls.__name__, name, value)
        super().__setattr__(name, value)

class User(metaclass=Meta):
    kind = 'user'

print(User.table, User.kind)
u = User.create(name='ann', age=3)
print(u.name, u.age)
User.flag = True
print(User.flag, hasattr(u, 'table'))
try:
    User.table = 'x'
except AttributeError as e:
    print('AttributeError:', e)

class Shadow(metaclass=Meta):
    def create(self):
        return 'instance-level create'
print(Shadow.create(Shadow()), Shadow().create())

class Cls:
    pass
print(Cls.__class__, type(Cls).__name__, Cls.__class__.__class__)
print(type.__name__, type.__qualname__, type.__module__, int.__module__, Cls.__module__)
print(sorted(n for n in dir(Meta) if not n.startswith('_')))
print('table' in dir(User), 'create' in dir(User), 'kind' in dir(User))
