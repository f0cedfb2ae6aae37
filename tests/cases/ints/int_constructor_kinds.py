print(int(), int(0), int('0'), int(-0.0), int(1.9999), int(-1e3))
print(int('  -  5'.replace(' ', '')), int('+0'), int('-0'))
print(int(b'42'), int(bytearray(b'17')), int('10', base=3))
class Num:
    def __int__(self):
        return 99
class Idx:
    def __index__(self):
        return 5
print(int(Num()), int(Idx()), [0, 1, 2, 3, 4, 5, 6][Idx()], bin(Idx()), hex(Idx()))
try:
    int([1])
except TypeError as e:
    print('TypeError:', e)
try:
    int('5', base=10.0)
except TypeError as e:
    print('TypeError:', e)
try:
    int(5, 10)
except TypeError as e:
    print('TypeError:', e)
