match x:
    case 1 | other:
        pass
    case 2:
        pass
