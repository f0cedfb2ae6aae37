class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h
    @property
    def area(self):
        return self.w * self.h
    @property
    def size(self):
        return (self.w, self.h)
    @size.setter
    def size(self, wh):
        self.w, self.h = wh
r = Rect(2, 3)
print(r.area, r.size)
r.size = (5, 6)
print(r.area, r.w)
try:
    r.area = 1
except AttributeError as e:
    print('AttributeError:', e)
class Logged:
    def __setattr__(self, name, value):
        print('set', name, value)
        super().__setattr__(name, value)
    def __getattribute__(self, name):
        if name == 'secret':
            return 'intercepted'
        return super().__getattribute__(name)
    def __delattr__(self, name):
        print('del', name)
        super().__delattr__(name)
lg = Logged()
lg.x = 1
lg.secret = 'real'
print(lg.x, lg.secret, lg.__dict__)
del lg.x
print(hasattr(lg, 'x'))
