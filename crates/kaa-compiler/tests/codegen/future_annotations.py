from __future__ import annotations
# String annotations keep the statement's location.
from typing import Optional


def f(a: int, *, b: "x" = 1) -> List[int]:
    pass


class Foo(TypedDict):
    a: Optional[int]
    b: Annotated[Annotated[Required[int], "a"], "b"] = 3


x: int
