async def f(x):
    await x
    async for i in x:
        pass
    async with x as y:
        pass
    return [i async for i in x], [await i for i in x]
async def agen():
    yield 1
    await x
async def gen_in_async(x):
    return (await i for i in x)
def sync_with_async_genexp(x):
    return (i async for i in x)
