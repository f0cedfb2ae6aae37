class A:
    def m(self):
        pass
    @staticmethod
    def s():
        pass
    @classmethod
    def c(cls):
        pass
a = A()
print(type(A.m).__name__, type(a.m).__name__, type(A.s).__name__, type(A.c).__name__, type(len).__name__, type([].append).__name__)
print(callable(A.m), callable(a.m), callable(A), callable(a), callable(A.s), callable(print))
print(type(str.upper).__name__, type('x'.upper).__name__, type(int.__add__).__name__, type((1).__add__).__name__)
print(type(dict.fromkeys).__name__, type(object.__init__).__name__)
