def f(data):
    return [x for x in data if (x := 1)]
