def outer():
    x = 'outer'
    def middle():
        def inner():
            nonlocal x
            x = 'set by inner'
            return x
        return inner()
    r = middle()
    return r, x
print(outer())
def levels():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3()
        return l2()
    return l1()
print(levels())
def shadowing():
    v = 'outer'
    def inner():
        v = 'inner'
        return v
    return inner(), v
print(shadowing())
def late_binding():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    i = 99
    return [f() for f in fns]
print(late_binding())
def cell_after_return():
    def get():
        return val
    val = 'assigned later'
    return get
print(cell_after_return()())
def unassigned():
    def get():
        return val
    try:
        get()
    except NameError as e:
        print(type(e).__name__ + ':', e)
    val = 1
unassigned()
