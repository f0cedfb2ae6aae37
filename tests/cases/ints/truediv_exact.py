print(1 / 3, 2 / 3, 10 / 4, -7 / 2, 7 / -2)
print(10 ** 30 / 10 ** 10, (2 ** 60 + 1) / 2, 2 ** 1000 / 2 ** 990)
print(1 / 10 ** 400)
try:
    print(10 ** 400 / 1)
except OverflowError as e:
    print('OverflowError:', e)
print(10 ** 400 / 10 ** 399, (10 ** 400 + 1) / 10 ** 399)
print(6 / 3, type(6 / 3).__name__, 0 / 5, -0 / 5)
print(9007199254740993 / 1, 9007199254740993 / 3)
