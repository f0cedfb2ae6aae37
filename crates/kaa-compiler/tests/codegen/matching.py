def f(x):
    match x:
        case 1 | 2:
            return "small"
        case -1:
            return "neg"
        case [a, b, *rest]:
            return a
        case [first, *_]:
            return first
        case {"k": v, **kw}:
            return v
        case {"k": 1}:
            pass
        case Point(x=0, y=yy) if yy > 0:
            return yy
        case str() as s:
            return s
        case None:
            pass
        case (p, q) | (q, p):
            return p
        case _:
            return None
match y:
    case 1:
        pass
