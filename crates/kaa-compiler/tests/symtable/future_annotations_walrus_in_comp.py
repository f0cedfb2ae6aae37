from __future__ import annotations
x: [(y := 1) for a in b]
def f():
    v: [(u := 1) for a in b]
