async def f(aws):
    return [await a for a in aws], {k: await v for k, v in aws}
