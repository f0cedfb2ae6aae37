class Base:
    registry = []
    kind = 'base'
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class A(Base):
    kind = 'a'
class B(A):
    pass
class C(Base):
    kind = 'c'
print(Base.registry, A.kind, B.kind, C.kind, Base.kind)
print(B.__mro__[1].__name__, B.registry is Base.registry, 'kind' in B.__dict__, 'kind' in A.__dict__)
A.kind = 'changed'
print(B.kind, C.kind)
