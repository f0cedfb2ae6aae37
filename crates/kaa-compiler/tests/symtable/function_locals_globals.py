x = 1
def f():
    y = x
    z = unknown
    return y, z, len
def g():
    x = 2
    return x
