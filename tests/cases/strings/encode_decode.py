for s in ['abc', 'héllo', '日本', '€', '\U0001f600']:
    print(repr(s), s.encode(), s.encode('utf-8'), len(s), len(s.encode()))
print('héllo'.encode('latin-1'), 'abc'.encode('ascii'), 'héllo'.encode('ascii', 'ignore'), 'héllo'.encode('ascii', 'replace'))
print('h€'.encode('ascii', 'xmlcharrefreplace'), 'h€'.encode('ascii', 'backslashreplace'))
try:
    'héllo'.encode('ascii')
except UnicodeEncodeError as e:
    print('UnicodeEncodeError:', e)
print(b'h\xc3\xa9llo'.decode(), b'h\xe9llo'.decode('latin-1'), b'abc'.decode('ascii'))
print(b'h\xe9llo'.decode('utf-8', 'replace'), b'h\xe9llo'.decode('utf-8', 'ignore'), b'h\xe9llo'.decode('utf-8', 'backslashreplace'))
try:
    b'h\xe9llo'.decode()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError:', e)
print('abc'.encode('utf-16-le'), 'abc'.encode('utf-32-be'), str(b'x', 'ascii'), str(b'\xff', 'latin-1'))
print('é'.encode('utf-8').hex(), 'é'.encode('cp1252'), b'\x80'.decode('cp1252'))
