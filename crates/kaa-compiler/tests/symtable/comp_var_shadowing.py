def f():
    x = 10
    a = [x for x in range(3)]
    b = [y for y in range(x)]
    return a, b, x
