a = [1, 2, 3]
for f in [lambda: a[3], lambda: a[-4], lambda: a.pop(5), lambda: [].pop(), lambda: a.remove(9), lambda: a.index(9), lambda: a['x'], lambda: a + (1,), lambda: a * 'x', lambda: a < 'x', lambda: a.index(1, 1), lambda: [].pop(-1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)
try:
    a[5] = 1
except IndexError as e:
    print('IndexError:', e)
try:
    del a[7]
except IndexError as e:
    print('IndexError:', e)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print('ValueError:', e)
try:
    hash(a)
except TypeError as e:
    print('TypeError:', e)
