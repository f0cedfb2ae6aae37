class C:
    items = [1, 2]
    factor = 3
    doubled = [x * factor for x in items]
    gen = (x for x in items)
    d = {k: items for k in items}
