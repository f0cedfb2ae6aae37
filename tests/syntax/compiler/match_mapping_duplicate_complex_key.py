match m:
    case {-0: a, 0j: b}:
        pass
