"""Doc."""
from __future__ import annotations
def f(a: T) -> U: return a
