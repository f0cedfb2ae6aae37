def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
    finally:
        print('cleanup')
g = gen()
next(g)
g.close()
def gen2():
    yield 1
    try:
        yield 2
    except KeyError as e:
        print('gen2 caught', repr(e))
        return 'handled'
g2 = gen2()
next(g2)
next(g2)
try:
    g2.throw(KeyError('k'))
except StopIteration as e:
    print('StopIteration value', e.value)
def gen3():
    yield 1
g3 = gen3()
try:
    g3.throw(ValueError, ValueError('typed'))
except ValueError as e:
    print('propagated from unstarted', e)
print(list(g3))
