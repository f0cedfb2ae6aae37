@(yield)
def f():
    break
