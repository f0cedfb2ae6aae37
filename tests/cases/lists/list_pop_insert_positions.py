a = list('abcde')
print(a.pop(), a.pop(0), a.pop(1), a.pop(-1), a)
b = [0, 1, 2]
b.insert(-100, 'front')
b.insert(100, 'back')
b.insert(2, 'mid')
b.insert(-1, 'beforeback')
print(b)
c = []
for i in range(5):
    c.insert(0, i)
print(c)
d = list(range(10))
while d:
    d.pop(len(d) // 2)
    print(d)
