a = [1, [2, 3], {'k': 4}]
b = a
c = a[:]
d = list(a)
e = a.copy()
a[0] = 'changed'
a[1].append('shared')
print(a, b, c, d, e, sep='\n')
print(a is b, a is c, c[1] is a[1], e == d)
grid = [[0] * 2] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 2 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
x = [1, 2, 3]
y = x
x = x + [4]
print(x, y)
x2 = [1, 2, 3]
y2 = x2
x2 += [4]
print(x2, y2)
