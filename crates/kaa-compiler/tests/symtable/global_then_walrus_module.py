global g
[(g := i) for i in range(3)]
def f():
    return [(h := i) for i in range(3)], h
