# apply_static_swaps leaves the SWAP when the stores it would reorder
# target the same local (3.11.7).
def f(x, y):
    a, a = x, y
    return a


def g(x, y, z):
    a, b, a = x, y, z
    return a


def h(x, y, z):
    a, a, b = x, y, z
    return a


def k(x, y):
    a, b = x, y
    return a
