data = bytes(range(256))
print(len(data), data[65:91], data[250:])
print(sum(data), sum(b % 7 for b in data))
checksum = 0
for byte in b'The quick brown fox':
    checksum = (checksum * 31 + byte) & 0xFFFFFFFF
print(checksum)
out = bytearray()
for i in range(10):
    out += bytes([48 + i])
print(out, out.decode())
print([hex(b) for b in b'\x01\xab'], list(reversed(b'abc')), b'abc'[::-1], bytes(reversed(b'xyz')))
print(b'%d-%s' % (5, b'x'), b'a,b'.split(b','), [x for x in b'hi'])
print(memoryview(b'abc')[1], bytes(memoryview(b'abcd')[1:3]), memoryview(b'ab').tobytes()) 
