match m:
    case {"é": a, 'é': b}:
        pass
