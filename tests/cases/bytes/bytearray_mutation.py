ba = bytearray(b'abcdef')
ba[::2] = b'XYZ'
print(ba)
ba[1:3] = b''
print(ba)
ba.extend([49, 50])
ba.extend(b'34')
ba.extend(bytearray(b'5'))
print(ba)
del ba[-2:]
ba *= 2
print(ba, len(ba))
ba[0:0] = b'>>'
print(ba, ba.find(b'Z'), ba.rfind(b'Z'), ba.count(b'Z'))
ba2 = bytearray(b'hello')
ba2.reverse()
print(ba2, ba2.upper(), ba2.decode(), bytes(ba2) == b'olleh', ba2 == bytearray(b'olleh'))
ba3 = bytearray(b'x' * 3)
for i in range(len(ba3)):
    ba3[i] += i
print(ba3, list(ba3))
