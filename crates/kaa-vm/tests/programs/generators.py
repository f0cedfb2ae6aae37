def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"

print(list(count(5)), sum(count(100)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

def echo():
    received = yield "ready"
    while True:
        received = yield received * 2

e = echo()
print(next(e), e.send(5), e.send("ab"))

def delegate():
    r = yield from count(3)
    yield r

print(list(delegate()))
print(list(x * 2 for x in range(4)), sum(x for x in range(10)))

def fibs():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

for i, f in enumerate(fibs()):
    if i > 10:
        break
    print(f, end=" ")
print()

def bad():
    yield 1
    raise StopIteration

try:
    list(bad())
except RuntimeError as err:
    print("RuntimeError:", err)

gen = (i for i in range(3))
print(gen.__next__() if hasattr(gen, "__next__") else next(gen), list(gen))

def closer():
    try:
        yield 1
    except GeneratorExit:
        print("closing")
        raise
c = closer()
next(c)
c.close()
def thrower():
    try:
        yield 1
    except ValueError as e:
        yield "caught " + str(e)
t = thrower()
next(t)
print(t.throw(ValueError("boom")))
