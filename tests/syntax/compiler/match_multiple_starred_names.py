match s:
    case [*a, b, *c]:
        pass
