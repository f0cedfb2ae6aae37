class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case 0 | 1:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case str() as s:
            return "str " + s
        case [x, y, *rest]:
            return f"seq {x} {y} {rest}"
        case {"kind": k, **others}:
            return f"map {k} {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y):
            return f"point {x},{y}"
        case None:
            return "none"
        case _:
            return "other"

for v in [0, -5, "hi", [1, 2, 3, 4], {"kind": "a", "z": 1}, Point(0, 0), Point(1, 2), None, 3.5, (1,)]:
    print(describe(v))
