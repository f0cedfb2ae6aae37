class Outer:
    x = 1
    class Inner:
        y = x
        def m(self):
            return x, y
    def n(self):
        class Local:
            def q(self):
                return self
        return Local
