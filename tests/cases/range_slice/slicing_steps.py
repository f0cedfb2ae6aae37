s = 'abcdefghij'
l = list(s)
t = tuple(s)
for start in [None, 0, 2, -3, 20]:
    for stop in [None, 5, -1, -20]:
        for step in [None, 1, 2, -1, -3]:
            a = s[start:stop:step]
            assert a == ''.join(l[start:stop:step]) == ''.join(t[start:stop:step])
            print(start, stop, step, repr(a))
