print(type(1), type('s'), type([]), type(None), type(print), type(type), type(len), type(lambda: 0), type(x for x in []))
T = type('T', (object,), {'v': 5, 'get': lambda self: self.v * 2})
t = T()
print(T.__name__, t.v, t.get(), type(t) is T, T.__bases__, T.__mro__)
U = type('U', (T,), {})
print(U().get(), issubclass(U, T), U.__qualname__)
for bad in [lambda: type('X', 'notbases', {}), lambda: type(1, 2), lambda: type('X', (5,), {})]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(type.__name__, object.__name__, int.__qualname__, type(int).__name__)
