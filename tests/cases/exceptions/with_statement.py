class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', suppress=True):
    raise ValueError('suppressed')
print('after suppressed')
try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', e)
with CM('x') as x, CM('y') as y:
    print('both', x, y)
def ret():
    with CM('r'):
        return 'returned'
print(ret())
for i in range(2):
    with CM(f'loop{i}'):
        if i == 0:
            continue
        break
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    with 5:
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
with (CM('p1') as p1,
      CM('p2') as p2):
    print(p1, p2)
