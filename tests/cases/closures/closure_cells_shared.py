def pair():
    shared = []
    def add(x):
        shared.append(x)
        return len(shared)
    def get():
        return tuple(shared)
    return add, get
add, get = pair()
add('a'); add('b')
print(get())
def loop_closures():
    out = []
    for i in range(3):
        def f(i=i):
            return i
        out.append(f)
    return [f() for f in out]
print(loop_closures())
def rebind_after():
    fs = []
    x = 1
    fs.append(lambda: x)
    x = 2
    fs.append(lambda: x)
    return [f() for f in fs]
print(rebind_after())
def counter_factory():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1, c2 = counter_factory(), counter_factory()
print(c1(), c1(), c2(), c1())
