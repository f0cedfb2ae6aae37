vals = [0.0, -0.0, 1.0, 3.14159265, -2.5, 1234567.891, 1e-7, 1e16, 123456789e20, float('inf'), float('nan')]
for spec in ['', 'f', '.1f', 'e', '.3e', 'g', '.3g', '#g', 'G', '%', '.1%', '+.2f', ' .2f', '12.4f', '<12.2e', ',.2f', '_.1f', 'n', '.0f', '#.0f', '=+12.3f', '012.3f']:
    print(repr(spec), [format(v, spec) for v in vals])
print(format(1.5, 'd') if False else 'skip')
try:
    format(1.5, 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    format(1.5, ',d')
except ValueError as e:
    print('ValueError:', e)
