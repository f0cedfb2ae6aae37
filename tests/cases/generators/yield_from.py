def inner():
    x = yield 'i1'
    print('inner got', x)
    yield 'i2'
    return 'inner-ret'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield from range(3)
    yield from 'ab'
    return 'outer-ret'
g = outer()
print(next(g))
print(g.send('sent'))
print(list(g))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, 4], []], [[5]]])))
def delegating_throw():
    try:
        yield from inner()
    except ValueError as e:
        yield 'outer caught ' + str(e)
d = delegating_throw()
next(d)
print(d.throw(ValueError('v')))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2, 3), {4: 0}, 'x')))
def gen_return_none():
    yield 1
def take():
    r = yield from gen_return_none()
    yield r
print(list(take()))
