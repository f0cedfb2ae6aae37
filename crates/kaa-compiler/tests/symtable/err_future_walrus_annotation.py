from __future__ import annotations
def f() -> (r := int): pass
