# Lone surrogates are kept by literals, chr(), slicing, joining and
# concatenation, and repr() escapes them as CPython does.
s = '\ud800'
print(repr(s), len(s), ord(s), repr(chr(0xdfff)), hex(ord(chr(0xdc80))))
t = 'a' + s + 'b'
print(repr(t), len(t), repr(t[1]), repr(t[1:]), repr(t[::-1]))
print(repr(''.join(['x', s, 'y'])), repr(s * 3), s in t, t.index(s), t.count(s))
print(repr(f'<{s}>'), repr('{}|{}'.format(s, 1)), repr('%s!' % s))
print(s == '\ud800', s != '\udc00', s < '\udc00', '\uffff' > s, sorted(['\ue000', s, 'z']) == ['z', s, '\ue000'])
print(repr(t.upper()), repr(t.replace('a', 'A')), repr(t.split(s)), repr(t.partition(s)))
print(s.isprintable(), s.isalpha(), s.isspace(), repr(s.encode('utf-8', 'surrogatepass')))
print(repr(b'\xed\xa0\x80'.decode('utf-8', 'surrogatepass')), repr(b'a\xffb'.decode('utf-8', 'surrogateescape')))
print(repr('a\udcffb'.encode('utf-8', 'surrogateescape')), repr(s.encode('utf-8', 'replace')), repr(s.encode('utf-8', 'backslashreplace')))
try:
    s.encode()
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
d = {s: 1, '\udc00': 2}
print(d[s], d['\udc00'], len(d), repr(list(d)))
print(repr(ascii(t)), repr(str(t)), repr([t]), repr((s,)))
print(hash(s) == hash(chr(0xd800)), {s, chr(0xd800)} == {s})
for ch in t:
    print(repr(ch), end=' ')
print()
