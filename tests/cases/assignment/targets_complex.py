class Box:
    def __init__(self):
        self.items = {}
        self.val = [0, 0, 0]
b = Box()
b.items['k'] = [1, 2]
b.items['k'][0] = 'first'
b.val[1:] = [5, 6]
b.new_attr = b.val
print(b.items, b.val, b.new_attr is b.val)
grid = [[0] * 3 for _ in range(3)]
for i in range(3):
    grid[i][i] = i + 1
    grid[i][2 - i] += 10
print(grid)
a = b2 = []
a.append(1)
print(a, b2)
x, y = y, x = 1, 2
print(x, y)
(a), b = 1, 2
print(a, b)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
print(a, b, c, d)
i = 0
data = [10, 20, 30]
i, data[i] = 2, 99
print(i, data)
count = {}
for ch in 'hello':
    count[ch] = count.get(ch, 0) + 1
print(count)
obj = type('T', (), {})()
setattr(obj, 'dyn', 3)
obj.dyn *= 5
print(getattr(obj, 'dyn'))
