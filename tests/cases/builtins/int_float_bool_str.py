print(int('7'), int(7.9), int(-7.9), float('1.5'), float(2), bool(0), bool('x'), str(5), str(5.0), str(None))
print(bool(), int(), float(), str(), repr(str()), complex(), list(), tuple(), dict(), set(), frozenset())
print(type(bool(1)), type(int('1')), type(float(1)), type(str(1)))
class Truthy:
    def __bool__(self):
        return False
class Lenny:
    def __len__(self):
        return 3
print(bool(Truthy()), bool(Lenny()), bool(object()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TypeError:', e)
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 4
print(float(F()), float(I()), int(I()), complex(F()) if False else 'skip')
print(str(1e100), str(-0.0), str(10 ** 20), str([]), str(''), str("'"))
