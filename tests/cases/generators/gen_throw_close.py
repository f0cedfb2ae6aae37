def guarded():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('caught inside:', e)
        yield 'recovered'
    finally:
        print('finally runs')
g = guarded()
print(next(g))
print(g.throw(ValueError('boom')))
try:
    next(g)
except StopIteration:
    print('exhausted')
g = guarded()
next(g)
g.close()
print('closed', g.gi_frame is None)
g.close()
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
g = guarded()
try:
    g.throw(KeyError('before start'))
except KeyError as e:
    print('KeyError propagated', e)
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print('got', type(e).__name__)
c = catcher()
next(c)
c.throw(TypeError)
c.throw(IndexError('i'))
c.close()
g = guarded()
g.close()
print('never started close ok')
