n = 7 ** 500
s = str(n)
print(len(s), s[:30], s[-30:])
print(int(s) == n, int(s[:100]))
print(sum(int(c) for c in s))
f = 1
for i in range(2, 200):
    f *= i
print(len(str(f)), str(f)[:20], str(f).count('0'))
print(hex(f)[:30], len(hex(f)))
print(n % 1000000, n.bit_length())
