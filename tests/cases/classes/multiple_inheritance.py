class A:
    def who(self):
        return 'A'
    def chain(self):
        return ['A']
class B(A):
    def who(self):
        return 'B' + super().who()
    def chain(self):
        return ['B'] + super().chain()
class C(A):
    def who(self):
        return 'C' + super().who()
    def chain(self):
        return ['C'] + super().chain()
class D(B, C):
    def chain(self):
        return ['D'] + super().chain()
print(D().who(), D().chain(), [k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
print([k.__name__ for k in Z.__mro__])
try:
    class Bad(X, Z): pass
except TypeError as e:
    print('TypeError:', e)
class Mixin:
    def greet(self):
        return 'hello from ' + type(self).__name__
class Base:
    pass
class Combined(Mixin, Base):
    pass
print(Combined().greet())
