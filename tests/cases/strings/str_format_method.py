print('{} {}'.format('a', 'b'), '{1} {0}'.format('a', 'b'), '{x}-{y}'.format(x=1, y=2), '{0}{0}'.format('ab'))
print('{0[1]} {1[k]} {2.real}'.format([1, 2], {'k': 'v'}, 3 + 4j))
print('{:>8}|{:<8}|{:^8}|'.format('r', 'l', 'c'), '{:*^9}'.format('mid'), '{:.3}'.format('abcdef'))
print('{!r} {!s} {!a}'.format('q', 'q', 'é'), '{{}} {{{}}}'.format(5))
print('{:d} {:5d} {:<5d}| {:+d} {:x} {:#o} {:08.3f}'.format(42, 42, 42, 42, 255, 8, 3.14159))
print('{0:{1}}|{0:>{1}}|{2:.{3}f}'.format('w', 6, 2.71828, 2))
print('{:,} {:_b} {:e} {:%}'.format(1234567, 255, 12345.678, 0.256))
print('{a[0]}{a[1]}'.format(a='xy'), '{0.__class__.__name__}'.format(1.5))
print('{}'.format(None), '{:}'.format(True), '{:d}'.format(True), '{:10}|'.format(None) if False else '')
print('{name} is {age}'.format_map({'name': 'Ann', 'age': 7}))
class D(dict):
    def __missing__(self, key):
        return '<' + key + '>'
print('{a} {b}'.format_map(D(a=1)))
for bad in ['{', '}', '{0', '{:d}', '{0!x}', '{1}']:
    try:
        print(bad.format('s'))
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ':', e)
try:
    '{x}'.format(y=1)
except KeyError as e:
    print('KeyError:', e)
try:
    '{} {0}'.format(1, 2)
except ValueError as e:
    print('ValueError:', e)
