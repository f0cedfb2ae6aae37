a, b = 17, 5
print(a + b, a - b, a * b, a / b)
print(a // b, a % b, -a // b, -a % b)
print(a // -b, a % -b, -a // -b, -a % -b)
print(divmod(a, b), divmod(-a, b), divmod(a, -b), divmod(-a, -b))
print(0 // 3, 0 % 3, -0, +7, -(-7))
for x in (-7, -1, 0, 1, 7):
    for y in (-3, 3):
        print(x, y, x // y, x % y, x / y)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4)
print(2 ** -1, 4 ** -2, (-2) ** -3)
print(10 - 3 - 2, 2 ** 3 ** 2, -2 ** 2)
