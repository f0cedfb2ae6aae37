def f(items):
    return sum(x for x in items), max((y for y in items), key=lambda y: -y)
