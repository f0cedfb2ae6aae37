import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print('RecursionError:', e)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(d > 500, d < sys.getrecursionlimit())
print(sys.getrecursionlimit())
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(900))
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print('RecursionError:', e)
l = []
for _ in range(5):
    l = [l]
print(l)
print('still alive')
