vals = [0.1] * 10
total = 0.0
for v in vals:
    total += v
print(total, sum(vals), total == 1.0)
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-12, 1e16 + 1 - 1e16, (1e16 - 1e16) + 1)
print(3 * 0.1, 0.1 * 3, 0.3 / 0.1, 0.7 // 0.1, 0.7 % 0.1)
print(2 ** 52 + 0.5, 2 ** 53 + 1.0, float(2 ** 53 + 1), 1 - 1e-16, 1 + 1e-16, 1 + 2.220446049250313e-16)
print(1e308 + 1e308, -1e308 * 10, 1e-323, 1e-324, 5e-324 / 2)
xs = [1e100, 1.0, -1e100]
print(sum(xs), sum(sorted(xs, key=abs)))
