def f():
    global g1, g2
    g1 = 1
    return g2
def h():
    global g3
g1 = 0
global g4
g4 = 1
class C:
    global g5
    g5 = 1
