def add(a, b=2, *args, c=3, **kw):
    return a + b + c + sum(args) + sum(kw.values())

print(add(1), add(1, 1), add(1, 1, 1, 1), add(1, c=10, d=100))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(20), fact(30))

def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

print([fib(i) for i in range(15)])

def counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = counter()
c(); c()
print(c())
print((lambda x, y=5: x * y)(3))
def kwonly(a, /, b, *, c):
    return (a, b, c)
print(kwonly(1, b=2, c=3))
args = (1, 2)
kw = {"c": 9}
print(kwonly(*args, **kw))

def errors():
    tests = [
        lambda: add(),
        lambda: kwonly(1, 2, 3),
        lambda: kwonly(a=1, b=2, c=3),
        lambda: add(1, z=2, **{"z": 3}),
        lambda: fact(1, 2),
        lambda: kwonly(1, 2),
        lambda: (lambda a, b: 0)(b=1, a=2, c=3),
        lambda: (lambda a, b, c: 0)(),
        lambda: (lambda a, b=1: 0)(1, 2, 3),
        lambda: (lambda a: 0)(1, a=2),
        lambda: len(1, 2),
        lambda: [].append(),
        lambda: print(x=1),
        lambda: [].pop(1, 2),
        lambda: {}.get(),
        lambda: sorted([], x=1),
    ]
    for t in tests:
        try:
            t()
        except TypeError as e:
            print("TypeError:", e)

errors()
