a = list(range(10))
a[2:5] = ['a', 'b']
print(a)
a[::3] = [None] * len(a[::3])
print(a)
a[1:1] = [100, 101]
print(a)
a[-2:] = []
print(a)
a[:] = 'xyz'
print(a)
b = list(range(8))
b[::-2] = 'ABCD'
print(b)
b[10:20] = [1]
print(b)
del b[-3:]
print(b)
c = [1, 2, 3]
c[1:2] = c
print(c)
d = list(range(6))
print(d[1:-1:2], d[-1:0:-1], d[5:1:-2], d[::-1][1::2], d[100::-1], d[-100:2])
