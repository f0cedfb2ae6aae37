# operator: every function, the getters and their reprs, dunder aliases.
import operator
from operator import itemgetter, attrgetter, methodcaller

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__ + ":", e)

print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne("a", "a"), operator.ge(3, 4), operator.gt(4, 3))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None))
print(operator.abs(-3), operator.add(2, 3), operator.and_(12, 10), operator.floordiv(7, 2), operator.index(7))
print(operator.inv(5), operator.invert(0), operator.lshift(1, 10), operator.mod(17, 5), operator.mul("ab", 3))
print(operator.neg(4), operator.or_(12, 3), operator.pos(-2), operator.pow(2, 10), operator.rshift(1024, 3))
print(operator.sub(10, 3), operator.truediv(7, 2), operator.xor(6, 3), operator.concat([1], [2]), operator.contains("abc", "b"))
print(operator.countOf([1, 2, 1, 1.0], 1), operator.indexOf("hello", "l"), operator.call(max, 3, 9, key=None))
l = [1, 2, 3]
operator.setitem(l, 0, "x"); operator.delitem(l, 1); print(l, operator.getitem(l, -1), operator.getitem("abcdef", slice(1, 4)))
class Hint:
    def __init__(self, h):
        self.h = h
    def __length_hint__(self):
        return self.h
print(operator.length_hint([1, 2]), operator.length_hint(Hint(7)), operator.length_hint(5, 42), operator.length_hint(Hint(NotImplemented), 3))
show(operator.length_hint, Hint(-1))
show(operator.length_hint, Hint("x"))
x = [1]; y = operator.iadd(x, [2]); print(x, y is x)
print(operator.isub(5, 2), operator.imul(3, 4), operator.itruediv(1, 4), operator.ifloordiv(9, 2), operator.imod(9, 4))
print(operator.ipow(2, 5), operator.ilshift(1, 3), operator.irshift(16, 2), operator.iand(7, 2), operator.ior(1, 4), operator.ixor(5, 1))
print(operator.iconcat("ab", "cd"))
show(operator.indexOf, [1, 2], 3)
show(operator.concat, 1, 2)
show(operator.index, 1.5)
show(operator.length_hint, 5, "x")
show(operator.matmul, 1, 2)
print(operator.__add__ is operator.add, operator.__lt__(1, 2), operator.__not__(1), operator.__inv__(1), operator.__concat__("a", "b"))
print(sorted(n for n in dir(operator) if not n.startswith("_")) == sorted(operator.__all__))
print(sorted(n for n in dir(operator) if n.startswith("__") and n.endswith("__") and callable(getattr(operator, n))))

g = itemgetter(1)
print(g("abc"), itemgetter(1, 0)("abc"), itemgetter("k")({"k": 5}), itemgetter(slice(2))([1, 2, 3]))
print(repr(g), repr(itemgetter(1, "a", None)))
data = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(data, key=itemgetter(1)), sorted(data, key=itemgetter(0)), max(data, key=itemgetter(1)))
class P:
    def __init__(self, name, age):
        self.name = name
        self.age = age
        self.inner = self if age > 100 else None
    def greet(self, greeting, punct="!"):
        return greeting + " " + self.name + punct
people = [P("z", 30), P("a", 20)]
print([p.name for p in sorted(people, key=attrgetter("age"))])
print(attrgetter("name", "age")(people[0]), attrgetter("inner.inner.name")(P("q", 200)))
print(repr(attrgetter("a")), repr(attrgetter("a.b", "c")))
show(attrgetter, 1)
show(attrgetter("nope"), people[0])
m = methodcaller("greet", "hi")
print(m(people[0]), methodcaller("greet", "yo", punct="?")(people[1]), methodcaller("upper")("abc"))
print(repr(m), repr(methodcaller("greet", "yo", punct="?")), repr(methodcaller("x")))
show(methodcaller)
show(methodcaller, 5)
show(itemgetter(5), [1])
