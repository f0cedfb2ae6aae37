def f():
    try:
        pass
    except* ValueError:
        try:
            return
        finally:
            cleanup()
