a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a, len(a), a[0], a[-1], a[2:5], a[::-1], a[::3], a[-3:], a[:0])
a.append(5)
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 77)
print(a)
a.extend([8, 7])
a.extend(range(2))
a += (10, 11)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(5), a.index(5, 6), a.count(1), a.count(42))
del a[0]
del a[1:3]
del a[::4]
print(a)
a.reverse()
print(a)
a.clear()
print(a, a == [], not a)
b = [1, 2] + [3] * 2 + [] + list('ab')
print(b, b * 2, 2 * [0], [[]] * 2, [1] * 0, [1] * -3)
c = b.copy()
c[0] = 'X'
print(b[0], c[0], b is not c, b[:] == b)
