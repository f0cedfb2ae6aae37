for v in [0.0, 0.5, 1.5, -0.5, -1.5, 1e10, 1.9999999999999998, 2.5e15, 123456789.987654321, -1e-300]:
    print(repr(v), int(v), round(v), float(int(v)), v // 1, v % 1, divmod(v, 1))
print(int(1e18), int(1e19), int(2.0 ** 70), int(-2.0 ** 70), float(10 ** 22), float(10 ** 23), float(2 ** 1023 * 2 - 1) if False else 'x')
print(float(123456789012345678901234567890), int(float(123456789012345678901234567890)))
