async def f():
    [x async for x in ait]
    {await x for x in it}
    (x async for x in ait if await x)
