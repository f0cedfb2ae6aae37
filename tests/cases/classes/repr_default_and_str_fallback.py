class Plain:
    pass
p = Plain()
r = repr(p)
print(r.startswith('<__main__.Plain object at 0x'), str(p) == r, f'{p}' == r, '%s' % p == r)
class OnlyStr:
    def __str__(self):
        return 'only str'
o = OnlyStr()
print(str(o), repr(o).startswith('<__main__.OnlyStr'), [o][0] is o, f'{o}', f'{o!r}'.startswith('<'))
class ReprLoop:
    def __init__(self):
        self.me = self
    def __repr__(self):
        return 'ReprLoop(...)'
print(ReprLoop(), [ReprLoop()])
print(repr(Plain).startswith("<class '__main__.Plain'>"), Plain.__name__, Plain.__qualname__, str(type(p)))
