if x:
    len(y) = 3
