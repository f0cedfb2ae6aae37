def f(a, if):
    pass
