a = [x for x in range(10) if x % 2]
b = {x: y for x, y in zip(a, a)}
c = {x for x in a}
d = (x for x in a)
e = [x * y for x in a for y in a if x if y]
def f(n):
    return [i + n for i in range(n)]
async def g():
    return [x async for x in aiter()]
h = [y for x in a for y in [x]]
