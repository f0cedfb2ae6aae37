def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc(5)
print(get(), inc(), get())
inc2, get2 = make_counter(100)
print(inc2(), get(), get2())
print(inc.__closure__ is not None, len(inc.__closure__), inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
def make_adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in make_adders()])
def accumulate():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
acc = accumulate()
print(acc(1), acc(2), acc(10))
