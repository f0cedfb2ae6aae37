def run(excs):
    try:
        raise ExceptionGroup('grp', excs)
    except* ValueError as g:
        print('ValueError part:', repr(g))
    except* (TypeError, KeyError) as g:
        print('Type/Key part:', repr(g))
run([ValueError(1), TypeError(2)])
run([KeyError('k')])
run([ValueError(1), ValueError(2)])
try:
    run([ValueError(1), IndexError(3)])
except ExceptionGroup as e:
    print('unhandled rest:', repr(e))
try:
    raise ValueError('naked')
except* ValueError as g:
    print('naked wrapped:', repr(g), repr(g.exceptions[0]))
try:
    try:
        raise ExceptionGroup('g', [ValueError('x')])
    except* ValueError:
        raise KeyError('from handler')
except ExceptionGroup as e:
    print('raised in handler:', repr(e), repr(e.exceptions[0].__context__) if e.exceptions else '')
except KeyError as e:
    print('KeyError directly', repr(e))
try:
    raise ExceptionGroup('g', [ValueError('x'), TypeError('y')])
except* ValueError:
    print('handled V')
except* TypeError:
    print('handled T')
else:
    print('else not run')
finally:
    print('finally run')
