b = b'  Hello, World!  '
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b' !'), b.lower(), b.upper(), b.swapcase())
print(b.split(b','), b.strip().split(b' '), b.count(b'l'), b.find(b'World'), b.rfind(b'l'), b.index(b'H'))
print(b.replace(b'l', b'L', 2), b.startswith(b'  H'), b.endswith(b'!  '), b.isascii(), b.strip().istitle())
print(b'abc'.center(9, b'-'), b'abc'.ljust(5, b'.'), b'abc'.rjust(5), b'12'.zfill(5), b'-12'.zfill(5))
print(b'a,b,,c'.split(b','), b'a b  c'.split(), b'a\nb\r\nc'.splitlines(), b'k=v'.partition(b'='), b'a.b.c'.rpartition(b'.'))
print(b'hello'.title(), b'hello world'.capitalize(), b'%s=%d' % (b'k', 5), b'x'.join([b'1', b'2', b'3']))
print(bytes.fromhex('48 65 6c 6c 6f').decode(), b'\x00\xff'.hex(), b''.hex(), bytes(range(3)).hex(' '))
