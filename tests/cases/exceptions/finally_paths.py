log = []
def normal():
    try:
        log.append('try')
    finally:
        log.append('finally')
    return 'normal-end'
def returning():
    try:
        return 'from-try'
    finally:
        log.append('fin-after-return')
def raising():
    try:
        raise KeyError('k')
    finally:
        log.append('fin-after-raise')
def override():
    try:
        raise KeyError('lost')
    finally:
        return 'finally-swallows'
def fin_raises():
    try:
        return 'never'
    finally:
        raise ValueError('from finally')
def loop_break():
    for i in range(3):
        try:
            if i == 1:
                break
        finally:
            log.append(f'loop-fin-{i}')
    return i
def nested():
    try:
        try:
            raise TypeError('inner')
        finally:
            log.append('inner-fin')
    except TypeError:
        log.append('outer-caught')
    finally:
        log.append('outer-fin')
print(normal(), returning())
try:
    raising()
except KeyError as e:
    print('KeyError', e)
print(override())
try:
    fin_raises()
except ValueError as e:
    print('ValueError', e, type(e.__context__))
print(loop_break())
nested()
print(log)
def ret_value_captured():
    x = 1
    try:
        return x
    finally:
        x = 2
print(ret_value_captured())
