for (a, b), c in pairs:
    pass
for x, in single:
    pass
