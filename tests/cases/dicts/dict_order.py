d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print(d)
del d[3]
d[3] = 'back'
print(d, list(d))
d[5] = 'updated'
print(list(d.items()))
keys = ['zeta', 'alpha', 'mu', 'beta']
dd = {k: len(k) for k in keys}
print(dd, sorted(dd), sorted(dd.items(), key=lambda kv: kv[1]))
print(list(reversed(dd)), list(reversed(dd.items())), list(reversed(dd.values())))
m = {1: 'a'} | {2: 'b', 1: 'c'}
print(m)
m |= {3: 'd'}
print(m, {**m, 0: 'z'}, {0: 'z', **m})
big = {i: str(i) for i in range(100)}
for i in range(0, 100, 3):
    del big[i]
print(list(big)[:10], len(big))
big[0] = 'zero'
print(list(big)[-3:])
