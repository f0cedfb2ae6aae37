# __del__ runs when the last reference goes, once; errors in it are
# reported and ignored.
class Res:
    def __init__(self, name):
        self.name = name
        print('open', name)
    def __del__(self):
        print('close', self.name)

def use():
    r = Res('in function')
    print('using', r.name)
use()
print('after use')

a = Res('a')
b = a
del a
print('a deleted, b alive')
b = None
print('b rebound')

xs = [Res('l0'), Res('l1')]
xs.pop()
print('popped')
xs = None
print('list dropped')

d = {'k': Res('in dict')}
d['k'] = 1
print('dict entry replaced')

class Child(Res):
    def __del__(self):
        print('child del', self.name)
        super().__del__()
c = Child('child')
del c

class Saver:
    saved = []
    def __del__(self):
        print('resurrecting')
        Saver.saved.append(self)
s = Saver()
del s
print(len(Saver.saved))
Saver.saved.clear()
print('cleared (no second __del__)')

class Quiet:
    def __del__(self):
        try:
            raise ValueError('from __del__')
        except ValueError as e:
            print('handled in __del__:', e)
q = Quiet()
del q
print('still running')
last = Res('global at exit')
print('end of program')
