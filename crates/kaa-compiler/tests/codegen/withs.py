with open("f") as fp:
    data = fp.read()
with a, b as c:
    pass
async def f():
    async with x as y:
        pass
    async for i in y:
        print(i)
    else:
        pass
def g():
    with a:
        return 1
