class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f'P({self.x!r}, {self.y!r})'
    def __str__(self):
        return f'<{self.x},{self.y}>'
    def __format__(self, spec):
        if spec == 'polar':
            return 'polar!'
        return format(str(self), spec)
p = P(1, 'two')
print(f'{p}', f'{p!r}', f'{p!s}', f'{p:polar}', f'{p:>12}|', repr(p), str(p), format(p, '^10'))
print('{}'.format(p), '{:polar}'.format(p), '%s %r' % (p, p))
class NoFmt:
    pass
try:
    format(NoFmt(), 'x')
except TypeError as e:
    print('TypeError:', e)
d = {'k': [1, 2, {'z': 'deep'}]}
print(f"{d['k'][2]['z']}", f"{d['k'][1]:03}", f'{d!r}')
