# Subclasses of bytes and bytearray: instances carry the base contents,
# methods and operators work on them, results are of the base type.
class B(bytes):
    def shout(self):
        return self.upper() + b'!'
b = B(b'xy')
print(b, type(b).__name__, b + b'z', type(b + b'z').__name__, b.shout(), len(b), b[0], b[1:])
print(isinstance(b, bytes), b == b'xy', hash(b) == hash(b'xy'), {b: 1}[b'xy'], b'y' in b, list(b))
print(B.fromhex('41 42'), type(B.fromhex('41')).__name__, B(3), B([65, 66]), B('h\xe9', 'latin-1'))
class BA(bytearray):
    pass
ba = BA(b'q')
ba.append(65)
ba += b'!'
ba[0] = 0x51
print(ba, len(ba), type(ba).__name__, ba.upper(), type(ba.upper()).__name__, ba == b'QA!', bytes(ba))
class WithInit(bytearray):
    def __init__(self, n):
        super().__init__()
        self.n = n
w = WithInit(3)
w.extend(b'abc'[:w.n])
print(w, w.n)
