def f():
    try:
        pass
    except* ValueError:
        return  "done"
