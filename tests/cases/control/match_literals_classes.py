def kind(v):
    match v:
        case True:
            return 'True'
        case False:
            return 'False'
        case None:
            return 'None'
        case 0 | 0.0:
            return 'zero'
        case int() | float() as num if num < 0:
            return 'negative'
        case str() if not v:
            return 'empty string'
        case bytes(b) :
            return f'bytes {len(b)}'
        case list() | tuple():
            return f'sequence of {len(v)}'
        case dict():
            return 'mapping'
        case _:
            return type(v).__name__
for v in [True, False, None, 0, 0.0, -3, -2.5, '', 'x', b'ab', [1], (1, 2), {}, {1}, 7, 1.5]:
    print(repr(v), kind(v))
