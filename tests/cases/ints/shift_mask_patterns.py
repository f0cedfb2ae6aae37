def popcount(n):
    c = 0
    while n:
        n &= n - 1
        c += 1
    return c
def reverse_bits(n, width):
    r = 0
    for _ in range(width):
        r = (r << 1) | (n & 1)
        n >>= 1
    return r
for n in [0, 1, 0b1011, 255, 2 ** 40 + 1, 12345678901234567890]:
    print(n, popcount(n), n.bit_count(), reverse_bits(n & 0xFF, 8), n & -n, n | (n + 1), n ^ (n >> 1))
mask = (1 << 64) - 1
x = 0x0123456789ABCDEF
print(hex((x << 8) & mask), hex(x >> 8), hex(~x & mask), hex(((x << 13) | (x >> 51)) & mask))
print([1 << i for i in range(0, 70, 10)])
print([(-1) >> i for i in range(3)], [-(2 ** 70) >> i for i in (1, 70, 71, 200)])
