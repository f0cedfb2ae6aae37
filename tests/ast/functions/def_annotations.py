def f(a: int, b: str = 'x', *args: tuple, c: 'C', **kw: dict) -> list[int]:
    pass
