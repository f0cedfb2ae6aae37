inf, nan = float('inf'), float('nan')
vals = [-inf, -1e308, -1.0, -0.0, 0.0, 5e-324, 1.0, 1e308, inf]
for a in vals:
    print(repr(a), [int(a < b) for b in vals])
print(sorted([nan, 1.0, 0.0]) == sorted([nan, 1.0, 0.0]), max(0.0, -0.0), min(0.0, -0.0), max(-0.0, 0.0))
print(nan == nan, nan != nan, [nan] == [nan], (nan,) == (nan,), {nan: 1}.get(nan))
