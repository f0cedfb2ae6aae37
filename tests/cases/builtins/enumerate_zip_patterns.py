names = ['ann', 'bob', 'cid']
ages = [31, 25, 40]
for i, (n, a) in enumerate(zip(names, ages), 1):
    print(i, n, a)
print(dict(zip(names, ages)), list(zip(*zip(names, ages))))
print(list(enumerate(zip('ab', 'cd'))), [i * v for i, v in enumerate([10, 20, 30])])
pairs = list(zip(range(5), range(5, 10)))
print(pairs, [a + b for a, b in pairs])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], list(map(list, zip(*[[1, 2], [3, 4], [5, 6]]))))
