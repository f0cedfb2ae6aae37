a = list(range(10))
a[2:4] = []
print(a)
a[:0] = ['start']
print(a)
a[len(a):] = ['end']
print(a)
a[1:-1] = a[1:-1][::-1]
print(a)
b = [0] * 6
b[::2] = [1, 2, 3]
b[1::2] = 'xyz'
print(b)
c = list('abcdef')
del c[1::2]
print(c)
d = list(range(5))
d[-1:-4:-1] = ['x', 'y', 'z']
print(d)
