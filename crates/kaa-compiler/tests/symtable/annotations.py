x: int
y: List[int] = []
(z): int = 1
(w): str
obj.attr: int = 2
obj[key]: int
class C:
    a: int
    b: str = "s"
def f():
    loc: int
    loc2: Ann = 1
    nonlocal_like: T
