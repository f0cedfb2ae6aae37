try:
    raise ValueError('v')
except ValueError as err:
    print('inside', err)
try:
    print(err)
except NameError as e:
    print('NameError:', e)
err = 'preexisting'
try:
    raise KeyError
except KeyError as err:
    pass
print('err' in dir())
def f():
    e = 'local'
    try:
        1 / 0
    except ZeroDivisionError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return 'UnboundLocalError: ' + str(u)
print(f())
import sys
try:
    raise IndexError('current')
except IndexError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1], sys.exception())
print(sys.exc_info(), sys.exception())
