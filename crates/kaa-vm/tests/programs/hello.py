print("hello, world")
print(1, 2.5, None, True, "x", sep="-", end="!\n")
x = 10
y = 3
print(x + y, x - y, x * y, x / y, x // y, x % y, x ** y, -x // y, -x % y)
print(2 ** 100, -(2 ** 63), 2 ** 63 - 1 + 1)
print(7.5 // 2, 7.5 % -2, 1e300 * 10, 0.1 + 0.2)
print(x < y, x == 10, 1 < 2 < 3, 1 == 1.0, "a" < "b")
total = 0
for i in range(10):
    if i % 2:
        continue
    total += i
print(total)
i = 0
while True:
    i += 1
    if i > 5:
        break
print(i)
print(x & 6, x | 5, x ^ 3, ~x, x << 70, x >> 1)
print(divmod(-7, 2), abs(-3.5), round(2.5), round(3.14159, 2), pow(3, 4, 5))
print(int("42"), float("1.5"), str(12), bool(0), int(3.9), int("ff", 16))
print(hex(255), oct(8), bin(5), chr(65), ord("a"))
print(max(3, 1, 2), min([4, 5, 6]), sum(range(101)), max([1, 5, 2], key=lambda v: -v))
