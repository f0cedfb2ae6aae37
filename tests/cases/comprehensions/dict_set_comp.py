print({x: x * x for x in range(6)}, {k: v for k, v in zip('abc', range(3))})
print({v: k for k, v in {'a': 1, 'b': 2}.items()}, {x % 3: x for x in range(10)})
print({x * x % 7 for x in range(20)}, {c for c in 'mississippi' if c != 's'} == {'m', 'i', 'p'})
print({(i, j) for i in range(2) for j in range(2)}, {i: {j for j in range(i)} for i in range(4)})
s = 'hello world'
print({c: s.count(c) for c in s if c != ' '})
print({k: [v for v in range(k)] for k in range(4)})
d = {'x': 3, 'y': 1, 'z': 2}
print({k: d[k] for k in sorted(d, key=d.get)}, {k for k, v in d.items() if v > 1} == {'x', 'z'})
