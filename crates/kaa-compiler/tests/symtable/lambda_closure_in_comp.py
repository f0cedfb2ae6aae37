fs = [lambda: x for x in range(3)]
def f(y):
    return {k: (lambda: k + y) for k in y}
