print(int('42'), int('-42'), int('  +17  '), int('1_000_000'))
print(int('ff', 16), int('FF', 16), int('0xff', 16), int('0xff', 0))
print(int('777', 8), int('0o777', 0), int('0b1011', 0), int('1011', 2))
print(int('z', 36), int('ZZ', 36), int('10', 36))
print(int('0', 0), int('000', 10), int('-0x1f', 0))
print(int(3.99), int(-3.99), int(True), int(1e20))
print(int('123456789012345678901234567890'))
print(int('  \t12\n'), int('٣'), int('１２'))
for bad in ['', ' ', '1.5', '0x', '1__0', '_1', '08', 'abc', '1e5']:
    try:
        print(int(bad, 0 if bad in ('08', '0x') else 10))
    except ValueError as e:
        print('ValueError:', e)
for s, base in [('12', 2), ('9', 8), ('g', 16)]:
    try:
        int(s, base)
    except ValueError as e:
        print('ValueError:', e)
try:
    int('10', 1)
except ValueError as e:
    print('ValueError:', e)
try:
    int('10', 37)
except ValueError as e:
    print('ValueError:', e)
try:
    int(None)
except TypeError as e:
    print('TypeError:', e)
try:
    int(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    int(float('nan'))
except ValueError as e:
    print('ValueError:', e)
