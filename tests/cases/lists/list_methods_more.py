a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
b = b + [5]
print(a, b, a is b)
nested = [[1, 2], [3, [4, 5]], []]
print(nested, len(nested), nested[1][1][0], [x for sub in nested for x in (sub if isinstance(sub, list) else [sub])])
m = [[0] * 3 for _ in range(3)]
m[1][1] = 5
print(m)
shared = [[0] * 3] * 3
shared[0][0] = 9
print(shared)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99], [1, 2] != [2, 1])
print(list(), list('abc'), list(range(3)), list((1, 2)), list({'k': 1}), list({3}), list(x * x for x in range(4)))
print(max([3, 7, 2]), min([3, 7, 2]), sum([1, 2, 3]), sorted([3, 7, 2]), list(reversed([1, 2, 3])))
print([1, [2, [3]]].__repr__(), str([None, True, 'x', 1.5]))
l = []
l.append(l)
print(l, len(l))
print([1, 2, 3].__contains__(2), [1, 2].__len__(), [5, 6].__getitem__(-1))
