print([chr(i) for i in range(65, 70)], [ord(c) for c in 'AZaz09'], chr(955), ord('λ'), chr(0x1F40D), ord('🐍'))
print(bin(0), bin(5), bin(-5), bin(2 ** 65), oct(8), oct(-8), oct(0), hex(255), hex(-255), hex(0), hex(2 ** 64))
class Idx:
    def __index__(self):
        return 42
print(bin(Idx()), oct(Idx()), hex(Idx()), chr(Idx()))
for bad in [lambda: bin(1.5), lambda: hex('a'), lambda: oct(None), lambda: chr(1.0), lambda: ord(b'ab')]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
print(ord(b'a'), ord(bytearray(b'z')), int(bin(99), 2), int(hex(99), 16), int(oct(99), 8))
