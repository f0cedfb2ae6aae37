print('a,b,,c'.split(','), 'a b  c\td\ne'.split(), '  lead trail  '.split(), ''.split(), ''.split(','))
print('a,b,c,d'.split(',', 2), 'a,b,c,d'.rsplit(',', 2), 'a b c d'.rsplit(None, 1), 'a b c'.split(maxsplit=1))
print('1<>2<>3'.split('<>'), 'x'.split('x'), 'xx'.split('x'), '  a  '.split(' '))
try:
    'abc'.split('')
except ValueError as e:
    print('ValueError:', e)
print(','.join(['a', 'b', 'c']), ''.join([]), '-'.join('xyz'), ' '.join(map(str, range(5))))
try:
    ','.join(['a', 1])
except TypeError as e:
    print('TypeError:', e)
text = 'line1\nline2\r\nline3\rline4\x0bline5\x1cline6\u2028end\n\n'
print(text.splitlines())
print(text.splitlines(True))
print('no newline'.splitlines(), ''.splitlines(), '\n'.splitlines(), 'a\n'.splitlines(keepends=True))
print('k=v=w'.partition('='), 'k=v=w'.rpartition('='), 'abc'.partition('x'), 'abc'.rpartition('x'))
try:
    'abc'.partition('')
except ValueError as e:
    print('ValueError:', e)
