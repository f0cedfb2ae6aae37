print(str(), str(1), str(1.5), str(None), str([1, 'a']), str((1,)), str({1: 2}), str(b'ab'), str(True))
print(str(object)[:6], str(int), str(ValueError('msg')), str(KeyError('k')), str(Exception()))
print(repr(str(b'abc', 'utf-8')), str(b'\xe9', 'latin-1'), str(b'a\xff', 'utf-8', 'replace'), str(object=5))
class A:
    def __str__(self):
        return 'A-str'
    def __repr__(self):
        return 'A-repr'
print(str(A()), repr(A()), [A()], f'{A()}', f'{A()!r}', '%s %r' % (A(), A()))
class B:
    def __repr__(self):
        return 'only-repr'
print(str(B()), B())
try:
    str(b'a', 'nope-codec')
except LookupError as e:
    print('LookupError:', e)
