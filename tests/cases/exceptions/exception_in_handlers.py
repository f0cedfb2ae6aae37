try:
    try:
        raise ValueError('first')
    except ValueError:
        1 / 0
except ZeroDivisionError as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ValueError('first')
    except ValueError:
        pass
    else:
        print('not reached')
    finally:
        raise KeyError('from finally')
except KeyError as e:
    print(repr(e), e.__context__)
def else_raises():
    try:
        pass
    except Exception:
        return 'handler'
    else:
        raise IndexError('from else')
    finally:
        print('finally after else')
try:
    else_raises()
except IndexError as e:
    print('IndexError', e)
try:
    try:
        raise TypeError
    except (ValueError, TypeError) as e:
        print('tuple match', type(e).__name__)
        raise
except Exception as outer:
    print('outer', repr(outer))
handlers = (KeyError, IndexError)
try:
    [][1]
except handlers as e:
    print('dynamic tuple', type(e).__name__)
try:
    try:
        raise ValueError
    except 'notaclass':
        pass
except TypeError as e:
    print('TypeError:', e)
