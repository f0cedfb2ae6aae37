# ast-args: -a
x = []  # type: list[int]
def f(a, b):  # type: (int, str) -> None
    pass
for i in r:  # type: int
    pass
import os  # type: ignore[attr]
