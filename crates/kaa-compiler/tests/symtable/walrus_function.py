def f(data):
    if any((hit := x) > 3 for x in data):
        return hit
    [total := total + x for x in data]
    return [(last := y) for y in data], last
