# str.format and format_map: field names, attribute/index lookups,
# conversions, nested specs, auto-numbering and CPython's errors.
tests = ["'{0!}'.format(1)", "'{!r:>5}'.format('a')", "'{0!rr}'.format(1)", "'{0:}'.format(1)",
    "'{a[0]}'.format(a=[1])", "'{a[x]}'.format(a={'x': 1})", "'{a[0]}'.format(a={'0': 1})",
    "'{0[-1]}'.format({'-1': 5})", "'{0.}'.format(1)", "'{0[}'.format(1)", "'{0]}'.format(1)",
    "'{0[0]x}'.format([1])", "'{ }'.format(1)", "'{}'.format()", "'{x}'.format()",
    "'{:{}{}}'.format(1, '>', 5)", "'{:{:{}}}'.format(1, 2, 3)", "'{0:{1}}'.format(1, 5)",
    "'{:>{}}'.format('a', 3)", "'{{}}'.format()", "'{'.format()", "'a}b'.format()",
    "'{0}}'.format(1)", "'{!s}'.format('x')", "'{:s}'.format(1)", "'{:x}'.format(255)",
    "'{0:03}'.format(7)", "'{0.real}'.format(3)", "'{0[a][b]}'.format({'a': {'b': 2}})",
    "'{x!a}'.format(x='é')", "'{10}'.format(*range(11))", "'{0x}'.format(1)", "'{00}'.format(5)",
    "'{0:{a}}'.format(1, a='>4')", "'{:%}'.format(0.5)", "'{!}'.format(1)", "'{:'.format(1)",
    "'{0!r'.format(1)", "'{0[0'.format([1])", "'{0}'.format_map({})", "'{x}'.format_map(1)",
    "'a'.format_map(1)", "'{x.y}'.format_map({'x': 1})", "'{0:d}'.format('a')", "'{:>5}'.format(None)",
    "'{}'.format(None)", "'{!r}'.format(None)", "'{:^7}|'.format(True)", "'{0.imag}'.format(2j)",
    "'{0[1]}'.format('xyz')", "'{0[1]}'.format(range(5))", "'{:,}'.format(10**7)",
]
for t in tests:
    try:
        print(t, '->', repr(eval(t)))
    except Exception as e:
        print(t, '!!', type(e).__name__ + ':', e)
class F:
    def __format__(self, spec):
        return 'F<' + spec + '>'
class Bad:
    def __format__(self, spec):
        return 5
print('{:abc} {} {x:{y}}'.format(F(), F(), x=F(), y='q'), f'{F():zz}', format(F(), 'w'))
try:
    '{}'.format(Bad())
except TypeError as e:
    print('TypeError:', e)
class M(dict):
    def __missing__(self, k):
        return k.upper()
print('{a}-{b}-{c}'.format_map(M(a=1)))
