# functools: reduce, partial, partialmethod, lru_cache, wraps,
# total_ordering, cmp_to_key, cached_property, singledispatch.
import functools
from functools import (reduce, partial, partialmethod, lru_cache, cache,
                       wraps, update_wrapper, total_ordering, cmp_to_key,
                       cached_property, singledispatch, singledispatchmethod)
import operator

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 6), 10), reduce(lambda a, b: a + b, [], 7))
show(reduce, operator.add, [])
show(reduce, operator.add, 5)
print(reduce(operator.add, ["a"]), reduce(max, [3, 9, 2]))

def f(a, b, c=0, *, d=1):
    return (a, b, c, d)

p = partial(f, 1, d=5)
print(p(2), p(2, 3), p(2, d=9), p.func is f, p.args, p.keywords)
p2 = partial(p, 7, c=8)
print(p2(), p2.func is f, p2.args, p2.keywords)
print(repr(partial(len)).startswith("functools.partial(<built-in function len>"))
print(repr(partial(operator.add, 1, x=[2])).replace(repr(operator.add), "ADD"))
print(repr(partial(max, 1, "a", key=len)))
show(partial, 5)
show(partial)
class MyPartial(partial):
    pass
print(repr(MyPartial(max, 3)).split("(")[0], MyPartial(max, 3)(9))
print(partial(int, base=2)("1011"))

class Cell:
    def __init__(self):
        self._alive = False
    def set_state(self, state):
        self._alive = bool(state)
    set_alive = partialmethod(set_state, True)
    set_dead = partialmethod(set_state, False)
c = Cell(); c.set_alive(); print(c._alive); c.set_dead(); print(c._alive)
print(repr(Cell.__dict__["set_alive"]).split(" at ")[0].replace("<function Cell.set_state", "F"))

calls = []
@lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x
for x in [1, 2, 3, 1, 4, 2, 1, 5, 3]:
    sq(x)
print(calls, sq.cache_info(), sq.cache_parameters())
info = sq.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info), type(info).__name__)
sq.cache_clear(); print(sq.cache_info(), sq.__name__, sq.__wrapped__(3))

@lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())

@cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info(), fact.cache_parameters())

@lru_cache(maxsize=None, typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())
@lru_cache(maxsize=None)
def untyped(x):
    return type(x).__name__
print(untyped(1), untyped(1.0), untyped.cache_info())
@lru_cache(maxsize=0)
def nocache(x):
    return x
print(nocache(1), nocache(1), nocache.cache_info())
@lru_cache()
def kw(a, b=2):
    return a + b
print(kw(1), kw(1, b=2), kw(a=1), kw(1), kw.cache_info())
show(lru_cache, "x")
show(lru_cache(-5)(abs).cache_info)

def deco(fn):
    @wraps(fn)
    def inner(*a, **k):
        "inner doc"
        return fn(*a, **k)
    return inner
@deco
def greet(name: str) -> str:
    "Say hello."
    return "hi " + name
greet.extra = 1
print(greet("bob"), greet.__name__, greet.__doc__, greet.__qualname__, greet.__wrapped__.__name__)
def target():
    pass
target.attr = "copied"
def wrapper():
    pass
update_wrapper(wrapper, target)
print(wrapper.__name__, wrapper.attr, wrapper.__wrapped__ is target)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)

@total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __lt__(self, other):
        return self.v < other.v
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a <= V(1), a >= V(1), V.__gt__.__name__)
@total_ordering
class G:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __ge__(self, other):
        return self.v >= other.v
print(G(1) < G(2), G(1) > G(2), G(2) <= G(2), G(3) >= G(2))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError:", e)

def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9, 1], key=cmp_to_key(cmp)), sorted("bca", key=cmp_to_key(lambda a, b: cmp(b, a))))
K = cmp_to_key(cmp)
print(K(1) < K(2), K(2) == K(2), K(3) >= K(4))
show(lambda: K(1) < 5)
show(hash, K(1))

class Data:
    def __init__(self):
        self.n = 0
    @cached_property
    def value(self):
        self.n += 1
        return self.n * 10
d = Data()
print(d.value, d.value, d.n, "value" in d.__dict__)
del d.value
print(d.value, d.n, type(Data.value).__name__)

@singledispatch
def fun(arg, verbose=False):
    return "default " + repr(arg)
@fun.register
def _(arg: int, verbose=False):
    return "int " + repr(arg)
@fun.register(list)
def _(arg, verbose=False):
    return "list of %d" % len(arg)
def nothing(arg, verbose=False):
    return "none!"
fun.register(type(None), nothing)
@fun.register
def _(arg: float):
    return "number " + repr(arg)
fun.register(complex, _)
print(fun("s"), fun(3), fun(True), fun([1, 2]), fun(None), fun(2.5), fun(1j), fun((1,)))
print(fun.dispatch(bool) is fun.dispatch(int), fun.dispatch(str) is fun.registry[object], sorted(t.__name__ for t in fun.registry))
show(fun)
show(fun.register, 5, lambda x: x)

class Neg:
    @singledispatchmethod
    def neg(self, arg):
        return "cannot negate " + repr(arg)
    @neg.register
    def _(self, arg: int):
        return -arg
    @neg.register
    def _(self, arg: bool):
        return not arg
print(Neg().neg(5), Neg().neg(True), Neg().neg("x"))
