for v in [0.5, 1.5, 2.5, -0.5, -1.5, 3.5, 2.675, 1.005, 0.125, 0.375]:
    print(v, round(v), round(v, 1), round(v, 2))
for v in [1234.5678, -1234.5678, 0.0001234]:
    print(v, round(v, -2), round(v, -1), round(v, 0), round(v, 3), round(v, 6))
print(round(1e300, -301), round(1e16, 2), round(123.456, 50))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, round(-0.4), round(-0.0, 1))
try:
    round(float('inf'))
except OverflowError as e:
    print('OverflowError:', e)
try:
    round(float('nan'))
except ValueError as e:
    print('ValueError:', e)
print(round(float('inf'), 2), round(float('nan'), 1))
