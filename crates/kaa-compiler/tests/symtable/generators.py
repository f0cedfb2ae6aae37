def gen(n):
    for i in range(n):
        yield i
def deleg():
    yield from gen(3)
    return 5
def plain():
    return 1
def gexp():
    return (x for x in y)
def yield_in_lambda():
    return lambda: (yield)
