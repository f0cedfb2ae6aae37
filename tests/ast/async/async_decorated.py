@dec
async def f(a, *, b):
    return await g(a, b)
