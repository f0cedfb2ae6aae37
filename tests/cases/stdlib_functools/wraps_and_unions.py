# functools behaviour that relies on VM details: assigning a function's
# __annotations__ (wraps), the args of a union type (singledispatch).
from functools import wraps, singledispatch

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        return fn(*a, **k)
    return inner
@deco
def greet(name: str) -> str:
    return "hi " + name
print(greet.__annotations__)

@singledispatch
def fun(arg):
    return "default"
@fun.register
def _(arg: float | complex):
    return "number " + repr(arg)
print(fun(2.5), fun(1j), fun(1))
