g = 1
def f():
    global g
    g = 2
    def h():
        return g
    return h
class K:
    def m(self):
        def inner():
            return __class__
        return inner
def cells(a, b):
    def i():
        return a + b
    return i
