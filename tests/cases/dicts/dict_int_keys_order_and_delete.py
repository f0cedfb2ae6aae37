d = {}
for i in [10, 5, 20, 1, 15]:
    d[i] = str(i)
for k in [5, 1]:
    del d[k]
d[5] = 'back'
print(d, list(d.keys()), list(d.values()))
d.clear()
d.update((i, i * i) for i in range(8))
for k in list(d):
    if k % 3 == 0:
        d.pop(k)
print(d, len(d))
print({i: None for i in range(5, 0, -1)})
