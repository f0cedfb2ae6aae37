pyth = [(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(pyth)
tri = [[1]]
for _ in range(8):
    prev = tri[-1]
    tri.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in tri:
    print(' '.join(map(str, row)).center(40).rstrip())
flat = [x for row in tri for x in row if x % 2]
print(len(flat), sum(flat))
