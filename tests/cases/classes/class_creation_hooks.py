# __init_subclass__ with keywords, __class_getitem__, __set_name__,
# __qualname__ of nested classes, __subclasses__ and __mro__.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

class Json(Plugin, name='json'):
    pass
class Yaml(Plugin):
    pass
class StrictJson(Json, name='strict'):
    pass
print(sorted(Plugin.registry), StrictJson.plugin_name, Yaml.plugin_name)
print([c.__name__ for c in Plugin.__subclasses__()], [c.__name__ for c in Json.__subclasses__()])
try:
    class Oops(Plugin, unknown=1):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    class Plain(flag=True):
        pass
except TypeError as e:
    print('TypeError:', e)

class Box:
    def __class_getitem__(cls, item):
        return f'{cls.__name__}[{getattr(item, "__name__", item)}]'
class SubBox(Box):
    pass
print(Box[int], SubBox[str], Box['x'])

class Field:
    def __set_name__(self, owner, name):
        self.owner, self.name = owner.__name__, name
class Model:
    id = Field()
    title = Field()
print(Model.id.owner, Model.id.name, Model.title.name)
Late = Field()
Model.late = Late
print(hasattr(Late, 'name'))

class Outer:
    class Inner:
        class Deepest:
            def where(self):
                pass
    def method(self):
        class Local:
            pass
        return Local
print(Outer.Inner.__qualname__, Outer.Inner.Deepest.__qualname__, Outer.Inner.Deepest.where.__qualname__)
print(Outer().method().__qualname__, Outer.Inner.Deepest, Outer().method())
print(Outer.Inner.__name__, Outer.Inner.__module__)

class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
print(D.__mro__, D.mro(), type.mro(D) == D.mro(), D.__bases__, D.__base__)
print(int | str, int | None, (int | str) | float, type(int | str).__name__)
print(isinstance(3, int | str), isinstance(None, int | None), issubclass(bool, int | str), isinstance('x', (float, int | str)))
print((int | str) == (int | str), int | int)
