with open(p) as 1:
    pass
