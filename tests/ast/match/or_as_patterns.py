match x:
    case 1 | 2 | 3:
        pass
    case [1, 2] as pair:
        pass
    case (1 | 2) as n:
        pass
    case {'k': (1 | 2 as v)}:
        pass
