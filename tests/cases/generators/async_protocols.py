# Coroutines and async generators driven by send(None): await, async for,
# async with, asend/athrow/aclose, the awaitable objects and their errors.
import sys
async def agen(n):
    for i in range(n):
        x = yield i
        if x is not None:
            print("got", x)
    print("agen done")

class AIter:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3: raise StopAsyncIteration
        return self.i * 10

class ACM:
    async def __aenter__(self):
        print("enter"); return "val"
    async def __aexit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True

async def main():
    out = []
    async for v in agen(3):
        out.append(v)
    async for v in AIter():
        out.append(v)
    print(out)
    print([v async for v in agen(2)])
    async with ACM() as v:
        print("in", v)
        raise ValueError("x")
    print("after with")
    g = agen(5)
    print(await g.__anext__(), await g.asend(None), await g.asend("hi"))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed stop")
    try:
        await 5
    except TypeError as e:
        print(e)
    return 42

co = main()
print(type(co).__name__, repr(co)[:22])
try:
    while True:
        co.send(None)
except StopIteration as e:
    print("result", e.value)
g = agen(1)
print(type(g).__name__, type(g.__anext__()).__name__, type(g.aclose()).__name__)
async def s(): return 1
c = s()
w = c.__await__()
print(type(w).__name__)
try: next(w)
except StopIteration as e: print("w", e.value)
try: c.send(None)
except RuntimeError as e: print(e)
c2 = s()
try: iter(c2)
except TypeError as e: print(e)

async def thrower():
    try:
        yield 1
    except ValueError as e:
        print("caught", e)
        yield 2
async def m2():
    g = thrower()
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("done")
c = m2()
try: c.send(None)
except StopIteration: pass
c2.close()
