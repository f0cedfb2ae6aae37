def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args, kwargs)
        result = fn(*args, **kwargs)
        print('ret', result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=6)
print(add.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def first(fn):
    print('decorating with first')
    return lambda *a: 'first(' + fn(*a) + ')'
def second(fn):
    print('decorating with second')
    return lambda *a: 'second(' + fn(*a) + ')'
@first
@second
def base():
    return 'base'
print(base())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def a(): pass
@register
def b(): pass
print(registry, a, b is not None) if False else print(registry)
@lambda f: f()
def immediately():
    return 'ran at definition'
print(immediately)
