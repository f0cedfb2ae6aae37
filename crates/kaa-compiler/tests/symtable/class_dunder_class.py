class A:
    def m(self):
        return __class__
    x = __class__
class B:
    class C:
        __class__
        def m(self):
            return __class__
