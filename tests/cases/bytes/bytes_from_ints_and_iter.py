print(bytes([72, 105]), bytes(range(97, 100)), bytes((0, 255)), bytes(x for x in b'abc' if x != 98))
print(list(b'\x00\x10\xff'), [b for b in bytes(3)], tuple(b'hi'), set(b'aab') == {97, 98})
ba = bytearray()
for i in range(5):
    ba.append(65 + i)
print(ba, ba.decode(), bytes(ba[::-1]))
print(int.from_bytes(bytes([1, 0]), 'big'), (513).to_bytes(2, 'little'), bytes(4).replace(b'\x00', b'.'))
