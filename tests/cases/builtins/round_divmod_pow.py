print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(7), round(7, 2), round(-7.5))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(15, -1), round(25, -1), round(5.5, 0), round(1e300))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
print(pow(2, 8), pow(2, -2), pow(2.0, 0.5), pow(-2, 3), pow(7, 2, 5), pow(2, 100, 1000), pow(-3, 3, 7), pow(3, -1, 11))
print(pow(0, 0), pow(0.0, 0), pow(1, 10 ** 10), pow(-1, 10 ** 10 + 1), pow(2, 0.5, None) if False else '')
class Rnd:
    def __round__(self, n=None):
        return ('round', n)
print(round(Rnd()), round(Rnd(), 3))
try:
    pow(2, 3.0, 5)
except TypeError as e:
    print('TypeError:', e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
