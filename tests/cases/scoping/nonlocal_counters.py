def make():
    a = 0
    b = []
    def step():
        nonlocal a
        a += 1
        b.append(a)
        return a, list(b)
    def reset():
        nonlocal a
        a = 0
        b.clear()
    return step, reset
step, reset = make()
print(step(), step(), step())
reset()
print(step())
def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            nonlocal x
            x += 100
            return x
        return inner(), x
    return mid(), x
print(outer())
