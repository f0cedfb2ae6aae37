[lambda: x for x in range(3)]
[x for x in (lambda: y)()]
