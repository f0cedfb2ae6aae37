nums = [0, 7, -7, 10 ** 25, -10 ** 25, 0x7fffffff, 2 ** 31]
for n in nums:
    print(repr(n), str(n), len(str(n)))
print(bin(10), oct(10), hex(10), bin(-10), oct(-10), hex(-10))
print(bin(0), oct(0), hex(0), hex(2 ** 70), bin(2 ** 20))
print(0b1010, 0o17, 0xDEAD_BEEF, 1_000_000, 0_0)
print(format(255, 'x'), format(255, 'X'), format(255, '#x'), format(255, 'b'), format(255, 'o'))
print(format(1234567, ','), format(1234567, '_'), format(-1234567, '_x'))
print(str(-0), repr(True), repr(False), str(True + 1))
