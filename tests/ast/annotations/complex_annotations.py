def f(a: Callable[[int], str], *b: *Ts) -> tuple[int, ...]:
    pass
