f = lambda: 0
g = lambda x: x
h = lambda x, y=1, *a, z, w=2, **k: (x, y)
i = lambda a, /, b: a
j = lambda *, k: k
