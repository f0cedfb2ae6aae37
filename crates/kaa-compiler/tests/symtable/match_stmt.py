match command:
    case ["go", direction]:
        pass
    case {"key": value, **rest}:
        pass
    case Point(x=px, y=0) | Point(px, _):
        pass
    case [first, *others] if first > limit:
        pass
    case Color.RED:
        pass
    case None | True:
        pass
    case str() as s:
        pass
    case _:
        pass
def f(v):
    match v:
        case (a, b):
            return a + b
        case {**kw}:
            return kw
