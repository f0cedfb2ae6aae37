def f():
    x = 1
# comment at column 0
    return x
