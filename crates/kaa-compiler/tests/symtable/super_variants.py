class C:
    def m1(self):
        return [super() for _ in range(1)]
    def m2(self):
        return lambda: super()
    def m3(self):
        super = 1
        return super
    def m4(self):
        return __class__.__name__
    sup = super
