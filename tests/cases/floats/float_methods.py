for v in [1.0, 1.5, -2.0, 0.0, 1e20, 0.1, -0.75, 3.0000000000000004]:
    print(v, v.is_integer(), v.as_integer_ratio())
try:
    float('inf').as_integer_ratio()
except OverflowError as e:
    print('OverflowError:', e)
try:
    float('nan').as_integer_ratio()
except ValueError as e:
    print('ValueError:', e)
print((2.5).real, (2.5).imag, (2.5).conjugate())
print(float.__name__, type(1.0).__name__, (1.5).__trunc__(), (-1.5).__trunc__())
print((7.0).__floordiv__(2), (7.0).__mod__(2), (7.0).__rtruediv__(1), (1.0).__add__('x'))
print((3.7).__int__(), (-3.7).__int__(), (2.0).__pow__(3), (9.0).__pow__(0.5))
