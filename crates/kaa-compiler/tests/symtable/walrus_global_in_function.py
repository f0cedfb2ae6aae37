def f(data):
    global found
    [(found := d) for d in data]
def g(data):
    nonlocal_free = 0
    def h():
        nonlocal nonlocal_free
        return [(nonlocal_free := d) for d in data]
    return h
