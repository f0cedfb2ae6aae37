def f():
    return {k: (yield from v) for k, v in y}
