class Both:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print('__add__')
        return Both(self.v + o)
    def __iadd__(self, o):
        print('__iadd__')
        self.v += o
        return self
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print('OnlyAdd.__add__')
        return OnlyAdd(self.v + o)
b = Both(1)
orig = b
b += 5
print(b.v, b is orig)
c = b + 1
print(c.v, c is b)
o = OnlyAdd(1)
orig_o = o
o += 5
print(o.v, o is orig_o)
t = (1, [2])
try:
    t[1] += [3]
except TypeError as e:
    print('TypeError:', e)
print(t)
