match x:
    case [a, _]:
        pass
    case y:
        pass
