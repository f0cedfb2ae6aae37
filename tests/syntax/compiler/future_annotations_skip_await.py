from __future__ import annotations
def f(x: int) -> list[await y]:
    pass
