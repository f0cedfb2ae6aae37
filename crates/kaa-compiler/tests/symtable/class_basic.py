class C:
    attr = 1
    other = attr + 1
    def method(self):
        return attr, self.attr
    def _m(self): pass
    @staticmethod
    def s(): return C
