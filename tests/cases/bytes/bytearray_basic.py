ba = bytearray(b'hello')
print(ba, len(ba), ba[0], ba[1:3], bytes(ba))
ba[0] = 72
ba.append(33)
ba.extend(b' ok')
print(ba)
ba[1:3] = b'EEE'
print(ba)
del ba[0]
del ba[::2]
print(ba)
ba.insert(0, 65)
ba += b'!'
print(ba, ba.pop(), ba.pop(0), ba)
ba.reverse()
print(ba)
ba.remove(ord('E'))
print(ba, ba.count(b'E'), ba.find(b'k'), ba.index(b'o'))
c = bytearray(3)
print(c, bytearray(b'ab') * 2, bytearray(range(65, 70)), bytearray('é', 'utf-8'))
c.clear()
print(c, len(c), bytearray(b'abc').upper(), bytearray(b'a b').split(), bytearray(b'xyz').hex())
d = bytearray(b'abc')
e = d.copy()
e[0] = 0x7a
print(d, e, d == b'abc', b'abc' == d, d + b'd', type(d + b'd').__name__)
try:
    d[0] = 300
except ValueError as ex:
    print('ValueError:', ex)
try:
    d.remove(1)
except ValueError as ex:
    print('ValueError:', ex)
try:
    bytearray().pop()
except IndexError as ex:
    print('IndexError:', ex)
try:
    hash(d)
except TypeError as ex:
    print('TypeError:', ex)
