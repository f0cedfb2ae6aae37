if x:
    y
    z = 2
