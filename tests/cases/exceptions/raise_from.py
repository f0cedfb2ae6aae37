def lookup(d, k):
    try:
        return d[k]
    except KeyError as e:
        raise ValueError(f'no {k}') from e
try:
    lookup({}, 'x')
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise RuntimeError('hidden') from None
except RuntimeError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    try:
        raise KeyError('first')
    except KeyError:
        raise IndexError('second')
except IndexError as e:
    print(repr(e), e.__cause__, repr(e.__context__))
try:
    raise TypeError('t') from ValueError('v')
except TypeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError('x') from 5
except TypeError as e:
    print('TypeError:', e)
try:
    raise 42
except TypeError as e:
    print('TypeError:', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
