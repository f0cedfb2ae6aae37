def gen():
    yield 1
    yield from range(3)
    return 4
