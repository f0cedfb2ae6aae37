match x:
    case Point():
        pass
    case Point(0, 0):
        pass
    case Point(x=0, y=yy):
        pass
    case a.B(1, c=2):
        pass
