match x:
    case {}:
        pass
    case {'a': 1, 'b': b}:
        pass
    case {1: _, **rest}:
        pass
    case {K.X: v}:
        pass
