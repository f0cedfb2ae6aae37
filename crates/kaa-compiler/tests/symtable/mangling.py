class C:
    __private = 1
    __dunder__ = 2
    _single = 3
    def __method(self, __param, *__args, **__kw):
        __local = self.__attr
        return __private, __param
    import __mod, __pkg.sub, x as __alias
    class __Inner:
        __y = 1
        def f(self): return __y
class _:
    __x = 1
class __U:
    __x = 1
class _D_:
    __x = 1
