def f(value, width):
    return f"{value!r:>{width}} {other} {nested:{w2}.{p2}}"
