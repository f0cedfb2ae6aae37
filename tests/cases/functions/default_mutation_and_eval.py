calls = []
def default_factory():
    calls.append('evaluated')
    return 5
def f(x=default_factory()):
    return x
print(calls, f(), f(1), calls)
def append_to(x, lst=None):
    lst = [] if lst is None else lst
    lst.append(x)
    return lst
print(append_to(1), append_to(2), append_to(3, [0]))
def counter(_cache={'n': 0}):
    _cache['n'] += 1
    return _cache['n']
print(counter(), counter(), counter())
def kw_defaults(*, a=[], b={}):
    a.append(1)
    b[len(a)] = True
    return a, b
print(kw_defaults(), kw_defaults())
