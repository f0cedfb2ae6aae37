match x:
    case _:
        pass
    case 1 if y:
        pass
