a = b = c = []
a.append(1)
print(a, b, c, a is c)
x, y = y, x = 'ab'
print(x, y)
i = 0
lst = [10, 20, 30]
i, lst[i] = 1, 99
print(i, lst)
lst2 = [0, 0]
j = lst2[j] = 1 if False else 0
print(j, lst2) if False else print('skip')
p = q = r = 5
p += 1
print(p, q, r)
(m, n), o = [1, 2], 3
[s, (t, u)] = 'x', 'yz'
print(m, n, o, s, t, u)
