# ast-args: --no-type-comments -a
x = 1  # type: int
def f(a):  # type: (int) -> None
    pass
