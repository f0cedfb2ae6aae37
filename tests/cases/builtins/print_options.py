print('a', 'b', 'c')
print('a', 'b', sep='')
print('a', 'b', sep=' -> ', end='!\n')
print()
print('no newline', end='')
print(' continued')
print(*range(5), sep=', ')
print(1, 2.0, None, True, [1], {'k': 'v'}, (1,), sep='|')
print('x', end=None)
print('y', sep=None)
import sys
print('to stdout', file=sys.stdout)
print('to stderr', file=sys.stderr)
print('flush', flush=True)
print(sep='ignored')
print('', end='\n\n')
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print('captured', 42, file=w, sep='+')
print(w.parts)
print(None, file=None)
try:
    print('x', file=5)
except AttributeError as e:
    print('AttributeError:', e)
try:
    print('x', end=3)
except TypeError as e:
    print('TypeError:', e)
