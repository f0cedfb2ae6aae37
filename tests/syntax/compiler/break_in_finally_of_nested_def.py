while x:
    def f():
        try:
            pass
        finally:
            break
