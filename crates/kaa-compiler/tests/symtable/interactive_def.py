# symtable-mode: single
def f(a):
    return lambda: a
