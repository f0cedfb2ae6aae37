class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, int) and obj % 2 == 0
    def __subclasscheck__(cls, sub):
        return sub is bool
class Even(metaclass=Meta):
    pass
print(isinstance(4, Even), isinstance(3, Even), isinstance('x', Even), issubclass(bool, Even), issubclass(int, Even))
print(type(Even).__name__, type(Meta).__name__, Even.__class__ is Meta)
