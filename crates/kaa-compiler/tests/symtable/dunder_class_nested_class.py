def f():
    class A:
        class B:
            __class__ = 1
            def m(self):
                return __class__
        def n(self):
            return super()
    return A
