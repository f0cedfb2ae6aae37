tests = [
    lambda: [1][5], lambda: (1,)[5], lambda: 'abc'[9], lambda: {}['k'], lambda: {1: 2}[3],
    lambda: None.attr, lambda: (1).attr, lambda: 'x'.nope, lambda: [].nope, lambda: object().x,
    lambda: int('x'), lambda: float('y'), lambda: 1 / 0, lambda: 1 % 0, lambda: 2.0 / 0,
    lambda: len(5), lambda: 1 + None, lambda: None + 1, lambda: [] + {}, lambda: unknown_name,
    lambda: iter(5), lambda: next(iter([])), lambda: {}.popitem(), lambda: [].pop(), lambda: set().pop(),
    lambda: [1, 2].index(3), lambda: 'abc'.index('z'), lambda: (1, 2).index(9), lambda: hash([]), lambda: {[]: 1},
    lambda: abs('a'), lambda: -'a', lambda: 'a' * 'b', lambda: divmod('a', 1), lambda: round('a'),
    lambda: chr('a'), lambda: ord(1), lambda: sum(['a']), lambda: max(1), lambda: sorted(1),
]
for t in tests:
    try:
        t()
        print('no error')
    except Exception as e:
        print(type(e).__name__ + ':', e)
