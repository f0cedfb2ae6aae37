match x:
    case Point(x=0, __debug__=1):
        pass
