print([x * 2 for x in range(6)], [x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)], [c * i for i, c in enumerate('abc')])
print([[row * 3 + col for col in range(3)] for row in range(3)])
print([x if x % 2 else -x for x in range(6)], [len(w) for w in 'the quick brown fox'.split()])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i in range(3) for row in matrix], [[r[i] for r in matrix] for i in range(3)])
print([y for x in matrix for y in x if y % 2], [sum(r) for r in matrix])
x = 'outer'
r = [x for x in range(3)]
print(x, r)
print([i for i in []], [[] for _ in range(2)], [f() for f in [lambda: 1, lambda: 2]])
words = ['apple', 'Banana', 'cherry']
print([w.lower() for w in words if 'an' in w.lower()], [w[0] for w in words])
print([(i, j, k) for i in range(1, 20) for j in range(i, 20) for k in range(j, 20) if i * i + j * j == k * k])
