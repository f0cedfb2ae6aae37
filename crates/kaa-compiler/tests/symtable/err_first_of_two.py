def f(x):
    global x
def g(y):
    nonlocal y
