def f():
    def g():
        yield
    return [g for _ in ()]
