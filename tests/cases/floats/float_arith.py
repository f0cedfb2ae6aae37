a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
for x, y in [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (0.0, 3.0), (-0.0, 3.0), (5.0, 0.3)]:
    print(x, y, x // y, x % y, divmod(x, y))
print(0.1 * 3, 0.1 + 0.1 + 0.1 == 0.3, 1.1 * 1.1)
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(2.0 ** 0.5, 2.0 ** -1, (-8.0) ** 2, 10.0 ** 15, 10.0 ** 16)
try:
    2.0 ** 10000
except OverflowError as e:
    print('OverflowError:', e)
try:
    (-8.0) ** 0.5
    print('complex result', (-8.0) ** 0.5)
except ValueError as e:
    print('ValueError', e)
print(3 * 1.5, 1 + 0.5, 10 - 0.25, 7 / 2.0, 2 ** 0.5)
print(-0.0 + 0.0, -0.0 - 0.0, -0.0 * 1, 0.0 * -1)
print(1e16 + 1, 1e16 + 2, 2 ** 53 + 1.0)
