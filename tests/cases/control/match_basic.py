def describe(v):
    match v:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case int(n) if n < 0:
            return f'negative {n}'
        case str() as s:
            return f'string {s!r}'
        case [x, y]:
            return f'pair {x},{y}'
        case [x, *rest]:
            return f'list head {x} rest {rest}'
        case {'k': val}:
            return f'dict k={val}'
        case (1.5 | 2.5):
            return 'float'
        case None:
            return 'none'
        case _:
            return 'other'
for v in [0, 2, -4, 'hi', [1, 2], [1, 2, 3], {'k': 9, 'z': 0}, 2.5, None, 99, (7, 8), []]:
    print(repr(v), describe(v))
class Pt:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y):
        self.x, self.y = x, y
def where(p):
    match p:
        case Pt(0, 0):
            return 'origin'
        case Pt(x=0, y=yy):
            return f'y-axis {yy}'
        case Pt(x, 0):
            return f'x-axis {x}'
        case Pt():
            return 'elsewhere'
for p in [Pt(0, 0), Pt(0, 5), Pt(3, 0), Pt(1, 1)]:
    print(where(p))
