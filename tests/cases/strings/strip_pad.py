s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')), repr('abc'.lstrip('cba')), repr('www.example.com'.rstrip('cmowz.')))
print(repr('\u3000x\u00a0'.strip()), repr('\x1c\x1dx\x1e\x1f'.strip()), repr(''.strip()))
for w in [5, 10, 2]:
    print(repr('abc'.center(w)), repr('abc'.ljust(w, '*')), repr('abc'.rjust(w, '-')), repr('ab'.center(w, '.')))
print(repr('abc'.center(6)), repr('abcd'.center(7)), repr('a'.center(4, 'x')))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(6), '12345'.zfill(3), ''.zfill(2), '-'.zfill(3))
try:
    'a'.center(5, 'ab')
except TypeError as e:
    print('TypeError:', e)
print('a\tb\tc'.expandtabs(), 'a\tb\tc'.expandtabs(4), '12345\t6'.expandtabs(4), 'x\ty\nab\tc'.expandtabs(3), repr('\t'.expandtabs(0)))
print('prefix-body'.removeprefix('prefix-'), 'prefix-body'.removeprefix('nope'), 'file.py'.removesuffix('.py'), 'file.py'.removesuffix(''))
