def f(*a): pass
def g(**k): pass
def h(*a, **k): pass
lam = lambda *a, **k: (a, k)
