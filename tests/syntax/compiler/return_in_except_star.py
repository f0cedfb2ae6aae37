def f():
    try:
        pass
    except* ValueError:
        return g()
