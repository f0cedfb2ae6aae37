for n in [0, 1, -1, 10, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, -(2 ** 61), 2 ** 100, -(2 ** 100), 10 ** 30]:
    print(n, hash(n), hash(n) == hash(float(n)) if abs(n) < 2 ** 53 else '')
print(hash(-1) == hash(-2), hash(2 ** 61 - 1) == hash(0))
