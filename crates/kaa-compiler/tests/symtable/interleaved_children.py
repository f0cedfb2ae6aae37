def a(): pass
class B:
    def c(self): pass
    d = lambda: 0
    e = [i for i in ()]
def f(g=lambda: 1, h=[j for j in ()]):
    return (k for k in ())
