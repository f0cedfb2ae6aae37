class A:
    """Doc."""
    x = 1
    def m(self):
        return self.x

class B(A, metaclass=type):
    __private = 2
    def n(self):
        return super().m() + self.__private
    def __init__(self):
        self.__p = __class__

class C:
    y: int = 3
    z: str
    def f(self):
        class D:
            pass
        return D
