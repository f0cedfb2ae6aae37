print(isinstance(1, int), isinstance(True, int), isinstance(1.0, int), isinstance('a', (int, str)), isinstance(None, type(None)))
print(isinstance([], list), isinstance({}, dict), isinstance((), tuple), isinstance(set(), (list, set)), isinstance(1, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, object), issubclass(KeyError, (ValueError, LookupError)))
class Base:
    pass
class Derived(Base):
    pass
class Other:
    pass
d = Derived()
print(isinstance(d, Base), isinstance(d, Derived), isinstance(d, Other), issubclass(Derived, Base), issubclass(Base, Derived))
print(isinstance(d, (Other, Base)), isinstance(Derived, type), isinstance(type, type), isinstance(type, object), issubclass(type, object))
print(isinstance(d, ((Other,), (Base,))), issubclass(Derived, (Derived,)))
for bad in [lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, [int])]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(type(1) is int, type(d) is Derived, type(d).__name__, type(type).__name__, type(None).__name__)
print(int | str, isinstance(1, int | str), isinstance(None, int | None))
