for n in [0, 1, 2, 3, 7, 8, 255, 256, -1, -255, -256, 2 ** 64, 2 ** 64 - 1, -2 ** 64, 10 ** 20]:
    print(n, n.bit_length(), n.bit_count())
print((12).as_integer_ratio(), (-7).as_integer_ratio())
print((5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(True.bit_length(), (2 ** 1000).bit_length())
print(int.__name__, (7).__class__.__name__)
