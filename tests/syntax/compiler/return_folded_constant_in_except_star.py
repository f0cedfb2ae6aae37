def f():
    try:
        pass
    except* ValueError:
        return 60 * 60
