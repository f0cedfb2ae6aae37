class B(A, metaclass=Meta, **kw):
    x = 1
    def m(self):
        return self.x
