for s in ['1.5', '  -2.25 ', '1e3', '1E-3', '.5', '5.', 'inf', '-Infinity', 'nan', '+NaN', '1_000.5', '0x1p3'.replace('0x1p3', '8'), '  1e500', '-1e500', '1e-400']:
    print(repr(s), float(s))
for bad in ['', 'abc', '1.2.3', '1e', '--1', '1_', '0x10', 'in f']:
    try:
        float(bad)
    except ValueError as e:
        print('ValueError:', e)
print(float(), float(3), float(-7), float(2 ** 60), float(True))
print(float(10 ** 308), float('3.14159265358979323846264338327950288'))
try:
    float(10 ** 309)
except OverflowError as e:
    print('OverflowError:', e)
try:
    float([])
except TypeError as e:
    print('TypeError:', e)
print(float(b'2.5'), float('１.５'))
