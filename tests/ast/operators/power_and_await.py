async def f():
    await x ** 2
    -await y
