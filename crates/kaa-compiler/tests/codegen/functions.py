"""Module doc."""
def f(a, b=2, *args, c, d=4, **kw):
    """Doc of f."""
    return a + b

def g(x, /, y):
    z = x * y
    return z

async def h(q):
    await q
    return 1

def outer():
    v = 1
    def inner(w):
        nonlocal v
        v += w
        return v
    return inner

@staticmethod
@property
def decorated(self) -> int:
    pass

lam = lambda x, y=3: x + y
def ann(a: int, *b: str, c: float = 1.0, **d: dict) -> None: ...
def gen():
    yield 1
    x = yield
    yield from range(3)
