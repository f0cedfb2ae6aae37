for v in [-3, 3, -3.5, 0.0, -0.0, 2 ** 64, -(2 ** 64), 3 - 4j, True]:
    print(repr(v), repr(abs(v)))
for v in [1.25, 1.35, -1.25, 1234.5678, 0.5, 1.5]:
    print(v, round(v, 1), round(v), round(v, -1))
print(divmod(-17, 5), divmod(17.5, -5), pow(10, -2), pow(-8, 1 / 3) if False else 'skip', 7 ** 0.5)
