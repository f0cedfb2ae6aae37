vals = [0, 7, -7, 3.5, -0.25, True]
for spec in ['', 'd', 'x', 'b', 'o', 'e', 'f', 'g', '%', 'n', 'c', 's']:
    row = []
    for v in vals:
        try:
            row.append(format(v, spec))
        except (ValueError, TypeError, OverflowError) as e:
            row.append(type(e).__name__)
    print(repr(spec), row)
