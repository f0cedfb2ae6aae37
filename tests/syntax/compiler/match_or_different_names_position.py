match x:
    case [a, b] | [a, Point(c)]:
        pass
