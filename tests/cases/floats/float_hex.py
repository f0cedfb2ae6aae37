for v in [0.0, -0.0, 1.0, 0.5, 0.1, 3.14, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, float('inf'), float('nan')]:
    print(repr(v), v.hex())
for s in ['0x1p0', '0x1.8p1', '-0x1.fffffffffffffp+1023', '0x.8p-2', '0X1P-1074', 'inf', '0x10', '  0x1.4p3  ']:
    print(s, float.fromhex(s))
try:
    float.fromhex('0x1p99999')
except OverflowError as e:
    print('OverflowError:', e)
try:
    float.fromhex('xyz')
except ValueError as e:
    print('ValueError:', e)
