def f():
    raise ValueError("bad start")
f()
