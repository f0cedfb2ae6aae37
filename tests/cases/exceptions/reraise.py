def handler():
    try:
        raise ValueError('inner')
    except ValueError:
        print('logging and reraising')
        raise
try:
    handler()
except ValueError as e:
    print('outer got', e)
def nested_bare():
    try:
        raise KeyError('k1')
    except KeyError:
        try:
            raise TypeError('t')
        except TypeError:
            pass
        raise
try:
    nested_bare()
except KeyError as e:
    print('reraised', repr(e))
def raise_in_finally_of_handler():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise
        finally:
            print('cleanup while reraising')
try:
    raise_in_finally_of_handler()
except ValueError as e:
    print('got', e)
class Retry(Exception):
    pass
attempts = 0
while True:
    try:
        attempts += 1
        if attempts < 3:
            raise Retry(attempts)
        print('succeeded after', attempts)
        break
    except Retry as r:
        print('retry', r)
