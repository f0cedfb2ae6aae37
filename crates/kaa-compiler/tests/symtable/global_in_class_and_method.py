class C:
    global g
    g = 1
    def m(self):
        return g
x = 0
def f():
    global x
    def inner():
        return x
    return inner
