g = 0
def outer():
    x = 1
    def inner():
        nonlocal x
        global g
        x = g = 2
    return inner
