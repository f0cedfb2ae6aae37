for b in [-3, -2, -1, 0, 1, 2, 3]:
    print(b, [b ** e for e in range(6)])
for b in [2, -2, 3]:
    print(b ** -1, b ** -2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 10 ** 9 + 7))
print(pow(-2, 3, 5), pow(2, 3, -5), pow(-2, 3, -5))
print(pow(3, -1, 7), pow(5, -2, 13), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print('ValueError:', e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print('ValueError:', e)
try:
    0 ** -1
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print((-8) ** (1 / 3))
print(2 ** 0.5, 4 ** 0.5, (-1) ** 0.5)
print(10 ** 20, 10 ** -20, 7 ** 23)
print(pow(2, 100, 2 ** 61 - 1))
