match point:
    case (x, y) if x == y:
        pass
    case _ if cond:
        pass
