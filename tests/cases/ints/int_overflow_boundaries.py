m = 2 ** 63 - 1
print(m + 1, m * 2, m * m, -m - 2, (-m - 1) // -1, abs(-m - 1))
print(m // -1, -(-m - 1), (-m - 1) * -1, (m + 1) % 7)
x = 1
for i in range(70):
    x = x * 2
print(x, x - 1, x >> 69)
y = -(2 ** 62)
print(y * 2, y * 4, y + y + y + y, y - 2 ** 62 - 2 ** 62)
print(0x7fffffffffffffff + 0x7fffffffffffffff, 3037000500 * 3037000500)
print(-9223372036854775808 // -1, -9223372036854775808 % -1)
print(sum(range(10 ** 6)), sum(range(-5, 5)))
