for fmt, args in [('%d', 'x'), ('%s %s', ('a',)), ('%s', ('a', 'b')), ('%z', 1), ('%(k)s', 1), ('%(k)s', {}), ('%c', 'ab'), ('%c', -1), ('%x', 1.5), ('%d', None), ('%', ()), ('%.2', 1.0), ('%*d', ('a', 1))]:
    try:
        print(repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
try:
    print(b'%s' % 'str')
except TypeError as e:
    print('TypeError:', e)
