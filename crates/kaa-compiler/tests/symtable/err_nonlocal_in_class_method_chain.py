def f():
    class C:
        y = 1
        def m(self):
            nonlocal y
