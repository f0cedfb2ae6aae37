for c in ['a', 'Z', '0', ' ', 'é', '€', '\U0001f600', '\x00', '\uffff']:
    print(repr(c), ord(c), hex(ord(c)), repr(chr(ord(c))))
print(chr(65), chr(0x263a), chr(0x10ffff) == '\U0010ffff', repr(chr(0xd800)))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
try:
    chr(-1)
except ValueError as e:
    print('ValueError:', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
try:
    ord('')
except TypeError as e:
    print('TypeError:', e)
print(''.join(chr(i) for i in range(97, 123)))
print([ord(c) - ord('a') for c in 'hello'])
