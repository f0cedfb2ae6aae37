import string

f = string.Formatter()
print(f.format('{} and {}', 'a', 'b'))
print(f.format('{1}{0}{1}', 'x', 'y'))
print(f.format('{name!r:>10}|{n:08.3f}|{n!s}', name='kaa', n=3.14159))
print(f.format('{0[1]} {0[k]} {1.real} {x[0][1]}', {1: 'one', 'k': 'kay'}, 3j, x=[[5, 6]]))
print(f.format('{:{}{}}', 42, '>', 6))
print(f.format('{0:{1}}', 'ab', 5), f.format('{a:^{w}}!', a='c', w=5))
print(f.format('{{literal}} {0!a}', 'é'))
print(f.vformat('{0}-{k}', ('pos',), {'k': 'kw'}))
print(list(f.parse('a{0!r:x}b{{c}}{}')))
for s in ['{', '}', '{0!x}', '{!}', '{0!rx}', '{0:{1:{2:{3}}}}', '{}{0}', '{0}{}',
          '{0[}', '{0.}', '{0[0]x}', '{a[0]x}', '{0!r', '{0:', '{a{b}', '{:{}}}']:
    try:
        print(repr(f.format(s, 1, 2, 3, 4)))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(type(e).__name__, e)
try:
    f.format('{9}', 1)
except IndexError as e:
    print('IndexError', e)
try:
    f.format('{missing}')
except KeyError as e:
    print('KeyError', e)


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        print('used', sorted(map(str, used_args)), len(args), sorted(kwargs))

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<' + key + '>'
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        return '[' + super().format_field(value, format_spec) + ']'


s = Strict()
print(s.format('{0} {x} {y!u} {z.__class__}', 'p', 'q', x=1))
