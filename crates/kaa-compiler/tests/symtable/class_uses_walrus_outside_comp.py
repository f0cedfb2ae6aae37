class C:
    if (x := 1):
        y = x
