a = 10
b = 0
values = [1, 2, 3]
print('computing')
result = values[0] + values[1] * (a // b)
