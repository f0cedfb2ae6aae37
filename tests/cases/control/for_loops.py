for i in range(3):
    print('i', i)
else:
    print('for else', i)
for i in range(10):
    if i == 4:
        break
else:
    print('not printed')
print('broke at', i)
for c in 'ab':
    for d in 'xy':
        print(c + d, end=' ')
print()
for i in []:
    print('never')
else:
    print('empty else')
for k in {'a': 1, 'b': 2}:
    print(k)
for i, v in enumerate('xyz', start=1):
    print(i, v)
for a, b in zip([1, 2, 3], 'ab'):
    print(a, b)
total = 0
for i in range(100):
    if i % 2:
        continue
    if i > 50:
        break
    total += i
print(total)
lst = [1, 2, 3]
for x in lst:
    if x == 1:
        lst.append(4)
    print(x, end=',')
print()
for i in range(3):
    pass
print(i)
for _ in range(2):
    for _ in range(2):
        continue
    print('outer')
