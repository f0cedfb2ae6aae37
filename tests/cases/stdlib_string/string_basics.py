import string

for name in ['whitespace', 'ascii_lowercase', 'ascii_uppercase', 'ascii_letters',
             'digits', 'hexdigits', 'octdigits', 'punctuation', 'printable']:
    v = getattr(string, name)
    print(name, repr(v), len(v))

for s, sep in [(' aBc  dEf ', None), ('hello world', None), ('a-b-c', '-'),
               ('', None), ('x,,y', ','), ("it's o'clock", None)]:
    print(repr(string.capwords(s, sep)))
print(string.capwords('one\ttwo\nthree'))
print('Template' in string.__all__, 'capwords' in string.__all__)
try:
    string.capwords('ab cd', '')
except ValueError as e:
    print('ValueError', e)
