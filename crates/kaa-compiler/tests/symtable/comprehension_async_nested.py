async def f(xs):
    return [[y async for y in x] for x in xs]
def g(xs):
    return ((await y for y in x) for x in xs)
