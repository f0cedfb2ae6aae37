s = set()
for i in range(50):
    s.add((i * 37) % 101)
print(s)
s2 = set(range(100)) - set(range(0, 100, 7))
print(len(s2), list(s2)[:20])
s3 = {-i for i in range(10)} | {2 ** 62 + i for i in range(3)}
print(s3)
s4 = {i * 1000 for i in range(15)}
print(s4)
s5 = {0.5 * i for i in range(8)}
print(s5)
