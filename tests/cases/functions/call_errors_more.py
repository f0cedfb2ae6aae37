def f(a, b, c, d):
    pass
def k(*, x, y, z):
    pass
def p(a, b, /, c):
    pass
for call in ['f()', 'f(1)', 'f(1, 2)', 'f(1, 2, 3, 4, 5, 6)', 'k()', 'k(x=1)', 'k(1, 2)', 'k(x=1, y=2, z=3, w=4)', 'p(1, 2)', 'p(a=1, b=2, c=3)', 'p(1, b=2, c=3)', 'f(1, 2, 3, d=4, a=5)', 'k(x=1, **{"x": 2})']:
    try:
        eval(call)
    except TypeError as e:
        print(call, '->', e)
def v(a, *args):
    pass
try:
    v()
except TypeError as e:
    print('v() ->', e)
class Meth:
    def two(self, a, b):
        pass
try:
    Meth().two(1)
except TypeError as e:
    print(e)
try:
    Meth().two(1, 2, 3)
except TypeError as e:
    print(e)
try:
    n = None
    n()
except TypeError as e:
    print(e)
try:
    five = 5
    five(1)
except TypeError as e:
    print(e)
try:
    st = 'str'
    st()
except TypeError as e:
    print(e)
