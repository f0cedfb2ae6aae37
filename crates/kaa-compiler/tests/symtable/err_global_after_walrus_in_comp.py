def f():
    [(y := 1) for a in b]
    global y
