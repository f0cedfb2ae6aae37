# The most derived metaclass wins; conflicts raise TypeError.
class M1(type):
    pass
class M2(M1):
    pass
class Other(type):
    pass

class A(metaclass=M1):
    pass
class B(metaclass=M2):
    pass
class C(A, B):
    pass
print(type(C).__name__, type(A).__name__, type(B).__name__)

class D(A, metaclass=M2):
    pass
print(type(D).__name__)

class X(metaclass=Other):
    pass
for bases in [(A, X), (X, B)]:
    try:
        type('Bad', bases, {})
    except TypeError as e:
        print('TypeError:', e)
try:
    class E(A, X):
        pass
except TypeError as e:
    print('TypeError:', e)

# type(name, bases, ns) and type.__new__ errors.
Dyn = type('Dyn', (A,), {'v': 7, '__qualname__': 'Outer.Dyn'})
print(Dyn.v, Dyn.__qualname__, Dyn.__name__, type(Dyn).__name__, Dyn.__mro__)
for args in [(), ('a', 'b'), ('N', (), {}, 1), (1, (), {}), ('N', [], {}), ('N', (), [])]:
    try:
        type(*args)
    except TypeError as e:
        print('TypeError:', e)
try:
    type('Z', (int, str), {})
except TypeError as e:
    print('TypeError:', e)
try:
    type('Z', (bool,), {})
except TypeError as e:
    print('TypeError:', e)
print(type(type), type(M1), M1.__mro__, isinstance(M2, type), issubclass(M2, type))
