# str subclasses and identity: exact strs come back unchanged where CPython returns the same object.
class S(str):
    def __str__(self):
        return 'S!'
class T(str):
    pass
s, t = S('abc'), T('xyz')
print(str(s), str(t), type(str(t)).__name__, f'{s}', f'{t}', '%s|%s' % (s, t), '{}|{}'.format(s, t), s.upper(), type(t.upper()).__name__)
print(repr(s), repr(t), s + t, type(s + t).__name__, t * 2, t[1], t[::-1], len(t), 'y' in t, t == 'xyz', hash(t) == hash('xyz'))
print(T('a').join(['1', '2']), ''.join([t, s]), t.strip() is t, 'abc'.strip() == 'abc', sorted([t, s, 'b']))
print(str(), str(''), str(object=''), str(b'a', encoding='ascii'), str(encoding='x'), f'{"x"!r:>5}', f'{3!s:*^5}')
x = 'hello'
print(x.strip() is x, x.replace('z', 'q') is x, x.center(3) is x, x[:] is x, str(x) is x, f'{x}' is x)
