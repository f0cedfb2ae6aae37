async def f():
    await x
    await f(await y)
def g():
    yield
    yield 1
    x = yield 2
    yield from h()
    z = (yield)
