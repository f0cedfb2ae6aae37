match m:
    case f"value":
        pass
