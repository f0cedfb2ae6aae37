match m:
    case {f"k": a}:
        pass
