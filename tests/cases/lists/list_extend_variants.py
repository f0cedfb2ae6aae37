a = [1]
a.extend((2, 3))
a.extend('ab')
a.extend({'k': 0})
a.extend(x * 10 for x in range(2))
a.extend(range(2))
a.extend([])
print(a)
b = a[:]
b[len(b):] = [99]
b += 'z'
print(b)
try:
    a.extend(5)
except TypeError as e:
    print('TypeError:', e)
try:
    a += 5
except TypeError as e:
    print('TypeError:', e)
a.extend(a)
print(len(a))
