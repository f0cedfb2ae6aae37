class C:
    def m(self, data):
        r = [(__y := d) for d in data]
        return __y, r
