from __future__ import annotations
async def f(a: (await b)): pass
