x = 1
y = x + 2 * 3
print(x, y)
z = [1, 2, 3]
w = (x, y)
del x
