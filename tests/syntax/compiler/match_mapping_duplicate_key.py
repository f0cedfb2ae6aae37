match m:
    case {1: a, "k": b, 1.0: c}:
        pass
