a = 2 ** 100
b = 3 ** 70
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print(b // 12345, b % 12345)
print(-b // 12345, -b % 12345)
print(divmod(a * b + 17, b))
print(a ** 3)
print(-a ** 3)
print((a * b) // (a + 1))
print(a * 0, a - a, a // a)
print(10 ** 50 // 7)
print(10 ** 50 % 7)
print(-(10 ** 50) // 7)
print(-(10 ** 50) % 7)
print(2 ** 64 - 1, 2 ** 63, -2 ** 63, 2 ** 63 - 1)
print((2 ** 64) // (2 ** 32), (2 ** 64) % (2 ** 32 + 1))
x = 1
for i in range(1, 40):
    x *= i
print(x)
print(x // (2 ** 30), x % 1000000007)
