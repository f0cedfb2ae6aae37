match x:
    case f(1) + 2:
        pass
