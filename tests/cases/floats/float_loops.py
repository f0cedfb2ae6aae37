s = 0.0
for i in range(1, 1001):
    s += 1.0 / (i * i)
print(s)
print((6 * s) ** 0.5)
x = 1.0
for _ in range(60):
    x = x / 2 + 1 / x
print(x)
h = 0.0
for k in range(1, 10001):
    h += 1 / k
print(h)
acc = 1.0
for i in range(1, 30):
    acc *= 1.1
print(acc, round(acc, 5))
pts = [(i * 0.1, (i * 0.1) ** 2) for i in range(11)]
print(pts[3], pts[-1], sum(p[1] for p in pts))
