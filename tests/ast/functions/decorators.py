@dec
@dec.attr
@dec(1, k=2)
@(lambda f: f)
@x[0].y
def f():
    pass
