def f(xs):
    while (chunk := xs.pop()):
        print(chunk)
    return (a := 1) + a
top_level = (b := 2)
