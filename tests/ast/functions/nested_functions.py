def outer(a):
    def inner(b):
        def innermost(c):
            return a + b + c
        return innermost
    return inner
