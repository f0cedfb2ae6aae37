# Private names in __slots__ are mangled with the class name.
class P:
    __slots__ = ("__x", "y", "__z__")
    def __init__(self):
        self.__x = 1
        self.y = 2
        self.__z__ = 3
    def get(self):
        return self.__x
p = P()
print(p.get(), p.y, p.__z__, p._P__x)
print(sorted(n for n in vars(P) if not n.startswith("__") or n == "__z__"))
class _Under:
    __slots__ = ("__a",)
print("_Under__a" in vars(_Under))
try:
    p.z = 1
except AttributeError as e:
    print(e)
