def f(data):
    return [lambda: (y := x) for x in data]
g = [[lambda: (z := 1)] for i in ()]
