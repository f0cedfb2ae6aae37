points = [(1, 2), (3, 4), (5, 6)]
for x, y in points:
    print(x + y, end=' ')
print()
for i, (x, y) in enumerate(points):
    print(i, x * y, end='; ')
print()
print([x for x, _ in points], [y for _, y in points], sum(x for x, y in points))
xs, ys = zip(*points)
print(xs, ys, type(xs).__name__)
d = dict(points)
print(d, [(v, k) for k, v in d.items()])
swapped = [(b, a) for a, b in points]
print(sorted(swapped, reverse=True))
