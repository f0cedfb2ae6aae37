def f():
    try:
        pass
    except* ValueError:
        with lock:
            return g()
