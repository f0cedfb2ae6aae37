@dec1
@dec2(arg)
def f(a=default1, *, b=default2) -> ret:
    pass
@cdec
class C(Base, metaclass=Meta, extra=kw):
    pass
