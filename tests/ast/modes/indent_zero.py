# ast-args: -i 0
def f(a):
    return a
