class C:
    r = [(y := x) for x in range(3)]
