vals = [0.1, 1 / 3, 2 / 7, 1e-7, 123456.789e3, 1.7976931348623157e308, 4.9e-324, 0.1 + 0.7, 100.0, 1e22, 1e23, 0.000001, 1e-6 * 3]
for v in vals:
    r = repr(v)
    print(r, float(r) == v, len(r), str(v) == r)
print([round(0.1 * i, 10) for i in range(5)], [0.1 * i for i in range(5)])
