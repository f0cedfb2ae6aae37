class A:
    def __add__(self, o):
        print('A.__add__')
        return NotImplemented
    def __eq__(self, o):
        print('A.__eq__')
        return NotImplemented
class B:
    def __radd__(self, o):
        print('B.__radd__')
        return 'B-radd'
    def __eq__(self, o):
        print('B.__eq__')
        return NotImplemented
print(A() + B())
print(A() == B())
a = A()
print(a == a, a != a)
class Sub(int):
    def __radd__(self, o):
        return 'Sub.radd wins'
    def __add__(self, o):
        return 'Sub.add'
print(1 + Sub(2), Sub(2) + 1)
class Cmp:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print('lt', self.v, o.v)
        return self.v < o.v
    def __gt__(self, o):
        print('gt', self.v, o.v)
        return self.v > o.v
print(Cmp(1) < Cmp(2), Cmp(1) > Cmp(2))
try:
    A() + A()
except TypeError as e:
    print('TypeError:', e)
try:
    A() < B()
except TypeError as e:
    print('TypeError:', e)
try:
    -A()
except TypeError as e:
    print('TypeError:', e)
try:
    ~'s'
except TypeError as e:
    print('TypeError:', e)
