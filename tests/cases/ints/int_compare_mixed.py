vals = [0, 1, -1, 2 ** 63, -2 ** 63, 1.0, 0.5, True, False, 2 ** 100, 1e30]
print(sorted(vals))
print([v == 1 for v in vals])
print(max(vals), min(vals), 2 ** 63 > 9.2e18, 2 ** 63 < 9.3e18, 10 ** 30 == 1e30, int(1e30) == 10 ** 30)
print(1 < 1.5 < 2 < 2 ** 64 < 1e20, -1 < -0.5 < 0 == 0.0 == False)
