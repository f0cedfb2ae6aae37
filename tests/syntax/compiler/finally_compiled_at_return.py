def f():
    try:
        return 1
        x = *a
    finally:
        __debug__ = 1
