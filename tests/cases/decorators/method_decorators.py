def logged(fn):
    def wrapper(self, *args):
        result = fn(self, *args)
        print(f'{type(self).__name__}.{fn.__name__}{args} -> {result!r}')
        return result
    return wrapper
class Calc:
    def __init__(self, base):
        self.base = base
    @logged
    def add(self, x):
        return self.base + x
    @logged
    def scale(self, k, offset=0):
        return self.base * k + offset
    @staticmethod
    @lambda f: (lambda *a: f(*a) * 10)
    def tenfold(x):
        return x
c = Calc(5)
c.add(3)
c.scale(2)
c.scale(3, 1)
print(Calc.tenfold(4), c.tenfold(1))
