def f():
    try:
        pass
    except Exception as e:
        def g():
            return e
        return g
