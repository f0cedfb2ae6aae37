def level(n):
    try:
        if n == 0:
            raise ValueError('bottom')
        return level(n - 1)
    finally:
        print('unwind', n)
try:
    level(3)
except ValueError as e:
    print('caught', e)
def catch_at(n, target):
    try:
        if n == 0:
            raise KeyError('deep')
        return catch_at(n - 1, target)
    except KeyError:
        if n == target:
            return f'handled at {n}'
        raise
print(catch_at(4, 2), catch_at(4, 4), catch_at(3, 0))
