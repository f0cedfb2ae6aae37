class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, value):
        if value < -273.15:
            raise ValueError('below absolute zero')
        self._c = value
    @c.deleter
    def c(self):
        print('deleting')
        del self._c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def unit():
        return 'celsius'
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(100)
print(t.c, t.f, Temp.unit(), t.unit(), Temp.freezing().f)
t.c = 37
print(t.c, round(t.f, 1))
try:
    t.c = -300
except ValueError as e:
    print('ValueError:', e)
try:
    t.f = 5
except AttributeError as e:
    print('AttributeError:', e)
del t.c
print(hasattr(t, '_c'))
print(type(Temp.__dict__['c']).__name__, type(Temp.__dict__['unit']).__name__, type(Temp.__dict__['freezing']).__name__)
