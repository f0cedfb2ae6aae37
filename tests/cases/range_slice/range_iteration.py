print(list(range(0)), list(range(1)), list(range(-3)), list(range(3, -3, -1)), list(range(-10, -1, 3)))
r = range(1, 20, 4)
print(r, list(r), r[1:3], r[::-1], list(r[::2]), len(r[5:]), r.index(13), 17 in r, 18 in r)
print(range(5)[-1], range(5)[-5], list(range(5))[::-1] == list(range(4, -1, -1)))
total = 0
for i in range(100, 0, -7):
    total += i
print(total, sum(range(100, 0, -7)))
print([i * j for i in range(1, 4) for j in range(i, 4)])
print(list(zip(range(3), range(10, 13), range(20, 30, 3))))
