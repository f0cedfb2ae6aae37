# function.__annotations__: made once, kept, assignable (dict or None).
def f(a: int, b: "s" = 1) -> None: pass
print(f.__annotations__)
f.__annotations__['c'] = 3
print(f.__annotations__, f.__annotations__ is f.__annotations__)
f.__annotations__ = {"x": 1}
print(f.__annotations__, f.__dict__)
f.__annotations__ = None
print(f.__annotations__)
try:
    f.__annotations__ = 5
except TypeError as e:
    print(e)
def g(): pass
print(g.__annotations__, g.__annotations__ is g.__annotations__)
