for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, 5), (255, 256)]:
    print(a, b, a & b, a | b, a ^ b, ~a, ~b)
print(1 << 0, 1 << 10, 1 << 64, 1 << 100)
print(-1 << 70, 5 << 3, -5 << 3)
print(1024 >> 3, -1024 >> 3, -1 >> 100, 1 >> 100, -7 >> 1, 7 >> 1)
print((1 << 100) >> 98, ((1 << 100) - 1) >> 99)
print(2 ** 100 & 2 ** 100 - 1, (2 ** 100 + 5) & 7, (-(2 ** 100)) & 0xFF)
print((-(2 ** 100) | 3), (2 ** 70) ^ (2 ** 69), ~(2 ** 80))
try:
    1 << -1
except ValueError as e:
    print('ValueError', e)
try:
    1 >> -1
except ValueError as e:
    print('ValueError', e)
print(True & False, True | False, True ^ True, ~True, ~False)
print(type(True & True).__name__, type(True + True).__name__)
