def check(v):
    try:
        n = int(v)
    except ValueError:
        return 'not a number'
    else:
        if n < 0:
            raise ValueError('negative')
        return n
    finally:
        print('checked', repr(v))
for v in ['5', 'x', '-2']:
    try:
        print(check(v))
    except ValueError as e:
        print('raised', e, e.__context__)
