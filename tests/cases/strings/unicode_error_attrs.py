# Codec errors carry CPython's attributes and args.
for s, enc in [('héllo', 'ascii'), ('aĀĀb', 'latin-1'), ('x\ud800', 'utf-8'), ('€Ā', 'cp1252')]:
    try:
        s.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e.encoding, repr(e.object), e.start, e.end, e.reason, len(e.args))
        print(str(e))
for b, enc in [(b'h\xe9llo', 'utf-8'), (b'\xff\xfe', 'ascii'), (b'a\xe2\x82', 'utf-8'), (b'\x81', 'cp1252'), (b'\x00\xd8', 'utf-16-le')]:
    try:
        b.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason, e.args[2:4])
        print(str(e))
try:
    str(b'\xff', 'utf-8')
except ValueError as e:
    print(isinstance(e, UnicodeError), type(e).__mro__[1].__name__)
print('é'.encode('cp1252'), b'\x80\x93'.decode('windows-1252'), 'a€'.encode('cp1252', 'strict'))
print(b'a\x81b'.decode('cp1252', 'replace'), 'aĀb'.encode('cp1252', 'replace'), 'aĀb'.encode('cp1252', 'xmlcharrefreplace'))
try:
    'Ā'.encode('cp1252', 'nope')
except LookupError as e:
    print('LookupError:', e)
