x = 'module-level'
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc.items())
print(f(1))
print('x' in globals(), globals()['x'], globals()['__name__'], type(globals()).__name__)
globals()['injected'] = 'via globals'
print(injected)
def g():
    return sorted(locals())
print(g())
print(sorted(k for k in globals() if not k.startswith('__'))[:6])
print(locals() is globals())
class K:
    z = 1
    names = sorted(k for k in locals() if not k.startswith('__'))
print(K.names)
print(__name__, __doc__, type(__builtins__).__name__ in ('module', 'dict'))
