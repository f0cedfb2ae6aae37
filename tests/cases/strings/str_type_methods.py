# Every public method of str exists (dir(str)), maketrans is a static
# method, and methods work on wide (UCS-2/UCS-4) strings as on ASCII ones.
print([n for n in dir(str) if not n.startswith('_')])
print(type(str.__dict__['maketrans']).__name__, str.maketrans('ab', 'ba'), 'x'.maketrans({'x': 'y'}))
for s in ['hello world', 'héllo wörld', 'ĥello ŵorld', 'h\U0001f600llo w\U0001f600rld']:
    print(s.upper(), s.title(), s.split(), s.partition(' '), s.center(15, '*'), s.find('l'), s.rfind('o'),
          s.count('l'), s.replace('l', 'L', 2), s[::-2], s[3:8], s.encode('utf-8'), s.zfill(14),
          s.startswith(('x', s[:2])), s.index('w' if 'w' in s else s[6]), repr(s.expandtabs()), s.isprintable(),
          s.swapcase(), s.casefold(), s.translate({ord('o'): None}), s.rsplit('o', 1), s.splitlines())
print('Straße'.upper(), 'İ'.lower(), len('İ'.lower()), 'ΣΑΣ'.lower(), 'ǈ'.istitle(), '٣'.isdecimal(), '²'.isdigit(), '½'.isnumeric())
print('a\u2028b\x1cc\r\nd'.splitlines(), 'a\u2028b'.splitlines(True), '\u3000x\u3000'.strip(), 'x\x1fy'.split())
